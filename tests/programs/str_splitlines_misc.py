# splitlines with all line boundaries, and misc methods.
text = "line1\nline2\r\nline3\rline4\x0bline5\x0cline6\x1cline7\x1dline8\x1eline9\x85line10\u2028line11\u2029end"
print(text.splitlines())
print(text.splitlines(True))
print("a\n\nb\n".splitlines(), "a\n\nb\n".split("\n"), "".splitlines(), "\n".splitlines(), "x".splitlines(keepends=True))
poem = """Roses are red,
  Violets are blue,
Sugar is sweet,
    And so are you."""
for i, line in enumerate(poem.splitlines(), 1):
    print(f"{i:2}: {line!r} indent={len(line) - len(line.lstrip())}")
print(len(poem), poem.count("\n"), poem.upper().count("ARE"))
print("abc" * 3, 3 * "xy", "a" * 0, "a" * -1, "-" * 20)
print("abc" + "def", "abc" < "abd", "abc" < "ab", "B" < "a", "é" > "z", "" < "a")
print(min("hello"), max("hello"), sorted("hello"), list(reversed("hello")), "".join(sorted("banana")))
print(len("日本語"), len("a\u0301"), len("😀"), "😀" * 3, ord("😀"), chr(128512))
print(str(), str(123), str([1, "a"]), str((1,)), str({"k": None}), str(b"x"), str(1.0))
print("%s" % "x", "abc".__len__(), "abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("cd"), "ab".__mul__(2))
s = "hello"
print(s.index("l"), s.isalpha(), s.encode(), s.replace("l", "L", 1), s[::-1], s == "hel" + "lo")
