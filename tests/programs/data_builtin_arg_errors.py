# Messages of builtins given arguments of the wrong kind: which check comes first, and
# how argument clinic names None.
calls = [
    lambda: sum(5, ""),
    lambda: sum(0, "abc"),
    lambda: sum(["a", "b"], ""),
    lambda: sum([b"a"], b""),
    lambda: sum([1], bytearray()),
    lambda: sum(x for x in [[1], [2]]),
    lambda: format(),
    lambda: format(1, None),
    lambda: format(1, 2),
    lambda: format(1.5, ".1f"),
    lambda: bytearray(3, "utf-8"),
    lambda: bytearray(3, errors="strict"),
    lambda: bytes(3, "utf-8"),
    lambda: bytes([1], errors="x"),
    lambda: bytearray("é", "utf-8"),
    lambda: sum([[1], [2]], []),
    lambda: sum([0.5, 1, 2 ** 70]),
]
for call in calls:
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError:", e)
print(sum(range(10), start=100))
