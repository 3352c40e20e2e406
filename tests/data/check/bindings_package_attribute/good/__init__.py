# Importing the submodule binds the package attribute to that very module: provable.
from . import util
from .util import is_hb as _unused
