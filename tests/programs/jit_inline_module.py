# Inlined calls from module-level loops, and of functions defined in another module
# (whose globals the trace guards separately), with that module's globals rebound
# mid-loop.
import helper_inline_mod as hm
from helper_inline_mod import scaled, Vec


def local_sq(x):
    return x * x


total = 0
for i in range(1000):
    total += local_sq(i) + scaled(i)
print("module level", total)


def run():
    t = 0
    for i in range(1000):
        if i == 500:
            hm.SCALE = 5
        t += scaled(i)
    print("other module", t)
    a = Vec(1.5, -2.0)
    b = Vec(0.25, 4)
    s = 0.0
    for i in range(1000):
        s += a.dot(b)
        if i == 700:
            b.y = 4.5
    print("methods", s)
    u = 0
    for i in range(1000):
        u += hm.scaled(i) + local_sq(i)
    print("attr call", u)


run()
