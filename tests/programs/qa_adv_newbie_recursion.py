# classic newcomer infinite recursions; all should be RecursionError
class P:
    @property
    def x(self):
        return self.x
class S:
    def __setattr__(self, name, value):
        self.name = value
class GA:
    def __getattribute__(self, name):
        return self.__dict__[name]
class Init:
    def __init__(self):
        self.child = Init()
class StrRec:
    def __str__(self):
        return f"{self}"
class Setter:
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self.v = val
class ReprList:
    def __init__(self):
        self.items = [self]
    def __repr__(self):
        return f"RL({self.items})"
for name, fn in [("property", lambda: P().x), ("setattr", lambda: S().__setattr__("a", 1)),
                 ("getattribute", lambda: GA().foo), ("init", Init), ("str", lambda: str(StrRec())),
                 ("setter", lambda: setattr(Setter(), "v", 1)), ("reprlist", lambda: repr(ReprList())),
                 ("sorted key", lambda: sorted([1, 2], key=lambda v, f=[]: f[0](v)) if False else None)]:
    try:
        fn()
        print(name, "no error")
    except RecursionError as e:
        print(name, "RecursionError")
def helper(n):
    return helper(n + 1)
def caller():
    try:
        helper(0)
    except RecursionError:
        return "recovered"
print(caller())
print([caller() for _ in range(3)])
s = S()
s.q = 5
