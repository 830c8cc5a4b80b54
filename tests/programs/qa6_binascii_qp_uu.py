# binascii's quoted-printable and uuencode conversions (quopri, uu and email use them),
# and hashlib.pbkdf2_hmac without the pure-Python fallback's DeprecationWarning.
import binascii
import hashlib
import quopri

samples = [b"caf\xc3\xa9 = ok\n", b"tab\tend \nspace at end \r\nx", b"." , b".\nnext", b"a_b c", b"x" * 100,
           b"=" * 30 + b"\n", bytes(range(0, 256, 7)), b"line with trailing tab\t"]
for s in samples:
    for kw in [{}, {"quotetabs": True}, {"header": True}, {"istext": False}]:
        e = binascii.b2a_qp(s, **kw)
        print(kw, e, binascii.a2b_qp(e, header=kw.get("header", False)) == s)
print(binascii.a2b_qp(b"soft=\nbreak=\r\nhere =3d =ZZ =4"), binascii.a2b_qp("a_b=20c", header=True), binascii.a2b_qp(b"=="))
print(quopri.encodestring(b"caf\xc3\xa9 = ok\n"), quopri.decodestring(b"caf=C3=A9 =3D ok"))
for s in [b"", b"h", b"hello", b"\x00\x01\x02", bytes(range(45))]:
    e = binascii.b2a_uu(s)
    print(e, binascii.b2a_uu(s, backtick=True), binascii.a2b_uu(e) == s)
print(binascii.a2b_uu(b"%:&5L;&\\"), binascii.a2b_uu(b""), binascii.a2b_uu(b" \n"))
for bad in [b"%:&5L;&\\ \x7f", b"!\x01"]:
    try:
        binascii.a2b_uu(bad)
    except binascii.Error as e:
        print("Error:", e)
try:
    binascii.b2a_uu(bytes(46))
except binascii.Error as e:
    print("Error:", e)
for n in ["md5", "sha1", "sha256", "sha512", "sha3_256"]:
    for dk in [None, 5, 100]:
        print(n, dk, hashlib.pbkdf2_hmac(n, b"password" * 20, b"salt", 3, dk).hex())
print(hashlib.pbkdf2_hmac("sha256", bytearray(b"pw"), memoryview(b"s"), 1000).hex())
for args in [("sha1", b"a", b"b", 0), ("sha1", "a", b"b", 1), ("sha1", b"a", b"b", 1, 0)]:
    try:
        hashlib.pbkdf2_hmac(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
