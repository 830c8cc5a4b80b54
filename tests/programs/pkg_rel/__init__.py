"""Package for import_relative_star.py."""
print("pkg_rel init:", __name__, __package__)
from .base import BASE
