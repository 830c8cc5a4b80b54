import re
LOG = """2023-01-05 10:15:32 INFO  [auth] user=alice ip=10.0.0.1 login ok
2023-01-05 10:16:01 WARN  [db] slow query took 1532ms
2023-01-05 10:17:45 ERROR [auth] user=bob ip=10.0.0.22 bad password
2023-01-05 10:18:00 INFO  [web] GET /index.html 200 512
2023-01-05 10:18:03 ERROR [web] GET /missing 404 0
"""
pat = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>\w+)\s+\[(?P<mod>\w+)\] (?P<msg>.*)$", re.M)
for m in pat.finditer(LOG):
    print(m.group("level"), m["mod"], m.span("msg"), m.groupdict()["time"])
print(re.findall(r"user=(\w+) ip=([\d.]+)", LOG))
print(re.sub(r"\d+ms", lambda m: f"{int(m.group()[:-2]) / 1000:.1f}s", LOG.splitlines()[1]))
print(re.sub(r"(\w+)=(\S+)", r"\2<-\1", "a=1 b=two"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), re.split(r"(-)", "1-2-3", maxsplit=1))
print(re.match(r"\d+", "abc"), re.search(r"\d+", "abc123def").group(), re.fullmatch(r"[a-z]+", "abc") is not None)
print(re.sub(r"(?i)hello", "bye", "Hello HELLO hello"), re.subn("a", "b", "banana"))
emails = "contact: john.doe@example.com, jane@test.org; bad@, x@y.z"
print(re.findall(r"[\w.]+@[\w]+\.[a-z]{2,}", emails))
m = re.search(r"(\d+)-(\d+)?", "10-")
print(m.groups(), m.groups("none"), m.group(0, 1), m.start(2), m.lastindex)
print(re.escape("a.b*c?"), bool(re.compile("x", re.I).match("X")), re.compile(r"\w+").pattern)
print([m.group() for m in re.finditer(r"\b\w", "hello big world")])
print(re.sub(r"^\s+|\s+$", "", "   trim me  "), re.sub(r"\s+", " ", "a   b \t\n c"))
phone = re.compile(r"""
    \(?(\d{3})\)?   # area
    [-.\s]?(\d{3})  # prefix
    [-.\s]?(\d{4})  # line
""", re.VERBOSE)
for p in ["(555) 123-4567", "555.123.4567", "5551234567", "12-34"]:
    mm = phone.search(p)
    print(p, "->", "-".join(mm.groups()) if mm else None)
print(re.findall(r"(?<=\$)\d+", "cost $30 and $45"), re.findall(r"\d+(?!px)\b", "10px 20em 30"))
print(re.sub(r"(?P<w>\w+)", r"[\g<w>]", "ab cd"), re.findall(r"(a|b)*", "abab"))
print(re.match(r"(?s).+", "a\nb").group(), re.findall(r"^\w", "a\nb", re.M))
print(re.compile(r"(\w)\1").findall("aabbcd"), re.sub("x*", "-", "abc"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e, e.pos)
print(re.match(r"[\u00e9]", "é") is not None, re.findall(r"\d", "٣4"), re.findall(r"(?a)\d", "٣4"))
print(repr(re.compile(r"ab", re.I | re.M)), re.I | re.M)
m = re.match(r"(a)(b)?", "a"); print(m.expand(r"\1-\2"), m.regs)
re.compile("[z-a]")
