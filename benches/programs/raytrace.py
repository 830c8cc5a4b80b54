"""Raytrace: a small object-oriented ray tracer (vectors, spheres, a checkered plane,
point lights, Lambert and Phong shading, mirror reflections up to depth 3).

Same work as the classic "raytrace" benchmark. Renders a SIZE x SIZE image and prints
the sum and a digest of its 8-bit RGB values.

Usage: raytrace.py [SIZE]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=180 quick=80

EPS = 1e-7
INF = float("inf")


class V:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return V(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return V(self.y * o.z - self.z * o.y,
                 self.z * o.x - self.x * o.z,
                 self.x * o.y - self.y * o.x)

    def length(self):
        return self.dot(self) ** 0.5

    def unit(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return INF
        root = disc ** 0.5
        t = -b - root
        if t > EPS:
            return t
        t = -b + root
        if t > EPS:
            return t
        return INF

    def normal_at(self, p):
        return (p - self.centre).unit()


class Plane:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.unit()

    def hit(self, ray):
        denom = ray.direction.dot(self.normal)
        if -EPS < denom < EPS:
            return INF
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPS else INF

    def normal_at(self, p):
        return self.normal


class Material:
    def __init__(self, colour, diffuse, specular, mirror, checker=None):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.mirror = mirror
        self.checker = checker

    def colour_at(self, p):
        if self.checker is None:
            return self.colour
        if (int(p.x + 1000.0) + int(p.z + 1000.0)) % 2 == 0:
            return self.colour
        return self.checker


class Scene:
    def __init__(self):
        self.things = []
        self.lights = []
        self.ambient = 0.1

    def add(self, shape, material):
        self.things.append((shape, material))

    def nearest(self, ray):
        best_t = INF
        best = None
        for thing in self.things:
            t = thing[0].hit(ray)
            if t < best_t:
                best_t = t
                best = thing
        return best_t, best

    def shadowed(self, p, light):
        to_light = light - p
        dist = to_light.length()
        ray = Ray(p, to_light)
        for shape, _ in self.things:
            if shape.hit(ray) < dist:
                return True
        return False

    def trace(self, ray, depth):
        t, thing = self.nearest(ray)
        if thing is None:
            return V(0.05, 0.05, 0.1)
        shape, mat = thing
        p = ray.at(t)
        n = shape.normal_at(p)
        base = mat.colour_at(p)
        r = g = b = self.ambient
        for light in self.lights:
            if self.shadowed(p, light):
                continue
            l = (light - p).unit()
            lam = n.dot(l)
            if lam > 0.0:
                k = lam * mat.diffuse
                r += k
                g += k
                b += k
            h = (l - ray.direction).unit()
            spec = n.dot(h)
            if spec > 0.0:
                s = (spec ** 20) * mat.specular
                r += s
                g += s
                b += s
        colour = V(base.x * r, base.y * g, base.z * b)
        if mat.mirror > 0.0 and depth < 3:
            bounce = Ray(p, ray.direction.reflect(n))
            colour = colour + self.trace(bounce, depth + 1) * mat.mirror
        return colour


class Camera:
    def __init__(self, eye, look_at, up, width, height):
        self.eye = eye
        self.forward = (look_at - eye).unit()
        self.right = self.forward.cross(up).unit()
        self.up = self.right.cross(self.forward)
        self.width = width
        self.height = height

    def ray(self, px, py):
        sx = (px + 0.5) / self.width * 2.0 - 1.0
        sy = 1.0 - (py + 0.5) / self.height * 2.0
        d = self.forward + self.right * (sx * 0.8) + self.up * (sy * 0.8)
        return Ray(self.eye, d)


def build_scene():
    s = Scene()
    s.add(Plane(V(0.0, 0.0, 0.0), V(0.0, 1.0, 0.0)),
          Material(V(0.9, 0.9, 0.9), 0.7, 0.1, 0.2, checker=V(0.2, 0.2, 0.2)))
    s.add(Sphere(V(0.0, 1.0, 0.0), 1.0), Material(V(0.9, 0.2, 0.2), 0.6, 0.6, 0.3))
    s.add(Sphere(V(-2.2, 0.7, 1.0), 0.7), Material(V(0.2, 0.9, 0.3), 0.8, 0.3, 0.1))
    s.add(Sphere(V(1.8, 0.5, 1.5), 0.5), Material(V(0.3, 0.4, 0.9), 0.5, 0.9, 0.5))
    s.add(Sphere(V(0.9, 2.4, -1.6), 0.6), Material(V(0.9, 0.9, 0.2), 0.7, 0.4, 0.0))
    s.lights.append(V(-5.0, 8.0, 6.0))
    s.lights.append(V(6.0, 5.0, 4.0))
    return s


def to_byte(c):
    v = int(c * 255.0)
    if v > 255:
        return 255
    if v < 0:
        return 0
    return v


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 180
    scene = build_scene()
    cam = Camera(V(0.0, 2.2, 7.0), V(0.0, 1.0, 0.0), V(0.0, 1.0, 0.0), size, size)
    total = 0
    digest = 0
    for py in range(size):
        for px in range(size):
            c = scene.trace(cam.ray(px, py), 0)
            r = to_byte(c.x)
            g = to_byte(c.y)
            b = to_byte(c.z)
            total += r + g + b
            digest = (digest * 131 + r * 65536 + g * 256 + b) % 2147483647
    print("raytrace", size, "sum", total, "digest", digest)


main()
