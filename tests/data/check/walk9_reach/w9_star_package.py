from w9_boot import apply_defaults

apply_defaults()
