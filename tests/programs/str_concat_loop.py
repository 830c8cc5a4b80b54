# Strings built by repeated concatenation (s += x, s = s + x): results, aliasing,
# branching from a shared prefix, non-ASCII text, hashing and identity rules.
import sys


def build_plus_equal(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def build_plus(n):
    s = ""
    for i in range(n):
        s = s + chr(97 + i % 26)
    return s


def checksum(s):
    total = 0
    for ch in s[::97]:
        total = (total * 31 + ord(ch)) % 1000003
    return total


a = build_plus_equal(50000)
print(len(a), a[:12], a[-12:], a[25000:25010], checksum(a))
print(a == "".join(str(i % 10) for i in range(50000)))
b = build_plus(30000)
print(len(b), b[:5], b[-5:], b.count("z"), checksum(b))

# Every intermediate string keeps its own text while later ones append past it.
s = ""
snaps = []
for i in range(1500):
    s += chr(65 + i % 26)
    if i % 7 == 0:
        snaps.append(s)
ok = all(len(t) == 7 * k + 1 and t == s[: 7 * k + 1] for k, t in enumerate(snaps))
print("snapshots", len(snaps), ok)

# Aliasing: t = s; s += ... leaves t alone, and extending t later leaves s alone.
s = "x" * 300
s += "y"
t = s
s += "A"
print(len(t), t[-3:], len(s), s[-3:])
t += "B"
print(t[-3:], s[-3:], s == t, len(s) == len(t))
u = t
t += "C"
t += "D"
print(u[-3:], t[-4:], s[-3:])

# Branching: two different extensions of the same prefix.
base = "p" * 400
base += "q"
left = base + "L" * 10
right = base + "R" * 10
print(left[-12:], right[-12:], base[-3:], len(left), len(right), len(base))
left2 = left + "1"
left3 = left + "2"
print(left2[-3:], left3[-3:], left[-2:])

# s = s + s doubles, repeatedly.
d = "ab" * 200
d += "c"
for _ in range(8):
    d = d + d
print(len(d), d[:6], d[399:405], d.count("c"), d.count("ab"))
e = "z" * 300
e += "!"
e += e
e += e[:5]
print(len(e), e[299:304], e[-7:])

# Pieces built inside the loop: out += line + "\n".
out = ""
for i in range(3000):
    line = "line %d: %s" % (i, "*" * (i % 5))
    out += line + "\n"
lines = out.splitlines()
print(len(out), len(lines), lines[0], lines[1234], lines[-1], out.endswith("\n"))

# Non-ASCII pieces: character counts, indexing and slicing by code point.
pieces = ["é", "€", "😀", "a", "ß", "日本"]
w = ""
for i in range(4000):
    w += pieces[i % len(pieces)]
print(len(w), len(w.encode("utf-8")), w[:8], w[-4:], w[1000], w[3333:3340])
print(w.count("😀"), w.find("日本", 100), w.isascii(), ascii(w[10:14]))
v = "plain" * 100
v += "ascii"
print(v.isascii(), len(v), v[-6:])
v += "ü"
print(v.isascii(), len(v), v[-6:], v.upper()[-6:])

# Hashes and dict keys: built strings equal and hash like the same text made any other way.
k1 = ""
for i in range(500):
    k1 += "k%d," % i
k2 = ",".join("k%d" % i for i in range(500)) + ","
d2 = {k1: "found"}
print(k1 == k2, k1 is k2, hash(k1) == hash(k2), d2.get(k2), k2 in {k1})
k3 = k1
k1 += "tail"
print(d2.get(k3), d2.get(k1), hash(k3) == hash(k2), k1 in d2)
print(sys.intern(k1) is sys.intern(k2 + "tail"))

# Identity rules: adding an empty string gives back the other operand (exact str).
big = "m" * 1000
big += "n"
print((big + "") is big, ("" + big) is big)
empty = ""
empty += big
print(empty is big)


class S(str):
    pass


sub = S("s" * 300)
r = sub + "t"
r2 = "u" + sub
print(type(r).__name__, type(r2).__name__, len(r), len(r2), r[-2:], r2[:2])
r3 = str.__add__(big, "o")
print(type(r3).__name__, len(r3), r3[-3:], big[-2:])
try:
    big + 5
except TypeError as exc:
    print("TypeError:", exc)

# Methods work on built strings.
m = ""
for i in range(200):
    m += "Word%d " % i
print(m.split()[150], m.upper()[:10], m.replace("Word", "W")[:12], m.startswith("Word0 Word1"))
print(m.rstrip().rsplit(" ", 1)[-1], m.index("Word199"), m[::-1][:8], sorted([m, m[:-1]])[0] == m[:-1])

# Module-level accumulation (a global name, not a local).
g = ""
for i in range(20000):
    g += "ab"[i % 2]
print(len(g), g.count("ab"), g[-4:])
