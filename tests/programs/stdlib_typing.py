from typing import (Any, Callable, Dict, Generic, List, NamedTuple, Optional, Protocol, Tuple, TypeVar, Union,
                    TypedDict, cast, get_type_hints, overload, Iterator, Sequence, get_origin, get_args, Literal)
import typing

T = TypeVar("T")
K = TypeVar("K")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()


s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), Stack[int], Stack.__parameters__)


class Emp(NamedTuple):
    name: str
    id: int = 3


e = Emp("guido")
print(e, e.id, Emp._fields, Emp.__annotations__)


class Movie(TypedDict):
    title: str
    year: int


m: Movie = {"title": "x", "year": 1}
print(m, Movie.__annotations__)


def f(a: int, b: Optional[str] = None) -> Dict[str, int]:
    return {}


print(get_type_hints(f))
print(Optional[int], Union[int, str], List[int], Dict[str, List[int]], Callable[[int], str], Tuple[int, ...])
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(Union[int, None]), Literal["a", "b"])
print(cast(int, "x"), Any, typing.TYPE_CHECKING)


class Closer(Protocol):
    def close(self) -> None: ...


@typing.runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...


print(isinstance([], Sized2), isinstance(3, Sized2))


@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x


print(g(3), list[int], dict[str, T][int], int | None)


def gen() -> Iterator[int]:
    yield 1


print(list(gen()), Sequence[int], typing.Union[int, int])
