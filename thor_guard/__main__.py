"""Allow ``python -m thor_guard`` as a twin of the ``thor-guard`` console script."""

from __future__ import annotations

from thor_guard.cli import main

if __name__ == "__main__":
    main()
