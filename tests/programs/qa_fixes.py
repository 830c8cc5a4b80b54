# QA fixes: sequence repetition (fast doubling copy) and huge/negative repeat counts.
print(len(b"ab" * 5), b"ab" * 3, "xé" * 3, [1, 2] * 3, (1, 2) * 3, bytearray(b"q") * 4)
l = [1, 2]; l *= 3; print(l)
print([0] * -2**63, "x" * -5, b"x" * 0)
for f in (lambda: [0] * -2**100, lambda: "x" * -2**64, lambda: (1,) * -2**70, lambda: b"x" * -2**100, lambda: [0] * 2**100, lambda: "x" * 2**100):
    try:
        f()
    except (OverflowError, MemoryError) as e:
        print(type(e).__name__, e)
