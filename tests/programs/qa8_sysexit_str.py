import sys
print("starting")
def main(argv):
    if len(argv) < 3:
        sys.exit("usage: prog A B")
main(sys.argv)
