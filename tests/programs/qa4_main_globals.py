# The __main__ module's namespace has CPython's entries, in CPython's order.
import sys

names = [k for k in globals() if k.startswith("__") and k != "__loader__"]
print(names)
print(__annotations__, __cached__, __spec__, __package__, __doc__, __name__)
x: int = 5
y: "list[str]"
print(__annotations__)
print(sys.modules["__main__"].__annotations__ is __annotations__)
