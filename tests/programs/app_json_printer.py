# A hand-written JSON-like serializer, pretty printer and parser round trip.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
def dumps(v, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"cannot serialize {v!r}")
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + sep.join(pad + dumps(x, indent, level + 1) for x in v) + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = []
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError(f"keys must be str, not {type(k).__name__}")
            items.append(pad + escape(k) + ": " + dumps(x, indent, level + 1))
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not serializable")
class ParseError(Exception):
    pass
def loads(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n\t\r":
            pos += 1
    def value():
        nonlocal pos
        ws()
        if pos >= len(s):
            raise ParseError("unexpected end")
        ch = s[pos]
        if ch == "{":
            pos += 1
            obj = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return obj
            while True:
                ws()
                k = string()
                ws()
                expect(":")
                obj[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                expect("}")
                return obj
        if ch == "[":
            pos += 1
            arr = []
            ws()
            if s[pos] == "]":
                pos += 1
                return arr
            while True:
                arr.append(value())
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                expect("]")
                return arr
        if ch == '"':
            return string()
        for lit, val in (("true", True), ("false", False), ("null", None)):
            if s.startswith(lit, pos):
                pos += len(lit)
                return val
        start = pos
        while pos < len(s) and s[pos] in "+-0123456789.eE":
            pos += 1
        num = s[start:pos]
        if not num:
            raise ParseError(f"unexpected {ch!r} at {start}")
        return float(num) if any(c in num for c in ".eE") else int(num)
    def expect(ch):
        nonlocal pos
        if pos >= len(s) or s[pos] != ch:
            raise ParseError(f"expected {ch!r} at {pos}")
        pos += 1
    def string():
        nonlocal pos
        expect('"')
        out = []
        while s[pos] != '"':
            if s[pos] == "\\":
                pos += 1
                esc = s[pos]
                if esc == "u":
                    out.append(chr(int(s[pos + 1:pos + 5], 16)))
                    pos += 4
                else:
                    out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}[esc])
            else:
                out.append(s[pos])
            pos += 1
        pos += 1
        return "".join(out)
    result = value()
    ws()
    if pos != len(s):
        raise ParseError(f"trailing data at {pos}")
    return result
doc = {"name": "Krait", "version": [0, 1, 0], "stable": False, "license": None,
       "authors": [{"name": "Ann", "langs": ["rust", "python"]}, {"name": "Bo \"the\" dev", "langs": []}],
       "ratio": 0.75, "big": 10 ** 20, "notes": "line1\nline2\ttabbed", "empty": {}, "nested": {"a": {"b": {"c": [1, [2, [3]]]}}}}
compact = dumps(doc)
print(compact)
pretty = dumps(doc, indent=2)
print(pretty)
print(loads(compact) == doc, loads(pretty) == doc)
for bad in [{1: "x"}, {"s": {1, 2}}, float("nan")]:
    try:
        dumps(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for text in ['{"a": 1,}', "[1 2]", '{"x": tru}', "[1, 2] extra", '"\\u0041\\u00e9"', "  [ -1.5e3 , 0 , \"\" ]  "]:
    try:
        print(repr(text), "->", loads(text))
    except (ParseError, KeyError, IndexError) as e:
        print(repr(text), "-> error", type(e).__name__, e)
