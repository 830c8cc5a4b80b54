import struct

packed = struct.pack("<IhBx3sd", 1, -2, 255, b"abc", 1.5)
print(packed, len(packed), struct.calcsize("<IhBx3sd"), struct.calcsize("@Ihd"))
print(struct.unpack("<IhBx3sd", packed))
print(struct.pack(">I", 0x01020304), struct.pack("!h", -1), struct.unpack(">Q", b"\x00" * 7 + b"\x2a"))
print(struct.pack("?", True), struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)))
s = struct.Struct("<2H")
print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00"), list(s.iter_unpack(b"\x01\x00\x02\x00" * 2)))
buf = bytearray(8)
struct.pack_into("<hh", buf, 2, 7, -7)
print(buf, struct.unpack_from("<hh", buf, 2), struct.pack("5p", b"hi"), struct.pack("<q", -2**63))
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("error:", e)
try:
    struct.unpack("<I", b"ab")
except struct.error as e:
    print("error:", e)
print(struct.pack("<e", 1.5), struct.unpack("<e", b"\x00\x3c"), struct.pack("c", b"z"), struct.pack("<3i", 1, 2, 3))
