# strip family and partition.
samples = ["  hello  ", "\t\n x \r\n", "xxhixx", "", "   ", "abc"]
for s in samples:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")))
print("www.example.com".strip("cmowz."), "<<<>>>a>".lstrip("<>"), "0001230".rstrip("0"))
print("  \u3000unicode space\u3000 ".strip(), "\xa0nbsp\xa0".strip())
for s in ["key=value", "key=", "=value", "novalue", "a=b=c", ""]:
    print(repr(s), s.partition("="), s.rpartition("="))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("abc"), "abc".rpartition("x"))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)
def parse_config(text):
    cfg = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, sep, value = line.partition("=")
        if not sep:
            print("bad line:", repr(line))
            continue
        cfg[key.strip()] = value.strip()
    return cfg
conf = """
# comment
name = krait
  version=0.1   # trailing
empty =
broken line
path = /a/b=c
"""
print(parse_config(conf))
print("hello world".removeprefix("hello "), "hello world".removesuffix(" world"), "abc".removeprefix("x"), "abc".removesuffix(""))
url = "https://example.org/path?q=1&r=2"
scheme, _, rest = url.partition("://")
host, _, query_path = rest.partition("/")
p, _, q = query_path.partition("?")
print(scheme, host, p, dict(kv.split("=") for kv in q.split("&")))
