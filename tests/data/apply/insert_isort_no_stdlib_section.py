from __future__ import annotations

import django
from django.conf import settings


def start():
    django.setup(settings)
# case: targets=start
