# pickle of bytes at protocols 0-2 goes through codecs.encode (a native function),
# copyreg's protocol 0/1 reducer needs int.__new__.__self__, and native functions and
# methods pickle by name or as getattr(owner, name).
import codecs
import copy
import pickle

data = {"a": [1, 2.5, None], "b": (True, "s"), "c": {3, 4}, "d": b"bytes", 5: frozenset([1]), "e": bytearray(b"xy")}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, protocol=proto)
    print(proto, pickle.loads(blob) == data)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


class Tag(int):
    pass


for proto in (0, 1, 2):
    p = pickle.loads(pickle.dumps(Point(1, [2]), proto))
    t = pickle.loads(pickle.dumps(Tag(7), proto))
    print(proto, p == Point(1, [2]), t, type(t).__name__)
print(int.__new__.__self__ is int, object.__new__.__self__ is object, str.maketrans.__self__)
print(len.__reduce__(), [].append.__reduce__()[1], str.upper.__reduce__()[1], codecs.encode.__reduce__())
print(pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps(str.upper)) is str.upper)
print(pickle.loads(pickle.dumps([max, min, abs], 0)) == [max, min, abs])
print(copy.deepcopy([len, str.upper])[1] is str.upper, pickle.loads(pickle.dumps(dict.fromkeys))("ab"))
