def validate(rec):
    errs = []
    if not rec.get("name"):
        errs.append(ValueError("name missing"))
    if not isinstance(rec.get("age"), int):
        errs.append(TypeError(f"age must be int, got {type(rec.get('age')).__name__}"))
    if errs:
        raise ExceptionGroup(f"record {rec.get('id')} invalid", errs)
for rec in [{"id": 1, "name": "a", "age": 3}, {"id": 2, "age": "x"}, {"id": 3, "name": "", "age": 1}]:
    try:
        validate(rec)
        print("ok", rec["id"])
    except* ValueError as eg:
        print("values:", [str(e) for e in eg.exceptions], eg.message)
    except* TypeError as eg:
        print("types:", [str(e) for e in eg.exceptions])
try:
    raise ValueError("base")
except ValueError as e:
    e.add_note("while loading config")
    e.add_note("file: app.toml")
    print(e.__notes__)
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3), ValueError(4)])])
m, rest = eg.split(ValueError)
print(repr(m), repr(rest))
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
print(len(eg.exceptions), str(eg), repr(eg.exceptions[2]))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("x", [1])
except TypeError as e:
    print(e)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup("b", [ValueError()])).__name__)
import tomllib
doc = tomllib.loads('title = "T"\n[owner]\nname = "Tom"\ndob = 1979-05-27\n[[fruit]]\nname = "apple"\n[[fruit]]\nname = "banana"\nnums = [1, 2.5, true]\n')
print(doc)
try:
    tomllib.loads("a = ")
except tomllib.TOMLDecodeError as e:
    print("TOMLDecodeError:", e)
def risky():
    try:
        raise KeyError("k")
    except KeyError as e:
        e.add_note("note attached")
        raise
try:
    risky()
except KeyError as e:
    print(e.__notes__)
try:
    try:
        raise ExceptionGroup("g", [ValueError("v"), OSError("o")])
    except* ValueError:
        print("handled ValueError part")
except ExceptionGroup as rest:
    print("left:", repr(rest))
raise ExceptionGroup("final", [ValueError("bad value"), TypeError("bad type")])
