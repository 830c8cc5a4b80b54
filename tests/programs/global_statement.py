# global declarations and module-level state.
counter = 0
log = []
def increment():
    global counter
    counter += 1
    log.append(counter)
for _ in range(5):
    increment()
print(counter, log)
def create_new_global():
    global created
    created = "made inside function"
create_new_global()
print(created)
def read_only():
    return counter * 2
print(read_only())
def local_shadow():
    counter = -1
    return counter
print(local_shadow(), counter)
def unbound_local():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
unbound_local()
def nested_global():
    def inner():
        global counter
        counter = 1000
    inner()
nested_global()
print(counter)
def del_global():
    global created
    del created
del_global()
try:
    created
except NameError as e:
    print("NameError:", e)
CONFIG = {"debug": False}
def enable():
    CONFIG["debug"] = True
enable()
print(CONFIG)
print("counter" in globals(), "created" in globals(), globals()["counter"])
globals()["dynamic"] = 42
print(dynamic)
def mod_via_globals():
    g = globals()
    g["counter"] += 1
mod_via_globals()
print(counter)
x = 1
class Scope:
    x = 2
    y = x + 1
    def method(self):
        return x
    z = [x for _ in range(2)]
print(Scope.x, Scope.y, Scope().method(), Scope.z)
