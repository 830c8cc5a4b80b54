# traffic light / vending state machine with match on tuples and enums-by-hand
class State:
    _all = {}
    def __init__(self, name, duration):
        self.name, self.duration = name, duration
        State._all[name] = self
    def __repr__(self):
        return f"<{self.name}>"
    @classmethod
    def get(cls, name):
        return cls._all[name]
RED, GREEN, YELLOW, FLASH = State("red", 4), State("green", 3), State("yellow", 1), State("flash", 0)

def transition(state, event):
    match (state.name, event):
        case ("red", "tick") | ("flash", "reset"):
            return GREEN if state is RED else RED
        case ("green", "tick"):
            return YELLOW
        case ("yellow", "tick"):
            return RED
        case (_, "fault"):
            return FLASH
        case ("flash", _):
            return FLASH
        case (name, ev):
            raise ValueError(f"no transition from {name} on {ev}")

state = RED
timeline = []
events = ["tick"] * 5 + ["fault", "tick", "reset", "tick", "bogus"]
for ev in events:
    try:
        new = transition(state, ev)
    except ValueError as e:
        timeline.append(f"!{e}")
        continue
    timeline.append(f"{state.name}->{new.name}")
    state = new
print("\n".join(timeline))

class Vending:
    PRICES = {"A1": 125, "A2": 90, "B1": 200}
    def __init__(self):
        self.credit = 0
        self.state = "idle"
        self.sales = []
    def handle(self, cmd, *args):
        match self.state, cmd, args:
            case _, "coin", (int(c),) if c in (5, 10, 25, 100):
                self.credit += c
                self.state = "has_credit"
                return f"credit {self.credit}"
            case _, "coin", (c,):
                return f"rejected coin {c!r}"
            case "has_credit", "select", (code,) if code in self.PRICES:
                price = self.PRICES[code]
                if self.credit < price:
                    return f"need {price - self.credit} more"
                self.credit -= price
                self.sales.append(code)
                change = self._change()
                self.state = "idle"
                return f"vend {code}, change {change}"
            case _, "select", (code,):
                return f"cannot select {code} in state {self.state}"
            case _, "refund", ():
                ch = self._change()
                self.state = "idle"
                return f"refund {ch}"
            case _:
                return f"unknown {cmd}{args}"
    def _change(self):
        coins = []
        for c in (100, 25, 10, 5):
            n, self.credit = divmod(self.credit, c)
            coins += [c] * n
        return coins
v = Vending()
script = [("select", "A1"), ("coin", 100), ("coin", 3), ("coin", 25), ("coin", 25), ("select", "A1"),
          ("coin", 100), ("select", "B1"), ("select", "Z9"), ("refund",), ("dance", 1, 2), ("coin", 25.0)]
for cmd, *args in script:
    print(f"{cmd:7} {str(args):10} -> {v.handle(cmd, *args)}")
print(v.sales, v.credit, v.state)
