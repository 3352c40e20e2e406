"""A real, private PostgreSQL cluster for tests: initdb in a temp dir, pg_ctl start/restart/stop, TCP on a free port.

The binaries come from the Debian packages (``apt-get install postgresql``;
``/usr/lib/postgresql/<version>/bin``) or PATH. PostgreSQL refuses to run as
root, so as root the cluster runs as the ``postgres`` system user (created by
the Debian package) through ``runuser``. A missing binary fails the test with
instructions (never a skip), like :mod:`tests.redis_server`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

INSTRUCTIONS = "no PostgreSQL server binaries (initdb, pg_ctl) found: apt-get install postgresql (as .ci/run does)"


def find_bin_dir() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl`` (newest Debian version first), or None."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True):
        if os.access(Path(candidate) / "pg_ctl", os.X_OK):
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """One throw-away cluster: trust authentication on 127.0.0.1, superuser ``tg``, database ``postgres``."""

    user = "tg"

    def __init__(self) -> None:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            raise RuntimeError(INSTRUCTIONS)
        self.bin_dir = bin_dir
        self.directory = Path(tempfile.mkdtemp(prefix="tg-pg-"))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.port = _free_port()
        self._run_as: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")  # KeyError: the Debian package was not installed
            os.chown(self.directory, account.pw_uid, account.pw_gid)
            self._run_as = ["runuser", "-u", "postgres", "--"]

    def _pg(self, tool: str, *args: str, timeout: float = 60.0) -> None:
        command = [*self._run_as, str(self.bin_dir / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.directory)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{tool} {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}\n{log[-2000:]}")

    def start(self) -> None:
        if not self.data.exists():
            self._pg("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "--no-sync", "-E", "UTF8")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -F"
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def restart(self) -> None:
        """``pg_ctl restart -m fast``: every client connection is terminated, the server comes back on the same port."""
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -F"
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-m", "fast", "-w", "restart")

    def stop(self) -> None:
        try:
            self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except RuntimeError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)
