# Native methods have CPython's descriptor types: method_descriptor on the class,
# builtin_function_or_method once bound, wrapper_descriptor/method-wrapper for type slots,
# classmethod_descriptor for native classmethods, staticmethod around static ones.
import sys
import types

print(type(str.upper), type(list.append), type([].append), type("a".upper))
print(type(dict.__dict__["fromkeys"]), type(dict.fromkeys), type(str.__dict__["maketrans"]))
print(type(int.__add__), type((1).__add__), type(object.__init__), type(object().__init__))
print(type(object.__str__), type(type.__call__), type(len), type(print))
print(type(dict.__getitem__), type(list.__getitem__), type(tuple.__getitem__), type(set.__contains__))
print(type(list.__len__), type(list.__reversed__), type(float.__round__), type(object.__format__))
print(type(object.__dict__["__new__"]), type(int.__new__))
print(types.MethodDescriptorType.__name__, types.WrapperDescriptorType.__name__, types.MethodWrapperType.__name__)
print(types.BuiltinMethodType.__name__, types.ClassMethodDescriptorType.__name__)
print(repr(str.upper), repr(list.append), repr(int.__add__), repr(object.__init__))
print(repr(dict.__dict__["fromkeys"]), repr(len))
print(str.upper.__objclass__, int.__add__.__objclass__, (5).__add__.__self__, [1].append.__self__)
print(str.upper.__name__, str.upper.__qualname__, (1).__add__.__name__, int.__add__.__qualname__)
print(hasattr(str.upper, "__self__"), hasattr(len, "__self__"), hasattr("x".upper, "__self__"))
print(str.upper.__get__("abc")(), int.__add__.__get__(2)(3), str.upper.__get__(None, str) is str.upper)
print(int.__add__(1, 2), str.upper("q"), list.__len__([1, 2]), dict.__getitem__({1: "one"}, 1))
print(str.maketrans("ab", "xy"), bytes.maketrans(b"a", b"b")[97], "abc".maketrans("c", "d"))
for f in (lambda: str.upper(1), lambda: str.upper(), lambda: int.__add__("a", 1), lambda: str.upper.__get__(1)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)


class S(str):
    pass


print(type(S.upper), type(S("x").upper), type(S("x").__len__), S.upper(S("ab")))
print(callable(str.upper), str.upper == str.upper, (1).__add__ == (1).__add__)
for f in (lambda: int.__add__(), lambda: list.__len__(), lambda: object.__init__(), lambda: dict.__getitem__(),
          lambda: list.append(), lambda: object.__repr__()):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
