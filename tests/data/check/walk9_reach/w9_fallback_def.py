try:
    from w9_deploy import apply_defaults
except ImportError:  # deployment file absent in development checkouts
    def apply_defaults():
        pass

apply_defaults()
