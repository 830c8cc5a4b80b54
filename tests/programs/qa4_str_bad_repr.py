# str() of an object whose __repr__ returns a non-str, with no __str__ of its own:
# object.__str__ hands back __repr__'s result unchecked and str() reports "__str__".
class BadRepr:
    def __repr__(self):
        return 42


class GoodRepr:
    def __repr__(self):
        return "GoodRepr()"


print(object.__str__(BadRepr()), str(GoodRepr()), f"{GoodRepr()}")
for fn in (repr, str, lambda o: f"{o}", lambda o: "%s" % (o,), lambda o: "{}".format(o), print):
    try:
        fn(BadRepr())
    except TypeError as e:
        print("TypeError:", e)
print([GoodRepr()])
str(BadRepr())
