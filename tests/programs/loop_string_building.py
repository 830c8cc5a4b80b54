# String building in loops: concatenation, join, formatting, and scanning.
parts = []
for i in range(300000):
    parts.append(str(i % 97))
s = ",".join(parts)
print(len(s), s[:40], s[-20:])
acc = ""
for i in range(100000):
    acc += chr(97 + i % 26)
print(len(acc), acc[:30], acc.count("abc"))
vowels = 0
upper = 0
for ch in acc * 5:
    if ch in "aeiou":
        vowels += 1
    if ch.isupper():
        upper += 1
print("vowels", vowels, "upper", upper)
lines = []
for i in range(40000):
    lines.append(f"{i:05d}|{i * i:>10}|{i / 7:10.3f}|{hex(i)}")
report = "\n".join(lines)
print(len(report), lines[1234])
def rle(text):
    out = []
    i = 0
    n = len(text)
    while i < n:
        j = i
        while j < n and text[j] == text[i]:
            j += 1
        out.append(f"{j - i}{text[i]}")
        i = j
    return "".join(out)
src = "".join("x" * (i % 5 + 1) + "y" * (i % 3 + 1) for i in range(30000))
enc = rle(src)
print(len(src), len(enc), enc[:40])
def caesar(text, k):
    res = []
    for ch in text:
        if "a" <= ch <= "z":
            res.append(chr((ord(ch) - 97 + k) % 26 + 97))
        else:
            res.append(ch)
    return "".join(res)
msg = "the quick brown fox jumps over the lazy dog " * 1500
enc2 = caesar(msg, 13)
print(enc2[:44], caesar(enc2, 13) == msg)
words = msg.split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
