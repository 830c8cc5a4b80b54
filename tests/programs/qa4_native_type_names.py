# Error messages name the classes of native modules the way CPython's tp_name does
# ("collections.deque", "itertools.count", "_io.StringIO"), while reprs and __name__
# keep the bare name; exception classes of native modules keep the bare name too.
import array
import collections
import functools
import io
import itertools
import operator
import re
import struct

objs = [collections.deque([1]), collections.OrderedDict(a=1), collections.defaultdict(int), itertools.count(),
        functools.partial(int), re.compile("a"), io.StringIO(), array.array("i", [1]), operator.itemgetter(1),
        iter([]), {}.keys(), range(3), 5, "s", None, [1]]
for o in objs:
    for f in (lambda: o - None, lambda: -o, lambda: o < o, lambda: o(), lambda: len(o), lambda: o.nope,
              lambda: abs(o), lambda: o ** None, lambda: type(o).nope):
        try:
            f()
        except Exception as e:
            print(type(e).__name__, e)
print(repr(collections.deque([1])), repr(array.array("i")), repr(collections.defaultdict(int)))
print(collections.deque.__name__, collections.deque.__module__, itertools.count.__qualname__, io.StringIO.__name__)
try:
    struct.error.nope
except AttributeError as e:
    print(e)
collections.deque() + 1
