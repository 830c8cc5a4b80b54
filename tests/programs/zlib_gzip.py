# gzip (CPython's pure-Python module) over Krait's zlib: one-shot compress/decompress
# with a fixed mtime, and GzipFile reading and writing an io.BytesIO.
import gzip
import io
import zlib

text = b"".join(b"record %05d: %s\n" % (i, b"xyz" * (i % 7)) for i in range(1500))

g = gzip.compress(text, mtime=0)
print("compress", len(g), g[:10], zlib.crc32(g))
print("roundtrip", gzip.decompress(g) == text)
for level in (0, 1, 5, 9):
    c = gzip.compress(text, compresslevel=level, mtime=0)
    print("level", level, len(c), c[8], zlib.crc32(c), gzip.decompress(c) == text)
print("empty", gzip.compress(b"", mtime=0), gzip.decompress(gzip.compress(b"", mtime=0)))
print("two members", gzip.decompress(g + gzip.compress(b"tail", mtime=0))[-10:])
print("zlib reads gzip", zlib.decompress(g, 31) == text, zlib.decompress(g, 47) == text)

buf = io.BytesIO()
with gzip.GzipFile(filename="data.txt", mode="wb", fileobj=buf, mtime=0) as f:
    f.write(text[:1000])
    f.write(memoryview(text)[1000:5000])
    f.write(bytearray(text[5000:]))
raw = buf.getvalue()
print("GzipFile write", len(raw), raw[:16], zlib.crc32(raw))

with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print("read(20)", f.read(20))
    print("readline", f.readline())
    print("peek ok", len(f.peek(5)) > 0)
    rest = f.read()
    print("rest", len(rest), text.endswith(rest))
    print("mtime", f.mtime)

with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    lines = f.readlines()
    print("lines", len(lines), lines[0], lines[-1])

with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    f.seek(5000)
    print("seek", f.tell(), f.read(16))

with gzip.open(io.BytesIO(raw + gzip.compress(b"second member\n", mtime=0)), "rb") as f:
    data = f.read()
    print("multi-member", len(data), data[-14:])

with gzip.open(io.BytesIO(raw), "rt", encoding="ascii") as f:
    print("text mode", f.readline().rstrip(), sum(1 for _ in f))

try:
    gzip.decompress(b"\x1f\x8b\x08\x00" + bytes(6) + b"garbage")
except Exception as e:
    print("bad data", type(e).__name__, e)
try:
    gzip.decompress(g[:-3])
except Exception as e:
    print("truncated", type(e).__name__, e)
try:
    gzip.decompress(b"plain text")
except Exception as e:
    print("not gzip", type(e).__name__, e)
bad = bytearray(g)
bad[-5] ^= 0xFF
try:
    gzip.decompress(bytes(bad))
except Exception as e:
    print("bad crc", type(e).__name__, e)
