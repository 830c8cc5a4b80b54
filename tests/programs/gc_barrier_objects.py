# Young objects stored into old objects of the other kinds (instances, classes, functions,
# closure cells, generators, modules, deques, subclasses of builtins...) survive the
# collections that follow. See gc_barrier_containers.py.
import collections
import sys
import types


def churn(n):
    junk = None
    for i in range(n):
        junk = [i, str(i)]
    return junk


class P:
    pass


class S:
    __slots__ = ("a", "b")


class L(list):
    pass


class D(dict):
    pass


class T(tuple):
    pass


p = P()
s = S()
lsub = L()
dsub = D()
tsub = T((1, 2))
mod = types.ModuleType("m")
dq = collections.deque()
dd = collections.defaultdict(list)
od = collections.OrderedDict()
churn(50)

# Instance attributes: existing slot, new attributes (map transitions), __slots__.
p.x = None
churn(10)
for i in range(30):
    p.x = [i, "x"]
    setattr(p, "attr%d" % (i % 7), {"i": [i]})
    s.a = ("a", [i])
    s.b = P()
    s.b.v = str(i)
    churn(2)
print(p.x, sorted(vars(p))[:3], p.attr6, s.a, s.b.v)

# Dict mode (vars() makes the attributes a real dict), then __dict__ replaced.
dv = vars(p)
churn(10)
for i in range(10):
    p.y = [i]
    dv["z"] = (i, [i])
    churn(2)
print(p.y, p.z)
p.__dict__ = {"fresh": [1, 2]}
churn(10)
p.after = "a" * 3 + "b"
churn(10)
print(sorted(vars(p).items()))

# Subclasses of builtins: payload and attributes.
for i in range(20):
    lsub.append([i])
    lsub.tag = "tag%d" % i
    dsub[str(i)] = [i]
    dsub.tag = ("d", i)
    tsub.tag = [i]
    churn(2)
print(len(lsub), lsub[-1], lsub.tag, len(dsub), dsub["19"], dsub.tag, tsub.tag)


# __class__ assignment to a class made after the object.
def make_class(i):
    class K(P):
        def who(self):
            return "K%d" % i

    return K


for i in range(5):
    p.__class__ = make_class(i)
    churn(3)
print(p.who(), type(p).__name__)

# Class attributes.
for i in range(10):
    P.shared = [i, "shared"]
    setattr(P, "c%d" % (i % 3), {i})
    churn(2)
print(P.shared, P.c0, P.c1, P.c2)


# Functions: defaults, attributes, closures (cells).
def f(a=None):
    return a


def counter():
    acc = []

    def add(v):
        nonlocal acc
        acc = acc + [v]
        return acc

    return add


add = counter()
churn(10)
for i in range(10):
    f.__defaults__ = ([i],)
    f.note = {"n": [i]}
    add(str(i))
    churn(2)
print(f(), f.note, add("end"))


# Generators: young values in a suspended frame.
def gen():
    held = []
    while True:
        v = yield len(held)
        held.append([v, str(v)])
        if v == "stop":
            yield held


g = gen()
next(g)
churn(10)
for i in range(10):
    g.send(i)
    churn(2)
print(g.send("stop")[-3:])

# Modules, deques, defaultdict, OrderedDict.
for i in range(20):
    mod.value = [i]
    setattr(mod, "v%d" % (i % 4), (i,))
    dq.append([i])
    dq.appendleft(str(i))
    if len(dq) > 10:
        dq.pop()
    dd[i % 3].append((i,))
    od[str(i)] = [i]
    od.move_to_end(str(i // 2))
    churn(2)
print(mod.value, mod.v3, list(dq)[:3], list(dq)[-2:], dict(dd)[2][-1], list(od.items())[-2:])

# sys.modules and other old dicts of the runtime.
sys.modules["fake_mod_for_gc"] = types.ModuleType("fake_mod_for_gc")
churn(10)
print(sys.modules["fake_mod_for_gc"].__name__)
del sys.modules["fake_mod_for_gc"]

# Exceptions: traceback, context and args replaced later.
err = ValueError("first")
churn(10)
for i in range(5):
    err.args = ("arg%d" % i, [i])
    err.__cause__ = KeyError(str(i))
    err.note = [i]
    churn(2)
print(err.args, repr(err.__cause__), err.note)

# Properties and static methods made late and stored in an old class.
for i in range(3):
    P.prop = property(lambda self, i=i: "prop%d" % i)
    P.stat = staticmethod(lambda i=i: [i])
    churn(3)
q = P()
print(q.prop, P.stat())
