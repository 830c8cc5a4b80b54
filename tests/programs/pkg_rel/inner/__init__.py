from .. import BASE as PARENT_BASE
from ..base import visible
