# Processing command-line arguments from sys.argv (see sys_argv_processing.args).
import sys
args = sys.argv[1:]
print("argc", len(args))
for i, a in enumerate(args):
    print(i, repr(a))
flags = {}
positional = []
for a in args:
    if a.startswith("--"):
        key, _, value = a[2:].partition("=")
        flags[key] = value if value else True
    elif a.startswith("-") and len(a) > 1:
        for ch in a[1:]:
            flags[ch] = True
    else:
        positional.append(a)
print("flags", flags)
print("positional", positional)
nums = [int(p) for p in positional if p.lstrip("-").isdigit()]
print("numbers", nums, "sum", sum(nums))
if flags.get("verbose"):
    print("verbose mode on")
print("mode", flags.get("mode", "default"))
