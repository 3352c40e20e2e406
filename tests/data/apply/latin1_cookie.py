# -*- coding: latin-1 -*-
"""Prix en écus."""
import logging
import threading

logger = logging.getLogger(__name__)


def start():
    """Démarre le fil."""
    threading.Thread(target=print, name="été").start()
