# sys.exit with a string: message goes to stderr and the status is 1.
import sys
def check(config):
    if "name" not in config:
        sys.exit("error: config is missing 'name'")
    return config["name"]
print(check({"name": "ok"}))
try:
    check({})
except SystemExit as e:
    print("caught SystemExit once, code:", repr(e.code))
print("now exiting for real")
check({})
print("not reached")
