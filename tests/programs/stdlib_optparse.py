import optparse
import sys

parser = optparse.OptionParser(usage="%prog [options] file", prog="tool", version="1.0")
parser.add_option("-v", "--verbose", action="store_true", dest="verbose", default=False, help="talk more")
parser.add_option("-n", "--count", type="int", dest="count", default=1, help="how many [default: %default]")
parser.add_option("-o", "--output", dest="output", metavar="FILE")
parser.add_option("-I", action="append", dest="incs", default=[])
group = optparse.OptionGroup(parser, "Extra")
group.add_option("--level", type="choice", choices=["a", "b"], default="a")
parser.add_option_group(group)
opts, args = parser.parse_args(["-v", "-n", "3", "--output=x.txt", "-I", "a", "-Ib", "in.txt", "more"])
print(opts.verbose, opts.count, opts.output, opts.incs, opts.level, args)
opts, args = parser.parse_args([])
print(opts.verbose, opts.count, opts.output, args)
parser.print_help(sys.stdout)
try:
    parser.parse_args(["-n", "abc"])
except SystemExit as e:
    print("exit", e.code)
try:
    parser.parse_args(["--level", "z"])
except SystemExit as e:
    print("exit", e.code)
