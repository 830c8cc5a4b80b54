import operator
from operator import itemgetter, attrgetter, methodcaller

rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)))
print(itemgetter(0, 1)("xyz"))


class P:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


p = P("top", P("kid"))
print(attrgetter("name")(p), attrgetter("child.name")(p), attrgetter("name", "child.name")(p))
print(methodcaller("split", ",")("a,b,c"), methodcaller("replace", "a", "o")("banana"))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0), operator.truth([1]))
print(operator.contains([1, 2], 2), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
x = [1, 2, 3]
operator.setitem(x, 0, 9)
operator.delitem(x, 1)
print(x, operator.getitem(x, -1), operator.index(7), operator.length_hint(iter(range(4))))
print(operator.iadd([1], [2]), operator.or_(5, 2), operator.xor(6, 3), operator.pow(2, 10), operator.mod(-7, 3))
print(operator.concat("ab", "cd"), operator.is_(None, None), operator.abs(-2.5), operator.inv(5))
