# Importing a package, submodules, relative imports inside the package.
import sys
import pkg_demo
print(pkg_demo.PACKAGE_CONST, pkg_demo.greet("world"), pkg_demo.package_function(), pkg_demo.__doc__)
print(pkg_demo.__name__, pkg_demo.core.__name__, "pkg_demo.core" in sys.modules, "pkg_demo.util" in sys.modules)
from pkg_demo import core
from pkg_demo.core import COUNTER
print(core.greet("again"), COUNTER)
import pkg_demo.sub
print(pkg_demo.sub.SUB_NAME, pkg_demo.sub.sub_greet())
from pkg_demo.sub import deep
print(deep.VALUE)
import pkg_demo.sub.deep as d2
print(d2 is deep, pkg_demo.sub.deep is deep)
from pkg_demo.util import shout
print(shout("x"), shout("y"), COUNTER, pkg_demo.core.COUNTER is COUNTER)
try:
    import pkg_demo.nothing_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from pkg_demo import nothing_here
except ImportError as e:
    print("ImportError:", type(e).__name__)
print(sorted(m for m in sys.modules if m.startswith("pkg_demo")))
print(hasattr(pkg_demo, "sub"), hasattr(pkg_demo.sub, "deep"), pkg_demo.sub.__package__, deep.__package__, pkg_demo.__package__)
