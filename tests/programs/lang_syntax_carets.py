# How an uncaught SyntaxError's location is printed (sys.excepthook, as at top level):
# IndentationError/TabError get one caret, a SyntaxError spanning lines is highlighted to
# the end of its first line, and `f(**k, *a)` points at the arguments before `*a`.
import os
import sys
import tempfile

SOURCES = [
    "def g():\nreturn 1\n",
    "class A:\npass\n",
    "if True:\n    x = 1\n  y = 2\n",
    "def f():\n    x = 1\n        return 1\n",
    "f(**k, *a)\n",
    "f(x, y=1, **k, z=2, *a)\n",
    "g(1)(**k, *a, *b)\n",
    "f(a, **k,\n  *b)\n",
    "x = (1 +\n     2) = 3\n",
    "f(a for a in b\n  for c in d, 1)\n",
    "print 'hello'\n",
    "x = [1, 2, 3}\n",
]

# Compiled from a file on disk, as a script is (CPython then reads the error's line from
# the file).
sys.stderr = sys.stdout
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "snippet.py")
    for src in SOURCES:
        with open(path, "w") as f:
            f.write(src)
        try:
            compile(src, path, "exec")
        except SyntaxError as e:
            print(type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset)
            e.filename = "snippet.py"
            sys.excepthook(type(e), e, None)
