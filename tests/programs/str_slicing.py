# Slicing strings with negative indices and steps.
s = "0123456789"
print(s[0], s[-1], s[3:7], s[:4], s[6:], s[-3:], s[:-3], s[::2], s[1::2], s[::-1], s[::-2])
print(s[7:3:-1], s[-2:-8:-2], s[100:], s[-100:3], s[3:3], s[5:2], s[::3], s[8:1:-3])
print(s[None:None:-1], s[slice(2, 8, 3)], s[slice(None, None, -4)])
for start in (None, -12, -3, 0, 4, 12):
    for stop in (None, -12, -2, 0, 6, 12):
        row = [s[start:stop:step] for step in (1, 2, -1, -3)]
        print(start, stop, row)
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError:", e)
u = "héllo wörld"
print(u[1], u[-4:], u[::-1], u[1:9:3])
def is_pal(w):
    w = "".join(c.lower() for c in w if c.isalnum())
    return w == w[::-1]
for w in ["A man, a plan, a canal: Panama", "hello", "Was it a car or a cat I saw?", ""]:
    print(repr(w), is_pal(w))
print(s[True], s[False:True + 2])
