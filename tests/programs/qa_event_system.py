# observer pattern with callbacks, priorities, and error isolation
class EventBus:
    def __init__(self):
        self.handlers = {}
        self.history = []
    def on(self, event, priority=0):
        def register(fn):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), fn))
            return fn
        return register
    def off(self, event, fn):
        before = len(self.handlers.get(event, []))
        self.handlers[event] = [h for h in self.handlers.get(event, []) if h[2] is not fn]
        return before - len(self.handlers[event])
    def emit(self, event, *args, **kwargs):
        results = []
        for prio, _, fn in sorted(self.handlers.get(event, []), key=lambda h: (-h[0], h[1])):
            try:
                r = fn(*args, **kwargs)
            except StopPropagation as sp:
                results.append(("stopped", fn.__name__, str(sp)))
                break
            except Exception as e:
                results.append(("error", fn.__name__, f"{type(e).__name__}: {e}"))
            else:
                results.append(("ok", fn.__name__, r))
        self.history.append((event, len(results)))
        return results
class StopPropagation(Exception):
    pass
bus = EventBus()
@bus.on("login")
def greet(user, **kw):
    return f"welcome {user}"
@bus.on("login", priority=10)
def audit(user, ip="?"):
    return f"audit {user}@{ip}"
@bus.on("login", priority=5)
def check_banned(user, **kw):
    if user == "mallory":
        raise StopPropagation("banned user")
    return "not banned"
@bus.on("login", priority=-1)
def flaky(user, **kw):
    return 1 / len(user.strip())
for user in ["alice", "mallory", "  "]:
    for r in bus.emit("login", user, ip="10.0.0.1"):
        print(f"{user!r:10} {r}")
print(bus.emit("logout", "alice"))
print(bus.off("login", flaky), bus.off("login", flaky))
print([h[2].__name__ for h in bus.handlers["login"]])
counter = {"n": 0}
def make_handler(tag):
    def handler(*a):
        counter["n"] += 1
        return f"{tag}:{a}"
    handler.__name__ = f"handler_{tag}"
    return handler
for t in "abc":
    bus.on("tick", priority=ord(t) % 3)(make_handler(t))
print(bus.emit("tick", 1, 2))
print(counter, bus.history)
