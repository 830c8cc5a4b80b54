# str/bytes methods given arguments of the wrong type: CPython converts the integer
# arguments while parsing, so their errors come before those of the text arguments; and
# argument clinic says "None", not "NoneType".
calls = [
    lambda: "abca".find(0, "a"),
    lambda: "abca".count([1], None, "x"),
    lambda: "abca".index("a", "1"),
    lambda: "abca".split(0, "a"),
    lambda: "abca".rsplit(0, 1.5),
    lambda: "abca".split(0),
    lambda: b"abca".find(-1, "a"),
    lambda: b"abca".split(0, "a"),
    lambda: bytearray(b"ab").rsplit(None, None),
    lambda: b"abc".hex(5),
    lambda: b"abc".hex([1]),
    lambda: b"abc".hex([1, 2]),
    lambda: b"abc".hex(None),
    lambda: b"abc".hex(":", "x"),
    lambda: b"abc".hex(bytearray(b":")),
    lambda: b"abc".hex(":", 2),
    lambda: bytearray(b"ab").insert(1),
    lambda: bytearray(b"ab").insert(1, 2, 3),
    lambda: b"ab".translate(),
    lambda: b"ab".translate(table=None),
    lambda: "ab".replace(None, "x"),
    lambda: "ab".replace("a", None),
    lambda: "ab".removeprefix(None),
    lambda: str.maketrans("a", None),
    lambda: b"ab".center(5, None),
    lambda: bytes.fromhex(None),
    lambda: (5).to_bytes(2, None),
    lambda: "x".__format__(None),
    lambda: "ab".count(None),
    lambda: "ab".startswith(None),
]
for call in calls:
    try:
        print(repr(call()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
