from w9_plugins import load_plugins

load_plugins()
