# Attribute lookup order: data descriptors, instance dict, non-data descriptors, class, metaclass, __getattr__.
class Meta(type):
    meta_attr = "from metaclass"
    def meta_method(cls):
        return f"meta_method on {cls.__name__}"
class DataDesc:
    def __get__(self, obj, typ=None):
        return "data descriptor"
    def __set__(self, obj, v):
        obj.__dict__["shadow"] = v
class NonDataDesc:
    def __get__(self, obj, typ=None):
        return "non-data descriptor"
class Base(metaclass=Meta):
    base_attr = "from Base"
    overridden = "Base version"
class Child(Base):
    data = DataDesc()
    nondata = NonDataDesc()
    overridden = "Child version"
    def __getattr__(self, name):
        return f"__getattr__({name})"
c = Child()
c.__dict__["data"] = "instance dict (loses to data descriptor)"
c.__dict__["nondata"] = "instance dict (beats non-data descriptor)"
print(c.data)
print(c.nondata)
print(c.base_attr, "|", c.overridden, "|", Child.overridden, "|", Base.overridden)
print(Child.meta_attr, "|", Child.meta_method())
print(c.missing_thing)
try:
    c.meta_attr
    print("instance sees metaclass attr?", c.meta_attr)
except AttributeError as e:
    print("AttributeError:", e)
Base.base_attr = "changed on Base"
print(c.base_attr, Child.base_attr)
Child.base_attr = "set on Child"
print(c.base_attr, Base.base_attr)
del Child.base_attr
print(c.base_attr)
c.overridden = "instance"
print(c.overridden, Child.overridden)
del c.overridden
print(c.overridden)
class Counter:
    count = 0
    def bump(self):
        self.count += 1
k1, k2 = Counter(), Counter()
k1.bump(); k1.bump(); k2.bump()
print(k1.count, k2.count, Counter.count, "count" in vars(k1))
class ListHolder:
    items = []
    def add(self, x):
        self.items.append(x)
h1, h2 = ListHolder(), ListHolder()
h1.add(1); h2.add(2)
print(h1.items, h2.items, ListHolder.items, h1.items is h2.items)
print(type(c).__mro__[1].__name__, type(type(c)).__name__, Child.__dict__.get("base_attr", "not in Child.__dict__"))
print(getattr(Child, "nondata"), getattr(Child, "data"), Child.__dict__["data"].__class__.__name__)
