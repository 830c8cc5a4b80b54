# classical ciphers and encodings
ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
def vigenere(text, key, decrypt=False):
    out, ki = [], 0
    for ch in text:
        if ch.upper() in ALPHA:
            shift = ALPHA.index(key[ki % len(key)].upper())
            if decrypt:
                shift = -shift
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            ki += 1
        else:
            out.append(ch)
    return "".join(out)
msg = "Attack at dawn! Meet at the old bridge, 5 o'clock."
enc = vigenere(msg, "LEMON")
print(enc)
print(vigenere(enc, "LEMON", decrypt=True) == msg)
def atbash(s):
    table = str.maketrans(ALPHA + ALPHA.lower(), ALPHA[::-1] + ALPHA.lower()[::-1])
    return s.translate(table)
print(atbash("Hello World"), atbash(atbash("Round trip")))
def rail_fence(s, rails):
    rows = [[] for _ in range(rails)]
    r, step = 0, 1
    for ch in s:
        rows[r].append(ch)
        if r == 0:
            step = 1
        elif r == rails - 1:
            step = -1
        r += step
    return "".join("".join(row) for row in rows)
def rail_fence_decode(s, rails):
    pattern = []
    r, step = 0, 1
    for _ in s:
        pattern.append(r)
        if r == 0:
            step = 1
        elif r == rails - 1:
            step = -1
        r += step
    order = sorted(range(len(s)), key=lambda i: (pattern[i], i))
    out = [""] * len(s)
    for ch, i in zip(s, order):
        out[i] = ch
    return "".join(out)
rf = rail_fence("WEAREDISCOVEREDFLEEATONCE", 3)
print(rf, rail_fence_decode(rf, 3))
MORSE = {"A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.", "H": "....", "I": "..",
         "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.", "O": "---", "P": ".--.", "Q": "--.-", "R": ".-.",
         "S": "...", "T": "-", "U": "..-", "V": "...-", "W": ".--", "X": "-..-", "Y": "-.--", "Z": "--..", " ": "/"}
REV = {v: k for k, v in MORSE.items()}
m = " ".join(MORSE[c] for c in "SOS HELP")
print(m, "".join(REV[t] for t in m.split()))
def freq_analysis(s):
    counts = {}
    for ch in s.upper():
        if ch in ALPHA:
            counts[ch] = counts.get(ch, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(freq_analysis(enc), freq_analysis(msg))
def xor_hex(s, key):
    return "".join(f"{ord(c) ^ key:02x}" for c in s)
h = xor_hex("secret", 42)
print(h, "".join(chr(int(h[i:i + 2], 16) ^ 42) for i in range(0, len(h), 2)))
print(bytes.fromhex(h).hex(" "), int(h, 16) % 1000003, f"{int(h, 16):,}")
