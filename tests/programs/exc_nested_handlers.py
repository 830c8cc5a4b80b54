# Deeply nested handlers, exceptions crossing function boundaries, and cleanup order.
log = []
def level3(kind):
    log.append("enter 3")
    try:
        if kind == "value":
            raise ValueError("from level 3")
        if kind == "key":
            raise KeyError("k3")
        if kind == "type":
            raise TypeError("t3")
        return "level3 ok"
    finally:
        log.append("finally 3")
def level2(kind):
    log.append("enter 2")
    try:
        return level3(kind)
    except KeyError as e:
        log.append(f"2 handled {e!r}")
        return "recovered at 2"
    finally:
        log.append("finally 2")
def level1(kind):
    log.append("enter 1")
    try:
        return level2(kind)
    except ValueError as e:
        log.append(f"1 handled {e}")
        return "recovered at 1"
    finally:
        log.append("finally 1")
for kind in ["none", "key", "value", "type"]:
    log.clear()
    try:
        result = level1(kind)
    except TypeError as e:
        result = f"escaped: {e}"
    print(kind, "->", result)
    print("   ", log)
def handler_in_handler():
    try:
        raise ValueError("outer")
    except ValueError as outer:
        try:
            raise KeyError("inner")
        except KeyError as inner:
            return (repr(outer), repr(inner), repr(inner.__context__))
print(handler_in_handler())
def loop_errors():
    results = []
    for i in range(6):
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(i)
                if i % 3 == 1:
                    raise KeyError(i)
                results.append(("ok", i))
            except ValueError as e:
                results.append(("value", e.args[0]))
                if i == 3:
                    raise OverflowError("escalated")
        except KeyError as e:
            results.append(("key", e.args[0]))
        except ArithmeticError as e:
            results.append(("arith", str(e)))
    return results
print(loop_errors())
def catch_and_continue(items):
    total = 0
    bad = []
    for it in items:
        try:
            total += 100 // it
        except ZeroDivisionError:
            bad.append("zero")
            continue
        except TypeError:
            bad.append(f"type:{type(it).__name__}")
            continue
        finally:
            total += 1
    return total, bad
print(catch_and_continue([1, 0, 3, "x", 5, None, 10]))
try:
    try:
        raise ValueError("a")
    finally:
        print("finally while ValueError propagates")
except ValueError as e:
    print("caught", e)
