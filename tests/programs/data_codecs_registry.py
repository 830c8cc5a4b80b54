# str.encode / bytes.decode with codecs written in Python (the encodings package):
# charmap codecs such as cp1252, and the errors for codecs that are not text encodings.

print("€ café".encode("cp1252"), b"\x80 caf\xe9".decode("cp1252"), str(b"\x93hi\x94", "windows-1252"))
print("Привет".encode("koi8-r"), "Привет".encode("cp1251").decode("cp1251"), "Ωμέγα".encode("iso8859-7"))
print(b"caf\x8e".decode("mac_roman"), "üé".encode("cp437"), "ÿ".encode("cp850"), "x".encode("UTF_8"))
print("ā€".encode("cp1252", "replace"), b"\x81".decode("cp1252", "replace"), "ā".encode("cp1252", "ignore"))
print("ā".encode("cp1252", "xmlcharrefreplace"), "ā".encode("cp1252", "backslashreplace"))
for enc, s in [("rot13", "abc"), ("hex", "ab"), ("no-such-codec", "a"), ("cp1252", "x\u0100y")]:
    try:
        print(s.encode(enc))
    except Exception as e:
        print(type(e).__name__, e)
for enc in ["hex", "no-such-codec", "base64", "cp1252"]:
    try:
        print(b"a\x81".decode(enc))
    except Exception as e:
        print(type(e).__name__, e)
