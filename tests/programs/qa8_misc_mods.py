import sys, ast, keyword, reprlib, cmath, unicodedata, codecs, time, numbers, tokenize, io, string
print(sys.getsizeof([]), sys.getsizeof(list(range(3))), sys.getsizeof(0), sys.getsizeof(-5), sys.getsizeof(2**61), sys.getsizeof(2**59), sys.getsizeof(2**100), sys.getsizeof("abc"), sys.getsizeof({}), sys.getsizeof(()), sys.getsizeof(1.5), sys.getsizeof(set()), sys.getsizeof(b""))
print(ast.literal_eval("[1, 2.5, 'x', {'a': (1, None)}, True, -3, 1+2j]"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print(str(e).split(" at ")[0])
tree = ast.parse("x = 1 + 2 * y")
print(ast.dump(tree))
print(ast.unparse(ast.parse("def f(a, *b, c=1, **d):\n    return (a + b) * c")))
print(keyword.iskeyword("def"), keyword.iskeyword("match"), keyword.softkwlist, len(keyword.kwlist))
r = reprlib.Repr(); r.maxlist = 3
print(reprlib.repr(list(range(100))), r.repr(list(range(10))), reprlib.repr("x" * 100))
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), cmath.exp(1j * cmath.pi), abs(cmath.rect(2, 0.5)))
print(unicodedata.name("é"), unicodedata.category("A"), unicodedata.normalize("NFD", "é").encode(), unicodedata.lookup("SNOWMAN"), unicodedata.numeric("½"))
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), "ü".encode("utf-16-le"), "abc".encode("utf-32")[:8])
st = time.strptime("2024-03-10 14:30", "%Y-%m-%d %H:%M")
print(st.tm_year, st.tm_yday, st.tm_wday, time.strftime("%a %d %b %Y %H:%M", st), time.mktime(st) > 0, tuple(st)[:6])
print(time.gmtime(0), time.asctime(time.gmtime(86400 * 365)), time.strftime("%j", time.gmtime(10**9)))
print(isinstance(1, numbers.Integral), isinstance(1.5, numbers.Rational), isinstance(1j, numbers.Complex), issubclass(bool, numbers.Number))
toks = [(tokenize.tok_name[t.type], t.string) for t in tokenize.generate_tokens(io.StringIO("x = f(1, 'a')  # c\n").readline)]
print(toks)
print(string.Formatter().vformat("{0}{a}", (1,), {"a": 2}), "%s" % string.whitespace.encode())
print(sys.maxsize, sys.byteorder, sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit, sys.hash_info.modulus)
print(sys.version_info[:2], sys.version_info >= (3, 8), type(sys.argv), sys.platform, sys.getrecursionlimit())
print(sys.intern("abc") is sys.intern("abc"), sys.getdefaultencoding(), sys.flags.optimize, sys.maxunicode)
