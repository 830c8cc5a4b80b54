# pickle round trips (pure-Python pickle over io.BytesIO.getbuffer), plus the io fixes
# it needed: BytesIO.getbuffer, settable raw file names (tempfile), fspath'd OSError names.
import hashlib
import io
import pickle
import tempfile
from pathlib import Path


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


print(pickle.dumps([1]))
print(pickle.dumps({"a": (1, 2.5, None)}))
print(pickle.dumps(Point(1, "y"), protocol=4))

objs = [
    [1, 2, 3], {"a": 1, "b": [2, 3]}, (1, "x", None), (), {1, 2, 3}, frozenset({4}), "héllo", "",
    b"\x00\xff", bytearray(b"ab"), 0, -5, 255, 65536, 2**100, -2**70, 1.5, -0.0, float("inf"),
    None, True, False, [[{"k": (1, 2)}]], Point(1, [2]), {"p": Point("x", None)}, b"x" * 1000,
    "s" * 70000, list(range(2000)),
]
for proto in range(3, pickle.HIGHEST_PROTOCOL + 1):
    bad = []
    for o in objs:
        r = pickle.loads(pickle.dumps(o, protocol=proto))
        if r != o or type(r) is not type(o):
            bad.append(o)
    print("protocol", proto, "round trips:", len(objs) - len(bad), "of", len(objs), bad)

shared = [1, 2]
r = pickle.loads(pickle.dumps([shared, shared]))
print(r, r[0] is r[1])
rec = []
rec.append(rec)
r = pickle.loads(pickle.dumps(rec))
print(r[0] is r)

buf = io.BytesIO()
pickle.dump({"k": [1, 2]}, buf)
buf.seek(0)
print(pickle.load(buf))

b = io.BytesIO(b"abc")
m = b.getbuffer()
print(type(m).__name__, bytes(m), len(m), m[0], m.tobytes(), m[1:].tobytes())
print(hashlib.file_digest(io.BytesIO(b"x"), "sha256").hexdigest())

with tempfile.NamedTemporaryFile() as f:
    f.write(b"x")
    f.seek(0)
    print("NamedTemporaryFile", f.read(), type(f.name).__name__)
with tempfile.NamedTemporaryFile("w+") as f:
    f.write("hi")
    f.seek(0)
    print("NamedTemporaryFile text", f.read(), type(f.name).__name__)
with tempfile.TemporaryFile() as f:
    f.write(b"xyz")
    f.seek(1)
    print("TemporaryFile", f.read(), type(f.name).__name__)
with tempfile.TemporaryFile("w+") as f:
    f.write("xyz")
    f.seek(0)
    print("TemporaryFile text", f.read(), type(f.name).__name__)

try:
    open(Path("missing-stdlib-pickle.txt"))
except OSError as e:
    print(type(e).__name__, e, repr(e.filename))
try:
    open(Path("/"))
except OSError as e:
    print(type(e).__name__, e, repr(e.filename))
with tempfile.TemporaryFile("w+") as f:
    try:
        f.name = "q"
    except AttributeError as e:
        print(e)
