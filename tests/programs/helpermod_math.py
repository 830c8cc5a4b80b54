# Helper module imported by import_module_basic.py (not a test program).
"""Small math helpers."""
PI = 3.14159
calls = 0
print("  helpermod_math is being imported, __name__ =", __name__)
def area(r):
    global calls
    calls += 1
    return PI * r * r
def _private():
    return "private"
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
__all__ = ["area", "Vector", "PI"]
if __name__ == "__main__":
    print("helpermod_math run as a script")
