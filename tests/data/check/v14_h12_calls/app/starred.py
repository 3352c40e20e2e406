from app._hooks import *  # noqa: F403
