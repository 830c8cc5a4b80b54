"""JSON encode/decode: serialize a nested document to JSON text and parse it back.

Same work as the classic json_dumps / json_loads benchmarks, except that Krait has no
standard library yet (no json module): the encoder and the recursive-descent decoder
are written here in pure Python (string escapes including \\uXXXX and surrogate pairs,
ints, floats, true/false/null, nested arrays and objects). The document is generated
from a deterministic LCG; it is encoded and decoded ROUNDS times and the checksum gives
the text's length, a digest of it and whether the round trip reproduced the document.

Usage: json_codec.py [ROUNDS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=20 quick=4


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.s >> 33) % n


ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
           "\b": "\\b", "\f": "\\f"}


def encode_str(s, out):
    out.append('"')
    start = 0
    for i, ch in enumerate(s):
        if ch in ESCAPES or ch < " " or ch > "~":
            if start < i:
                out.append(s[start:i])
            e = ESCAPES.get(ch)
            if e is None:
                code = ord(ch)
                if code > 0xFFFF:
                    code -= 0x10000
                    e = "\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF))
                else:
                    e = "\\u%04x" % code
            out.append(e)
            start = i + 1
    if start < len(s):
        out.append(s[start:])
    out.append('"')


def encode(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        encode_str(value, out)
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, list):
        out.append("[")
        first = True
        for item in value:
            if not first:
                out.append(", ")
            first = False
            encode(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for k, v in value.items():
            if not first:
                out.append(", ")
            first = False
            encode_str(k, out)
            out.append(": ")
            encode(v, out)
        out.append("}")
    else:
        raise TypeError("cannot encode %r" % (value,))


def dumps(value):
    out = []
    encode(value, out)
    return "".join(out)


class ParseError(Exception):
    pass


WHITESPACE = " \t\n\r"
NUMBER_CHARS = "+-0123456789.eE"
UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_ws(self):
        text = self.text
        pos = self.pos
        n = len(text)
        while pos < n and text[pos] in WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self):
        self.skip_ws()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "t" and self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if ch == "f" and self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        if ch == "n" and self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        return self.number()

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        n = len(text)
        while pos < n and text[pos] in NUMBER_CHARS:
            pos += 1
        if pos == start:
            raise ParseError("unexpected %r at %d" % (text[pos], pos))
        self.pos = pos
        s = text[start:pos]
        if "." in s or "e" in s or "E" in s:
            return float(s)
        return int(s)

    def hex4(self, at):
        code = int(self.text[at:at + 4], 16)
        return code

    def string(self):
        text = self.text
        pos = self.pos + 1
        parts = []
        start = pos
        while True:
            ch = text[pos]
            if ch == '"':
                break
            if ch == "\\":
                if start < pos:
                    parts.append(text[start:pos])
                esc = text[pos + 1]
                if esc == "u":
                    code = self.hex4(pos + 2)
                    pos += 6
                    if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                        low = self.hex4(pos + 2)
                        if 0xDC00 <= low < 0xE000:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            pos += 6
                    parts.append(chr(code))
                else:
                    parts.append(UNESCAPE[esc])
                    pos += 2
                start = pos
            else:
                pos += 1
        if start < pos:
            parts.append(text[start:pos])
        self.pos = pos + 1
        return "".join(parts)

    def array(self):
        self.pos += 1
        out = []
        self.skip_ws()
        if self.text[self.pos] == "]":
            self.pos += 1
            return out
        while True:
            out.append(self.value())
            self.skip_ws()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return out
            if ch != ",":
                raise ParseError("expected , or ] at %d" % (self.pos - 1))

    def obj(self):
        self.pos += 1
        out = {}
        self.skip_ws()
        if self.text[self.pos] == "}":
            self.pos += 1
            return out
        while True:
            self.skip_ws()
            if self.text[self.pos] != '"':
                raise ParseError("expected a key at %d" % self.pos)
            key = self.string()
            self.skip_ws()
            if self.text[self.pos] != ":":
                raise ParseError("expected : at %d" % self.pos)
            self.pos += 1
            out[key] = self.value()
            self.skip_ws()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return out
            if ch != ",":
                raise ParseError("expected , or } at %d" % (self.pos - 1))


def loads(text):
    p = Parser(text)
    v = p.value()
    p.skip_ws()
    if p.pos != len(text):
        raise ParseError("trailing data at %d" % p.pos)
    return v


WORDS = ["alpha", "beta", "gamma", "delta", "sigma", "omega", "krait", "python", "trace",
         "guard", "heap", "dict", "caf\u00e9", "na\u00efve", "\u65e5\u672c", "snake\U0001F40D",
         'say "hi"', "tab\there", "line\nbreak", "back\\slash"]


def make_doc(rng, depth):
    if depth == 0:
        kind = rng.next(6)
        if kind == 0:
            return rng.next(1000000) - 500000
        if kind == 1:
            return rng.next(100000) / 64.0
        if kind == 2:
            return WORDS[rng.next(len(WORDS))]
        if kind == 3:
            return rng.next(2) == 0
        if kind == 4:
            return None
        return " ".join(WORDS[rng.next(len(WORDS))] for _ in range(rng.next(5) + 1))
    if rng.next(2) == 0:
        return [make_doc(rng, depth - 1) for _ in range(rng.next(6) + 1)]
    d = {}
    for i in range(rng.next(6) + 1):
        d["%s_%d" % (WORDS[rng.next(len(WORDS))], i)] = make_doc(rng, depth - 1)
    return d


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    rng = Lcg(7)
    doc = {"records": [make_doc(rng, 4) for _ in range(40)], "version": 3, "ok": True}
    total_len = 0
    digest = 0
    same = True
    for _ in range(rounds):
        text = dumps(doc)
        back = loads(text)
        same = same and back == doc
        total_len += len(text)
    for ch in text:
        digest = (digest * 131 + ord(ch)) % 1000000007
    print("json_codec", rounds, "length", total_len, "digest", digest, "roundtrip", same)
    print(text[:70])


main()
