# import of a helper module written next to the program
import helper_geo
import helper_geo as hg
from helper_geo import area, Polygon as Poly, PI
from helper_geo import *
import sys

print(helper_geo is hg, helper_geo.__name__)
print(area(2), hg.area(1), helper_geo.calls)
print(Poly((0, 0), (3, 0), (3, 4)).perimeter())
print(PI, round(PI * 2, 3))
print("_private" in dir(helper_geo), "_internal" in globals(), "Polygon" in globals())
print(helper_geo._private, helper_geo._internal())
print("helper_geo" in sys.modules, type(helper_geo).__name__)
helper_geo.PI = 3
print(helper_geo.area(1), PI)
try:
    from helper_geo import nonexistent
except ImportError as e:
    print("ImportError:", e)
try:
    import helper_missing_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
import helper_geo
print(len(helper_geo.calls))
print(sorted(n for n in dir(hg) if not n.startswith("__")))
print(hg.__file__.endswith("helper_geo.py"))
def use():
    from helper_geo import area as a2
    return a2(10)
print(use())
print(__name__)
