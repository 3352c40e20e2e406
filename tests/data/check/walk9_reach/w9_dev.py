def apply_defaults():
    """Nothing to set in development."""
