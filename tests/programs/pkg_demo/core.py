print("  pkg_demo.core executing, __name__ =", __name__)
def greet(name):
    return f"Hello, {name}!"
COUNTER = [0]
