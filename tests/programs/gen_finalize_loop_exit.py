# A generator created by a for statement's own call is finalized when the loop is left early
# (break, return, exception), as CPython's reference counting does.
def gen(tag):
    try:
        for i in range(3):
            yield i
    finally:
        print("  finally", tag)

def f_return():
    for v in gen("return"):
        return v
print(f_return())

def f_exc():
    try:
        for v in gen("exc"):
            raise KeyError(v)
    except KeyError as e:
        print("caught", e)
f_exc()

def gen_expr_break():
    for v in (x * 2 for x in range(3)):
        break
    print("after genexp")


gen_expr_break()

G = []
def keeper():
    g = gen("kept")
    G.append(g)
    return g
for v in keeper():
    break
print("kept not closed")

class C:
    def meth(self):
        try:
            yield 1
            yield 2
        finally:
            print("  finally meth")
for v in C().meth():
    break
print("after meth")

def nested():
    for a in gen("outer"):
        for b in gen("inner"):
            if b == 1:
                return (a, b)
print(nested())

def stubborn():
    try:
        yield 1
    finally:
        raise ValueError("in finally")
for v in stubborn():
    break
print("after stubborn")
for v in gen("continue"):
    continue
print("done")
G[0].close()
