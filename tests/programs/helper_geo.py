# helper module for import tests
PI = 3.14159
_private = "hidden"
calls = []

def area(r):
    calls.append(r)
    return PI * r * r

class Polygon:
    def __init__(self, *pts):
        self.pts = pts
    def perimeter(self):
        total = 0.0
        n = len(self.pts)
        for i in range(n):
            (x1, y1), (x2, y2) = self.pts[i], self.pts[(i + 1) % n]
            total += ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5
        return total

def _internal():
    return "internal"

if __name__ == "__main__":
    print("helper run directly")
else:
    print("helper imported as", __name__)
