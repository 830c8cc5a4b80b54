# Since Python 3.11 the csv reader takes NUL characters as ordinary data (3.10 raised
# "line contains NUL"); a NUL delimiter splits fields.
import csv
import io

print(list(csv.reader(io.StringIO('a\0b,"c\0d"\n\0,x\n'))))
w = io.StringIO()
csv.writer(w).writerow(["x\0y", "z"])
print(repr(w.getvalue()))
print(list(csv.reader(["a\0b"], delimiter="\0")))
print(list(csv.DictReader(io.StringIO("k,v\nn\0ul,1\n"))))
