# Encoding and decoding, unicode escapes and code points.
s = "héllo wörld €100 😀"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "ascii"]:
    try:
        b = s.encode(enc)
        print(enc, len(b), b[:24])
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
b = s.encode()
print(b.decode(), b.decode("utf-8") == s, len(s), len(b))
try:
    b"\xff\xfe\xfa".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff\xfeabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"), b"\xe9t\xe9".decode("latin-1"))
print([hex(ord(c)) for c in "aé€😀"], [len(c.encode()) for c in "aé€😀"])
print("\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}", "\x41\u0042\U00000043", "\101\102")
print(repr("tab\there"), repr("nl\n"), repr("quote'"), repr('dq"'), repr("both'\""), repr("\x00\x7f\x80\xff"), repr("\u200b"), repr("é😀"))
print(ascii("héllo 😀"), ascii("plain"), ascii(["é"]))
print(r"raw\n\t", len(r"\n"), "a\\b", 'single' "implicit" 'concat')
multi = """triple "quoted" 'string'
with newline"""
print(multi, len(multi))
print("".join(chr(c) for c in range(0x3b1, 0x3ca)))
print(sorted("zèbre éclair apple Zulu".split()), "é".encode("utf-16"))
print(bytes("abc", "ascii"), str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"))
print("%c%c%c" % (72, 105, 0x1F600), chr(0x10FFFF).encode("utf-8"))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
