"""thor-guard: keep every legacy scheduler entry point behind a heartbeat-mode guard.

The package root stays import-light on purpose: ``thor-guard --help`` and
``--version`` must not pay for libcst.
"""

from __future__ import annotations

__version__ = "0.1.0"
