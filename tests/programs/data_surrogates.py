# Krait's str cannot hold lone surrogates. Wherever CPython would make one, Krait must
# raise NotImplementedError, never hand back a different string (such as U+FFFD). Each
# case below ends in an error under both: CPython's when the surrogate is encoded,
# Krait's when it would be made.


def attempt(label, make):
    try:
        s = make()
        s.encode("utf-8")
        print(label, "encoded", len(s))
    except (NotImplementedError, UnicodeEncodeError):
        print(label, "cannot hold a lone surrogate")


attempt("literal \\u", lambda: eval("'\\ud800'"))
attempt("literal \\U", lambda: eval("'a\\U0000dfffb'"))
attempt("pair of escapes", lambda: eval("'\\ud83d\\ude00'"))
attempt("f-string", lambda: eval("f'{1}\\udc80'"))
attempt("chr", lambda: chr(0xDC00))
attempt("%c", lambda: "%c" % 0xD900)
attempt("format c", lambda: format(0xDABC, "c"))
attempt("translate", lambda: "abc".translate({98: 0xDFFF}))
attempt("surrogateescape", lambda: b"a\xffb".decode("utf-8", "surrogateescape"))
attempt("surrogatepass", lambda: b"\xed\xa0\x80".decode("utf-8", "surrogatepass"))
attempt("unicode_escape", lambda: b"\\udc00".decode("unicode_escape"))

# What is not a surrogate still works.
print(eval("'\\\\ud800'"), eval("r'\\ud800'"), eval("'\\ufffd'") == "\ufffd", len(eval("'\\U0001f600'")))
print(eval("rf'\\udc00{1 + 1}'"), "\ud7ff\ue000".encode("utf-8"), b"\\ud800")
try:
    eq = eval("'\\ud800'") == "\ufffd"
except NotImplementedError:
    eq = False
print("surrogate literal equals U+FFFD:", eq)

# A surrogate literal only fails when it is evaluated (CPython fails when it is encoded).
def make():
    return "x\ud800"


unused = "fine" if True else "\udc01"
print(unused, "b" if True else f"{1}\udfff")
attempt("function", make)
attempt("concatenated", lambda: eval("'a' '\\udfff'"))
attempt("format spec", lambda: eval("f'{1:\\udc00>5}'"))
