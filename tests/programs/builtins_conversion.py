# Conversion builtins: chr, ord, ascii, repr, str, bool, list/tuple/set/dict constructors, bytes.
print([chr(c) for c in (65, 97, 48, 0x3b1, 0x20ac, 0x1f600)], [ord(c) for c in "Aa0α€😀"])
print(ascii("abc"), ascii("é"), ascii("日本"), ascii("😀"), ascii(["ü", {"ß": 1}]), ascii(b"\xff"))
print(repr("é"), repr("\u200b"), repr("\x7f"), repr(1.0), repr([1.0, "s"]), repr(None), repr(b"\n"))
print(str(1), str(1.5), str(True), str([1, "a"]), str((1,)), str({1}), str({"a": [1]}), str(b"x"), str(str))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(-1e-9))
print(list("abc"), list((1, 2)), list({1: "a", 2: "b"}), list(range(3)), list(x for x in "hi"), list({5}))
print(tuple("ab"), tuple([1]), tuple({"k": 1}.items()), set("aab") == {"a", "b"}, sorted(set([3, 1, 3])))
print(dict(a=1), dict([("x", 1), ("y", 2)]), dict(zip("ab", "cd")), dict({"k": 1}, k=2), dict([["p", 0]]))
print(frozenset([1, 2, 2]), bytes([104, 105]), bytes("hi", "utf-8"), bytearray(b"yo"), bytes(3))
print(int("  -17 "), float(" 1e3 "), int(True), float("inf") > 10 ** 308, complex("1j") * 1j)
for bad in [lambda: chr(-1), lambda: ord(""), lambda: int("1.0"), lambda: float("one"), lambda: dict([1, 2]), lambda: list(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(type(1)(2.9), type("x")(5), type([])("ab"), type(None)() is None)
print(str(123).zfill(6), str(-1.50), repr(-1.50), str(1e22), str(1e-7), str(0.1 + 0.2))
print(int(3.9999999999999999), int(-0.9), float(10 ** 15), float(-(2 ** 63)))
print(list(map(ord, "hello")), "".join(map(chr, [72, 101, 108, 108, 111])))
print(hex(ord("A")), int(hex(ord("z")), 16), chr(int("41", 16)), oct(ord("\n")))
