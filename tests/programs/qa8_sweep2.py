import collections, itertools, functools, operator
exprs = r'''
[1,2,3].index(5)
[].pop()
{}.popitem()
set().pop()
(1,2).index(3)
"abc".index("d")
[1,2].remove(3)
{1}.remove(2)
dict(a=1)["b"]
dict([(1,2,3)])
dict([1])
list(5)
tuple(None)
iter(5)
next(iter([]))
len(5)
len(iter([]))
"a" + 1
1 + "a"
[1] + (2,)
"a" * 1.5
[1] * "a"
None + 1
None()
5()
"abc"()
"abc"[5]
"abc"["x"]
[1][1.0]
{}[[]]
{[]: 1}
{{1}}
hash([])
int([])
int(None)
float("x")
float([])
str(b"x", "ascii", "bogus")
b"x".decode("bogus")
"é".encode("ascii")
ord("ab")
chr(-1)
chr(0x110000)
range(1.5)
range(0, 10, 0)
list(range(10))[::0]
[1,2,3][1:2] == [2]
"abc"[::-1][::2]
sorted([3,1,2], reverse=1)
max()
max([])
min(1)
sum(["a", "b"])
sum([[1], [2]], [])
sum([1], start=10)
abs("x")
round("x")
divmod("a", 1)
pow(2, 3, 0)
pow(2.0, 3, 5)
isinstance(1, "int")
issubclass(1, int)
getattr(1, "x")
setattr(1, "x", 2)
delattr(1, "real")
(1).real = 5
object().x = 1
int.x = 1
type("X", (), {})().__dict__
type("X", (int,), {})(5) + 1
type(1, 2)
super()
list(zip([1, 2], [3], strict=True))
list(map(lambda: 1, [1]))
list(filter(None, [0, 1, "", "a"]))
enumerate([1], start="a")
dict.fromkeys("ab", [])
{**{1: 2}, **{1: 3}}
{1: 2} | {3: 4}
{1, 2} ^ {2, 3}
{1, 2} <= {1, 2, 3}
frozenset([1]) | {2}
{1} | frozenset([2])
[1, 2] == (1, 2)
collections.Counter("aab") + 1
collections.deque([1,2,3])[5]
collections.deque(maxlen=2).extend([1,2,3])
list(itertools.chain(1, 2))
functools.reduce(None, [1, 2])
operator.itemgetter()
"{0}{1}".format(1)
"{a}".format(b=1)
"{0:d}".format("s")
"{:>{}}".format("x")
"{!x}".format(1)
"{".format(1)
"}".format(1)
"{0.foo}".format(1)
"{0[5]}".format([1])
"a".join([1, 2])
"".join(["a", None])
",".join("abc")
"abc".split("")
"a b".split(None, -1)
"abc".replace("", "-")
"abc".center(6, "ab")
"x".ljust("5")
"abc".startswith(["a"])
"abc".startswith(("x", "a"))
"abc".count("")
"aaa".count("aa")
"Hello".casefold() == "hello"
"ß".upper()
"ﬁ".upper()
"İ".lower()
len("İ".lower())
"a\u0301".isalpha()
"Ⅻ".isnumeric()
"³".isdigit()
"³".isdecimal()
"A1".isupper()
" ".isspace()
"".isspace()
"tab\there".expandtabs(3)
"x".zfill(-1)
str.maketrans("ab", "c")
"%s" % ((1, 2),)
"%s %s" % [1, 2]
"%d" % 3.9
"%d" % "3"
"%i" % 2**70
b"%s %d" % (b"x", 5)
b"abc"[0]
b"abc"[0:1]
bytes(3)
bytes([256])
bytes("x")
bytearray(b"ab") + b"c"
b"a" + "b"
memoryview(b"abc")[1]
list(memoryview(b"ab"))
bytes.fromhex("0g")
b"\x00\xff".hex(":")
int.from_bytes(b"\xff", "big", signed=True)
(255).to_bytes(1, "big", signed=True)
'''
for line in exprs.strip().splitlines():
    try:
        r = eval(line)
        s = repr(r)
        print(f"{line} -> {s}")
    except Exception as e:
        print(f"{line} !! {type(e).__name__}: {e}")
