# sys.exit(0) and sys.exit(None) both mean success; output flushed.
import sys
for i in range(5):
    print("line", i)
try:
    sys.exit(None)
except SystemExit as e:
    print("sys.exit(None) code:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() code:", e.code)
print("exiting with 0")
sys.exit(0)
