# sys.exit with an integer status: output before it is kept, finally blocks run.
import sys
print("starting")
def shutdown():
    try:
        print("about to exit with 3")
        sys.exit(3)
    finally:
        print("finally runs during SystemExit")
try:
    shutdown()
except Exception:
    print("SystemExit is not an Exception: never printed")
print("not reached")
