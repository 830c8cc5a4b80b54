# Private name mangling (__name) inside classes.
class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        self._protected = "convention only"
        Account.__count += 1
    def owner(self):
        return self.__owner
    @classmethod
    def count(cls):
        return cls.__count
    def __secret(self):
        return "secret of " + self.__owner
    def reveal(self):
        return self.__secret()
a = Account("ann")
b = Account("bob")
print(a.owner(), b.owner(), Account.count(), a.reveal(), a._protected)
print(sorted(vars(a)), "_Account__count" in vars(Account), "_Account__secret" in vars(Account))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)
print(a._Account__owner, a._Account__secret())
class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "shadow in subclass"
    def both(self):
        return self.__owner, self.owner()
s = Savings("cy")
print(s.both(), sorted(vars(s)))
class _Leading:
    def __init__(self):
        self.__x = 1
print(sorted(vars(_Leading())))
class __Dunder:
    def __init__(self):
        self.__y = 2
print(sorted(vars(__Dunder())))
class Dunders:
    def __init__(self):
        self.__special__ = "not mangled"
print(sorted(vars(Dunders())))
class Mixed:
    __slots__ = ("__hidden", "visible")
    def __init__(self):
        self.__hidden = "h"
        self.visible = "v"
    def get(self):
        return self.__hidden
m = Mixed()
print(m.get(), m.visible, Mixed.__slots__, hasattr(m, "_Mixed__hidden"))
class UsesGetattr:
    def __init__(self):
        self.__z = 26
    def via_getattr(self):
        return getattr(self, "__z", "getattr does not mangle"), getattr(self, "_UsesGetattr__z")
print(UsesGetattr().via_getattr())
class Outer:
    class __Inner:
        value = "inner value"
    def get_inner(self):
        return self.__Inner.value
print(Outer().get_inner(), hasattr(Outer, "_Outer__Inner"))
def outside():
    class Local:
        __v = "local mangled"
        def get(self):
            return self.__v
    return Local().get()
print(outside())
