from w9_plugins import load_named

LOADER = load_named
