# a small regex matcher (., *, +, ?, ^, $, character classes) written by hand
def parse_class(p, i):
    j = i + 1
    neg = False
    if j < len(p) and p[j] == "^":
        neg = True
        j += 1
    items = []
    while p[j] != "]":
        if j + 2 < len(p) and p[j + 1] == "-" and p[j + 2] != "]":
            items.append((p[j], p[j + 2]))
            j += 3
        else:
            items.append((p[j], p[j]))
            j += 1
    return (neg, items), j + 1

def tokens(p):
    out, i = [], 0
    while i < len(p):
        if p[i] == "[":
            cls, i = parse_class(p, i)
            atom = ("class", cls)
        elif p[i] == "\\":
            atom = ("lit", p[i + 1])
            i += 2
        elif p[i] == ".":
            atom = ("any", None)
            i += 1
        else:
            atom = ("lit", p[i])
            i += 1
        if i < len(p) and p[i] in "*+?":
            out.append((atom, p[i]))
            i += 1
        else:
            out.append((atom, ""))
    return out

def atom_match(atom, c):
    kind, v = atom
    if kind == "any":
        return True
    if kind == "lit":
        return c == v
    neg, items = v
    hit = any(lo <= c <= hi for lo, hi in items)
    return hit != neg

def match_here(toks, s, i, anchored_end):
    if not toks:
        return i if (not anchored_end or i == len(s)) else None
    (atom, q), rest = toks[0], toks[1:]
    if q in ("*", "+", "?"):
        lo = 1 if q == "+" else 0
        hi = 1 if q == "?" else len(s) - i
        n = 0
        while n < hi and i + n < len(s) and atom_match(atom, s[i + n]):
            n += 1
        for k in range(n, lo - 1, -1):
            r = match_here(rest, s, i + k, anchored_end)
            if r is not None:
                return r
        return None
    if i < len(s) and atom_match(atom, s[i]):
        return match_here(rest, s, i + 1, anchored_end)
    return None

def search(pattern, s):
    start_anchor = pattern.startswith("^")
    end_anchor = pattern.endswith("$") and not pattern.endswith("\\$")
    core = pattern[1 if start_anchor else 0: -1 if end_anchor else None]
    toks = tokens(core)
    for i in range(0, 1 if start_anchor else len(s) + 1):
        r = match_here(toks, s, i, end_anchor)
        if r is not None:
            return (i, r, s[i:r])
    return None

cases = [("ab*c", "xxabbbcyy"), ("^ab", "cab"), ("colou?r", "my color"), ("colou?r", "colour!"), ("[0-9]+", "abc 12345 def"),
         ("^[a-z_][a-z0-9_]*$", "var_1"), ("^[a-z_][a-z0-9_]*$", "1var"), ("a.c", "abc adc"), ("[^aeiou ]+", "aei xyz"),
         ("x*", "aaa"), ("\\.py$", "script.py"), ("\\.py$", "script.pyc"), ("^$", ""), ("a+b+", "aaabbbab"), ("[A-Z][a-z]+ [A-Z][a-z]+", "hi John Smith!")]
for pat, s in cases:
    print(f"{pat!r:24} {s!r:18} -> {search(pat, s)}")
def findall(pattern, s):
    out, pos = [], 0
    toks = tokens(pattern)
    while pos <= len(s):
        r = match_here(toks, s, pos, False)
        if r is not None and r > pos:
            out.append(s[pos:r])
            pos = r
        else:
            pos += 1
    return out
print(findall("[0-9]+", "a1b22c333d"), findall("[a-z]+", "Hello World foo"), findall("\\w", "a\\wb"))
