# Every combination of try/except/else/finally.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "key":
            raise KeyError("k")
        if action == "return":
            log.append("returning")
            return log
    except ValueError as e:
        log.append(f"except ValueError({e})")
    except (KeyError, IndexError) as e:
        log.append(f"except lookup {type(e).__name__}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for a in ["ok", "raise", "key", "return"]:
    print(a, run(a))
def only_finally():
    try:
        return "from try"
    finally:
        print("  finally runs before return completes")
print(only_finally())
def nested(n):
    out = []
    try:
        try:
            out.append("inner try")
            if n == 1:
                raise TypeError("t")
            if n == 2:
                raise NameError("n")
        except TypeError:
            out.append("inner caught TypeError")
            if n == 1:
                raise IndexError("from handler")
        finally:
            out.append("inner finally")
    except IndexError as e:
        out.append(f"outer caught IndexError({e}) context={type(e.__context__).__name__}")
    except NameError:
        out.append("outer caught NameError")
    else:
        out.append("outer else")
    return out
for n in range(3):
    print(n, nested(n))
def else_raises():
    try:
        pass
    except Exception:
        print("not reached")
    else:
        raise RuntimeError("raised in else")
try:
    else_raises()
except RuntimeError as e:
    print("caught:", e)
def except_order(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError"
    except Exception:
        return "Exception"
    except BaseException:
        return "BaseException"
print([except_order(e) for e in [KeyError, IndexError, ValueError, KeyboardInterrupt, GeneratorExit]])
def bare_except():
    try:
        raise SystemExit(9)
    except:
        return "bare except caught SystemExit"
print(bare_except())
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x *= 10
finally:
    x += 5
print(x)
e_name_removed = None
try:
    raise ValueError("scoped")
except ValueError as err:
    e_name_removed = str(err)
print(e_name_removed)
try:
    err
except NameError as ne:
    print("NameError:", ne)
for i in range(4):
    try:
        if i % 2:
            raise ValueError(i)
    except ValueError as e:
        print("odd", e)
    else:
        print("even", i)
