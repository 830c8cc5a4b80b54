# Bridges: hot side exits get traces of their own, and traces end at the headers of
# other loops (nested loops). Every result must match the interpreter's.


def branchy(n):
    # A data-dependent branch taken about half the time: the other side becomes a bridge.
    x = 12345
    evens = 0
    odds = 0.0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        if x & 1024:
            evens += x >> 7
        else:
            odds += i * 0.5
    return evens, odds


def nested(n):
    # The inner loop's exit is hot: its bridge runs the rest of the outer body and links
    # to the outer loop's trace, which links back into the inner loop.
    total = 0
    for i in range(n):
        j = i % 7
        while j:
            total += j * i
            j -= 1
        total ^= i
    return total


def bridge_overflows(n):
    # The bridge side grows an int past 64 bits: its overflow guard leaves for the
    # interpreter, which goes on with big ints.
    small = 0
    big = 1
    for i in range(n):
        if i % 3 == 0:
            big = big * 3 + i
        else:
            small += i
    return small, big % 1000000007, big.bit_length()


def bridge_type_change(n):
    # A value changes type on the bridge side halfway through.
    acc = 0
    extra = 1
    for i in range(n):
        if i % 4 == 1:
            acc += extra
            if i > n // 2:
                extra = 1.5
        else:
            acc += 2
    return acc


def bridge_raises(n):
    # An exception raised on the rare path, caught inside the loop.
    caught = 0
    total = 0
    for i in range(n):
        d = i % 50
        if d < 3:
            try:
                total += 100 // (d - 1)
            except ZeroDivisionError:
                caught += 1
        else:
            total += d
    return total, caught


def breaks(rows):
    # An inner loop left by `break`, and `continue` in the outer one.
    found = 0
    for r in rows:
        if r % 5 == 0:
            continue
        for k in range(r):
            if k * k > r:
                found += k
                break
        else:
            found -= 1
    return found


def gen(n):
    # A loop with bridges inside a generator.
    s = 0
    for i in range(n):
        if i % 3:
            s += i
        else:
            s -= 1
        if i % 100 == 0:
            yield s


class P:
    def __init__(self):
        self.a = 0.0
        self.b = 0


def attrs(n):
    # Attribute updates on both sides of a branch.
    p = P()
    for i in range(n):
        if i & 1:
            p.a += i * 0.25
        else:
            p.b += i
    return p.a, p.b


print(branchy(5000))
print(nested(3000))
print(bridge_overflows(400))
print(bridge_type_change(4000))
print(bridge_raises(3000))
print(breaks(list(range(1, 600))))
print(list(gen(1000)))
print(attrs(3000))
