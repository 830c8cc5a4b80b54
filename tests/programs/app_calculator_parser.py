# A tokenizer and recursive-descent parser/evaluator for arithmetic with variables and functions.
class Token:
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"{self.kind}:{self.value!r}"
class CalcError(Exception):
    pass
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            if text.count(".") > 1:
                raise CalcError(f"bad number {text!r} at {i}")
            tokens.append(Token("num", float(text) if "." in text else int(text), i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            tokens.append(Token("op", "**", i))
            i += 2
        elif ch in "+-*/%(),=":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", None, len(src)))
    return tokens
FUNCS = {"abs": abs, "max": max, "min": min, "sqrt": lambda x: x ** 0.5, "sq": lambda x: x * x}
class Parser:
    def __init__(self, tokens, env):
        self.toks, self.i, self.env = tokens, 0, env
    def peek(self):
        return self.toks[self.i]
    def eat(self, kind, value=None):
        t = self.peek()
        if t.kind != kind or (value is not None and t.value != value):
            raise CalcError(f"expected {value or kind} at {t.pos}, got {t.value!r}")
        self.i += 1
        return t
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.i + 1].value == "=":
            name = self.eat("name").value
            self.eat("op", "=")
            value = self.expr()
            self.env[name] = value
            result = value
        else:
            result = self.expr()
        self.eat("end")
        return result
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.eat("op").value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.unary()
        while self.peek().value in ("*", "/", "%"):
            op = self.eat("op").value
            r = self.unary()
            if op == "*":
                v = v * r
            else:
                if r == 0:
                    raise CalcError("division by zero")
                v = v / r if op == "/" else v % r
        return v
    def unary(self):
        if self.peek().value == "-":
            self.eat("op")
            return -self.unary()
        if self.peek().value == "+":
            self.eat("op")
            return self.unary()
        return self.power()
    def power(self):
        base = self.atom()
        if self.peek().value == "**":
            self.eat("op")
            return base ** self.unary()
        return base
    def atom(self):
        t = self.peek()
        if t.kind == "num":
            self.i += 1
            return t.value
        if t.kind == "name":
            self.i += 1
            if self.peek().value == "(":
                self.eat("op", "(")
                args = [self.expr()]
                while self.peek().value == ",":
                    self.eat("op")
                    args.append(self.expr())
                self.eat("op", ")")
                if t.value not in FUNCS:
                    raise CalcError(f"unknown function {t.value}")
                return FUNCS[t.value](*args)
            if t.value not in self.env:
                raise CalcError(f"undefined variable {t.value}")
            return self.env[t.value]
        if t.value == "(":
            self.eat("op", "(")
            v = self.expr()
            self.eat("op", ")")
            return v
        raise CalcError(f"unexpected {t.value!r} at {t.pos}")
env = {"pi": 3.141592653589793}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "(-2) ** 2", "10 / 4", "10 % 4", "7 - 3 - 2",
         "x = 5", "y = x * 2 + 1", "x * y", "r = 2", "area = pi * sq(r)", "area", "max(1, x, y, 3)", "abs(-7.5) + sqrt(16)",
         "1 / 0", "2 +", "foo(1)", "z + 1", "3 $ 4", "((1)", "1.2.3", "min(4, 2) ** -1", "- - 3", "2 * (3 + (4 - 1)) ** 2"]
print(tokenize("a = 3.5 * (b + 12) ** 2"))
for line in lines:
    try:
        result = Parser(tokenize(line), env).statement()
        print(f"{line:28} => {result!r}")
    except CalcError as e:
        print(f"{line:28} !! {e}")
print(sorted(env.items()))
