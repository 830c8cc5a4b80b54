import textwrap, re
s = "key=value=more"
print(s.partition("="), s.rpartition("="), s.partition("#"))
t = "line1\nline2\r\nline3\rlast"
print(t.splitlines(), t.splitlines(keepends=True))
print("a\tbb\tccc\td".expandtabs(), "|", "a\tb".expandtabs(4))
tbl = str.maketrans("aeiou", "AEIOU", "xyz")
print("the xylophone quiz".translate(tbl))
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print("Straße".casefold(), "Straße".lower(), "ǅ".casefold())
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("hi".center(7, "*"), "hi".center(6), "|" + "x".ljust(3) + "|" + "y".rjust(3, ".") + "|")
print("Hello World".swapcase(), "hello world foo".title(), "they're bill's".title())
print("  spaces  ".strip(), "xxhixx".strip("x"), "abcabc".lstrip("ab"), "www.x.com".removeprefix("www."))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".rsplit(",", 1), "  a  ".split(" "))
print("abc".isalpha(), "12".isdigit(), "½".isnumeric(), "x1".isidentifier(), "Ab".istitle())
print("hello world".count("o"), "hello".find("l"), "hello".rfind("l"), "hello".index("e"))
try:
    "hello".index("z")
except ValueError as e:
    print(e)
para = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(para, width=30))
print(textwrap.wrap("short", 10), textwrap.shorten(para, width=40))
print(textwrap.indent("a\nb\n", "> "), end="")
print(textwrap.dedent("""
    def f():
        return 1
"""))
log = "2024-01-05 ERROR disk full; 2024-01-06 WARN cpu hot; 2024-01-07 ERROR net down"
for m in re.finditer(r"(?P<date>\d{4}-\d\d-\d\d) (?P<lvl>[A-Z]+) (?P<msg>[^;]+)", log):
    print(m.group("date"), m["lvl"], m.group(3), m.span(), m.groupdict())
print(re.findall(r"(\d+)-(\d+)", "1-2, 33-44, 5-"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home ann@work"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b"))
print(re.match(r"\s*(\w+)", "  hello there").group(1), re.search(r"z", "abc"))
pat = re.compile(r"^(?P<user>\w+):(?P<uid>\d+)$", re.M)
print([m.groupdict() for m in pat.finditer("root:0\nbob:1000\nbad line\n")])
print(re.fullmatch(r"[a-z]+", "abc") is not None, re.fullmatch(r"[a-z]+", "abc1"))
print(re.subn(r"o", "0", "foo boo"), re.escape("a.b*c"))
m = re.search(r"(a)(b)?", "ac")
print(m.groups(), m.groups("-"), m.group(0, 1), m.lastindex)
print(re.sub(r"(?i)hello", "bye", "Hello HELLO hello"))
print(re.findall(r"\b\w{5}\b", "these words have five chars"))
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)
print(" ".join(w.capitalize() for w in "make me a title".split()))
print("%-10s|%10s|" % ("ab", "cd"), "abc"[::-1], "a-b-c".replace("-", "", 1))
