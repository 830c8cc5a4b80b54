# Ends with a bare AssertionError (no message).
values = [3, 6, 9, 12, 14]
for v in values:
    print("checking", v)
    assert v % 3 == 0
