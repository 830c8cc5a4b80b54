class Pizza:
    base_price = 8.0
    count = 0
    TOPPING_PRICES = {"cheese": 1.0, "ham": 2.0, "olive": 0.5}
    def __init__(self, size, toppings=None):
        self.size = size
        self.toppings = list(toppings or [])
        Pizza.count += 1
    @classmethod
    def margherita(cls, size="M"):
        return cls(size, ["cheese", "tomato"])
    @classmethod
    def from_string(cls, s):
        size, _, tops = s.partition(":")
        return cls(size, [t for t in tops.split(",") if t])
    @staticmethod
    def size_factor(size):
        return {"S": 0.8, "M": 1.0, "L": 1.3}.get(size, 1.0)
    def price(self):
        extra = sum(self.TOPPING_PRICES.get(t, 0.25) for t in self.toppings)
        return round((self.base_price + extra) * self.size_factor(self.size), 2)
    def __repr__(self):
        return f"{type(self).__name__}({self.size!r}, {self.toppings})"
class GlutenFree(Pizza):
    base_price = 10.0
    @staticmethod
    def size_factor(size):
        return 1.1
orders = [Pizza.margherita(), Pizza.from_string("L:ham,olive"), GlutenFree.margherita("S"), GlutenFree.from_string("M:")]
for o in orders:
    print(f"{o!r:45} {o.price():6.2f}")
print(Pizza.count, GlutenFree.count, Pizza.size_factor("L"), orders[0].size_factor("S"))
print(type(Pizza.__dict__["margherita"]).__name__, type(Pizza.__dict__["size_factor"]).__name__)
print(Pizza.margherita.__self__ is Pizza, GlutenFree.margherita.__func__ is Pizza.margherita.__func__)
g = GlutenFree("M")
g.count = 99
print(g.count, Pizza.count, GlutenFree.count)
GlutenFree.count = 5
print(Pizza.count, GlutenFree.count)
class Counter:
    instances = []
    def __new__(cls, *args):
        obj = super().__new__(cls)
        cls.instances.append(obj)
        return obj
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
Counter("a"); Counter("b")
print(Counter.instances)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
try:
    Pizza.price()
except TypeError as e:
    print(e)
try:
    Pizza("M").price(3)
except TypeError as e:
    print(e)
try:
    Pizza()
except TypeError as e:
    print(e)
try:
    Pizza.from_string()
except TypeError as e:
    print(e)
try:
    Pizza.size_factor()
except TypeError as e:
    print(e)
try:
    object.__new__(Pizza).price()
except AttributeError as e:
    print(e)
print(vars(Pizza("S", ["x"])), Pizza.__name__, Pizza.__qualname__, Pizza.price.__qualname__)
print(callable(Pizza.margherita), Pizza.__doc__, getattr(Pizza, "nope", None))
