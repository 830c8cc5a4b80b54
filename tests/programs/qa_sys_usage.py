# sys module usage
import sys
print(len(sys.argv), sys.argv[0].endswith("sys_usage.py"), sys.argv[1:])
args = sys.argv[1:]
opts = {}
pos = []
i = 0
while i < len(args):
    a = args[i]
    if a.startswith("--"):
        if "=" in a:
            k, v = a[2:].split("=", 1)
            opts[k] = v
        else:
            opts[a[2:]] = True
    elif a.startswith("-") and len(a) > 1:
        for ch in a[1:]:
            opts[ch] = True
    else:
        pos.append(a)
    i += 1
print(opts, pos)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, type(sys.version).__name__)
print(sys.version_info[0], sys.version_info.major, sys.version_info >= (3, 8), sys.version_info[:2])
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(150 < d < 200)
sys.setrecursionlimit(1000)
sys.stdout.write("written directly\n")
print("to stderr", file=sys.stderr)
print(sys.platform in ("linux", "darwin", "win32"), sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit in (15, 30))
print(type(sys.modules).__name__, "sys" in sys.modules, sys.__name__, type(sys.path).__name__)
print(sys.stdout.write("abc") , flush=True)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev), tb is not None)
print(sys.stdin.read() == "")
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError", repr(str(e)))
def main():
    if "--fail" in opts:
        return 2
    return 0
code = main()
print("exiting with", code)
sys.exit(code if not pos else len(pos))
