"""Sections as isort writes them; the new imports join the standard-library one."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import django

from . import sibling


def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logging.getLogger(__name__).debug(
            "Skipping legacy start (heartbeat scheduler mode active)"
        )
        return
    sibling.run(json, sys, Path, django)
# case: targets=start
