import types


def f():
    pass


def g():
    yield 1


class C:
    def m(self):
        pass


print(type(f) is types.FunctionType, type(g()) is types.GeneratorType, type(C().m) is types.MethodType)
print(type(len) is types.BuiltinFunctionType, type(types) is types.ModuleType, type(lambda: 0) is types.LambdaType)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="x", c=[3]))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), list(mp.items()), "k" in mp)
try:
    mp["z"] = 2
except TypeError as e:
    print("TypeError", e)
m = types.ModuleType("mymod", "doc")
m.x = 5
print(m.__name__, m.__doc__, m.x)
Dyn = types.new_class("Dyn", (C,), {}, lambda ns: ns.update({"v": 7}))
print(Dyn.__name__, Dyn().v, issubclass(Dyn, C))
bound = types.MethodType(lambda self: self.v * 2, Dyn())
print(bound())
print(types.NoneType, types.EllipsisType, types.NotImplementedType, type(f.__code__) is types.CodeType)


class D:
    @types.DynamicClassAttribute
    def name(self):
        return "dyn"


print(D().name, types.resolve_bases((C,)), isinstance(int | str, types.UnionType), types.GenericAlias(list, (int,)))
print(types.coroutine.__name__, type(C.__dict__["m"]) is types.FunctionType)
