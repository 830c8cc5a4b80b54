# A loop variable changes type while the loop runs: guards on the recorded types must exit.

def mixed(items):
    total = 0
    log = []
    for x in items:
        total = total + x
        log.append(type(total).__name__)
    return total, log

print(mixed([1, 2, 3, 4, 5, 6, 2.5, 7, 8, 9]))
print(mixed([1.5] * 5 + [2] * 5 + [True, False, True]))

def acc_switch(n):
    v = 0
    for i in range(n):
        if i == n // 2:
            v = float(v)
        if i == n - 3:
            v = str(v)
            break
        v += i
    return v

print(acc_switch(50))

def strings_later(n):
    out = 0
    for i in range(n):
        if i < n - 5:
            out = out + i
        else:
            out = str(out) + "!"
            out = len(out)
    return out

print(strings_later(40))

def bool_int(n):
    c = 0
    for i in range(n):
        c += i % 3 == 0
        c = c + (i > 10)
    return c

print(bool_int(60))

def float_to_int(n):
    x = 1.0
    for i in range(n):
        x = x * 1.5
        if x > 1000:
            x = int(x) // 7
    return x

print(float_to_int(100))
