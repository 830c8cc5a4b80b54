x, name, items = 42, "Ann", [1, 2]
price = 3.14159
print(f"{x=}", f"{x = }", f"{name=!s}", f"{name=}", f"{price=:.2f}", f"{price = :>10.3f}|")
print(f"{items=}", f"{len(items)=}", f"{x * 2 + 1=}", f"{x=!r:>6}", f"{'lit'=}")
print(f"{x!r:^8}|{name!a}|{price!s:.3}|")
d = {"k": 1, "n": [1, 2]}
print(f"{d['k']=}", f"{d['n'][1] = }")
def f(a, b=2):
    return a * b
print(f"{f(3)=}", f"{f(b=5, a=1)=}")
w = 10
print(f"{price:{w}.{2}f}|{name:>{w}}|{x:0{w}d}")
print(f"{'nested {braces}'}", f"{{x}}={x}", f"{x:{'>'}{5}}")
print(f"{3.0=:g}", f"{-0.0=}", f"{1e100=:.1e}")
import datetime
t = datetime.date(2024, 2, 29)
print(f"{t=}", f"{t=!s}", f"{t:%d.%m.%Y}", f"{t=:%Y}")
class P:
    def __repr__(self): return "P()"
    def __format__(self, spec): return f"P[{spec}]"
p = P()
print(f"{p}", f"{p=}", f"{p=:xyz}", f"{p!r}", f"{p:}")
print(f"""multi
{x}
line""", f'{"dq"}', f"{'sq'}")
vals = [1.5, 22.25, 333.125]
for v in vals:
    print(f"|{v:8.2f}|{v:<8.1f}|{v:^8}|{v:+.0f}|{v:08.3f}|")
print(f"{x:b} {x:o} {x:x} {x:X} {x:#b} {x:e} {x:%} {x:,} {x:c}")
print(f"{'%'}{x}", f"{x}%", f"{x!s:>{x // 7}}|")
nums = [3, 1, 2]
print(f"{sorted(nums)=}", f"{[n * 2 for n in nums]}", f"{ {n: n ** 2 for n in nums} }")
print(f"{(lambda y: y + 1)(x)}", f"{x if x > 40 else 0}", f"{x:>{len(name)}}")
print(f"{'a' 'b'}", f"{x:_b}", f"{2**40:_}", f"{-x:x}")
