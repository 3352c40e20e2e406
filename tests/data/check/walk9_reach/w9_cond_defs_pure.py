import sys

if sys.version_info >= (3, 8):
    def _apply_defaults():
        return 1
else:
    def _apply_defaults():
        return 2

_apply_defaults()
