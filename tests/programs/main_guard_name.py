# __name__ == "__main__" and module-level dunder names.
import helpermod_math
def main():
    print("running main()")
    print("module name:", __name__)
    print("helper name:", helpermod_math.__name__)
    return 0
print("__name__ is", repr(__name__))
print("__file__ ends with:", __file__.endswith("main_guard_name.py") if "__file__" in globals() else "n/a")
print(type(__builtins__).__name__ in ("module", "dict"), __doc__)
if __name__ == "__main__":
    print("main guard entered")
    status = main()
    print("status", status)
else:
    print("imported, not run")
print(__spec__ is None or True, __package__ in (None, ""))
