# tokenizer + recursive descent parser + evaluator
class Token:
    def __init__(self, kind, val, pos):
        self.kind, self.val, self.pos = kind, val, pos
    def __repr__(self):
        return f"{self.kind}:{self.val}"

class LexError(Exception):
    pass

def tokenize(src):
    i, toks = 0, []
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            toks.append(Token("num", float(text) if "." in text else int(text), i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(Token("name", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            toks.append(Token("op", "**", i)); i += 2
        elif c in "+-*/%()=,":
            toks.append(Token("op", c, i)); i += 1
        else:
            raise LexError(f"bad char {c!r} at {i}")
    toks.append(Token("eof", None, len(src)))
    return toks

class Parser:
    def __init__(self, toks, env):
        self.t, self.i, self.env = toks, 0, env
    def peek(self):
        return self.t[self.i]
    def take(self, val=None):
        tok = self.t[self.i]
        if val is not None and tok.val != val:
            raise SyntaxError(f"expected {val!r} got {tok.val!r} at {tok.pos}")
        self.i += 1
        return tok
    def stmt(self):
        if self.peek().kind == "name" and self.t[self.i + 1].val == "=":
            name = self.take().val
            self.take("=")
            v = self.expr()
            self.env[name] = v
            return v
        return self.expr()
    def expr(self):
        v = self.term()
        while self.peek().val in ("+", "-"):
            op = self.take().val
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.unary()
        while self.peek().val in ("*", "/", "%"):
            op = self.take().val
            r = self.unary()
            v = v * r if op == "*" else (v / r if op == "/" else v % r)
        return v
    def unary(self):
        if self.peek().val == "-":
            self.take()
            return -self.unary()
        return self.power()
    def power(self):
        b = self.atom()
        if self.peek().val == "**":
            self.take()
            return b ** self.unary()
        return b
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return tok.val
        if tok.kind == "name":
            if self.peek().val == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek().val == ",":
                    self.take(); args.append(self.expr())
                self.take(")")
                return FUNCS[tok.val](*args)
            return self.env[tok.val]
        if tok.val == "(":
            v = self.expr()
            self.take(")")
            return v
        raise SyntaxError(f"unexpected {tok!r}")

FUNCS = {"max": max, "min": min, "abs": abs}
env = {}
for line in ["x = 3", "y = x ** 2 ** 2", "y % 7", "-x ** 2", "(1 + 2) * -3", "z = max(x, y, 100) / 8",
             "10 / 4", "7 % -3", "2 ** -1", "abs(-x) + min(4, 2)", "1.5 * 4", "q + 1", "3 $ 4", "(1 + 2", "1 +"]:
    try:
        print(f"{line:<22} => {Parser(tokenize(line), env).stmt()!r}")
    except KeyError as e:
        print(f"{line:<22} => undefined {e}")
    except (LexError, SyntaxError) as e:
        print(f"{line:<22} => {type(e).__name__}: {e}")
print(sorted(env.items()))
print(tokenize("a_1 = .5 + 2"))
