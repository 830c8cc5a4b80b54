import inspect, types, graphlib, statistics, array, shlex, configparser, io, zipfile, gzip, tarfile, string, sched, operator
def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc line."""
    return "x"
sig = inspect.signature(f)
print(sig, list(sig.parameters), sig.parameters["b"].default, sig.return_annotation)
print(inspect.getdoc(f), inspect.isfunction(f), inspect.isclass(int), [m for m, _ in inspect.getmembers(types.SimpleNamespace(a=1, b=2)) if not m.startswith("__")])
print(sig.bind(1, c=3).arguments)
try:
    sig.bind(1)
except TypeError as e:
    print(e)
ns = types.SimpleNamespace(x=1, y="a")
ns.z = [1]
print(ns, ns == types.SimpleNamespace(x=1, y="a", z=[1]), vars(ns))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], dict(mp))
try:
    mp["k"] = 2
except TypeError as e:
    print(e)
ts = graphlib.TopologicalSorter({"app": {"lib", "utils"}, "lib": {"utils"}, "tests": {"app"}})
print(list(ts.static_order()))
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print("cycle", e.args[1])
nd = statistics.NormalDist(100, 15)
print(round(nd.cdf(130), 6), round(nd.inv_cdf(0.975), 4), nd.mean, nd.stdev, nd + 5)
arr = array.array("i", [1, 2, 3])
arr.append(4); arr.extend([5])
print(arr, arr.tolist(), arr.itemsize, arr[1:3], array.array("d", [1.5]) * 2, array.array("u", "hi"))
try:
    arr.append(1.5)
except TypeError as e:
    print(e)
print(shlex.split('cmd -a "quoted arg" \'single q\' esc\\ aped'), shlex.quote("it's"), shlex.join(["a b", "c"]))
cp = configparser.ConfigParser()
cp.read_string("""
[DEFAULT]
timeout = 30
[server]
host = example.com
port = 8080
debug = yes
[client]
retries = 3
""")
print(cp.sections(), cp["server"]["host"], cp.getint("server", "port"), cp.getboolean("server", "debug"), cp["client"]["timeout"])
print(dict(cp["server"]), cp.get("client", "missing", fallback="fb"), "server" in cp)
out = io.StringIO(); cp.write(out); print(out.getvalue())
try:
    cp.get("nosuch", "x")
except configparser.NoSectionError as e:
    print(e)
bio = io.BytesIO()
with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr("a.txt", "hello zip")
    zf.writestr("dir/b.txt", "second" * 10)
with zipfile.ZipFile(io.BytesIO(bio.getvalue())) as zf:
    print(zf.namelist(), zf.read("a.txt"), [i.file_size for i in zf.infolist()])
g = gzip.compress(b"data" * 20, mtime=0)
print(gzip.decompress(g)[:8], len(gzip.decompress(g)))
fmt = string.Formatter()
print(fmt.format("{0}-{x}", 1, x=2), list(fmt.parse("a{b:>3}c{d!r}")))
s = sched.scheduler(lambda: 0, lambda t: None)
print(operator.attrgetter("real.numerator")(3), operator.methodcaller("split", ",")("a,b"), operator.not_(0), operator.concat([1], [2]))
print(operator.index(5), operator.length_hint([1, 2]), operator.contains("abc", "b"), operator.countOf([1, 1, 2], 1))
bio2 = io.BytesIO(b"line1\nline2\n")
print(bio2.readline(), bio2.read(), bio2.tell(), io.StringIO("a\nb").readlines())
print(hash.__name__, types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
for op in [lambda: hash(types.SimpleNamespace()), lambda: types.SimpleNamespace(a=1) < types.SimpleNamespace(a=2), lambda: int(types.SimpleNamespace())]:
    try:
        op()
    except TypeError as e:
        print(e)
n = types.SimpleNamespace(name="loop")
n.me = n
print(n, types.SimpleNamespace.__doc__)
