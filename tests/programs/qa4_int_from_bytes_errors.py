# int.from_bytes converts its argument like bytes() except that str and int are refused.
class B:
    def __bytes__(self):
        return b"\x01\x02"


for a in ["x", 5, 3.5, None, [1, 2], [300], True, b"ab", bytearray(b"a"), memoryview(b"xy"), B(), (7,)]:
    try:
        print(int.from_bytes(a, "big"), int.from_bytes(a, "little", signed=True))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
int.from_bytes("text", "big")
