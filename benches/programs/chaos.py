"""Chaos: a chaos game whose transformations follow cubic B-spline curves.

Same work as the classic "chaos" benchmark: a point jumps ITERATIONS times, each time
mapped onto a randomly chosen segment of one of three splines (evaluated with de Boor's
algorithm on small vector objects) and offset along the curve's normal, and the pixel
it lands on is blackened. The checksum hashes the resulting 256x256 bitmap. Randomness
comes from a linear congruential generator defined here (no random module), so CPython
and Krait draw the same numbers.

Usage: chaos.py [ITERATIONS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=60000 quick=15000


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        # 48-bit LCG (the constants of drand48), top 31 bits used
        self.state = (self.state * 0x5DEECE66D + 0xB) & 0xFFFFFFFFFFFF
        return (self.state >> 17) % n


class Vec:
    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def blend(self, o, a, b):
        """a * self + b * o"""
        return Vec(self.x * a + o.x * b, self.y * a + o.y * b, self.z * a + o.z * b)

    def length(self):
        return (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5

    def dist(self, o):
        return (self - o).length()


class BSpline:
    """A clamped uniform cubic B-spline through the given control points."""

    def __init__(self, points, degree=3):
        self.points = points
        self.degree = degree
        inner = len(points) - degree - 1
        self.knots = ([0.0] * (degree + 1)
                      + [(i + 1) / (inner + 1) for i in range(inner)]
                      + [1.0] * (degree + 1))

    def domain(self):
        return self.knots[self.degree], self.knots[len(self.points)]

    def span(self, u):
        t = self.knots
        p = self.degree
        hi = len(self.points) - 1
        if u >= t[hi + 1]:
            return hi
        k = p
        while not (t[k] <= u < t[k + 1]):
            k += 1
        return k

    def __call__(self, u):
        p = self.degree
        t = self.knots
        k = self.span(u)
        d = [self.points[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                lo = t[j + k - p]
                alpha = (u - lo) / (t[j + 1 + k - r] - lo)
                d[j] = d[j - 1].blend(d[j], 1.0 - alpha, alpha)
        return d[p]


class ChaosGame:
    def __init__(self, splines, thickness):
        self.splines = splines
        self.thickness = thickness
        xs = [p.x for s in splines for p in s.points]
        ys = [p.y for s in splines for p in s.points]
        self.minx = min(xs)
        self.miny = min(ys)
        self.width = max(xs) - self.minx
        self.height = max(ys) - self.miny
        max_len = thickness * self.width / self.height
        self.pieces = []
        for s in splines:
            lo, hi = s.domain()
            length = 0.0
            prev = s(lo)
            for i in range(1, 400):
                cur = s(lo + (hi - lo) * i / 399)
                length += cur.dist(prev)
                prev = cur
            self.pieces.append(max(1, int(length / max_len * 1.5)))
        self.total = sum(self.pieces)

    def pick(self, rng):
        r = rng.below(self.total)
        for i, n in enumerate(self.pieces):
            if r < n:
                return i, r
            r -= n
        raise AssertionError("unreachable")

    def step(self, pt, rng):
        fx = (pt.x - self.minx) / self.width
        fy = (pt.y - self.miny) / self.height
        which, piece = self.pick(rng)
        s = self.splines[which]
        lo, hi = s.domain()
        seg = (hi - lo) / self.pieces[which]
        u = lo + seg * piece + seg * fx
        base = s(u)
        eps = 1.0 / 50000
        if u + eps > hi:
            deriv = s(u - eps) - base
        else:
            deriv = base - s(u + eps)
        mag = deriv.length()
        if mag != 0.0:
            off = (fy - 0.5) * self.thickness
            base = Vec(base.x + deriv.y / mag * off, base.y - deriv.x / mag * off, 0.0)
        # keep the point inside the picture
        x = min(max(base.x, self.minx), self.minx + self.width)
        y = min(max(base.y, self.miny), self.miny + self.height)
        return Vec(x, y, 0.0)

    def draw(self, w, h, iterations, rng):
        image = [[0] * h for _ in range(w)]
        pt = Vec(self.minx + self.width / 2, self.miny + self.height / 2, 0.0)
        for _ in range(iterations):
            pt = self.step(pt, rng)
            x = int((pt.x - self.minx) / self.width * w)
            y = int((pt.y - self.miny) / self.height * h)
            if x == w:
                x -= 1
            if y == h:
                y -= 1
            image[x][h - 1 - y] = 1
        return image


def make_splines():
    def curve(coords):
        return BSpline([Vec(x, y, 0.0) for (x, y) in coords])
    return [
        curve([(1.6, 0.3), (1.5, 1.3), (1.1, 2.2), (0.6, 2.6), (0.2, 2.3), (0.4, 1.6), (0.9, 1.1)]),
        curve([(2.1, 0.4), (2.5, 1.1), (2.4, 2.0), (2.9, 2.7), (3.3, 2.1)]),
        curve([(0.7, 0.2), (1.2, 0.6), (2.0, 0.7), (2.6, 0.5), (3.1, 0.9), (3.2, 1.5)]),
    ]


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
    game = ChaosGame(make_splines(), 0.25)
    image = game.draw(256, 256, iterations, Rng(42))
    black = 0
    digest = 0
    for x, column in enumerate(image):
        for y, v in enumerate(column):
            if v:
                black += 1
                digest = (digest * 31 + x * 256 + y) % 1000000007
    print("chaos", iterations, "pieces", game.pieces, "black", black, "digest", digest)


main()
