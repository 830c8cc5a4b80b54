# del of names, attributes, items, slices, and in loops.
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print(c, "a" in globals(), "b" in globals())
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {"k1": 1, "k2": 2, "k3": 3}
del d["k2"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    cls_attr = "class"
o = Obj()
o.x = 1
o.y = 2
del o.x
print(vars(o), hasattr(o, "x"))
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))
def local_del():
    v = "temp"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(local_del())
nested = {"a": {"b": [1, 2, {"c": 3}]}}
del nested["a"]["b"][2]["c"]
del nested["a"]["b"][0]
print(nested)
m = [[1, 2, 3], [4, 5, 6]]
del m[0][1], m[1][0]
print(m)
t = (1, 2, 3)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
for i in range(3):
    pass
del i
print("i" in dir())
ba = bytearray(b"abcdef")
del ba[1:3]
print(ba)
class Custom:
    def __delitem__(self, k):
        print("  __delitem__", k)
    def __delattr__(self, k):
        print("  __delattr__", k)
cu = Custom()
del cu[1:2], cu["key"]
del cu.anything
(p, q) = (5, 6)
del (p, q)
[r1, r2] = [7, 8]
del [r1, r2]
print("p" in globals(), "r1" in globals())
def del_global():
    global c
    del c
del_global()
print("c" in globals())
