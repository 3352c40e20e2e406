"""The heartbeat: one leader-locked loop that runs the eight periodic jobs.

It replaces the one-thread-per-feature supervisors of a Django backend. The
package root imports nothing heavy (no Django, no redis) so that the CLI and
the Django app can both import it cheaply; see :mod:`heartbeat.runner` for the
one runner shared by ``thor-guard run-heartbeat`` and ``manage.py run_heartbeat``.
"""

from __future__ import annotations
