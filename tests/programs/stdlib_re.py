import re

text = "Contact: alice@example.com, bob.smith@mail.org; phone 555-1234 or 555-9876."
print(re.findall(r"[\w.]+@[\w.]+\.\w+", text))
print(re.findall(r"(\d{3})-(\d{4})", text))
m = re.search(r"(?P<user>\w+)@(?P<host>[\w.]+)", text)
print(m.group(0), m.group("user"), m.groupdict(), m.span(), m.start(2), m.end())
print(re.sub(r"\d", "#", "a1b22c333"), re.sub(r"(\w+)@", r"<\1>@", "x@y"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.subn("a", "b", "banana"), re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(-)", "1-2-3"))
print(re.match(r"abc", "xabc"), bool(re.fullmatch(r"\d+", "123")), re.fullmatch(r"\d+", "12a"))
pat = re.compile(r"^(\w+)\s*=\s*(.*)$", re.M)
cfg = "name = krait\nversion= 1.0\n# comment\nmode =fast"
print(pat.findall(cfg), pat.pattern, pat.flags & re.M != 0, pat.groups)
print([m.group(1) for m in re.finditer(r"\b(\w)\w*", "hello big world")])
print(re.findall(r"(?i)HeLLo", "hello HELLO hElLo"), re.findall(r"a.c", "a\nc abc", re.S))
print(re.escape("1+1=2?"), re.findall(r"(?<=\$)\d+", "$10 and $200"), re.findall(r"\d+(?!px)\b", "10px 20em 30"))
print(re.sub(r"(?P<a>\w)(?P<b>\w)", r"\g<b>\g<a>", "abcd"), re.findall(r"(a|b)*c", "ababc"))
print(re.match(r"(a)(b)?", "a").groups(), re.match(r"(a)(b)?", "a").groups("-"))
print(re.findall(r"\s+", "a  b\t\nc"), re.findall(r"[^aeiou\s]+", "programming language"))
print(re.search(r"(\d+)\.(\d+)", "v 3.11 ok").expand(r"\2.\1"), re.compile("x*").sub("-", "abc"))
print(re.findall(r"^\s*#.*$", "x\n  # c1\n#c2\ny", re.M), re.match(r"(?x) a  b # comment", "ab"))
try:
    re.compile("(unclosed")
except re.error as e:
    print("error:", e)
print(re.findall(r"\w+", "naïve café"), re.findall(rb"\d", b"a1b2"))
print(re.match(r"(?:ab)+", "ababx").group(), re.search(r"a{2,3}", "caaaat").group(), re.search("b+?", "abbb").group())
