try:
    from . import local_settings  # noqa: F401  per-deployment overrides, not committed
except ImportError:
    local_settings = None
