def apply_defaults():
    """Development defaults (none)."""


def _boot():
    from w9_deploy import apply_defaults
    apply_defaults()


_boot()
