from w9_dev import *  # noqa: F401,F403

apply_defaults()  # noqa: F405
