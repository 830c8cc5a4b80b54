# Helper module with mutable state, imported by several tests (not a test program).
items = []
def add(x):
    items.append(x)
    return len(items)
