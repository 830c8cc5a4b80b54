import re, operator
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(.))")
class ParseError(Exception): pass
def tokenize(s):
    pos = 0
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        num, op = m.groups()
        pos = m.end()
        yield ("num", float(num) if "." in num else int(num)) if num else ("op", op)
    yield ("end", None)
class Parser:
    OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "%": operator.mod, "^": operator.pow}
    def __init__(self, text):
        self.toks = list(tokenize(text)); self.i = 0
    def peek(self): return self.toks[self.i]
    def take(self):
        t = self.toks[self.i]; self.i += 1; return t
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            v = self.OPS[self.take()[1]](v, self.term())
        return v
    def term(self):
        v = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in "*/%":
            v = self.OPS[self.take()[1]](v, self.factor())
        return v
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take(); return -self.unary()
        kind, val = self.take()
        if kind == "num": return val
        if (kind, val) == ("op", "("):
            v = self.expr()
            if self.take() != ("op", ")"):
                raise ParseError("expected )")
            return v
        raise ParseError(f"unexpected {val!r}")
    def parse(self):
        v = self.expr()
        if self.peek()[0] != "end":
            raise ParseError(f"trailing {self.peek()[1]!r}")
        return v
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "7 % 3 * 2.5", "((2))", "2 * (3 + ", "4 $ 4", "1 / 0", "3 4"]:
    try:
        print(f"{src:<12} = {Parser(src).parse()}")
    except (ParseError, ZeroDivisionError) as e:
        print(f"{src:<12} ! {type(e).__name__}: {e}")
print(eval("2**10 + 3*4"), int("42") + float("0.5"), round(7 / 3, 4))
Parser("1 +").parse()
