class OwnsWork(RuntimeError):
    """Raised when the heartbeat owns the work; patches.py replaces its __init__."""


class Quiet(RuntimeError):
    """Raised when the heartbeat owns the work; nothing patches it."""
