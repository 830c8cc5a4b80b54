# A full user-defined mutable sequence: indexing, slicing, len, iteration, reversed, in.
class MyList:
    def __init__(self, items=()):
        self._d = list(items)
    def __len__(self):
        return len(self._d)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return MyList(self._d[i])
        return self._d[i]
    def __setitem__(self, i, v):
        self._d[i] = v
    def __delitem__(self, i):
        del self._d[i]
    def __iter__(self):
        return iter(self._d)
    def __reversed__(self):
        return MyList(self._d[::-1])
    def __contains__(self, x):
        return x in self._d
    def __add__(self, o):
        return MyList(self._d + list(o))
    def __radd__(self, o):
        return MyList(list(o) + self._d)
    def __mul__(self, n):
        return MyList(self._d * n)
    __rmul__ = __mul__
    def __eq__(self, o):
        return list(self) == list(o)
    def __repr__(self):
        return f"MyList({self._d})"
    def append(self, x):
        self._d.append(x)
m = MyList(range(10))
print(m, len(m), m[0], m[-1], m[2:5], m[::-3], m[::-1] == list(range(9, -1, -1)))
m[0] = "zero"
m[1:3] = ["a", "b", "c"]
del m[-1]
del m[::4]
print(m, len(m))
print(3 in m, "zero" in m, list(reversed(m)), [x for x in m if isinstance(x, int)])
print(m + [1], [0] + MyList([1, 2]), MyList("ab") * 2, 2 * MyList("xy"))
print(sorted(MyList([3, 1, 2])), max(MyList([3, 1, 2])), sum(MyList([1, 2, 3])), list(enumerate(MyList("ab"))))
a, b, *rest = MyList([1, 2, 3, 4])
print(a, b, rest)
try:
    m[100]
except IndexError as e:
    print("IndexError:", e)
class Squares:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Squares index out of range")
        return i * i
s = Squares(8)
print(list(s), s[-1], s[2:6], s[::-2], s[100:], 49 in s, list(reversed(s)), len(s))
print(sorted(s, reverse=True)[:3], tuple(s)[:3], "".join(str(x) for x in s))
