import pickle, copy, io, json
from dataclasses import dataclass, field
from collections import OrderedDict, defaultdict, Counter, deque
from enum import Enum
class Level(Enum):
    EASY = 1; HARD = 2
@dataclass
class Player:
    name: str
    hp: int = 100
    items: list = field(default_factory=list)
    level: Level = Level.EASY
class Game:
    def __init__(self):
        self.players = [Player("ann", items=["sword"]), Player("bob", 80, level=Level.HARD)]
        self.turn = 3
        self.log = deque(["start"], maxlen=5)
        self.stats = Counter(kills=2)
        self.cache = None
    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "rebuilt"
g = Game()
data = pickle.dumps(g)
g2 = pickle.loads(data)
print(g2.players, g2.turn, g2.log, g2.stats, g2.cache, g2.players[1].level is Level.HARD)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    obj = {"t": (1, 2.5, "s", b"b", None, True), "s": {1, 2}, "f": frozenset("ab"), "n": [[1], {"k": OrderedDict(a=1)}], "big": 2**100, "c": 1 + 2j}
    assert pickle.loads(pickle.dumps(obj, protocol=proto)) == obj, proto
print("all protocols ok", pickle.HIGHEST_PROTOCOL)
buf = io.BytesIO()
pickle.dump([1, 2, 3], buf); pickle.dump("second", buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
dd = defaultdict(list, {"a": [1]})
dd2 = pickle.loads(pickle.dumps(dd)); dd2["b"].append(2); print(dd2)
shared = [1, 2]
pair = pickle.loads(pickle.dumps([shared, shared]))
print(pair[0] is pair[1], copy.deepcopy([shared, shared])[0] is not shared)
rec = []; rec.append(rec)
r2 = pickle.loads(pickle.dumps(rec)); print(r2[0] is r2)
class NoPickle:
    def __reduce__(self):
        raise TypeError("cannot pickle NoPickle objects")
try:
    pickle.dumps(NoPickle())
except TypeError as e:
    print(e)
import tempfile, os
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "save.pkl")
    open(path, "wb").close()
    try:
        with open(path, "rb") as fh:
            pickle.load(fh)
    except EOFError as e:
        print("empty save file:", e)
    with open(path, "wb") as fh:
        pickle.dump(g, fh)
    with open(path, "rb") as fh:
        print("reloaded turn", pickle.load(fh).turn)
for bad in [b"", b"\x80", b"\x80\x04K", pickle.dumps([1, 2], protocol=2)[:-1]]:
    try:
        pickle.loads(bad)
    except (pickle.UnpicklingError, EOFError) as e:
        print(type(e).__name__, e)
print(json.dumps([p.__dict__ for p in g.players], default=lambda o: o.name))
whole = pickle.dumps({"a": [1, 2, 3], "b": "text" * 3})
for cut in [whole[:5], whole[:20], whole[:-1], pickle.dumps([1, 2], protocol=0)[:-1], pickle.dumps([1, 2], protocol=0)[:4], pickle.dumps([1, "x"], protocol=2)[:6]]:
    try:
        pickle.loads(cut)
    except Exception as e:
        print("cut:", type(e).__name__, e)
pickle.loads(pickle.dumps(g)[:40])
