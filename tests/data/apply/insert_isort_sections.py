"""Sections as isort writes them; the new imports join the standard-library one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import django

from . import sibling


def start():
    sibling.run(json, sys, Path, django)
# case: targets=start
