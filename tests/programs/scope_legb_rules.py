# LEGB name resolution: local, enclosing, global, builtin; shadowing builtins.
x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        x = "local x"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing(), x
print(outer(), x)
def uses_builtin():
    return len([1, 2, 3])
print(uses_builtin())
len = lambda obj: "shadowed len"
print(uses_builtin(), len("abc"))
del len
print(uses_builtin(), len("abc"))
def shadow_param(list):
    return list * 2
print(shadow_param(3), list("ab"))
def local_shadows_builtin():
    max = 100
    return max
print(local_shadows_builtin(), max(1, 2))
def conditional_local(flag):
    if flag:
        y = "assigned"
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError"
print(conditional_local(True), conditional_local(False))
counter = 0
def read_then_global():
    global counter
    before = counter
    counter += 10
    return before, counter
print(read_then_global(), read_then_global(), counter)
def enclosing_modified_later():
    value = 1
    def get():
        return value
    value = 2
    return get()
print(enclosing_modified_later())
class C:
    attr = "class attr"
    def method(self):
        try:
            return attr
        except NameError:
            return "class scope is not enclosing for methods"
print(C().method())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def nested_nonlocal_chain():
    a = 1
    def f1():
        def f2():
            nonlocal a
            a += 10
            return a
        return f2()
    f1()
    f1()
    return a
print(nested_nonlocal_chain())
def del_then_read():
    z = 1
    del z
    try:
        return z
    except NameError as e:
        return type(e).__name__
print(del_then_read())
print(sorted(k for k in globals() if not k.startswith("__")))
