from .impl import *  # noqa: F401,F403
