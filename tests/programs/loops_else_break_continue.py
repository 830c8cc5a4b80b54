# for/while with else, break, continue, nested loops, loop variables after loops.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
def find(items, target):
    for i, it in enumerate(items):
        if it == target:
            print("  found at", i)
            break
    else:
        print("  not found")
        return -1
    return i
print(find("abcdef", "d"), find("abc", "z"), find([], 1))
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("while", n)
else:
    print("while completed normally, n =", n)
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("never printed")
print("broke out at", n)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if i + j > 3:
            break
        print(i, j, end="; ")
print()
for x in []:
    print("never")
else:
    print("for-else runs on empty iterable")
for k in range(5):
    pass
print("k after loop:", k)
count = 0
while count < 10:
    count += 3
print(count)
outer_done = False
for a in range(5):
    for b in range(5):
        if a * b == 6:
            outer_done = True
            break
    if outer_done:
        break
print("escaped nested at", a, b)
total = 0
for i in range(100):
    if i % 2:
        continue
    if i > 20:
        break
    total += i
print(total)
items = [1, 2, 3, 4, 5, 6]
for it in items:
    if it == 2:
        items.remove(it)
print(items)
i = 10
while i:
    i -= 3 if i > 3 else i
print(i)
for i, ch in enumerate("xyz"):
    pass
print(i, ch)
def gen_loop():
    for i in range(10):
        if i == 4:
            return i * 100
    return None
print(gen_loop())
while False:
    pass
else:
    print("while False: else still runs")
