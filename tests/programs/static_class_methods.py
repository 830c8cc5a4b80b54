# staticmethod and classmethod; alternative constructors; calling via class and instance.
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        type(self).count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @classmethod
    def today_fixed(cls):
        return cls(2024, 1, 15)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def days_in_month(self):
        return [31, 29 if self.is_leap(self.y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][self.m - 1]
    def __repr__(self):
        return f"{type(self).__name__}({self.y:04d}-{self.m:02d}-{self.d:02d})"
class EuroDate(Date):
    def __repr__(self):
        return f"{self.d:02d}.{self.m:02d}.{self.y}"
d1 = Date.from_string("2024-02-10")
d2 = EuroDate.from_string("2023-02-10")
print(d1, d2, type(d2).__name__, d1.days_in_month(), d2.days_in_month())
print(Date.is_leap(1900), Date.is_leap(2000), d1.is_leap(2023), EuroDate.is_leap(2024))
print(Date.count, EuroDate.count, Date.today_fixed(), EuroDate.today_fixed())
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__, callable(sm), sm.__func__(2000), cm.__func__(Date, "1-1-1"))
print(Date.from_string.__self__ is Date, EuroDate.from_string.__self__ is EuroDate, d2.from_string.__self__ is EuroDate)
class MathUtil:
    PI = 3.14159
    @staticmethod
    def circle_area(r):
        return MathUtil.PI * r * r
    @classmethod
    def scaled_pi(cls, k):
        return cls.PI * k
class Rough(MathUtil):
    PI = 3
print(MathUtil.circle_area(2), Rough.circle_area(2), MathUtil.scaled_pi(2), Rough.scaled_pi(2), Rough().scaled_pi(3))
def standalone(x):
    return x + 1
class Holder:
    f = staticmethod(standalone)
    g = classmethod(lambda cls, x: (cls.__name__, x))
print(Holder.f(1), Holder().f(2), Holder.g(3), Holder().g(4))
class Counter:
    instances = 0
    def __init__(self):
        Counter.increment()
    @classmethod
    def increment(cls):
        cls.instances += 1
    @classmethod
    def reset(cls):
        cls.instances = 0
for _ in range(4):
    Counter()
print(Counter.instances)
Counter.reset()
print(Counter.instances)
