from envmod import ENV  # noqa: F401  (re-exported)
from os import environ as RAW  # noqa: F401
