# A round-robin cooperative task scheduler built on generators.
class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.time = 0
        self.log = []
        self.results = {}
    def spawn(self, name, gen):
        self.ready.append((name, gen, None))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.time = min(t for t, _, _ in self.sleeping)
                woke = [s for s in self.sleeping if s[0] <= self.time]
                self.sleeping = [s for s in self.sleeping if s[0] > self.time]
                for _, name, gen in woke:
                    self.ready.append((name, gen, "woke"))
                continue
            name, gen, value = self.ready.pop(0)
            try:
                cmd = gen.send(value)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.log.append(f"t={self.time} {name} finished -> {stop.value!r}")
                continue
            except Exception as e:
                self.log.append(f"t={self.time} {name} crashed: {type(e).__name__}: {e}")
                continue
            if cmd is None:
                self.ready.append((name, gen, None))
            elif cmd[0] == "sleep":
                self.sleeping.append((self.time + cmd[1], name, gen))
            elif cmd[0] == "log":
                self.log.append(f"t={self.time} {name}: {cmd[1]}")
                self.ready.append((name, gen, None))
            self.time += 1
def counter(n):
    total = 0
    for i in range(n):
        total += i
        yield ("log", f"count {i}")
    return total
def sleeper(d):
    yield ("log", "going to sleep")
    v = yield ("sleep", d)
    yield ("log", f"woke with {v}")
    return "rested"
def crasher():
    yield
    yield ("log", "about to fail")
    raise ValueError("task failed on purpose")
def pinger(times):
    for i in range(times):
        yield ("log", "ping" if i % 2 == 0 else "pong")
        yield
    return times
s = Scheduler()
s.spawn("counter", counter(4))
s.spawn("sleeper", sleeper(10))
s.spawn("crasher", crasher())
s.spawn("pinger", pinger(3))
s.run()
for line in s.log:
    print(line)
print(s.results, "final time", s.time)
