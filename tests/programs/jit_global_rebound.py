# Globals and builtins rebound while hot loops read them.

K = 3

def use_k(n):
    global K
    s = 0
    for i in range(n):
        s += K
        if i == n // 2:
            K = 1000
    return s

print(use_k(40), K)

def helper(x):
    return x + 1

def call_global(n):
    global helper
    s = 0
    for i in range(n):
        s += helper(i)
        if i == 10:
            helper = lambda x: x * 10
    return s

print(call_global(30))

import builtins

def shadow_len(n):
    s = 0
    data = [1, 2, 3]
    for i in range(n):
        s += len(data)
        if i == 5:
            builtins.len = lambda x: 100
        if i == 8:
            builtins.len = real_len
    return s

real_len = len
try:
    print(shadow_len(12))
finally:
    builtins.len = real_len

def module_level_counter():
    g = globals()
    for i in range(20):
        g["COUNTER"] = g.get("COUNTER", 0) + i
    return COUNTER

print(module_level_counter())

total = 0
for j in range(100):
    total += j
    if j == 50:
        total = float(total)
print(total)
