try:
    from w9_deploy import apply_defaults
except ImportError:
    from w9_dev import apply_defaults

apply_defaults()
