"""Float: create many 3-D point objects, normalize them and reduce them to a maximum.

Same work as the classic "float" benchmark (object allocation plus float arithmetic);
Krait has no math module yet, so sine and cosine are computed here in pure Python by
range reduction and a Taylor polynomial, and sqrt is x ** 0.5.

Usage: float_points.py [POINTS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=300000 quick=60000

TWO_PI = 6.283185307179586
PI = 3.141592653589793
HALF_PI = 1.5707963267948966


def sin(x):
    # reduce to [-pi, pi]
    k = int(x / TWO_PI)
    x -= k * TWO_PI
    if x > PI:
        x -= TWO_PI
    elif x < -PI:
        x += TWO_PI
    # reduce to [-pi/2, pi/2] using sin(pi - x) = sin(x)
    if x > HALF_PI:
        x = PI - x
    elif x < -HALF_PI:
        x = -PI - x
    x2 = x * x
    # Taylor series to x^15
    term = x
    total = x
    n = 1
    while n < 15:
        term = -term * x2 / ((n + 1) * (n + 2))
        total += term
        n += 2
    return total


def cos(x):
    return sin(x + HALF_PI)


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = (x * x + y * y + z * z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    best = run(n)
    print("float", n, "max %.6f %.6f %.6f" % (best.x, best.y, best.z))
    check = 0.0
    for i in range(0, 200):
        check += sin(i * 0.37) * cos(i * 0.11)
    print("trig check %.6f" % check)


main()
