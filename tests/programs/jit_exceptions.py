# Exceptions raised in the middle of traced loops: by helpers, by inlined arithmetic
# guards (division by zero), in called functions, caught inside and outside the loop.

def divs(vals):
    out = []
    for v in vals:
        try:
            out.append(100 // v)
            out.append(7.5 / v)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out

print(divs([5, 3, 0, 2, 0.0, 4]))

def raiser(i):
    if i == 7:
        raise ValueError("seven")
    return i

def calls(n):
    s = 0
    for i in range(n):
        try:
            s += raiser(i)
        except ValueError as e:
            s += 1000
            print("caught", e, s)
    return s

print(calls(12))

def uncaught(n):
    s = 0
    for i in range(n):
        s += i
        if s > 50:
            s = s + [1]
    return s

try:
    uncaught(20)
except TypeError as e:
    print("TypeError:", e)

def key_errors(n):
    d = {0: 1, 1: 2, 2: 3}
    missing = 0
    for i in range(n):
        try:
            missing += d[i % 5]
        except KeyError as e:
            missing -= 1
    return missing

print(key_errors(30))

def unbound(n):
    for i in range(n):
        if i == 3:
            del x
        x = i
    return x

try:
    unbound(6)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def finally_in_loop(n):
    log = []
    for i in range(n):
        try:
            if i % 4 == 3:
                raise RuntimeError(i)
            log.append(i)
        except RuntimeError as e:
            log.append(-i)
        finally:
            log.append(0)
    return log

print(finally_in_loop(9))

import sys

def tb_line(n):
    for i in range(n):
        if i == 4:
            return 1 // (i - 4)

try:
    tb_line(10)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    while tb.tb_next:
        tb = tb.tb_next
    print("raised at line", tb.tb_lineno)
