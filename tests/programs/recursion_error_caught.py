# RecursionError can be caught, and the program continues normally afterwards.
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("caught RecursionError:", e)
    print("is RuntimeError:", isinstance(e, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("caught mutual recursion")
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError:
    print("caught runaway __getattr__")
class ReprLoop:
    def __repr__(self):
        return "R(" + repr(self) + ")"
try:
    repr(ReprLoop())
except RecursionError:
    print("caught runaway __repr__")
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print("after recovery fact(200) digits:", len(str(fact(200))))
import sys
limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n
reached = probe(0)
print("probe stopped below 200:", 100 < reached < 200)
sys.setrecursionlimit(limit)
print("limit restored:", sys.getrecursionlimit() == limit)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print("fib(20) after all that:", fib(20))
count = 0
def counted():
    global count
    count += 1
    counted()
try:
    counted()
except RecursionError:
    print("counted recursion reached a depth above 500:", count > 500)
