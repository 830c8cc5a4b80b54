import argparse
import sys

p = argparse.ArgumentParser(prog="app", description="Demo tool.")
p.add_argument("files", nargs="+", help="input files")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("-n", "--num", type=int, default=10, help="a number (default: %(default)s)")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--flag", action="store_true")
p.add_argument("--tag", action="append", default=[])
ns = p.parse_args(["a.txt", "b.txt", "-vv", "-n", "5", "--mode", "slow", "--tag", "x", "--tag=y"])
print(ns.files, ns.verbose, ns.num, ns.mode, ns.flag, ns.tag)
print(vars(p.parse_args(["z"])))
p.print_help(sys.stdout)
sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd")
c = sp.add_parser("commit")
c.add_argument("-m", required=True)
pu = sp.add_parser("push")
pu.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "msg"]), sub.parse_args(["push"]))
g = argparse.ArgumentParser(prog="g")
mx = g.add_mutually_exclusive_group()
mx.add_argument("--a", action="store_true")
mx.add_argument("--b", action="store_true")
sys.stderr = sys.stdout
try:
    g.parse_args(["--a", "--b"])
except SystemExit as e:
    print("exit", e.code)
try:
    p.parse_args(["-n", "x", "f"])
except SystemExit as e:
    print("exit", e.code)
ns, rest = p.parse_known_args(["f", "--unknown", "1"])
print(ns.files, rest)
