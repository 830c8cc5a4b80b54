from ..core import greet as _greet
SUB_NAME = __name__
def sub_greet():
    return "sub says " + _greet("sub")
