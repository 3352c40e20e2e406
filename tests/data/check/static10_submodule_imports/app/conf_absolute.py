try:
    from app import local_settings  # noqa: F401
except ImportError:
    local_settings = None
