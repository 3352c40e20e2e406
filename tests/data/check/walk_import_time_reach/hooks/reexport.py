from .boot import setup  # noqa: F401
