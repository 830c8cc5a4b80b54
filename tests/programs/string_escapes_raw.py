# String literal escapes, raw strings, bytes literals, implicit concatenation.
samples = ["\\", "\'", "\"", "\a", "\b", "\f", "\n", "\r", "\t", "\v", "\0", "\x41", "\101", "\u00e9", "\U0001F600", "\N{BULLET}", "\N{LATIN SMALL LETTER SHARP S}"]
for s in samples:
    print(repr(s), len(s), [hex(ord(c)) for c in s])
print(r"\n\t\x41", len(r"\n"), r"C:\new\table", R"raw\d+", rb"\x00", Rb"\n", BR"\t")
print("a" "b" 'c' """d""" '''e''', "con" f"{'cat'}" "enation")
print("line one\
 continued", 'it\'s', "say \"hi\"", '''triple 'single' "double"''')
print(b"\x00\xff\n\\", b"\101", len(b"\x00\xff"), bytes("\u00e9", "utf-8"))
print("tab\there", "nul\0in middle".split("\0"), "bell".replace("l", "\a").count("\a"))
print("\u0041\u0062\u0063", "\x7e\x7f".encode(), "\N{GREEK CAPITAL LETTER OMEGA}".lower())
print("a\
b")
multi = """first line
    indented "quoted" line
last line\
 joined"""
print(multi)
print(repr(multi), multi.count("\n"))
print(len("\r\n"), "\r\n".splitlines(), "x\ry".splitlines(), repr("\x1b[0m"))
print("%s|%r" % ("\t", "\t"), f"{chr(10)!r}", "{!r}".format("\\"))
print("\d" if False else r"\d is a raw backslash-d", len("\\d"))
