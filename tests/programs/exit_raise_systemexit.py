# raise SystemExit(5) directly, after catching and inspecting one.
try:
    raise SystemExit(7)
except SystemExit as e:
    print("caught", e.code, type(e).__name__, isinstance(e, BaseException), isinstance(e, Exception))
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code:", e.code)
class Cleanup:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("__exit__ sees", exc[0].__name__)
        return False
with Cleanup():
    print("raising SystemExit(5)")
    raise SystemExit(5)
