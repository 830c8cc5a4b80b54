# The zlib module: one-shot and streaming compression in the zlib, raw deflate and gzip
# containers, checksums, and zlib's errors with CPython's messages.
import zlib

# Deterministic data: text, a byte ramp, and pseudo-random bytes from an LCG.
state = 12345
noise = bytearray()
for _ in range(3000):
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    noise.append(state >> 16 & 0xFF)
text = b"".join(b"The quick brown fox %d jumps over the lazy dog.\n" % i for i in range(400))
samples = [b"", b"a", text, bytes(range(256)) * 8, bytes(noise)]

print("constants", zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print("levels", zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print("strategies", zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print("flush", zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH,
      zlib.Z_BLOCK, zlib.Z_TREES)
print("versions are str", type(zlib.ZLIB_VERSION).__name__, type(zlib.ZLIB_RUNTIME_VERSION).__name__)
print("error", zlib.error.__name__, zlib.error.__module__, issubclass(zlib.error, Exception))

# One-shot round trips: every level with every container; the compressed bytes are
# zlib's own, so their lengths and checksums match CPython's.
for i, data in enumerate(samples):
    for level in (-1, 0, 1, 6, 9):
        for wbits in (15, 9, -15, -9, 31, 25):
            c = zlib.compress(data, level, wbits)
            ok = zlib.decompress(c, wbits) == data
            print(i, level, wbits, len(c), zlib.crc32(c), ok)
print(zlib.compress(b"hello"))
print(zlib.compress(b"hello", level=9, wbits=-15))
print(zlib.compress(b"hello", wbits=31))
print(zlib.compress(bytearray(b"abc")), zlib.compress(memoryview(b"abc")))
c = zlib.compress(text)
print(zlib.decompress(c, bufsize=1) == text, zlib.decompress(c, 15, 0) == text)
print("auto-detect", zlib.decompress(zlib.compress(text, wbits=31), 47) == text,
      zlib.decompress(c, 32 + 15) == text, zlib.decompress(c, 0) == text)

# Checksums, with running values.
print("crc32", zlib.crc32(b""), zlib.crc32(b"abc"), zlib.crc32(text), zlib.crc32(b"abc", 1))
print("adler32", zlib.adler32(b""), zlib.adler32(b"abc"), zlib.adler32(text), zlib.adler32(b"abc", 0))
crc, adler = 0, 1
for k in range(0, len(text), 777):
    crc = zlib.crc32(text[k:k + 777], crc)
    adler = zlib.adler32(text[k:k + 777], adler)
print("running", crc == zlib.crc32(text), adler == zlib.adler32(text), crc, adler)
print("masked start", zlib.crc32(b"x", -1), zlib.crc32(b"x", 2**40 + 7), zlib.adler32(b"x", -2))

# compressobj: streaming with flush modes, strategies, memLevel, zdict and copy.
co = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_FILTERED)
parts = [co.compress(text[:5000]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(text[5000:]),
         co.flush(zlib.Z_FULL_FLUSH), co.compress(bytes(noise)), co.flush()]
print("stream", [len(p) for p in parts], parts[1][-4:])
stream = b"".join(parts)
print(zlib.decompress(stream, -15) == text + bytes(noise))
print("no-flush", co.flush(zlib.Z_NO_FLUSH))
for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    for mem in (1, 8, 9):
        co = zlib.compressobj(6, zlib.DEFLATED, 15, mem, strategy)
        out = co.compress(text) + co.flush()
        print("strategy", strategy, mem, len(out), zlib.adler32(out))
co = zlib.compressobj(wbits=31)
gz = co.compress(text) + co.flush()
print("gzip container", gz[:10], len(gz), zlib.decompress(gz, 31) == text)

zdict = b"quick brown fox jumps over the lazy dog"
co = zlib.compressobj(zdict=zdict)
withdict = co.compress(text[:200]) + co.flush()
print("zdict", len(withdict), len(zlib.compress(text[:200])))
do = zlib.decompressobj(zdict=zdict)
print(do.decompress(withdict) == text[:200], do.eof)
do = zlib.decompressobj(zdict=bytearray(zdict))
print(do.decompress(withdict) == text[:200])
co = zlib.compressobj(wbits=-15, zdict=zdict)
raw = co.compress(text[:200]) + co.flush()
print(zlib.decompressobj(-15, zdict=zdict).decompress(raw) == text[:200])
try:
    zlib.decompressobj().decompress(withdict)
except zlib.error as e:
    print("no zdict:", e)

co = zlib.compressobj()
head = co.compress(text[:3000])
twin = co.copy()
a = head + co.compress(b"AAAA") + co.flush()
b = head + twin.compress(b"BBBB") + twin.flush()
print("copy", zlib.decompress(a)[-6:], zlib.decompress(b)[-6:])
import copy
co = zlib.compressobj()
h = co.compress(b"abc")
print("copy module", zlib.decompress(h + copy.copy(co).flush()), zlib.decompress(h + copy.deepcopy(co).flush()))

# decompressobj: max_length, unconsumed_tail, unused_data, eof, flush, copy.
c = zlib.compress(text)
do = zlib.decompressobj()
out = do.decompress(c, 100)
print("max_length", len(out), len(do.unconsumed_tail), do.eof, do.unused_data)
chunks = [out]
while do.unconsumed_tail:
    chunks.append(do.decompress(do.unconsumed_tail, 4096))
print([len(x) for x in chunks], do.eof, b"".join(chunks) == text, do.unconsumed_tail)
print("flush after eof", do.flush(), do.eof)

do = zlib.decompressobj()
out = b""
for k in range(0, len(c), 50):
    out += do.decompress(c[k:k + 50])
print("fed in pieces", out == text, do.eof, do.unused_data)

do = zlib.decompressobj()
out = do.decompress(c + b"trailing junk")
print("unused", out == text, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data)

do = zlib.decompressobj()
out = do.decompress(c[:len(c) // 2])
rest = do.flush()
print("partial flush", len(out) + len(rest) < len(text), do.eof)
do = zlib.decompressobj()
out = do.decompress(c, 10)
rest = do.flush()
print("flush consumes tail", len(out), len(rest), out + rest == text, do.eof, do.unconsumed_tail)
do = zlib.decompressobj()
out = do.decompress(c, 10)
print("flush length", len(do.flush(1)) == len(text) - 10)

do = zlib.decompressobj()
first = do.decompress(c[:300])
twin = do.copy()
print("decomp copy", (first + do.decompress(c[300:])) == text, (first + twin.decompress(c[300:])) == text)

# Errors, with zlib's own messages.
def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", r if not isinstance(r, bytes) else len(r))

attempt("bad header", lambda: zlib.decompress(b"not compressed data"))
attempt("truncated", lambda: zlib.decompress(c[:-5]))
attempt("empty", lambda: zlib.decompress(b""))
attempt("raw as zlib", lambda: zlib.decompress(zlib.compress(b"abc", wbits=-15)))
attempt("zlib as raw", lambda: zlib.decompress(zlib.compress(b"abc"), -15))
attempt("zlib as gzip", lambda: zlib.decompress(zlib.compress(b"abc"), 31))
attempt("bad method", lambda: zlib.decompress(b"\x1f\x8b" + bytes(20), 31))
attempt("bad checksum", lambda: zlib.decompress(c[:-1] + bytes([c[-1] ^ 1])))
attempt("level 10", lambda: zlib.compress(b"x", 10))
attempt("wbits 40", lambda: zlib.compress(b"x", wbits=40))
attempt("decomp wbits 2", lambda: zlib.decompress(b"x", 2))
attempt("obj wbits 2", lambda: zlib.decompressobj(2))
attempt("comp method 3", lambda: zlib.compressobj(method=3))
attempt("comp memLevel 0", lambda: zlib.compressobj(memLevel=0))
attempt("bufsize", lambda: zlib.decompress(c, bufsize=-1))
attempt("max_length", lambda: zlib.decompressobj().decompress(c, -1))
attempt("flush length", lambda: zlib.decompressobj().flush(0))
attempt("str data", lambda: zlib.compress("text"))
attempt("str crc", lambda: zlib.crc32("text"))
attempt("float level", lambda: zlib.compress(b"x", 1.5))
attempt("big level", lambda: zlib.compress(b"x", 2**40))
attempt("zdict type", lambda: zlib.decompressobj(zdict="abc"))
attempt("no args", lambda: zlib.compress())
attempt("too many", lambda: zlib.compress(b"", 1, 15, 3))
attempt("kw posonly", lambda: zlib.compress(data=b""))
attempt("kw unknown", lambda: zlib.compress(b"", levle=1))
attempt("crc no args", lambda: zlib.crc32())
attempt("crc keywords", lambda: zlib.crc32(b"", value=1))
attempt("method kw", lambda: zlib.compressobj().flush(mode=2))
attempt("corrupt stream", lambda: zlib.decompressobj().decompress(b"\x78\x9c\xff\xff\xff"))
co = zlib.compressobj()
co.compress(b"abc")
co.flush()
attempt("compress after finish", lambda: co.compress(b"x"))
attempt("flush after finish", lambda: co.flush())
attempt("copy after finish", lambda: co.copy())
do = zlib.decompressobj()
do.decompress(zlib.compress(b"abc"))
do.flush()
attempt("decompress after end", lambda: do.decompress(b"x"))
attempt("copy after end", lambda: do.copy())
attempt("flush after end", lambda: do.flush())
try:
    zlib.decompress(b"\x78\x9c garbage")
except zlib.error as e:
    print("caught", repr(e), e.args)
