# importlib on Krait: import_module, reload, util.find_spec / spec_from_file_location,
# and sys.meta_path / sys.path_hooks once importlib is loaded.
import os
import sys

import helper_reload_counter as hrc

hrc.bump()
hrc.bump()
print(hrc.counter)

import importlib
import importlib.util

names = [getattr(f, "__name__", "") for f in sys.meta_path]
print([n for n in names if n in ("BuiltinImporter", "FrozenImporter", "PathFinder")])
print(any("FileFinder" in repr(h) for h in sys.path_hooks))
m = importlib.reload(hrc)
print(m is hrc, hrc.counter, hrc.loads)
print(type(hrc.__spec__).__name__, hrc.__spec__.name, os.path.basename(hrc.__spec__.origin))
print(type(hrc.__loader__).__name__)

pricing = importlib.import_module("pkg_demo.util")
print(pricing.__name__, pricing.__package__, "pkg_demo" in sys.modules)
print(importlib.import_module(".core", "pkg_demo").__name__)
js = importlib.import_module("json")
print(js.dumps({"a": [1, 2]}))
math = importlib.import_module("math")
print(math.sqrt(16.0), math.__spec__.origin)

print(importlib.util.find_spec("no_such_module_xyz"))
spec = importlib.util.find_spec("pkg_rel.base")
print(spec.name, spec.parent, os.path.basename(spec.origin), spec.has_location)
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "helper_reload_counter.py")
spec = importlib.util.spec_from_file_location("renamed_counter", path)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.bump(), mod.__name__, "renamed_counter" in sys.modules)
try:
    importlib.import_module("pkg_demo.missing_child")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    importlib.reload(os.path)
    print("reloaded", os.path.__name__)
except Exception as e:
    print(type(e).__name__, e)
importlib.import_module("no_such_module_xyz")
