# bytes: construction, indexing, methods.
b = b"Hello, World"
print(b, len(b), b[0], b[-1], b[:5], b[::-1], b[1:10:2], list(b[:4]))
print(bytes(5), bytes([65, 66, 67]), bytes(range(48, 58)), bytes("é", "utf-8"), bytes(b"copy"))
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.split(b", "), b.split(), b"a b  c".split(), b"a,b,c".rsplit(b",", 1), b.partition(b","), b.rpartition(b"o"))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.count(b"l"), b.count(ord("o")), b.find(111))
print(b.startswith(b"Hell"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L"), b.replace(b"l", b"", 2))
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  pad  ".lstrip(), b"  pad  ".rstrip())
print(b"abc".center(9, b"*"), b"abc".ljust(6, b"."), b"abc".rjust(6), b"42".zfill(5))
print(b"-".join([b"a", b"b", b"c"]), b"".join([b"x"] * 3), b"ab" * 3, b"ab" + b"cd")
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle())
print(b"hello".hex(), b"hello".hex(":"), b"hello".hex("-", 2), bytes.fromhex("de ad be ef"), bytes.fromhex("00ff"))
print(b"a\tb".expandtabs(4), b"line1\nline2\r\nline3".splitlines(), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"\x00\x01\x7f\x80\xff", repr(b"'"), repr(b'"'), repr(b"'\""), b"\\", b"\n\r\t")
print(b == b"Hello, World", b < b"Help", b"a" < b"b", b"abc" in [b"abc"], b"ll" in b, 108 in b, 300 in b if False else "skip")
print(b.decode(), b"\xc3\xa9t\xc3\xa9".decode("utf-8"), b.translate(bytes.maketrans(b"lo", b"01")), b.translate(None, b"lo"))
print(sorted(b"hello"), max(b"hello"), sum(b"abc"), list(reversed(b"abc")), bytes(reversed(b"abc")))
print(type(b[0]).__name__, type(b[0:1]).__name__, b[0:1], b"%d bytes: %s %r" % (3, b"abc", b"x"))
try:
    b"abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"x"[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(hash(b"") == hash(b""), {b"k": 1}[b"k"], bytes.fromhex("41 42").decode())
