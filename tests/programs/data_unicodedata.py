# unicodedata as newcomers use it: stripping accents, names, categories, numeric values,
# and its errors.
import unicodedata as u


def strip_accents(s):
    return "".join(c for c in u.normalize("NFD", s) if u.category(c) != "Mn")


for s in ["Crème Brûlée", "Ångström", "naïve café", "Dvořák", "São Paulo"]:
    print(s, "->", strip_accents(s), u.normalize("NFKD", s).encode("ascii", "ignore"))
s = "Ça va? ﬁ ½ Ⅻ ①"
for form in ["NFC", "NFD", "NFKC", "NFKD"]:
    n = u.normalize(form, s)
    print(form, ascii(n), len(n), u.is_normalized(form, s), u.is_normalized(form, n))
for ch in "aZ5 é€½²٣Ⅻ漢가\u0301\u05d0(\x00\u0378😀":
    print(
        ascii(ch),
        u.name(ch, "<no name>"),
        u.category(ch),
        u.bidirectional(ch),
        u.east_asian_width(ch),
        u.combining(ch),
        u.mirrored(ch),
        repr(u.decomposition(ch)),
        u.decimal(ch, None),
        u.digit(ch, None),
        u.numeric(ch, None),
    )
print(u.lookup("SNOWMAN"), u.lookup("latin small letter a"), ascii(u.lookup("BACKSPACE")), u.lookup("CJK UNIFIED IDEOGRAPH-4E00"))
print(u.lookup(b"BLACK STAR"), u.lookup("HANGUL SYLLABLE GAG"), u.unidata_version)
print([c for c in "H3llo, Wörld! 42" if u.category(c).startswith("L")])
print(sum(1 for c in "日本語 text" if u.east_asian_width(c) in "WF"))
for call in [
    lambda: u.name("\x00"),
    lambda: u.decimal("x"),
    lambda: u.digit("½"),
    lambda: u.numeric("a"),
    lambda: u.category("ab"),
    lambda: u.name(5),
    lambda: u.category(),
    lambda: u.normalize("NFX", "a"),
    lambda: u.normalize("NFC", 1),
    lambda: u.lookup("NO SUCH CHARACTER NAME"),
    lambda: u.lookup("x" * 300),
]:
    try:
        call()
    except (ValueError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
u.lookup("LATIN SMALL LETTER NOPE")
