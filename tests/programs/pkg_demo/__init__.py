"""A demo package for import tests."""
print("  pkg_demo/__init__ executing")
PACKAGE_CONST = "pkg-const"
from .core import greet
from . import util as _util
def package_function():
    return "package function using " + _util.shout("util")
