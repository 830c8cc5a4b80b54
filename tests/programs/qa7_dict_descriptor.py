import sys
sys.setrecursionlimit(120)
class Proxy:
    """A class whose __dict__ is computed: vars() and attribute access go through it."""
    def __init__(self, **fields):
        object.__setattr__(self, "_fields", fields)
    @property
    def __dict__(self):
        return {"view": dict(self._fields)}
p = Proxy(a=1, b=2)
print(vars(p), p.__dict__["view"]["b"], "view" in vars(p))
class Broken:
    @property
    def __dict__(self):
        raise KeyError("no dict here")
try:
    vars(Broken())
except KeyError as e:
    print("KeyError", e)
class Weak:
    __weakref__ = "custom"
print(Weak.__weakref__, Weak().__weakref__)
class Loop:
    @property
    def __dict__(self):
        return vars(self)
try:
    vars(Loop())
except RecursionError as e:
    print("RecursionError", e)
class Normal:
    def __init__(self): self.x = 1
n = Normal()
print(vars(n), n.__dict__ is vars(n), type(Normal.__dict__["__dict__"]).__name__)
print(vars(Broken()))
