# String algorithms: KMP search, palindromes, anagram groups, run-length, rotation checks.
def kmp_table(p):
    t = [0] * len(p)
    k = 0
    for i in range(1, len(p)):
        while k and p[i] != p[k]:
            k = t[k - 1]
        if p[i] == p[k]:
            k += 1
        t[i] = k
    return t
def kmp_search(text, p):
    if not p:
        return list(range(len(text) + 1))
    t, k, out = kmp_table(p), 0, []
    for i, ch in enumerate(text):
        while k and ch != p[k]:
            k = t[k - 1]
        if ch == p[k]:
            k += 1
        if k == len(p):
            out.append(i - k + 1)
            k = t[k - 1]
    return out
print(kmp_table("ABABCABAB"), kmp_table("aaaa"), kmp_table("abcd"))
text = "ABABDABACDABABCABABABABCABAB"
for pat in ["ABABCABAB", "AB", "ABAB", "XYZ", "B"]:
    found = kmp_search(text, pat)
    naive = [i for i in range(len(text) - len(pat) + 1) if text[i:i + len(pat)] == pat]
    print(pat, found, found == naive)
def longest_palindrome(s):
    best = ""
    for center in range(2 * len(s) - 1):
        lo, hi = center // 2, center // 2 + center % 2
        while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        if hi - lo - 1 > len(best):
            best = s[lo + 1:hi]
    return best
for s in ["babad", "cbbd", "forgeeksskeegfor", "a", "abacdfgdcaba", "racecar level noon"]:
    print(repr(s), "->", repr(longest_palindrome(s)))
words = ["listen", "silent", "enlist", "inlets", "google", "elgoog", "cat", "act", "tac", "dog", "god", "odg", "bird"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    print(key, groups[key])
def is_rotation(a, b):
    return len(a) == len(b) and b in a + a
print([is_rotation(a, b) for a, b in [("waterbottle", "erbottlewat"), ("abc", "cab"), ("abc", "acb"), ("", "")]])
def compress(s):
    if not s:
        return s
    out, run = [], 1
    for i in range(1, len(s) + 1):
        if i < len(s) and s[i] == s[i - 1]:
            run += 1
        else:
            out.append(s[i - 1] + (str(run) if run > 1 else ""))
            run = 1
    return "".join(out)
def decompress(s):
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        j = i + 1
        while j < len(s) and s[j].isdigit():
            j += 1
        out.append(ch * int(s[i + 1:j] or 1))
        i = j
    return "".join(out)
for s in ["aaabccddddde", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    c = compress(s)
    print(repr(s), repr(c), decompress(c) == s)
def word_wrap(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines
para = "Python is an interpreted high-level general-purpose programming language. Its design philosophy emphasizes code readability with the use of significant indentation."
for line in word_wrap(para, 32):
    print("|" + line.ljust(32) + "|")
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for line in word_wrap(para, 32)[:-1]:
    print("|" + justify(line, 32) + "|")
