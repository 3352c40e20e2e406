"""Redis URLs (issue 13 items 4 and 6): one line naming the problem, exit 2, and no password anywhere.

Validation and redaction are pure functions (tested directly, with a
hypothesis property for redaction); the exit codes and messages are checked
through the real console script for both ``run-heartbeat`` and
``heartbeat-status``, and the logs and status header against a real
``redis-server`` with ``requirepass``.
"""

from __future__ import annotations

import logging
import string
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from heartbeat.redis_url import RedisUrlError, parse_redis_url, redact_url, scrub
from tests.heartbeat.helpers import REPO, child_environment, console_script, write_config
from tests.redis_server import RedisServer, free_port, start_redis_server
from thor_guard.cli import cli

SECRET = "Sup3rS3cretXYZ"


@pytest.fixture(autouse=True)
def _no_django_from_other_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Django tests leave DJANGO_SETTINGS_MODULE set; these runs use their own configuration only."""
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("THOR_HEARTBEAT_REDIS_URL", raising=False)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://cache:6379/0", "unsupported scheme 'http://'"),
        ("redis://h:notaport/0", "port 'notaport' is not a number"),
        ("redis://h:99999/0", "port 99999 is out of range (1-65535)"),
        ("redis://h:0/0", "port 0 is out of range"),
        ("cache.internal:6379", "no scheme; write it as 'redis://cache.internal:6379'"),
        ("cache.internal", "no scheme; write it as 'redis://cache.internal'"),
        ("redis://h/zero", "the database must be a number"),
        ("redis://h/0/1", "the path must be /<db number>"),
        ("redis://h:/0", "empty port after 'h:'"),
        ("redis://::1:6379/0", "write an IPv6 host in brackets"),
        ("redis://[::1/0", "unclosed '['"),
        ("redis://a,b/0", "several hosts are only meaningful for redis+sentinel://"),
        ("redis://h/0?socket_timeout=3", "unknown query key 'socket_timeout'"),
        ("redis://h/0?pasword=x", "unknown query key 'pasword' (did you mean 'password'?)"),
        ("redis://h/0?ssl_ca_certs=/ca.pem", "query key 'ssl_ca_certs' is not valid for redis:// URLs"),
        ("rediss://h/0?ssl_cert_reqs=maybe", "ssl_cert_reqs must be none, optional or required"),
        ("redis://h/1?db=2", "the database is given twice"),
        ("unix://host/tmp/r.sock", "a unix:// URL has no host"),
        ("unix://", "no socket path"),
        ("redis+sentinel://s1:26379", "no Sentinel service name"),
        ("redis+sentinel://s1:26379,s2:notaport/svc", "port 'notaport' is not a number"),
        ("rediss+sentinel://s1/svc", "unsupported scheme"),
        (" redis://h/0", "leading or trailing whitespace"),
        ("", "the Redis URL is empty"),
    ],
)
def test_malformed_urls_are_one_line_naming_the_problem(url: str, problem: str) -> None:
    with pytest.raises(RedisUrlError) as info:
        parse_redis_url(url)
    message = str(info.value)
    assert problem in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "url",
    [
        f"redis://user:{SECRET}@h:notaport/0",
        f"redis://:{SECRET}@h/zero",
        f"http://:{SECRET}@h/0",
        f"redis://h:99999/0?password={SECRET}",
        f"redis://:{SECRET[:4]}#{SECRET[4:]}@h/0",  # an unencoded '#' in the password
        f"redis://:{SECRET}@h/0?password={SECRET}",  # given twice
        f"redis+sentinel://:{SECRET}@s1/svc/x?sentinel_password={SECRET}",
        f":{SECRET}@cache:6379",
    ],
)
def test_errors_about_a_url_never_contain_its_password(url: str) -> None:
    with pytest.raises(RedisUrlError) as info:
        parse_redis_url(url)
    assert SECRET[:6] not in str(info.value) and SECRET[-6:] not in str(info.value)
    assert "***" in str(info.value)


def test_valid_urls_parse_into_what_redis_py_is_given() -> None:
    plain = parse_redis_url(f"redis://app:{quote('p@ss/word', safe='')}@cache.internal:6380/3?client_name=hb")
    assert (plain.hosts, plain.db, plain.username, plain.password, plain.options) == (
        (("cache.internal", 6380),), 3, "app", "p@ss/word", {"client_name": "hb"}
    )
    assert parse_redis_url("redis://[::1]:7000").hosts == (("::1", 7000),)
    assert parse_redis_url("redis://h?db=4&password=x").db == 4
    unix = parse_redis_url("unix:///run/redis/redis.sock?db=2")
    assert (unix.path, unix.db) == ("/run/redis/redis.sock", 2)
    sentinel = parse_redis_url("redis+sentinel://:pw@s1,s2:26380/mymaster/5?sentinel_password=spw")
    assert (sentinel.hosts, sentinel.service, sentinel.db, sentinel.password) == ((("s1", 26379), ("s2", 26380)), "mymaster", 5, "pw")
    assert sentinel.where() == "sentinel s1:26379,s2:26380 service 'mymaster'"
    tls = parse_redis_url("rediss://h:6380/0?ssl_ca_certs=/etc/ca.pem&ssl_cert_reqs=required")
    assert tls.tls and tls.options["ssl_ca_certs"] == "/etc/ca.pem"


@pytest.mark.parametrize(
    ("url", "redacted"),
    [
        ("redis://user:s3cret@host:6380/0", "redis://user:***@host:6380/0"),
        ("redis://:s3cret@host/0", "redis://:***@host/0"),
        ("redis://s3cret@host/0", "redis://***@host/0"),
        ("redis://host/0?password=s3cret&db=1", "redis://host/0?password=***&db=1"),
        ("redis+sentinel://s1/m?sentinel_password=a&password=b", "redis+sentinel://s1/m?sentinel_password=***&password=***"),
        ("redis://h/0?pass%77ord=s3cret", "redis://h/0?pass%77ord=***"),
        ("unix:///tmp/r.sock?db=0", "unix:///tmp/r.sock?db=0"),
        ("redis://:p@ss@host/0", "redis://:***@host/0"),
    ],
)
def test_redact_url_hides_every_form_of_password(url: str, redacted: str) -> None:
    assert redact_url(url) == redacted


@settings(max_examples=300, deadline=None)
@example(secret="@00000", user="", where="query", encode=False)  # an '@' in a query value
@example(secret="*&0000", user="", where="query", encode=False)  # an unencoded '&'
@example(secret="0000?=", user="", where="both-styles", encode=False)  # a '?' inside the userinfo
@example(secret="@000?=", user="", where="both-styles", encode=False)  # '@' and '?' in both places
@given(
    secret=st.text(alphabet=string.ascii_uppercase + string.digits + "!$%&()*+,;=:@/?#[]~", min_size=6, max_size=30),
    user=st.sampled_from(["", "app", "default"]),
    where=st.sampled_from(["userinfo", "query", "both-styles"]),
    encode=st.booleans(),
)
def test_no_form_of_a_password_survives_redaction(secret: str, user: str, where: str, encode: bool) -> None:
    """Property: whatever the password holds (encoded or not, in the userinfo or the query), redaction removes it."""
    written = quote(secret, safe="") if encode else secret
    if not encode and where != "userinfo":
        # An unencoded '&' followed by 'k=v' in a query value is a new parameter by the URL's own grammar
        # (redis-py reads it so too): nobody can tell it apart. Bare text after '&' is hidden.
        assume(not any("=" in part for part in secret.split("&")[1:]))
    if where == "userinfo":
        url = f"redis://{user}:{written}@cache.internal:6379/0"
    elif where == "query":
        url = f"redis://cache.internal:6379/0?password={written}"
    else:
        url = f"redis+sentinel://{user}:{written}@s1:26379/svc?sentinel_password={written}"
    shown = redact_url(url)
    assert secret not in shown and quote(secret, safe="") not in shown
    try:
        parse_redis_url(url)
    except RedisUrlError as exc:
        assert secret not in str(exc) and quote(secret, safe="") not in str(exc)


def test_scrub_removes_the_passwords_of_a_url_from_any_text() -> None:
    url = f"redis://:{quote('a b&c', safe='')}@h/0?sentinel_password=zz9"
    assert scrub("x a b&c y a%20b%26c z", url) == "x *** y *** z"


def _run(config: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    environment = child_environment("THOR_HEARTBEAT_REDIS_URL")
    environment.update(PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.run([*console_script(), *args, "--config", str(config)], capture_output=True, text=True, timeout=60, env=environment)


@pytest.mark.parametrize("command", ["run-heartbeat", "heartbeat-status"])
@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (f"http://:{SECRET}@cache/0", "unsupported scheme 'http://'"),
        (f"redis://:{SECRET}@h:notaport/0", "port 'notaport' is not a number"),
        ("redis://h:99999/0", "port 99999 is out of range"),
        ("cache.internal:6379", "no scheme"),
    ],
)
def test_console_script_exits_2_with_one_line_for_a_malformed_url(tmp_path: Path, command: str, url: str, problem: str) -> None:
    config = write_config(tmp_path, lock="redis")
    for how in ("flag", "env"):
        args = [command, "--redis-url", url] if how == "flag" else [command]
        result = _run(config, *args, env={"THOR_HEARTBEAT_REDIS_URL": url} if how == "env" else None)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("thor-guard: error: invalid Redis URL '") and problem in lines[0]
        assert SECRET not in result.stderr and "Traceback" not in result.stderr


def test_password_in_the_query_is_redacted_in_logs_and_status_header(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 13 item 6: `?password=` appeared verbatim in the "Ticks:" line and the heartbeat-status header."""
    server = start_redis_server(port=free_port(), password=SECRET)
    try:
        for url in (f"{server.url}", server.tcp_url(), f"redis://127.0.0.1:{server.port}/0?password={SECRET}"):
            config = write_config(tmp_path, lock="redis", extra={"redis-url": url, "lock-key": "redact-test", "lock-ttl": 1.0})
            with caplog.at_level(logging.DEBUG, logger="heartbeat"):
                result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "2"])
            assert result.exit_code == 0, result.output
            assert "lock: redis lock {redact-test} at " in caplog.text
            status = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config)])
            assert status.exit_code == 0, status.output
            assert "***" in status.output.splitlines()[0]
            for text in (caplog.text, result.output, status.output):
                assert SECRET not in text and quote(SECRET, safe="") not in text
            caplog.clear()
    finally:
        server.close()


def test_a_status_read_failure_is_one_line_without_the_password(tmp_path: Path) -> None:
    url = f"redis://127.0.0.1:{free_port()}/0?password={SECRET}"
    config = write_config(tmp_path, lock="redis", extra={"redis-url": url})
    result = _run(config, "heartbeat-status")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "cannot read heartbeat status from redis://127.0.0.1:" in line and "Redis unavailable: connection refused" in line
    assert SECRET not in line


def test_the_redis_server_fixture_supports_requirepass(tmp_path: Path) -> None:
    with RedisServer(port=free_port(), password=SECRET) as server:
        assert server.ping()


def test_manage_py_run_heartbeat_reports_a_malformed_url_as_exit_2(django_db: None) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"invalid Redis URL 'redis://:\*\*\*@h:notaport/0': port 'notaport' is not a number") as info:
        call_command("run_heartbeat", lock="redis", redis_url=f"redis://:{SECRET}@h:notaport/0", max_ticks=1)
    assert info.value.returncode == 2 and SECRET not in str(info.value)
