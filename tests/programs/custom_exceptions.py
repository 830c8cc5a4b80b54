# Custom exception classes with extra attributes, hierarchy, __str__ overrides.
class AppError(Exception):
    """Base error for the app."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
class NotFound(AppError):
    def __init__(self, kind, key):
        self.kind, self.key = kind, key
        super().__init__(kind, key)
    def __str__(self):
        return f"{self.kind} {self.key!r} not found"
class RetryableError(AppError):
    def __init__(self, msg, retries=3):
        super().__init__(msg)
        self.retries = retries
def validate(user):
    if not user.get("name"):
        raise ValidationError("name", "must not be empty")
    if user.get("age", 0) < 0:
        raise ValidationError("age", f"must be non-negative, got {user['age']}")
    return True
for u in [{"name": "Ann", "age": 3}, {"name": ""}, {"name": "Bob", "age": -1}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field, "| args =", e.args)
db = {"u1": "Ann"}
def find(key):
    if key not in db:
        raise NotFound("user", key)
    return db[key]
for k in ["u1", "u9"]:
    try:
        print(find(k))
    except AppError as e:
        print(type(e).__name__, str(e), repr(e), e.args, isinstance(e, Exception))
e = RetryableError("flaky", retries=5)
print(e, e.retries, e.args, AppError.__doc__, ValidationError.__mro__[1].__name__)
class Silent(Exception):
    def __str__(self):
        return ""
print(repr(str(Silent("hidden"))), Silent("hidden").args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr<custom>"
print(repr(WithRepr()), str(WithRepr("x")))
class CodeError(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f"error code {self.code}"
try:
    raise CodeError(404)
except CodeError as ce:
    print(ce, ce.code, ce.args)
def process(items):
    errors = []
    for it in items:
        try:
            if not isinstance(it, int):
                raise ValidationError("item", f"{it!r} is not an int")
            if it < 0:
                raise NotFound("number", it)
        except AppError as err:
            errors.append(str(err))
    return errors
print(process([1, "x", -4, 2.5, 7]))
class Base(Exception):
    pass
class Mid(Base):
    pass
class Leaf(Mid):
    pass
for cls in (Leaf, Mid, Base):
    try:
        raise cls("raised " + cls.__name__)
    except Leaf as e:
        print("Leaf handler:", e)
    except Mid as e:
        print("Mid handler:", e)
    except Base as e:
        print("Base handler:", e)
err = ValidationError("f", "m")
err.extra = "attached later"
print(err.extra, sorted(vars(err)))
