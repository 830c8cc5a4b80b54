# center, ljust, rjust, zfill, expandtabs.
for w in [0, 3, 7, 10, 11]:
    print(repr("abc".center(w)), repr("abc".ljust(w, "*")), repr("abc".rjust(w, "-")), repr("ab".center(w, "^")))
for n in ["42", "-42", "+42", "", "-", "abc", "3.14", "-0.5", "1234567"]:
    print(repr(n), repr(n.zfill(6)), repr(n.zfill(2)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
table = [("apple", 1.5, 10), ("banana", 0.25, 150), ("cherry", 12.0, 3), ("kiwi", 0.8, 42)]
print("+" + "-" * 10 + "+" + "-" * 8 + "+" + "-" * 6 + "+")
print("|" + "item".center(10) + "|" + "price".center(8) + "|" + "qty".center(6) + "|")
for name, price, qty in table:
    print("|" + name.ljust(10) + "|" + f"{price:.2f}".rjust(8) + "|" + str(qty).rjust(6) + "|")
print("+" + "-" * 10 + "+" + "-" * 8 + "+" + "-" * 6 + "+")
for t in ["a\tb\tc", "\t", "abcdefgh\tx", "ab\tcd\n1234\t5", "x\ty\r\tz"]:
    print(repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(1)), repr(t.expandtabs(0)))
for i in range(1, 8):
    print(("*" * (2 * i - 1)).center(15, "."))
