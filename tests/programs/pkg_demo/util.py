from .core import COUNTER
def shout(s):
    COUNTER[0] += 1
    return s.upper() + "!"
