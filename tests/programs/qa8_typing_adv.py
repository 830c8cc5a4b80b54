from typing import (Protocol, Generic, TypeVar, Literal, Callable, Any, Annotated, get_args, get_origin,
                    Optional, Union, List, Dict, Tuple, Iterator, runtime_checkable, cast, overload, Final)
T = TypeVar("T")
K = TypeVar("K", bound=str)
print(T, K, T.__name__, K.__bound__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: list[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()
s: Stack[int] = Stack()
s.push(1); s.push(2)
print(s.pop(), Stack[int], Stack.__parameters__)
@runtime_checkable
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self):
        return "hello"
print(isinstance(En(), Greeter), isinstance(5, Greeter))
print(Literal["a", "b"], get_args(Literal["a", "b"]), Callable[[int, str], bool], Callable[..., Any])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]))
print(Annotated[int, "meta"], get_args(Tuple[int, ...]), Union[int, None] == Optional[int], Union[int, int])
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], get_origin(list[int]), get_args(dict[str, int]))
print(cast(int, "x"), Iterator[int], Final[int])
def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)
print(apply(lambda v: v * 2, 21), apply.__annotations__)
@overload
def dbl(x: int) -> int: ...
@overload
def dbl(x: str) -> str: ...
def dbl(x):
    return x * 2
print(dbl(2), dbl("ab"))
class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v
    def __repr__(self):
        return f"Pair({self.k!r}, {self.v!r})"
print(Pair("a", 1), Pair[str, int]("b", 2), Pair.__orig_bases__ if hasattr(Pair, "__orig_bases__") else None)
print(int | str, (int | str) | None, isinstance(3, int | str), Optional[List[int]])
try:
    Stack().pop()
except IndexError as e:
    print(e)
try:
    Union[3]
except TypeError as e:
    print(e)
from typing import NamedTuple
class P(NamedTuple):
    x: int
    y: int = 0
print(P.__annotations__, P(1)._asdict())
