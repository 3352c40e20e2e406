from w9_deploy import *  # noqa: F401,F403

apply_defaults()  # noqa: F405
