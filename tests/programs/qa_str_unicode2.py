# unicode text processing
text = "Ünïcödé façade — naïve café, 日本語テキスト, emoji 😀👍!"
print(len(text), text.upper(), text.lower())
print(text.encode("utf-8")[:20], len(text.encode("utf-8")), len(text.encode("utf-16-le")))
print([c for c in text if not c.isascii()][:10])
print(text.encode("ascii", "ignore"), text.encode("ascii", "replace")[:20], text.encode("ascii", "xmlcharrefreplace")[:30])
print(text.encode("ascii", "backslashreplace")[:40])
print("\N{GREEK SMALL LETTER ALPHA}\N{BULLET}\N{EM DASH}", "\u00e9" == "é", "\x41")
print("e\u0301" == "é", len("e\u0301"), "é".isalpha(), "\u0301".isalpha())
print("ǆemal".title(), "ﬀ".upper(), "ŉ".upper(), "ΣΑΣ".lower(), "İstanbul".lower(), len("İ".lower()))
print("½".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal(), "٣".isdecimal(), "Ⅻ".isnumeric())
print("abc".isidentifier(), "2abc".isidentifier(), "_x".isidentifier(), "naïve".isidentifier(), "a b".isidentifier())
print(sorted("éaèbz"), "é" > "z", max("日本"), ord(max("日本")))
word_counts = {}
for w in "Le café, le Café; LE CAFÉ!".lower().replace(",", " ").replace(";", " ").replace("!", " ").split():
    word_counts[w] = word_counts.get(w, 0) + 1
print(word_counts)
print("straße".casefold() == "STRASSE".casefold(), "Σ".casefold(), "ﬁ".casefold())
print(b"\xe2\x82\xac".decode("utf-8"), b"caf\xe9".decode("latin-1"), "€".encode("utf-16"), "A".encode("utf-32-be"))
try:
    b"\xff\xfe\xfa".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"\xff".decode("utf-8", "backslashreplace"))
print(repr("\u200b"), repr("\xa0"), repr("\u2028"), repr("\U0001f600"), repr("\x1b[0m"), repr("\ud800") if False else "")
print("tab\tsep".split("\t"), "a\u3000b".split(), "x\x1cy".split(), "a\u0085b".splitlines())
print(f"{'日本':>6}|{'ab':^6}|{'é':<3}|", "%-4s|" % "日")
print("".join(chr(ord(c) + 1) for c in "HAL"), "".join(sorted(set("hello world"))).strip())
s = "racecar"
print(s == s[::-1], "A man a plan".replace(" ", "").lower())
def caesar(t, k):
    out = []
    for c in t:
        if c.isupper():
            out.append(chr((ord(c) - 65 + k) % 26 + 65))
        elif c.islower():
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)
print(caesar("Hello, World! ÿ", 3), caesar(caesar("Round Trip", 13), 13))
print(str(b"bytes"), str(b"x", "ascii"), str(bytearray(b"ab")), bytes("é", "utf-8"), bytearray("ü", "utf-8"))
print("%c" % 0x1F600, chr(0x10FFFF) == "\U0010ffff", "a\0b".split("\0"), len("\0"))
