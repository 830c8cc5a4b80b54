# Every numeric literal form Python accepts.
ints = [0, 7, 1_000_000, 0b1010, 0B11, 0o777, 0O17, 0xDEADBEEF, 0Xff, 0x_ff_ff, 0b_1111_0000, 00, 0_0, 123_456_789_012_345_678_901]
print(ints)
floats = [0.0, 1., .5, 1e3, 1E3, 1e-3, 1.5e+2, 6.022_140_76e23, 1_000.000_1, 0e0, 1_0e1_0, 3.14j.imag]
print(floats)
imag = [1j, 2.5J, 0j, 1e3j, 1_0j, .5j]
print(imag, [type(z).__name__ for z in imag[:2]])
print(0xFF + 0o10 + 0b1, 1e2 + 1, 10 ** -2, 1_0 * 1_0)
print(type(1e0).__name__, type(10).__name__, type(1j).__name__, type(0b1).__name__)
print(-0x10, +0o10, ~0b1, -1e-1, --1, -+-1)
print(9999999999999999999999999999999, 0xffffffffffffffffffffffffffffffff, 1e309, -1e309, 1e-400)
print(0.1 + 0.2 == 0.3, 1_000 == 1000, 0x10 == 16 == 0o20 == 0b10000)
print(int("1_000"), float("1_000.5"), int("0b101", 0), int("0o17", 0), complex("1_0+2_0j"))
big = 1_2_3_4_5_6_7_8_9
print(big, f"{big:_}", f"{big:,}", f"{0xABCDEF:_x}", f"{0b101010:_b}")
print(1 if True else 2)
print(0.000_001, 1_2.3_4e-1_0, 100_000.0, 1e+0_1)
