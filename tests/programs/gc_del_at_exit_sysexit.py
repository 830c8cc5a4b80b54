# Finalizers at exit also run when the program ends with sys.exit(), after the atexit
# callbacks (an explicit call of __del__ does not count as the object's finalization).
import atexit
import sys


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def bye():
    print("atexit callback")


atexit.register(bye)


class Phoenix:
    def __del__(self):
        print("phoenix finalized")


first = A(1)
phoenix = Phoenix()
phoenix.__del__()
items = [A(3), A(4)]
last = A(5)
print("exiting")
sys.exit(3)
