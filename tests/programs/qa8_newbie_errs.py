def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
def unbound():
    print(count)
    count = 1
count = 0
attempt("unbound", unbound)
def unbound2():
    for i in range(0):
        pass
    return i
attempt("unbound2", unbound2)
def deleted():
    x = 1
    del x
    return x
attempt("deleted", deleted)
def free_unbound():
    def inner():
        return y
    r = inner()
    y = 1
    return r
attempt("free", free_unbound)
d = {"a": 1, "b": 2}
def mutate_dict():
    for k in d:
        d[k + "x"] = 1
attempt("dict mutate", mutate_dict)
s = {1, 2, 3}
def mutate_set():
    for v in s:
        s.add(v + 10)
attempt("set mutate", mutate_set)
lst = [3, 1, 2]
def sort_mut():
    lst.sort(key=lambda v: lst.append(v) or v)
attempt("sort mut", sort_mut)
print(lst)
attempt("sort key raises", lambda: sorted([1, 2, "a"], key=lambda v: v + 1))
class BadInit:
    def __init__(self):
        return 5
attempt("init returns", BadInit)
class NoSelf:
    def method():
        return 1
attempt("no self", lambda: NoSelf().method())
class Typo:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "hi " + nme
attempt("typo name", lambda: Typo("x").greet())
attempt("missing arg", lambda: Typo())
attempt("extra arg", lambda: Typo("a", "b"))
attempt("bad kw", lambda: Typo(nam="a"))
attempt("str+int", lambda: "age: " + 5)
attempt("int+str", lambda: 5 + "5")
attempt("list idx str", lambda: [1, 2]["0"])
attempt("call int", lambda: (5)(3))
attempt("none attr", lambda: None.append(1))
attempt("tuple assign", lambda: (1, 2).__setitem__(0, 5))
def tup_set():
    t = (1, 2)
    t[0] = 5
attempt("tuple item", tup_set)
def str_set():
    s = "abc"
    s[0] = "x"
attempt("str item", str_set)
attempt("unpack few", lambda: [a for a, b in [(1, 2, 3)]])
def unpack_many():
    a, b, c = [1, 2]
attempt("unpack many", unpack_many)
def unpack_int():
    a, b = 5
attempt("unpack int", unpack_int)
attempt("dict key", lambda: {"a": 1}["A"])
attempt("float int", lambda: range(2.0))
attempt("int float str", lambda: int("3.0"))
attempt("len int", lambda: len(42))
attempt("iter none", lambda: [x for x in None])
attempt("append 2", lambda: [].append(1, 2))
attempt("kw only", lambda: sorted([1], lambda x: x))
attempt("max empty", lambda: max([]))
attempt("str method", lambda: "abc".upper(1))
attempt("recursion str", lambda: str.join(",", [1]))
attempt("set unhashable", lambda: {[1, 2]})
attempt("dict unhashable", lambda: {{}: 1})
attempt("import", lambda: __import__("nonexistent_mod"))
attempt("from import", lambda: exec("from math import sqroot"))
attempt("attr module", lambda: __import__("math").sqroot)
attempt("neg sqrt", lambda: __import__("math").sqrt(-4))
attempt("log 0", lambda: __import__("math").log(0))
attempt("int overflow float", lambda: float(10 ** 400))
attempt("round big", lambda: round(1.5, 10**20) )
attempt("list mul neg", lambda: [1] * -3)
attempt("list index float", lambda: [1, 2][1.5])
attempt("slice step 0", lambda: "abc"[::0])
attempt("chained cmp", lambda: 1 < "a")
attempt("eq ok", lambda: 1 == "a")
attempt("bytes str", lambda: b"a" == "a")
attempt("nested fn global", lambda: exec("def g():\n    global zz\n    return zz\ng()"))
class A:
    x = 1
    def m(self):
        return x
attempt("class scope", lambda: A().m())
attempt("method on class", lambda: A.m())
attempt("abstract", lambda: exec("from abc import ABC, abstractmethod\nclass S(ABC):\n    @abstractmethod\n    def a(self): ...\n    @abstractmethod\n    def b(self): ...\nS()"))
