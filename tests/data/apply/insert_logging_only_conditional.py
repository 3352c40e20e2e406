"""logging is bound only inside try/except and under TYPE_CHECKING: a logger created from it would not import."""
import os
import threading
from typing import TYPE_CHECKING

try:
    import logging
except ImportError:  # pragma: no cover
    logging = None

if TYPE_CHECKING:
    import logging


def start():
    threading.Thread(target=print).start()
# case: targets=start
