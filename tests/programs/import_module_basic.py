# Importing a helper module: attributes, caching, from-import, aliases, __name__.
import sys
print("before import")
import helpermod_math
print("after first import")
import helpermod_math
import helpermod_math as hm
print("second import did not re-execute:", hm is helpermod_math)
print(helpermod_math.PI, helpermod_math.area(2), hm.area(1), hm.calls, helpermod_math.__name__)
from helpermod_math import Vector, area as circle_area, PI
print(Vector(1, 2) + Vector(3, 4), circle_area(3), PI, hm.calls)
print("helpermod_math" in sys.modules, sys.modules["helpermod_math"] is hm, type(hm).__name__)
print(hm._private(), hm.__doc__, sorted(hm.__all__))
ns = {}
exec("from helpermod_math import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
hm.PI = 3
print(helpermod_math.area(1), PI)
import helpermod_state, helpermod_state as st2
helpermod_state.add("x")
st2.add("y")
print(helpermod_state.items, st2 is helpermod_state)
from helpermod_state import items
items.append("z")
print(helpermod_state.items)
try:
    from helpermod_math import does_not_exist
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0], "| name:", e.name)
try:
    import helpermod_nonexistent_xyz
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
try:
    import helpermod_raises
except ImportError as e:
    print("ImportError:", e, "| in sys.modules:", "helpermod_raises" in sys.modules)
import helpermod_cycle_a
print(helpermod_cycle_a.from_b(), helpermod_cycle_a.helpermod_cycle_b.partial_a(), helpermod_cycle_a.helpermod_cycle_b.EARLY_SAW_A)
def local_import():
    import helpermod_state as s
    return s.add("from function")
print(local_import(), "s" in dir())
print(__name__, hm.__name__ != __name__)
