# return/break/continue interacting with finally.
def finally_overrides_return():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides_return())
def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed by return in finally"
print(finally_swallows_exception())
def break_in_finally():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return f"broke at {i}"
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i == 2:
                raise ValueError("skipped")
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(f"body{i}")
        finally:
            out.append(f"fin{i}")
    return out
print(loop_with_finally())
def return_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 99
        print("  finally set x to", x)
print(return_value_evaluated_before_finally())
def mutable_return():
    lst = [1]
    try:
        return lst
    finally:
        lst.append("added in finally")
print(mutable_return())
def nested_finally():
    log = []
    try:
        try:
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")
print(nested_finally())
def while_finally():
    n = 0
    log = []
    while True:
        try:
            n += 1
            if n > 3:
                return log
            if n == 2:
                continue
            log.append(n)
        finally:
            log.append(f"f{n}")
print(while_finally())
def exception_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
try:
    exception_in_finally()
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
def generator_finally():
    try:
        for i in range(3):
            yield i
    finally:
        print("  generator finally")
for v in generator_finally():
    if v == 1:
        break
print("after generator break")
count = 0
for attempt in range(5):
    try:
        count += 1
        if attempt < 2:
            raise ConnectionError(f"attempt {attempt} failed")
        print("succeeded on attempt", attempt)
        break
    except ConnectionError as e:
        print("retry:", e)
    finally:
        print("  cleanup", attempt)
print("attempts", count)
