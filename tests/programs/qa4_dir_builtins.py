# dir() of builtin objects lists __doc__ like CPython (every builtin class has one).
class A:
    x = 1


class B:
    "B's doc"


print(dir(object()))
print(len(dir([])), len(dir(str)), len(dir({})), len(dir(5)), len(dir(2.5)), len(dir(())), len(dir(set())))
print("__doc__" in dir(None), "__doc__" in dir(len), "__doc__" in dir(A), "__doc__" in object.__dict__)
print(A.__doc__, A().__doc__, B.__doc__, B().__doc__)
print([n for n in dir(A()) if not n.startswith("__")], sorted(set(dir(A())) - set(dir(object()))))
