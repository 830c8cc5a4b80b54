# A module whose functions are inlined into loops of jit_inline_module.py.
SCALE = 3


def scaled(x):
    return x * SCALE + OFFSET


OFFSET = 1


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y
