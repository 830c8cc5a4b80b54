# Shapes with inheritance and super()
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
        self.id = Shape.count

    def area(self):
        raise NotImplementedError("subclass must implement area")

    def perimeter(self):
        return 0

    def describe(self):
        return f"{self.name}#{self.id}: area={self.area():.2f} perimeter={self.perimeter():.3f}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __lt__(self, other):
        return self.area() < other.area()


class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, name="square")

    def describe(self):
        base = super().describe()
        return base + " (square)"


class Circle(Shape):
    PI = 3.141592653589793
    def __init__(self, r):
        super(Circle, self).__init__("circle")
        self.r = r

    def area(self):
        return self.PI * self.r ** 2

    def perimeter(self):
        return 2 * self.PI * self.r


class Triangle(Shape):
    def __init__(self, a, b, c):
        super().__init__("tri")
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"invalid triangle sides {a}, {b}, {c}")
        self.sides = (a, b, c)

    def perimeter(self):
        return sum(self.sides)

    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return (s * (s - a) * (s - b) * (s - c)) ** 0.5


shapes = [Rect(3, 4), Square(5), Circle(1.5), Triangle(3, 4, 5), Circle(0.5)]
for s in shapes:
    print(s.describe())

print(sorted(shapes))
print(max(shapes, key=lambda s: s.perimeter()))
print([type(s).__mro__[1].__name__ for s in shapes])
print(isinstance(shapes[1], Rect), issubclass(Square, Shape), issubclass(Circle, Rect))

try:
    Triangle(1, 2, 10)
except ValueError as e:
    print("error:", e)

try:
    Shape("abstract").area()
except NotImplementedError as e:
    print(type(e).__name__, e)

print("total shapes created:", Shape.count)
print(Square.__bases__, Square.__name__, Square.__qualname__)
print(Rect.area is Square.area, Square.describe is Rect.describe)
total = 0
for s in shapes:
    total += s.area()
print(f"{total:10.4f}|{total:<12.1f}|{total:>+8.0f}|{total:e}")
