# sparse matrix with tuple-key __getitem__/__setitem__ and slicing
class Sparse:
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.data = {}
    def _check(self, r, c):
        if not (0 <= r < self.rows and 0 <= c < self.cols):
            raise IndexError(f"index ({r}, {c}) out of range for {self.rows}x{self.cols}")
    def __getitem__(self, key):
        match key:
            case (int(r), int(c)):
                self._check(r, c)
                return self.data.get((r, c), 0)
            case (int(r), slice() as s):
                return [self[r, c] for c in range(*s.indices(self.cols))]
            case (slice() as s, int(c)):
                return [self[r, c] for r in range(*s.indices(self.rows))]
            case int(r):
                return self[r, :]
            case _:
                raise TypeError(f"bad index {key!r}")
    def __setitem__(self, key, v):
        r, c = key
        self._check(r, c)
        if v:
            self.data[key] = v
        else:
            self.data.pop(key, None)
    def __delitem__(self, key):
        del self.data[key]
    def __len__(self):
        return len(self.data)
    def __iter__(self):
        return iter(sorted(self.data.items()))
    def __matmul__(self, o):
        out = Sparse(self.rows, o.cols)
        for (i, k), v in self.data.items():
            for j in range(o.cols):
                w = o.data.get((k, j))
                if w:
                    out[i, j] = out[i, j] + v * w
        return out
    def transpose(self):
        t = Sparse(self.cols, self.rows)
        t.data = {(c, r): v for (r, c), v in self.data.items()}
        return t
    def __str__(self):
        return "\n".join(" ".join(f"{self[r, c]:3}" for c in range(self.cols)) for r in range(self.rows))
m = Sparse(4, 5)
m[0, 0] = 1; m[1, 2] = 5; m[3, 4] = -2; m[2, 1] = 7; m[1, 2] = 0; m[1, 3] = 3
print(m)
print(len(m), list(m), m[1], m[:, 1], m[1, 1:4], m[::2, 0], m[3, ::-1])
t = m.transpose()
print(t.rows, t.cols, t[4, 3])
p = m @ t
print(p)
for bad in [(9, 9), ("a", 1), 1.5]:
    try:
        print(m[bad])
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    del m[0, 1]
except KeyError as e:
    print("KeyError:", e)
del m[0, 0]
print(len(m), sorted(m.data))
