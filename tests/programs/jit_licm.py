# Loop-invariant code motion in traces: guards hoisted into the preamble fail when a
# loop is entered with other types, lists that change length or identity inside the
# loop are re-read, and attribute and global lists behave as the interpreter says.


def total(seq, n):
    t = 0
    for i in range(n):
        t += seq[i]
    return t


class Squares(list):
    def __getitem__(self, i):
        return i * i


print(total(list(range(1000)), 1000))
print(total(tuple(range(1000)), 1000))
print(total(Squares(range(1000)), 1000))
print(total([0.5] * 1000, 1000))
print(total(list(range(1000)), 1000))


def grow(n):
    a = [1]
    while len(a) < n:
        a.append(a[-1] + len(a))
    return a[-1], len(a)


print(grow(2000))


def rebind(n):
    data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    other = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    t = 0
    for i in range(n):
        if i == 700:
            data = other
        if i == 900:
            data = (5,) * 10
        t += data[i % 10]
    return t


print(rebind(1500))


def shrink(n):
    lst = list(range(n))
    t = 0
    i = 0
    while lst:
        t += lst[0] * i
        if i % 3 == 0:
            del lst[0]
        else:
            lst.pop()
        i += 1
    return t, i


print(shrink(3000))


class Acc:
    def __init__(self):
        self.items = [3] * 50
        self.total = 0

    def run(self, n):
        for i in range(n):
            self.total += self.items[i % 50]
            if i == 600:
                self.items = [i] * 50
        return self.total


print(Acc().run(2000))

table = [2] * 64


def use_global(n):
    global table
    t = 0
    for i in range(n):
        t += table[i & 63]
        if i == 1000:
            table = [7] * 64
        elif i == 1500:
            table[5] = 1000
    return t


print(use_global(2000))


def swap_in_place(n):
    data = [(i * 37) % 101 for i in range(n)]
    for _ in range(2):
        for i in range(n - 1):
            a = data[i]
            b = data[i + 1]
            if a > b:
                data[i] = b
                data[i + 1] = a
    return data[:10], data[-10:]


print(swap_in_place(400))


def overflow_in_preamble(n, big):
    t = 0
    for i in range(n):
        t += big * 3 + i
    return t


print(overflow_in_preamble(500, 10))
print(overflow_in_preamble(500, 2**62))
print(overflow_in_preamble(500, 7))
