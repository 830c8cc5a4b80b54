# bytes / bytearray processing: checksum, hexdump, simple RLE
data = bytes(range(0, 256, 7)) + b"Hello, World!\n\x00\xff"
def hexdump(b, width=8):
    for off in range(0, len(b), width):
        chunk = b[off:off + width]
        hexpart = " ".join(f"{x:02x}" for x in chunk)
        text = "".join(chr(x) if 32 <= x < 127 else "." for x in chunk)
        print(f"{off:04x}  {hexpart:<{width * 3}} |{text}|")
hexdump(data)
def checksum(b):
    s = 0
    for x in b:
        s = (s * 31 + x) & 0xFFFFFFFF
    return s
print(checksum(data), sum(data) % 256, max(data), data.count(0), data.find(b"World"), data.index(72))
def rle(b):
    out = bytearray()
    i = 0
    while i < len(b):
        j = i
        while j < len(b) and b[j] == b[i] and j - i < 255:
            j += 1
        out += bytes([j - i, b[i]])
        i = j
    return bytes(out)
def unrle(b):
    out = bytearray()
    for k in range(0, len(b), 2):
        out.extend(b[k + 1:k + 2] * b[k])
    return bytes(out)
raw = b"aaaabbbcccccccccd" + b"\x00" * 10
enc = rle(raw)
print(enc, len(raw), len(enc), unrle(enc) == raw)
ba = bytearray(b"hello world")
ba[0] = 72
ba[6:11] = b"WORLD"
ba.append(33)
ba.extend(b"??")
del ba[-1]
ba.insert(0, 62)
print(ba, ba.decode(), len(ba), ba.pop(), ba.upper(), ba.find(b"o"), bytes(ba[1:6]))
print(b"a,b,,c".split(b","), b"  pad  ".strip(), b"x".join([b"1", b"2"]), b"abc".replace(b"b", b"BB"))
print(b"Hello".lower(), b"hello".title(), b"abc".startswith(b"a"), b"abc".endswith((b"c", b"d")), b"12".isdigit())
print(b"abc" + bytearray(b"d"), bytearray(b"d") + b"abc", b"ab" * 2, b"b" in b"abc", 98 in b"abc", b"abc"[1], b"abc"[-1:])
print(b"%s %d %x" % (b"v", 5, 255), b"%5s|" % b"ab", bytes.fromhex("48656c6c6f"), b"\x00\x01".hex(), b"ab".center(6, b"*"))
print(list(b"AB"), tuple(bytearray(b"xy")), bytes([1, 2]) == bytearray([1, 2]), b"a" < b"b", sorted(b"cab"))
print(int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "big"), (-2).to_bytes(2, "big", signed=True), (255).to_bytes(1, "little"))
print(b"a\tb".expandtabs(4), b"line1\nline2".splitlines(), b"abc".partition(b"b"), b"x=1".split(b"=", 1))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\\"), repr(bytearray(b"\x7f\x80")), str(b"q"))
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".decode("ascii").encode("nope-codec")
except LookupError as e:
    print("LookupError:", e)
key = b"key"
msg = b"secret message"
xored = bytes(m ^ key[i % len(key)] for i, m in enumerate(msg))
print(xored.hex(), bytes(x ^ key[i % 3] for i, x in enumerate(xored)))
print(bytearray(b"abc").reverse(), bytearray(b"zyx").translate(bytes.maketrans(b"xyz", b"abc")))
b64chars = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64(b):
    out = []
    for i in range(0, len(b), 3):
        chunk = b[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        chars = [b64chars[(n >> s) & 63] for s in (18, 12, 6, 0)]
        out.append(bytes(chars[:len(chunk) + 1]) + b"=" * (3 - len(chunk)))
    return b"".join(out)
print(b64(b"Man"), b64(b"Ma"), b64(b"M"), b64(b"Hello, World!"))
