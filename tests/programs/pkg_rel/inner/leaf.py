from . import PARENT_BASE
from .. import exported
from ..base import visible as base_visible
LEAF = (PARENT_BASE, exported.one, base_visible, __name__, __package__)
