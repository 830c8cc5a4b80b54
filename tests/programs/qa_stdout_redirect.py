# capturing output by replacing sys.stdout
import sys
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def getvalue(self):
        return "".join(self.parts)
def noisy(n):
    for i in range(n):
        print("line", i)
    print("done", end="!")
cap = Capture()
old = sys.stdout
sys.stdout = cap
noisy(3)
sys.stdout = old
print("captured:", repr(cap.getvalue()), len(cap.parts))
log = Capture()
print("to log", 1, 2, sep="|", file=log)
print("second", file=log, end="")
print(repr(log.getvalue()))
class Tee:
    def __init__(self, *streams):
        self.streams = streams
    def write(self, s):
        for st in self.streams:
            st.write(s)
    def flush(self):
        for st in self.streams:
            st.flush()
c2 = Capture()
sys.stdout = Tee(old, c2)
print("both places")
sys.stdout = sys.__stdout__
print("restored", repr(c2.getvalue()))
class Upper:
    def write(self, s):
        sys.__stdout__.write(s.upper())
sys.stdout = Upper()
print("shout this", 42)
sys.stdout = old
errcap = Capture()
olderr = sys.stderr
sys.stderr = errcap
print("warning text", file=sys.stderr)
sys.stderr = olderr
print("stderr captured:", repr(errcap.getvalue()))
class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError:", e)
def with_redirect(fn, *a):
    saved = sys.stdout
    buf = Capture()
    sys.stdout = buf
    try:
        fn(*a)
    finally:
        sys.stdout = saved
    return buf.getvalue()
out = with_redirect(noisy, 2)
print(out.splitlines())
try:
    with_redirect(lambda: 1 / 0)
except ZeroDivisionError:
    print("stdout restored after error:", sys.stdout is old)
sys.stdout.write("direct write\n")
n = sys.stdout.write("count me\n")
print(n)
sys.stdout.flush()
print(sys.stdout.isatty() in (True, False), hasattr(sys.stdout, "encoding"))
