from .. import PACKAGE_CONST
from . import SUB_NAME
VALUE = f"deep sees {PACKAGE_CONST} and {SUB_NAME}"
print("  pkg_demo.sub.deep executing, __package__ =", __package__)
