import hashlib
import hmac

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    h = hashlib.new(name)
    h.update(b"The quick brown fox ")
    h.update(b"jumps over the lazy dog")
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
print(hashlib.sha256(b"").hexdigest(), hashlib.md5(b"abc").digest())
h = hashlib.sha1(b"abc")
h2 = h.copy()
h2.update(b"def")
print(h.hexdigest(), h2.hexdigest(), hashlib.sha1(b"abcdef").hexdigest() == h2.hexdigest())
print(hashlib.sha512(b"x" * 1000).hexdigest()[:32], "sha256" in hashlib.algorithms_guaranteed)
print(hmac.new(b"key", b"message", hashlib.sha256).hexdigest(), hmac.compare_digest(b"a", b"a"))
import warnings

with warnings.catch_warnings():
    # Krait has no OpenSSL binding: hashlib falls back to its (deprecated) Python version.
    warnings.simplefilter("ignore", DeprecationWarning)
    print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 100).hex())
print(hashlib.blake2b(b"abc", digest_size=16).hexdigest() if hasattr(hashlib, "blake2b") else "-", hashlib.sha3_256(b"abc").hexdigest())
