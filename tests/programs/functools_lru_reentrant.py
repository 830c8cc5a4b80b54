# A bounded lru_cache whose key's __eq__ calls the cached function again while the
# cache is looking the key up (CPython's test_functools.test_need_for_rlock).
import functools


@functools.lru_cache(maxsize=10)
def test_func(x):
    return x


class DoubleEq:
    def __init__(self, x):
        self.x = x

    def __hash__(self):
        return self.x

    def __eq__(self, other):
        if self.x == 2:
            test_func(DoubleEq(1))
        return self.x == other.x

    def __repr__(self):
        return f"DoubleEq({self.x})"


test_func(DoubleEq(1))
test_func(DoubleEq(2))
print(test_func(DoubleEq(2)) == DoubleEq(2))
print(test_func.cache_info())


@functools.lru_cache(maxsize=3)
def square(n):
    return n * n


for n in [1, 2, 3, 1, 4, 2, 5, 1]:
    square(n)
print(square.cache_info())
print([square(n) for n in (1, 5, 4)], square.cache_info())
