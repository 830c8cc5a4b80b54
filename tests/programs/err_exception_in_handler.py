# Ends with an exception raised inside an except block (implicit chaining).
def parse(s):
    try:
        return int(s)
    except ValueError:
        print("could not parse", repr(s), "- trying float")
        return float(s)
for s in ["10", "2.5", "abc"]:
    print("parsed", parse(s))
