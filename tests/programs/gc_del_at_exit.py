# Finalizers of objects still alive at interpreter exit: CPython 3.11 clears __main__'s
# globals in insertion order (names with one leading underscore first), so objects held
# only by globals are finalized in that order; the items of list, tuple and dict globals
# are released after that pass (list and tuple items last to first).
LABEL = "label"


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Reader:
    def __del__(self):
        # LABEL was cleared (set to None) before this object's global.
        print("reader sees", LABEL)


class Holder:
    pass


a = A(1)
h = Holder()
h.item = A(2)
t = (A(3), A(4))
lst = [A(5), A(6)]
d = {"x": A(7), "y": A(8)}
b = A(9)
b.child = A(10)
x = A(11)
y = A(12)
x.other = y
y.other = x
nested = [[A(13), A(14)], A(15)]
shared = A(16)
also = shared


def gen():
    try:
        yield 1
    finally:
        print("generator closed")


g = gen()
next(g)
r = Reader()
_private = A(17)
c = A(18)
print("end of program")
