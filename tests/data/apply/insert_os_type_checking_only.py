import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os

logger = logging.getLogger(__name__)


def start():
    threading.Thread(target=print).start()
# case: targets=start
