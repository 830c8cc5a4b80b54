__all__ = ["one", "three"]
one, two, three = 1, 2, 3
_four = 4
