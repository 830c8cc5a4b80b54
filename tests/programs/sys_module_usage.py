# The sys module: argv, path, modules, version_info, maxsize, recursion limit, float_info.
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_module_usage.py"), sys.argv[1:])
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path), len(sys.path) > 0)
print("sys" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__, type(sys.modules).__name__)
print(sys.version_info[:2] >= (3, 8), sys.version_info[0], sys.version_info >= (3,), sys.version_info.major == sys.version_info[0])
print(sys.version_info[:2] == (3, 11), sys.version_info < (4, 0), isinstance(sys.version, str))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1, -sys.maxsize - 1)
old = sys.getrecursionlimit()
print(old, type(old).__name__)
sys.setrecursionlimit(2500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.byteorder in ("little", "big"), isinstance(sys.platform, str), sys.exc_info())
def who_am_i():
    return sys._getframe().f_code.co_name if hasattr(sys, "_getframe") else "who_am_i"
print(who_am_i())
this = sys.modules[__name__]
this.dynamic_global = "set via module object"
print(dynamic_global)
print(hasattr(sys, "stdout"), hasattr(sys, "stderr"), sys.stdout is not sys.stderr)
sys.stdout.write("via sys.stdout.write\n")
print(sys.intern("abc") == "abc", isinstance(sys.maxunicode, int), sys.maxunicode)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
