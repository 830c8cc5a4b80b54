# control flow through try/except/else/finally
def f1():
    try:
        return "try"
    finally:
        return "finally"
def f2():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("  f2 finally", i)
    return i
def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def f4():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(-i)
    return out
def f5():
    x = 0
    while True:
        try:
            x += 1
            if x >= 3:
                return x
        finally:
            if x < 5:
                continue
def f6():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("  inner finally")
    except KeyError as e:
        return f"caught {e}"
def f7():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("  f7 finally")
def f8():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            raise ValueError("during handling")
        except ValueError as e:
            return repr(e.__context__)
def f9():
    for i in range(3):
        try:
            try:
                raise IndexError(i)
            finally:
                if i == 1:
                    break
        except IndexError as e:
            print("  f9 caught", e)
    return "f9 done", i
def f10():
    r = []
    try:
        r.append("a")
        return r
    finally:
        r.append("b")
def f11():
    e = None
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except NameError as ne:
        return "NameError: " + str(ne)
def f12():
    try:
        raise TypeError("t")
    except TypeError:
        pass
    finally:
        pass
    return "f12 ok"
def f13(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError:
        return "value"
    except ZeroDivisionError:
        return "zde"
    else:
        return "else-unreached"
    finally:
        print("  f13 finally", n)
for f in [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f12]:
    print(f.__name__, f())
print(f13(0), f13(5))
try:
    print(f11())
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def gen_fin():
    try:
        yield 1
        return
    finally:
        print("  gen finally")
print(list(gen_fin()))
def nested_loops():
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    break
                if i == 2:
                    return (i, j)
            finally:
                print("  nl", i, j)
    return None
print(nested_loops())
def exc_in_else():
    try:
        pass
    except KeyError:
        pass
    else:
        raise RuntimeError("from else")
    finally:
        print("  else-finally")
try:
    exc_in_else()
except RuntimeError as e:
    print(e)
def reraise_after_finally():
    try:
        raise KeyError("k")
    finally:
        print("  cleanup before propagate")
try:
    reraise_after_finally()
except KeyError as e:
    print("propagated", e)
