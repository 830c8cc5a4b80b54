"""Regex text job: scan generated log text with several regular expressions.

Same kind of work as the classic regex benchmarks (regex_effbot, regex_v8): searching
text for e-mail addresses, dates, IP addresses, quoted strings and keywords. Krait has
no `re` module yet, so this program contains its own small backtracking regex engine in
pure Python: a parser for literals, ".", classes ("[a-z]", "[^...]", \\d \\w \\s), groups
("(...)" and "(?:...)"), alternation, greedy and lazy quantifiers (* + ? {m,n}) and
anchors (^ $ \\b), compiled into continuation-passing closures. Its results agree with
CPython's `re` on these patterns. LINES is the number of text lines scanned; the
checksum gives match counts per pattern and a digest of the matched text.

Usage: regex_text.py [LINES]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=1500 quick=300

DIGITS = frozenset("0123456789")
WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
SPACE = frozenset(" \t\n\r\f\v")
CLASS_ESCAPES = {"d": (DIGITS, False), "D": (DIGITS, True), "w": (WORD, False),
                 "W": (WORD, True), "s": (SPACE, False), "S": (SPACE, True)}
LITERAL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class RegexError(Exception):
    pass


# ---------------------------------------------------------------- parser
# AST nodes: ("lit", text) ("set", chars, negated) ("any",) ("seq", [nodes])
# ("alt", [nodes]) ("group", index or None, node) ("rep", node, lo, hi, greedy)
# ("bol",) ("eol",) ("wordb",)

class Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0
        self.groups = 0

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else ""

    def take(self):
        ch = self.p[self.i]
        self.i += 1
        return ch

    def parse(self):
        node = self.alternation()
        if self.i != len(self.p):
            raise RegexError("unexpected %r at %d" % (self.peek(), self.i))
        return node

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            atom = self.quantifier(atom)
            # merge adjacent literals
            if atom[0] == "lit" and items and items[-1][0] == "lit":
                items[-1] = ("lit", items[-1][1] + atom[1])
            else:
                items.append(atom)
        return items[0] if len(items) == 1 else ("seq", items)

    def number(self):
        start = self.i
        while self.peek() in DIGITS and self.peek() != "":
            self.i += 1
        return int(self.p[start:self.i]) if self.i > start else None

    def quantifier(self, atom):
        ch = self.peek()
        if ch == "*":
            lo, hi = 0, None
        elif ch == "+":
            lo, hi = 1, None
        elif ch == "?":
            lo, hi = 0, 1
        elif ch == "{":
            self.take()
            lo = self.number()
            hi = lo
            if self.peek() == ",":
                self.take()
                hi = self.number()
            if self.peek() != "}":
                raise RegexError("bad repeat at %d" % self.i)
        else:
            return atom
        self.take()  # the quantifier character, or the closing "}"
        greedy = True
        if self.peek() == "?":
            self.take()
            greedy = False
        if atom[0] == "lit" and len(atom[1]) > 1:
            # a quantifier binds to the last character of a literal run only
            return ("seq", [("lit", atom[1][:-1]), ("rep", ("lit", atom[1][-1]), lo, hi, greedy)])
        return ("rep", atom, lo, hi, greedy)

    def atom(self):
        ch = self.take()
        if ch == "(":
            index = None
            if self.p.startswith("?:", self.i):
                self.i += 2
            else:
                self.groups += 1
                index = self.groups
            node = self.alternation()
            if self.peek() != ")":
                raise RegexError("missing )")
            self.take()
            return ("group", index, node)
        if ch == "[":
            return self.char_class()
        if ch == ".":
            return ("any",)
        if ch == "^":
            return ("bol",)
        if ch == "$":
            return ("eol",)
        if ch == "\\":
            e = self.take()
            if e in CLASS_ESCAPES:
                chars, neg = CLASS_ESCAPES[e]
                return ("set", chars, neg)
            if e == "b":
                return ("wordb",)
            return ("lit", LITERAL_ESCAPES.get(e, e))
        return ("lit", ch)

    def char_class(self):
        neg = False
        if self.peek() == "^":
            self.take()
            neg = True
        chars = set()
        first = True
        while True:
            ch = self.take()
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                e = self.take()
                if e in CLASS_ESCAPES:
                    sub, sub_neg = CLASS_ESCAPES[e]
                    if sub_neg:
                        raise RegexError("negated escape in a class is not supported")
                    chars |= sub
                    continue
                ch = LITERAL_ESCAPES.get(e, e)
            if self.peek() == "-" and self.p[self.i + 1] != "]":
                self.take()
                end = self.take()
                if end == "\\":
                    end = self.take()
                for code in range(ord(ch), ord(end) + 1):
                    chars.add(chr(code))
            else:
                chars.add(ch)
        return ("set", frozenset(chars), neg)


# ---------------------------------------------------------------- compiler

class Regex:
    def __init__(self, pattern):
        parser = Parser(pattern)
        tree = parser.parse()
        self.pattern = pattern
        self.ngroups = parser.groups
        self.caps = [-1] * (2 * parser.groups + 2)
        self.matcher = self.comp(tree, lambda s, i: i)

    def comp(self, node, k):
        kind = node[0]
        if kind == "lit":
            return self.c_lit(node[1], k)
        if kind == "set":
            return self.c_set(node[1], node[2], k)
        if kind == "any":
            return self.c_set(frozenset("\n"), True, k)
        if kind == "seq":
            for item in reversed(node[1]):
                k = self.comp(item, k)
            return k
        if kind == "alt":
            return self.c_alt([self.comp(b, k) for b in node[1]])
        if kind == "group":
            if node[1] is None:
                return self.comp(node[2], k)
            return self.c_group(node[1], node[2], k)
        if kind == "rep":
            inner = node[1]
            if inner[0] == "set" or inner[0] == "any" or (inner[0] == "lit" and len(inner[1]) == 1):
                if inner[0] == "set":
                    chars, neg = inner[1], inner[2]
                elif inner[0] == "any":
                    chars, neg = frozenset("\n"), True
                else:
                    chars, neg = frozenset(inner[1]), False
                return self.c_rep_char(chars, neg, node[2], node[3], node[4], k)
            return self.c_rep(inner, node[2], node[3], node[4], k)
        if kind == "bol":
            def bol(s, i):
                return k(s, i) if i == 0 else -1
            return bol
        if kind == "eol":
            def eol(s, i):
                return k(s, i) if i == len(s) else -1
            return eol
        if kind == "wordb":
            def wordb(s, i):
                before = i > 0 and s[i - 1] in WORD
                after = i < len(s) and s[i] in WORD
                return k(s, i) if before != after else -1
            return wordb
        raise RegexError("unknown node %r" % (kind,))

    def c_lit(self, text, k):
        n = len(text)
        if n == 1:
            def lit1(s, i):
                if i < len(s) and s[i] == text:
                    return k(s, i + 1)
                return -1
            return lit1

        def lit(s, i):
            if s.startswith(text, i):
                return k(s, i + n)
            return -1
        return lit

    def c_set(self, chars, neg, k):
        if neg:
            def nset(s, i):
                if i < len(s) and s[i] not in chars:
                    return k(s, i + 1)
                return -1
            return nset

        def cset(s, i):
            if i < len(s) and s[i] in chars:
                return k(s, i + 1)
            return -1
        return cset

    def c_alt(self, branches):
        def alt(s, i):
            for b in branches:
                r = b(s, i)
                if r >= 0:
                    return r
            return -1
        return alt

    def c_group(self, index, node, k):
        caps = self.caps
        lo = 2 * index
        hi = lo + 1

        def close(s, j):
            old = caps[hi]
            caps[hi] = j
            r = k(s, j)
            if r < 0:
                caps[hi] = old
            return r
        inner = self.comp(node, close)

        def group(s, i):
            old = caps[lo]
            caps[lo] = i
            r = inner(s, i)
            if r < 0:
                caps[lo] = old
            return r
        return group

    def c_rep_char(self, chars, neg, lo, hi, greedy, k):
        def rep_char(s, i):
            n = len(s)
            limit = n if hi is None else min(n, i + hi)
            j = i
            if neg:
                while j < limit and s[j] not in chars:
                    j += 1
            else:
                while j < limit and s[j] in chars:
                    j += 1
            if j - i < lo:
                return -1
            if greedy:
                while j >= i + lo:
                    r = k(s, j)
                    if r >= 0:
                        return r
                    j -= 1
                return -1
            t = i + lo
            while t <= j:
                r = k(s, t)
                if r >= 0:
                    return r
                t += 1
            return -1
        return rep_char

    def c_rep(self, node, lo, hi, greedy, k):
        frames = []  # (start, count) of the iteration being matched, innermost last

        def after_body(s, j):
            start, count = frames.pop()
            if j == start:
                r = -1  # an empty iteration would loop forever
            else:
                r = attempt(s, j, count + 1)
            frames.append((start, count))
            return r

        body = self.comp(node, after_body)

        def attempt(s, i, count):
            if greedy:
                if hi is None or count < hi:
                    frames.append((i, count))
                    r = body(s, i)
                    frames.pop()
                    if r >= 0:
                        return r
                return k(s, i) if count >= lo else -1
            if count >= lo:
                r = k(s, i)
                if r >= 0:
                    return r
            if hi is None or count < hi:
                frames.append((i, count))
                r = body(s, i)
                frames.pop()
                return r
            return -1

        def rep(s, i):
            return attempt(s, i, 0)
        return rep

    def search_all(self, s):
        """Yield (start, end, group 1 or None) for each non-overlapping match."""
        m = self.matcher
        caps = self.caps
        i = 0
        n = len(s)
        while i <= n:
            for g in range(len(caps)):
                caps[g] = -1
            end = m(s, i)
            if end >= 0:
                g1 = s[caps[2]:caps[3]] if self.ngroups and caps[2] >= 0 and caps[3] >= 0 else None
                yield i, end, g1
                i = end if end > i else i + 1
            else:
                i += 1


# ---------------------------------------------------------------- the text

class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.s >> 4) % n


WORDS = ["the", "server", "request", "failed", "user", "login", "timeout", "retry",
         "cache", "miss", "warning", "error", "fatal", "info", "connection", "closed",
         "processing", "loading", "queue", "worker", "started", "stopping", "disk",
         "memory", "2x", "v1.2", "id", "ok", "status", "path"]
NAMES = ["alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy"]
DOMAINS = ["example.com", "mail.example.org", "krait.dev", "test.net", "a.b.co"]


def make_line(rng):
    parts = []
    for _ in range(rng.next(9) + 4):
        kind = rng.next(14)
        if kind == 0:
            parts.append("%s.%s@%s" % (NAMES[rng.next(8)], NAMES[rng.next(8)], DOMAINS[rng.next(5)]))
        elif kind == 1:
            parts.append("%04d-%02d-%02d" % (1990 + rng.next(40), rng.next(12) + 1, rng.next(28) + 1))
        elif kind == 2:
            parts.append("%d.%d.%d.%d" % (rng.next(256), rng.next(256), rng.next(256), rng.next(300)))
        elif kind == 3:
            words = " ".join(WORDS[rng.next(len(WORDS))] for _ in range(rng.next(4)))
            if rng.next(3) == 0:
                words += ' \\"quoted\\" '
            parts.append('"%s"' % words)
        elif kind == 4:
            parts.append("%s:" % ["error", "warning", "fatal"][rng.next(3)])
        else:
            parts.append(WORDS[rng.next(len(WORDS))])
    line = " ".join(parts)
    if rng.next(10) == 0:
        line = "  # " + line
    return line


PATTERNS = [
    r"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,4}",
    r"\b(\d{4})-(\d\d)-(\d\d)\b",
    r"\b(?:\d{1,3}\.){3}\d{1,3}\b",
    r'"((?:[^"\\]|\\.)*)"',
    r"\b(error|warning|fatal):?\s+(\w+)",
    r"\w+ing\b",
    r"^\s*#.*$",
    r"(\w+)\s+(?:retry|timeout)",
    r"[a-z]+?d\b",
]


def main():
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    rng = Lcg(99)
    text = [make_line(rng) for _ in range(lines)]
    regexes = [Regex(p) for p in PATTERNS]
    counts = []
    digest = 0
    for rx in regexes:
        count = 0
        for line in text:
            for start, end, g1 in rx.search_all(line):
                count += 1
                digest = (digest * 31 + end - start) % 1000000007
                if g1 is not None:
                    for ch in g1:
                        digest = (digest * 7 + ord(ch)) % 1000000007
        counts.append(count)
    print("regex_text", lines, "counts", counts, "digest", digest)


main()
