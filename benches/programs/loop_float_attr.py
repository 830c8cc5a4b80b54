"""Float arithmetic on instance attributes, nbody-style: N bodies held as objects with
position, velocity and mass attributes; each step computes pairwise gravity (with
softening) and then moves every body. Prints the total energy.

Usage: loop_float_attr.py [STEPS]   (written for Krait's benchmark suite)
"""
import sys
from math import sqrt

# bench-sizes: default=200 quick=60


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass


def make_bodies(n):
    bodies = []
    seed = 42
    for i in range(n):
        vals = []
        for _ in range(7):
            seed = (seed * 1103515245 + 12345) % 2147483648
            vals.append(seed / 2147483648.0)
        x, y, z, vx, vy, vz, m = vals
        bodies.append(Body(x * 10.0, y * 10.0, z * 10.0, vx - 0.5, vy - 0.5, vz - 0.5, 0.5 + m))
    return bodies


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b1 = bodies[i]
            for j in range(i + 1, n):
                b2 = bodies[j]
                dx = b1.x - b2.x
                dy = b1.y - b2.y
                dz = b1.z - b2.z
                d2 = dx * dx + dy * dy + dz * dz + 0.01
                mag = dt / (d2 * sqrt(d2))
                m1 = b1.mass * mag
                m2 = b2.mass * mag
                b1.vx -= dx * m2
                b1.vy -= dy * m2
                b1.vz -= dz * m2
                b2.vx += dx * m1
                b2.vy += dy * m1
                b2.vz += dz * m1
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b1 = bodies[i]
        e += 0.5 * b1.mass * (b1.vx * b1.vx + b1.vy * b1.vy + b1.vz * b1.vz)
        for j in range(i + 1, n):
            b2 = bodies[j]
            dx = b1.x - b2.x
            dy = b1.y - b2.y
            dz = b1.z - b2.z
            e -= b1.mass * b2.mass / sqrt(dx * dx + dy * dy + dz * dz + 0.01)
    return e


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    bodies = make_bodies(100)
    print("%.9f" % energy(bodies))
    advance(bodies, 0.001, steps)
    print("%.9f" % energy(bodies))


main()
