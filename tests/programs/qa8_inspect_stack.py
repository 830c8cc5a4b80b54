import inspect, sys
def log(msg):
    caller = inspect.stack()[1]
    print(f"[{caller.function}:{caller.lineno}] {msg} | {caller.code_context[0].strip()!r} idx={caller.index}")
def compute(x):
    log(f"computing {x}")
    y = x * 2
    log("done")
    return y
class Service:
    def run(self):
        log("running")
        return [compute(i) for i in range(2)]
Service().run()
def info():
    fr = inspect.currentframe(); fi = inspect.getframeinfo(fr)
    print(fi.function, fi.lineno, fi.code_context, fi.index)
    outer = inspect.getouterframes(fr)
    print([o.function for o in outer])
    print(inspect.getframeinfo(fr.f_back).function, fr.f_back.f_lineno)
info()
def trace_me():
    frames = []; f = sys._getframe()
    while f:
        frames.append((f.f_code.co_name, f.f_back.f_lineno if f.f_back else None))
        f = f.f_back
    return frames
print(trace_me())
print(inspect.getsource(compute))
print(inspect.getsourcelines(log)[1], inspect.getmodule(compute).__name__, inspect.getfile(compute).endswith("inspect_stack.py"))
try:
    1 / 0
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    fi = inspect.getframeinfo(tb)
    print(fi.lineno, fi.function, fi.code_context, fi.positions)
    print(inspect.getinnerframes(tb)[0].lineno)
