import textwrap

s = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(s, 30))
print(textwrap.fill(s, width=40))
print(textwrap.fill(s, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20))
print(repr(textwrap.dedent("""
    def f():
        return 1
""")))
print(textwrap.indent("a\nb\n\nc", "> "), textwrap.indent("x\ny", "+", lambda line: line.startswith("y")))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=3, placeholder="...")
print(w.wrap("supercalifragilisticexpialidocious is a word that is long"))
print(textwrap.wrap("a\tb c", 10, expand_tabs=True, tabsize=4))
