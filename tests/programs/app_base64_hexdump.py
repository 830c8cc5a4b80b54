# Base64 encode/decode and a hexdump, written by hand on bytes.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64encode(data):
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        chars = [ALPHABET[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if len(chunk) < 3:
            chars[len(chunk) + 1:] = "=" * (3 - len(chunk))
        out.extend(chars)
    return "".join(out)
def b64decode(text):
    if len(text) % 4:
        raise ValueError("invalid base64 length")
    out = bytearray()
    for i in range(0, len(text), 4):
        block = text[i:i + 4]
        pad = block.count("=")
        n = 0
        for ch in block.rstrip("="):
            if ch not in ALPHABET:
                raise ValueError(f"invalid base64 character {ch!r}")
            n = (n << 6) | ALPHABET.index(ch)
        n <<= 6 * pad
        out += n.to_bytes(3, "big")[:3 - pad]
    return bytes(out)
for raw in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", b"Man is distinguished", bytes(range(256))[:40], "héllo wörld".encode()]:
    enc = b64encode(raw)
    print(repr(raw[:20]), enc[:60], b64decode(enc) == raw)
for bad in ["abc", "ab!d", "====x"]:
    try:
        b64decode(bad)
    except ValueError as e:
        print("ValueError:", e)
def hexdump(data, width=16):
    lines = []
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        lines.append(f"{off:08x}  {hexpart:<{width * 3 - 1}}  |{text}|")
    return "\n".join(lines)
blob = b"Krait\x00\x01\x02 is a Python in Rust.\nBytes: " + bytes(range(0xF0, 0x100)) + "€uro".encode()
print(hexdump(blob))
print(hexdump(b"short", 8))
def crc32(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF
for d in [b"", b"a", b"abc", b"The quick brown fox jumps over the lazy dog", blob]:
    print(f"{crc32(d):08x}", d[:16])
