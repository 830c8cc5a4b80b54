# The is* predicates.
samples = ["abc", "ABC", "Abc", "123", "12.5", "", " ", "\t\n", "abc123", "a b", "²", "½", "٣", "Ⅷ", "ñ", "_id", "if", "x1", "1x", "\x00", "é", "ǅ", "Hello World", "日本"]
methods = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii"]
print("sample".ljust(14), " ".join(m[2:6] for m in methods))
for s in samples:
    flags = " ".join(("T" if getattr(s, m)() else ".").center(4) for m in methods)
    print(repr(s).ljust(14), flags)
def classify(ch):
    if ch.isdigit():
        return "digit"
    if ch.isalpha():
        return "upper" if ch.isupper() else "lower" if ch.islower() else "alpha"
    if ch.isspace():
        return "space"
    return "other"
counts = {}
for ch in "Hello, World! 123 Ünïcode\ttext.":
    k = classify(ch)
    counts[k] = counts.get(k, 0) + 1
print(counts)
print("\u2028".isspace(), "\x1f".isspace(), "\x1c".isspace(), "\u00a0".isprintable(), "\u00ad".isprintable())
