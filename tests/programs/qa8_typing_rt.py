from typing import NamedTuple, TypedDict, Optional, List, Dict, get_type_hints, Union

class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 50000

    def raise_(self, pct):
        return self._replace(salary=int(self.salary * (1 + pct / 100)))

class Movie(TypedDict):
    title: str
    year: int

def greet(name: str, times: int = 1) -> str:
    return ", ".join([f"hi {name}"] * times)

e = Employee("Ann", "eng")
print(e, e.salary, e[1])
print(e.raise_(10))
print(e._asdict())
print(Employee._fields, Employee._field_defaults)
name, dept, sal = e
print(name, dept, sal)
m: Movie = {"title": "Up", "year": 2009}
print(m, type(m) is dict)
print(greet.__annotations__)
print(get_type_hints(greet))
print(get_type_hints(Employee))
print(Movie.__annotations__)
x: int = 5
print(__annotations__ if '__annotations__' in dir() else None)
class Cfg:
    debug: bool = False
    level: Optional[int] = None
    names: List[str]
print(Cfg.__annotations__)
print(get_type_hints(Cfg))
print(Optional[int], Union[int, str], List[int], Dict[str, int])
print(Employee("Bob", "ops", 1) < Employee("Bob", "ops", 2))
emps = [Employee("Z", "a", 3), Employee("A", "b", 9), Employee("M", "a", 1)]
for emp in sorted(emps, key=lambda t: (t.dept, -t.salary)):
    print(f"{emp.name:<3}{emp.dept:>3}{emp.salary:>5}")
try:
    Employee("x")
except TypeError as err:
    print(err)
try:
    e.salary = 3
except AttributeError as err:
    print(err)
print(Employee._make(["Q", "R", 7]))
def f(a: "int", b: list[int] | None = None) -> None: ...
print(f.__annotations__)
print(int | None)
