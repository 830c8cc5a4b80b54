def t(f):
    try:
        r = f()
        print(repr(r)[:50])
    except Exception as e:
        print(type(e).__name__, e)
a = []; b = []; a.append(b); b.append(a)
t(lambda: a == b)
x = []
for i in range(100000): x = [x]
t(lambda: repr(x))
t(lambda: x == x)
y = []
for i in range(100000): y = [y]
t(lambda: x == y)
d = {}
for i in range(100000): d = {1: d}
t(lambda: repr(d))
tt = ()
for i in range(100000): tt = (tt,)
t(lambda: repr(tt))
t(lambda: tt == tt)
s = frozenset()
for i in range(10000): s = frozenset([s])
t(lambda: repr(s))
print("done")
