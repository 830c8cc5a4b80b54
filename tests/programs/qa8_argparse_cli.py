import argparse, sys
def build():
    p = argparse.ArgumentParser(prog="todo", description="A tiny todo manager.")
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("add", help="add a task")
    a.add_argument("title")
    a.add_argument("-p", "--priority", type=int, choices=[1, 2, 3], default=2)
    a.add_argument("--tags", nargs="*", default=[])
    l = sub.add_parser("list", help="list tasks")
    l.add_argument("--all", action="store_true")
    p.add_argument("-v", "--verbose", action="count", default=0)
    return p
p = build()
for argv in [["add", "buy milk", "-p", "1", "--tags", "home", "shop"], ["-vv", "list", "--all"], ["list"]]:
    ns = p.parse_args(argv)
    print(vars(ns))
p.print_help()
print("---")
try:
    p.parse_args(["add", "x", "-p", "9"])
except SystemExit as e:
    print("exit code", e.code)
q = argparse.ArgumentParser(prog="calc")
q.add_argument("nums", type=float, nargs="+", help="numbers")
q.add_argument("--op", default="sum", choices=["sum", "max"])
q.add_argument("--precision", type=int, default=2, metavar="N")
ns = q.parse_args(["1", "2.5", "--op", "max"])
print(ns, ns.nums)
q.print_usage()
print(q.format_help())
ns, rest = q.parse_known_args(["3", "--zzz", "1"])
print(ns, rest)
sys.stderr = sys.stdout
try:
    q.parse_args(["abc"])
except SystemExit as e:
    print("exit", e.code)
try:
    q.parse_args([])
except SystemExit as e:
    print("exit", e.code)
q.parse_args(["--help"])
