from enum import Enum, auto
class S(Enum):
    IDLE = auto(); RUNNING = auto(); PAUSED = auto(); DONE = auto(); ERROR = auto()
class InvalidTransition(Exception):
    def __init__(self, src, event):
        super().__init__(f"cannot {event!r} from {src.name}")
        self.src, self.event = src, event
TRANSITIONS = {
    (S.IDLE, "start"): S.RUNNING, (S.RUNNING, "pause"): S.PAUSED, (S.PAUSED, "resume"): S.RUNNING,
    (S.RUNNING, "finish"): S.DONE, (S.RUNNING, "fail"): S.ERROR, (S.ERROR, "reset"): S.IDLE,
    (S.PAUSED, "reset"): S.IDLE,
}
class Machine:
    def __init__(self):
        self.state = S.IDLE
        self.history = [S.IDLE]
        self.listeners = []
    def on(self, fn):
        self.listeners.append(fn)
        return fn
    def fire(self, event):
        try:
            nxt = TRANSITIONS[(self.state, event)]
        except KeyError:
            raise InvalidTransition(self.state, event) from None
        old, self.state = self.state, nxt
        self.history.append(nxt)
        for fn in self.listeners:
            fn(old, nxt, event)
m = Machine()
@m.on
def log(old, new, ev):
    print(f"  {old.name:>8} --{ev}--> {new.name}")
for ev in ["start", "pause", "resume", "fail", "reset", "start", "finish", "start"]:
    try:
        m.fire(ev)
    except InvalidTransition as e:
        print("  rejected:", e, "| cause:", e.__cause__, "| suppress:", e.__suppress_context__)
print([s.name for s in m.history])
counts = {}
for s in m.history:
    counts[s] = counts.get(s, 0) + 1
print({k.name: v for k, v in counts.items()})
print(S.DONE.value, S(3), S["ERROR"], S.IDLE < S.DONE if hasattr(S.IDLE, "__lt__") and False else "no-order")
def traffic(cycles):
    states = ["green", "yellow", "red"]
    durations = {"green": 3, "yellow": 1, "red": 2}
    t = 0
    for c in range(cycles):
        for s in states:
            yield t, s
            t += durations[s]
print(list(traffic(2)))
m.fire("explode")
