import gc
def f():
    collect = gc.collect
    out = []
    for x in range(3):
        collect()
        out.append(x)
    with open(__file__) as fh:
        collect()
        out.append(len(fh.readline()))
    try:
        raise ValueError("a")
    except ValueError:
        collect()
        out.append("exc")
    return out
print(f())
c = gc.collect
for y in [1, 2]:
    c()
    print(y)
