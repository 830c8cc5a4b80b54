# __getattr__ (fallback), __getattribute__ (always), __setattr__, __delattr__.
class Fallback:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
f = Fallback()
print(f.real, f.dyn_hello, getattr(f, "dyn_x"), hasattr(f, "dyn_y"), hasattr(f, "nope"), getattr(f, "nope", "default"))
try:
    f.missing
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"  get {name}")
        return object.__getattribute__(self, name)
    def method(self):
        return self.a + 1
lg = Logged()
print(lg.a, lg.method())
class Both:
    def __getattribute__(self, name):
        if name == "special":
            return "from __getattribute__"
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"fallback for {name}"
b = Both()
b.x = 5
print(b.special, b.x, b.anything)
class Recorder:
    def __init__(self):
        object.__setattr__(self, "history", [])
    def __setattr__(self, name, value):
        self.history.append((name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.history.append(("del", name))
        object.__delattr__(self, name)
r = Recorder()
r.x = 1
r.y = "two"
r.x += 10
del r.y
print(r.history, r.x, hasattr(r, "y"))
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: object is frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: object is frozen")
fr = Frozen(a=1, b=2)
print(fr.a, fr.b)
for action in (lambda: setattr(fr, "a", 5), lambda: delattr(fr, "b")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        print(f"  proxy forwards {name}")
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class Target:
    def __init__(self):
        self.value = 3
    def double(self):
        return self.value * 2
tg = Target()
px = Proxy(tg)
px.value = 21
print(px.double(), tg.value)
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        self[k] = v
ad = AttrDict(x=1)
ad.y = 2
print(ad.x, ad.y, ad, hasattr(ad, "z"))
class Raises:
    @property
    def broken(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"__getattr__ caught {name}"
print(Raises().broken)
