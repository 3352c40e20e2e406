"""One module per sub-command; each exposes a click command imported lazily by :mod:`thor_guard.cli`."""
