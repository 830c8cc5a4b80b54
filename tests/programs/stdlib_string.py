import string

print(string.ascii_letters, string.digits, string.hexdigits, string.punctuation)
print(repr(string.whitespace), string.ascii_uppercase, string.octdigits)
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="a")
except KeyError as e:
    print("KeyError", e)
print(string.capwords("hello   wide  world"), string.capwords("a-b-c", "-"))
f = string.Formatter()
print(f.format("{0} + {1} = {2:>4}", 1, 2, 3), list(f.parse("a{0}b{x!r:>3}c")))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


print(Upper().format("{} and {:x}", "abc", 255))
print(t.get_identifiers() if hasattr(t, "get_identifiers") else None, t.is_valid() if hasattr(t, "is_valid") else None)
