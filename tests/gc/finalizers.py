# __del__ semantics (CPython 3.4+): run once, for cycles too; exceptions are reported
# as "Exception ignored in" and otherwise ignored; resurrection works.
import gc

log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def make_cycle():
    a = D("a")
    b = D("b")
    a.other = b
    b.other = a


make_cycle()
gc.collect()
gc.collect()
print(sorted(log))

saved = []


class R:
    def __del__(self):
        saved.append(self)


def make_r():
    R()


make_r()
gc.collect()
print(len(saved), gc.is_finalized(saved[0]))
r = saved.pop()
r = None
gc.collect()
gc.collect()
print(len(saved))


class Bad:
    def __del__(self):
        raise ValueError("boom")


def make_bad():
    Bad()


make_bad()
gc.collect()
gc.collect()
print("still running")
print(gc.isenabled(), gc.get_threshold() is not None, len(gc.get_stats()))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
