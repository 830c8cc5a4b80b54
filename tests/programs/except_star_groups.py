for args in [(), ("m",), ("m", []), (1, [ValueError()]), ("m", [1]), ("m", ValueError()), ("m", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(BaseExceptionGroup("m", [ValueError()]).__class__.__name__)
print(type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
class MyEG(ExceptionGroup): pass
try:
    MyEG("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
eg = ExceptionGroup("m", [ValueError(1), TypeError(2)])
print(str(eg), repr(eg), eg.args)
print(repr(eg.derive([KeyError(1)])))
print(ExceptionGroup("one", [ValueError()]))
try:
    eg.split(1)
except TypeError as e:
    print(e)
m = MyEG("mine", [ValueError(1), TypeError(2)])
a, b = m.split(ValueError)
print(type(a).__name__, type(b).__name__, a.message)
print(m.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg)
