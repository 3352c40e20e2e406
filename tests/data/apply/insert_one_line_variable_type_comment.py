import logging
import threading
from typing import List

logger = logging.getLogger(__name__)


def start(): threads = [threading.Thread(target=print)]  # type: List[threading.Thread]


def start_ignored(): threading.Thread(target=print).start()  # type: ignore[attr-defined]
# case: targets=start,start_ignored
