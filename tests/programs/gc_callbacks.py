# gc.callbacks: called with ("start", info) and ("stop", info) around explicit
# collections; exceptions in a callback are reported and ignored.
import gc

gc.disable()
gc.collect()
events = []


def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))


class Cycle:
    def __init__(self):
        self.me = self


gc.callbacks.append(cb)
for _ in range(3):
    Cycle()
n = gc.collect()
print(events)
print("returns an int:", type(n).__name__)

found = []


def count(phase, info):
    if phase == "stop":
        found.append(type(info["collected"]).__name__)


gc.callbacks.append(count)
for _ in range(5):
    Cycle()
gc.collect()
print(len(events), found)


def bad(phase, info):
    raise ValueError("bad callback " + phase)


gc.callbacks.insert(0, bad)
gc.collect()
print(len(events))
gc.callbacks.clear()
gc.collect()
print(len(events))
gc.enable()
print("done")
