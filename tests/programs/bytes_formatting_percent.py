# %-formatting of bytes and building binary data by hand.
print(b"%s and %s" % (b"this", b"that"))
print(b"%d %i %x %X %o %c %%" % (42, -7, 255, 255, 8, 65))
print(b"%5d|%-5d|%05d|%+d" % (1, 2, 3, 4))
print(b"%r %a" % ("é", "é"))
print(b"%(a)s-%(b)d" % {b"a": b"x", b"b": 5})
print(b"%.2f %e" % (3.14159, 1234.5))
def u16le(n):
    return bytes([n & 0xFF, (n >> 8) & 0xFF])
def u32be(n):
    return bytes([(n >> 24) & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF])
header = b"KRT\x00" + u16le(3) + u32be(0xDEADBEEF)
print(header, header.hex(" "), len(header))
def read_u32be(b, off):
    return (b[off] << 24) | (b[off + 1] << 16) | (b[off + 2] << 8) | b[off + 3]
print(hex(read_u32be(header, 6)), header[4] | header[5] << 8)
records = [(1, b"alpha"), (2, b"be"), (300, b"gamma!")]
blob = bytearray()
for rid, name in records:
    blob += u16le(rid) + bytes([len(name)]) + name
print(blob.hex())
pos = 0
while pos < len(blob):
    rid = blob[pos] | blob[pos + 1] << 8
    n = blob[pos + 2]
    name = bytes(blob[pos + 3:pos + 3 + n])
    print(rid, n, name)
    pos += 3 + n
def checksum(data):
    s1, s2 = 1, 0
    for byte in data:
        s1 = (s1 + byte) % 65521
        s2 = (s2 + s1) % 65521
    return (s2 << 16) | s1
print(checksum(b"Wikipedia"), hex(checksum(bytes(range(256)) * 4)))
try:
    b"%s" % "text"
except TypeError as e:
    print("TypeError:", e)
