# The source line of a SyntaxError is printed as written: leading whitespace removed,
# trailing whitespace kept.
import io
import sys

sources = ['x = (1,  \n', 'x = 1 +   \n', '    y = "abc\' \n', 'x = $   \n', 'if x   \n  pass\n', 'f(a b)\t\n']
for src in sources:
    try:
        compile(src, "snippet.py", "exec")
    except SyntaxError:
        old = sys.stderr
        sys.stderr = buf = io.StringIO()
        try:
            sys.excepthook(*sys.exc_info())
        finally:
            sys.stderr = old
        for line in buf.getvalue().splitlines():
            print(repr(line))
