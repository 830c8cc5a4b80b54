# subclassing builtins
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
    def __add__(self, o):
        return MyInt(int(self) + int(o))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
class MyList(list):
    def total(self):
        return sum(self)
    def append(self, x):
        super().append(x * 2)
class MyDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
class Stack(list):
    push = list.append
    def peek(self):
        return self[-1]

i = MyInt(5)
print(i, repr(i), i + 3, 3 + i, type(i + 3).__name__, type(3 + i).__name__, i * 2, type(i * 2).__name__)
print(isinstance(i, int), MyInt("12", 8), MyInt(3.9), bool(MyInt(0)), f"{i:03d}", hash(i) == hash(5))
s = MyStr("hello")
print(s, s.shout(), s.upper(), type(s.upper()).__name__, type(s + "x").__name__, s == "hello", len(s), s[1:3], type(s[1:3]).__name__)
print(repr(s), "%s!" % s, f"{s:>8}", s.split("l"), {s: 1}["hello"])
lst = MyList([1, 2])
lst.append(5)
lst.extend([1])
lst += [100]
print(lst, lst.total(), type(lst).__name__, type(lst + [1]).__name__, type(lst[:1]).__name__, len(lst))
d = MyDict(a=1)
print(d["a"], d["hello"], d, d.get("zz"), "zz" in d)
st = Stack()
st.push(1); st.push(2)
print(st.peek(), st, st.pop(), st)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
p = Point(3, 4)
print(p, p.x, p.y, p + (5,), len(p), p == (3, 4), isinstance(p, tuple), sorted([Point(2, 1), Point(1, 5)]))
a, b = p
print(a, b)
class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("too cold")
        return super().__new__(cls, v)
    def __str__(self):
        return f"{float(self):.1f}C"
c = Celsius(21.456)
print(c, repr(c), c + 1, type(c + 1).__name__, round(c, 1))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
class Err(ValueError):
    pass
try:
    int("x")
except Err:
    print("wrong")
except ValueError as e:
    print("base caught:", e)
class OrderedSet(dict):
    def add(self, x):
        self[x] = None
    def __repr__(self):
        return "{" + ", ".join(map(repr, self)) + "}"
o = OrderedSet()
for ch in "banana":
    o.add(ch)
print(o, len(o), list(o))
class Bool2(int):
    pass
print(Bool2(True), True + Bool2(2), issubclass(bool, int), isinstance(True, int))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Upper("abc"), Upper("x") + "y", Upper("ab").lower())
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
dd = Default(list)
dd["a"].append(1); dd["a"].append(2); dd["b"]
print(dd, dd.factory.__name__)
