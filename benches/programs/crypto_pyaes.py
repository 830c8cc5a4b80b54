"""Crypto (pure-Python AES): AES-128 in CBC mode, encrypting and then decrypting a
text buffer, with the table-driven (T-table) formulation on 32-bit words.

Same work as the classic "crypto_pyaes" benchmark. All tables (S-box, inverse S-box,
the encryption and decryption T-tables) are computed at start-up from the definition
of the field GF(2^8); the FIPS-197 known-answer test is checked before the run. The
buffer is BLOCKS x 16 bytes long; the checksum is a digest of the ciphertext, and the
decrypted text must equal the original.

Usage: crypto_pyaes.py [BLOCKS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=16000 quick=2500


def xtime(a):
    a <<= 1
    if a & 0x100:
        a ^= 0x11B
    return a


def gmul(a, b):
    out = 0
    while b:
        if b & 1:
            out ^= a
        a = xtime(a)
        b >>= 1
    return out


def build_tables():
    # multiplicative inverses via exp/log tables with generator 3
    exp = [0] * 256
    log = [0] * 256
    x = 1
    for i in range(255):
        exp[i] = x
        log[x] = i
        x ^= xtime(x)  # x * 3
    sbox = [0] * 256
    inv_sbox = [0] * 256
    for a in range(256):
        inv = 0 if a == 0 else exp[(255 - log[a]) % 255]
        s = inv
        r = inv
        for _ in range(4):
            r = ((r << 1) | (r >> 7)) & 0xFF
            s ^= r
        s ^= 0x63
        sbox[a] = s
        inv_sbox[s] = a

    def ror8(w):
        return ((w >> 8) | (w << 24)) & 0xFFFFFFFF

    te = [[0] * 256 for _ in range(4)]
    td = [[0] * 256 for _ in range(4)]
    for a in range(256):
        s = sbox[a]
        w = (gmul(s, 2) << 24) | (s << 16) | (s << 8) | gmul(s, 3)
        for k in range(4):
            te[k][a] = w
            w = ror8(w)
        si = inv_sbox[a]
        w = (gmul(si, 14) << 24) | (gmul(si, 9) << 16) | (gmul(si, 13) << 8) | gmul(si, 11)
        for k in range(4):
            td[k][a] = w
            w = ror8(w)
    return sbox, inv_sbox, te, td


SBOX, INV_SBOX, TE, TD = build_tables()


class AES128:
    ROUNDS = 10

    def __init__(self, key):
        assert len(key) == 16
        sbox = SBOX
        w = [(key[4 * i] << 24) | (key[4 * i + 1] << 16) | (key[4 * i + 2] << 8) | key[4 * i + 3]
             for i in range(4)]
        rcon = 1
        for i in range(4, 4 * (self.ROUNDS + 1)):
            t = w[i - 1]
            if i % 4 == 0:
                t = ((t << 8) | (t >> 24)) & 0xFFFFFFFF
                t = ((sbox[t >> 24] << 24) | (sbox[(t >> 16) & 255] << 16)
                     | (sbox[(t >> 8) & 255] << 8) | sbox[t & 255])
                t ^= rcon << 24
                rcon = xtime(rcon)
            w.append(w[i - 4] ^ t)
        self.ek = w
        # decryption keys: rounds reversed, InvMixColumns on the middle rounds
        td0, td1, td2, td3 = TD
        dk = []
        for r in range(self.ROUNDS, -1, -1):
            for c in range(4):
                k = w[4 * r + c]
                if 0 < r < self.ROUNDS:
                    k = (td0[sbox[k >> 24]] ^ td1[sbox[(k >> 16) & 255]]
                         ^ td2[sbox[(k >> 8) & 255]] ^ td3[sbox[k & 255]])
                dk.append(k)
        self.dk = dk

    def encrypt_block(self, s0, s1, s2, s3):
        te0, te1, te2, te3 = TE
        k = self.ek
        s0 ^= k[0]
        s1 ^= k[1]
        s2 ^= k[2]
        s3 ^= k[3]
        for r in range(1, self.ROUNDS):
            o = 4 * r
            t0 = te0[s0 >> 24] ^ te1[(s1 >> 16) & 255] ^ te2[(s2 >> 8) & 255] ^ te3[s3 & 255] ^ k[o]
            t1 = te0[s1 >> 24] ^ te1[(s2 >> 16) & 255] ^ te2[(s3 >> 8) & 255] ^ te3[s0 & 255] ^ k[o + 1]
            t2 = te0[s2 >> 24] ^ te1[(s3 >> 16) & 255] ^ te2[(s0 >> 8) & 255] ^ te3[s1 & 255] ^ k[o + 2]
            t3 = te0[s3 >> 24] ^ te1[(s0 >> 16) & 255] ^ te2[(s1 >> 8) & 255] ^ te3[s2 & 255] ^ k[o + 3]
            s0, s1, s2, s3 = t0, t1, t2, t3
        sb = SBOX
        o = 4 * self.ROUNDS
        r0 = ((sb[s0 >> 24] << 24) | (sb[(s1 >> 16) & 255] << 16) | (sb[(s2 >> 8) & 255] << 8) | sb[s3 & 255]) ^ k[o]
        r1 = ((sb[s1 >> 24] << 24) | (sb[(s2 >> 16) & 255] << 16) | (sb[(s3 >> 8) & 255] << 8) | sb[s0 & 255]) ^ k[o + 1]
        r2 = ((sb[s2 >> 24] << 24) | (sb[(s3 >> 16) & 255] << 16) | (sb[(s0 >> 8) & 255] << 8) | sb[s1 & 255]) ^ k[o + 2]
        r3 = ((sb[s3 >> 24] << 24) | (sb[(s0 >> 16) & 255] << 16) | (sb[(s1 >> 8) & 255] << 8) | sb[s2 & 255]) ^ k[o + 3]
        return r0, r1, r2, r3

    def decrypt_block(self, s0, s1, s2, s3):
        td0, td1, td2, td3 = TD
        k = self.dk
        s0 ^= k[0]
        s1 ^= k[1]
        s2 ^= k[2]
        s3 ^= k[3]
        for r in range(1, self.ROUNDS):
            o = 4 * r
            t0 = td0[s0 >> 24] ^ td1[(s3 >> 16) & 255] ^ td2[(s2 >> 8) & 255] ^ td3[s1 & 255] ^ k[o]
            t1 = td0[s1 >> 24] ^ td1[(s0 >> 16) & 255] ^ td2[(s3 >> 8) & 255] ^ td3[s2 & 255] ^ k[o + 1]
            t2 = td0[s2 >> 24] ^ td1[(s1 >> 16) & 255] ^ td2[(s0 >> 8) & 255] ^ td3[s3 & 255] ^ k[o + 2]
            t3 = td0[s3 >> 24] ^ td1[(s2 >> 16) & 255] ^ td2[(s1 >> 8) & 255] ^ td3[s0 & 255] ^ k[o + 3]
            s0, s1, s2, s3 = t0, t1, t2, t3
        ib = INV_SBOX
        o = 4 * self.ROUNDS
        r0 = ((ib[s0 >> 24] << 24) | (ib[(s3 >> 16) & 255] << 16) | (ib[(s2 >> 8) & 255] << 8) | ib[s1 & 255]) ^ k[o]
        r1 = ((ib[s1 >> 24] << 24) | (ib[(s0 >> 16) & 255] << 16) | (ib[(s3 >> 8) & 255] << 8) | ib[s2 & 255]) ^ k[o + 1]
        r2 = ((ib[s2 >> 24] << 24) | (ib[(s1 >> 16) & 255] << 16) | (ib[(s0 >> 8) & 255] << 8) | ib[s3 & 255]) ^ k[o + 2]
        r3 = ((ib[s3 >> 24] << 24) | (ib[(s2 >> 16) & 255] << 16) | (ib[(s1 >> 8) & 255] << 8) | ib[s0 & 255]) ^ k[o + 3]
        return r0, r1, r2, r3


def to_words(data, i):
    return ((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3],
            (data[i + 4] << 24) | (data[i + 5] << 16) | (data[i + 6] << 8) | data[i + 7],
            (data[i + 8] << 24) | (data[i + 9] << 16) | (data[i + 10] << 8) | data[i + 11],
            (data[i + 12] << 24) | (data[i + 13] << 16) | (data[i + 14] << 8) | data[i + 15])


def put_words(out, words):
    for w in words:
        out.append(w >> 24)
        out.append((w >> 16) & 255)
        out.append((w >> 8) & 255)
        out.append(w & 255)


def cbc_encrypt(aes, iv, data):
    out = []
    c0, c1, c2, c3 = to_words(iv, 0)
    for i in range(0, len(data), 16):
        p0, p1, p2, p3 = to_words(data, i)
        c0, c1, c2, c3 = aes.encrypt_block(p0 ^ c0, p1 ^ c1, p2 ^ c2, p3 ^ c3)
        put_words(out, (c0, c1, c2, c3))
    return bytes(out)


def cbc_decrypt(aes, iv, data):
    out = []
    v0, v1, v2, v3 = to_words(iv, 0)
    for i in range(0, len(data), 16):
        c0, c1, c2, c3 = to_words(data, i)
        p0, p1, p2, p3 = aes.decrypt_block(c0, c1, c2, c3)
        put_words(out, (p0 ^ v0, p1 ^ v1, p2 ^ v2, p3 ^ v3))
        v0, v1, v2, v3 = c0, c1, c2, c3
    return bytes(out)


def known_answer():
    key = bytes(range(16))
    pt = bytes.fromhex("00112233445566778899aabbccddeeff")
    aes = AES128(key)
    ct = []
    put_words(ct, aes.encrypt_block(*to_words(pt, 0)))
    ct = bytes(ct)
    back = []
    put_words(back, aes.decrypt_block(*to_words(ct, 0)))
    return ct.hex(), bytes(back) == pt


def main():
    blocks = int(sys.argv[1]) if len(sys.argv) > 1 else 16000
    kat, ok = known_answer()
    if kat != "69c4e0d86a7b0430d8cdb78070b4c55a" or not ok:
        print("AES known-answer test FAILED", kat, ok)
    phrase = b"This is a test. What could possibly go wrong? 0123456789abcdef! "
    text = (phrase * (blocks * 16 // len(phrase) + 1))[:blocks * 16]
    key = bytes((i * 37 + 11) & 255 for i in range(16))
    iv = bytes((i * 91 + 7) & 255 for i in range(16))
    aes = AES128(key)
    ct = cbc_encrypt(aes, iv, text)
    pt = cbc_decrypt(aes, iv, ct)
    digest = 0
    for b in ct:
        digest = (digest * 257 + b) % 1000000007
    print("crypto_pyaes", blocks, "kat", kat, "roundtrip", pt == text, "digest", digest,
          "tail", ct[-8:].hex())


main()
