# Sequence patterns with a wildcard star (`[x, *_, y]`) index the subject instead of
# iterating it, as CPython does: a sequence whose __getitem__ never raises IndexError still
# matches, and only the items the pattern names are read.
import collections.abc


class Seq(collections.abc.Sequence):
    def __init__(self):
        self.reads = []

    def __getitem__(self, i):
        self.reads.append(i)
        return i

    def __len__(self):
        return 42


s = Seq()
match s:
    case [x, *_, y]:
        z = 0
print(x, y, z, s.reads)

s = Seq()
match s:
    case [a, b, *_, c, 41] if a == 0:
        print("guarded", a, b, c, s.reads)

s = Seq()
match s:
    case [0, *_, 40]:
        print("no")
    case [0, 1, *_]:
        print("prefix", s.reads)

for subject in ([1, 2, 3], (1,), [], "abc", range(5), [1, [2, 3], 4]):
    match subject:
        case [first, *_, last]:
            print("first/last", first, last)
        case [only]:
            print("only", only)
        case _:
            print("other", subject)

match [1, [2, 3], 4]:
    case [_, [p, *_], *_]:
        print("nested", p)
