# io.BufferedReader and TextIOWrapper over a raw stream written in Python (an
# io.RawIOBase subclass, as gzip's reader is); object.__str__ calls the type's __repr__.
import io


class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


r = io.BufferedReader(Raw(b"hello\nworld\nlast"), buffer_size=4)
print(type(r).__name__, r.readline(), r.read(3), r.peek(1)[:1], r.read())
t = io.TextIOWrapper(io.BufferedReader(Raw("héllo\nwörld\n".encode())), encoding="utf-8")
print(t.readlines())
lines = [line.rstrip() for line in io.BufferedReader(Raw(b"a\nbb\nccc"))]
print(lines)


class Obj:
    def __repr__(self):
        return "Obj!"


print(object.__str__(Obj()), str(Obj()), f"{Obj()}", [Obj()], "%s" % Obj())
