# Relative imports, star imports with and without __all__, import binding forms.
import sys
import pkg_rel.inner.leaf
print(pkg_rel.inner.leaf.LEAF)
print(pkg_rel.__package__, pkg_rel.inner.__package__, pkg_rel.inner.leaf.__package__)
from pkg_rel.base import *
print(BASE, visible, "_hidden" in dir())
from pkg_rel.exported import *
print(one, three, "two" in dir(), "_four" in dir())
import pkg_rel.inner as alias
print(alias.__name__, alias.PARENT_BASE, alias.visible)
from pkg_rel import inner, exported
print(inner is alias, exported.two)
mod = __import__("pkg_rel.inner.leaf")
print(mod.__name__)
mod = __import__("pkg_rel.inner.leaf", fromlist=["LEAF"])
print(mod.__name__)
print(sorted(k for k in sys.modules if k.startswith("pkg_rel")))
print(hasattr(pkg_rel, "inner"), hasattr(pkg_rel.inner, "leaf"), pkg_rel.__doc__)
print(isinstance(pkg_rel.__path__, list), pkg_rel.__file__.endswith("__init__.py"), pkg_rel.base.__file__.endswith("base.py"))
try:
    from pkg_rel import missing_name
except ImportError as e:
    print(type(e).__name__, e.name, str(e).split(" (")[0])
try:
    import pkg_rel.base.deeper
except ModuleNotFoundError as e:
    print(e)
try:
    exec("from . import anything")
except ImportError as e:
    print(type(e).__name__, e)
sys.modules["fake_mod"] = type(sys)("fake_mod")
sys.modules["fake_mod"].attr = "from sys.modules"
import fake_mod
from fake_mod import attr
print(fake_mod.__name__, attr)
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)
