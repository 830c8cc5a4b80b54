# Ends with a custom BaseException subclass that bypasses `except Exception`.
class Abort(BaseException):
    pass
def step(i):
    if i == 3:
        raise Abort("abort requested at step 3")
    return i * i
for i in range(6):
    try:
        print("step", i, "->", step(i))
    except Exception as e:
        print("handled", e)
