import io
import os
import tempfile

s = io.StringIO()
s.write("hello\n")
print("world", file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(s.readline(), s.read(), s.read() == "")
r = io.StringIO("a\nb\nc")
print(list(r), io.StringIO("x\ny\n").readlines())
b = io.BytesIO(b"\x00\x01binary")
print(b.read(2), b.read(), b.getvalue()[:3], b.seek(0, io.SEEK_END), b.tell())
b.write(b"!!")
print(b.getvalue())
with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, "t.txt")
    with open(fn, "w", encoding="utf-8") as f:
        f.write("ünïcode\nline two\n")
        f.writelines(["x\n", "y\n"])
    with open(fn, encoding="utf-8") as f:
        print(f.readline().rstrip(), f.readlines())
    with open(fn, "rb") as f:
        data = f.read()
        print(len(data), data[:4], f.tell())
    with open(fn, "a") as f:
        f.write("appended")
    with open(fn) as f:
        for i, line in enumerate(f):
            pass
        print(i, repr(line))
    with open(fn, "r+b") as f:
        f.seek(2)
        f.write(b"XX")
    with io.open(fn, "rb") as f:
        print(f.read(6))
    with open(fn, "w", newline="") as f:
        f.write("a\r\nb\n")
    with open(fn, newline=None) as f:
        print(repr(f.read()))
    try:
        open(os.path.join(d, "missing"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.strerror)
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
w.write("é")
w.flush()
print(w.buffer.getvalue(), isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), io.DEFAULT_BUFFER_SIZE)
