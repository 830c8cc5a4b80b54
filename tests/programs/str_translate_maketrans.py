# str.maketrans and str.translate.
t1 = str.maketrans("abc", "xyz")
print(sorted(t1.items()), "aabbcc-abc".translate(t1))
t2 = str.maketrans("abc", "xyz", "d")
print(sorted(t2.items()), "abcd dcba".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, "c": "<C>", 100: 101})
print(sorted(t3.items()), "abcdabcd".translate(t3))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
msg = "Hello, World! Why did the chicken cross the road?"
enc = msg.translate(rot13)
print(enc)
print(enc.translate(rot13))
print("hello".translate({ord("l"): "L", ord("o"): None}))
print("tab\there".translate({9: " -> "}))
class Table:
    def __getitem__(self, k):
        if chr(k) in "aeiou":
            return chr(k).upper()
        raise LookupError
print("translate with a custom mapping".translate(Table()))
try:
    str.maketrans("ab", "xyz")
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans({"ab": "x"})
except ValueError as e:
    print("ValueError:", e)
def caesar(s, k):
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    tbl = str.maketrans(lower + upper, lower[k:] + lower[:k] + upper[k:] + upper[:k])
    return s.translate(tbl)
for k in range(0, 26, 5):
    print(k, caesar("The Quick Brown Fox", k))
strip_punct = str.maketrans("", "", ",.!?;:")
print("Well, well... what's this?! Nothing; really.".translate(strip_punct))
