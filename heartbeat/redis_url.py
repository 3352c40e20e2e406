"""Redis URLs for the heartbeat: validate, redact, build a client, and explain a failure in one line.

redis-py accepts many malformed URLs silently (``redis://h/notadb`` ignores
the database, ``redis://h:99999`` fails at the first command with a
traceback) and passes unknown query parameters on until a connection is
made. The heartbeat reads the URL once at start, so it validates it here,
completely, and turns every problem into a :class:`RedisUrlError` (a
:class:`~thor_guard.errors.ConfigError`, exit code 2) whose message never
contains a password.

Accepted forms::

    redis://[user[:password]@]host[:port][/db][?query]      (port 6379, db 0)
    rediss://…                                              (TLS; ssl_* query keys)
    unix:///path/to/redis.sock[?db=N&password=…]
    redis+sentinel://[user[:password]@]host[:port][,host[:port]…]/service[/db][?query]
                                                            (Redis Sentinel, port 26379)

Passwords may be in the userinfo or in the query (``password=``,
``sentinel_password=``); both are redacted by :func:`redact_url`.
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, unquote

from thor_guard.errors import ConfigError
from thor_guard.suggest import did_you_mean

if TYPE_CHECKING:
    import redis

SCHEMES = ("redis", "rediss", "unix", "redis+sentinel")
DEFAULT_PORT = 6379
DEFAULT_SENTINEL_PORT = 26379
_COMMON_QUERY = ("db", "password", "username", "client_name")
_TLS_QUERY = ("ssl_cert_reqs", "ssl_ca_certs", "ssl_ca_path", "ssl_certfile", "ssl_keyfile", "ssl_check_hostname")
_SENTINEL_QUERY = ("sentinel_password", "sentinel_username")
_SECRET_KEY = re.compile(r"pas|pw|secret|token|auth|key", re.IGNORECASE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_BOOL = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


class RedisUrlError(ConfigError):
    """The Redis URL is malformed; the message names the problem and shows the URL with passwords redacted."""


def _secret_mask(url: str) -> list[bool]:
    """Which characters of ``url`` are secret: the userinfo password and secret-looking query values.

    Works on malformed URLs too (it never parses the port), because the URL
    is quoted in the very error that says it is malformed. An unencoded
    ``@``, ``?``, ``#`` or ``&`` in a password must not shorten what is hidden,
    so every reading is masked: the userinfo up to the *last* ``@``, and
    the secret query values of a query read from *each* ``?``; where they
    overlap, more is hidden, never less. A userinfo without ``:`` is a user name for
    redis-py, but operators write ``redis://secret@host`` by mistake, so it
    is hidden as well.
    """
    scheme_match = _SCHEME.match(url)
    start = scheme_match.end() if scheme_match else 0
    masked = [False] * len(url)
    at = url.rfind("@")
    if at >= start:
        userinfo = url[start:at]
        user, sep, _password = userinfo.partition(":")
        keep = len(user) + 1 if sep and re.fullmatch(r"[A-Za-z0-9._~%+-]*", user) else 0
        for index in range(start + keep, at):
            masked[index] = True
    # The query starts at the first '?', unless that '?' is part of an unencoded password (in the
    # userinfo or in a query value): read a query from every '?' and mask the secrets of all readings.
    for question in (index for index in range(start, len(url)) if url[index] == "?"):
        _mask_query(url, question, masked)
    fragment = url.find("#", start)
    if fragment >= 0 and url.find("?", start) >= 0:  # a fragment means nothing to Redis: it can only be a cut password
        for index in range(fragment, len(url)):
            masked[index] = True
    return masked


def _mask_query(url: str, question: int, masked: list[bool]) -> None:
    position = question + 1
    query, _, _ = url[question + 1:].partition("#")
    in_secret = False
    for item in query.split("&"):
        key, eq, _value = item.partition("=")
        if eq:
            in_secret = bool(_SECRET_KEY.search(unquote(key)))
            first = position + len(key) + 1
        else:
            first = position  # a bare item after a secret is most likely the rest of it (an unencoded '&')
        if in_secret:
            for index in range(first, position + len(item)):
                masked[index] = True
        position += len(item) + 1


def redact_url(url: str) -> str:
    """Replace every password in ``url`` by ``***`` (see :func:`_secret_mask` for what counts)."""
    masked = _secret_mask(url)
    out: list[str] = []
    for index, char in enumerate(url):
        if not masked[index]:
            out.append(char)
        elif index == 0 or not masked[index - 1]:
            out.append("***")
    return "".join(out)


def url_secrets(url: str) -> tuple[str, ...]:
    """The secrets :func:`redact_url` hides, as written and percent-decoded, longest first (for :func:`scrub`)."""
    masked = _secret_mask(url)
    found: set[str] = set()
    run: list[str] = []
    for index, char in enumerate([*url, ""]):
        if index < len(url) and masked[index]:
            run.append(char)
        elif run:
            text = "".join(run)
            found.update({text, unquote(text), quote(unquote(text), safe="")})
            run = []
    return tuple(sorted((s for s in found if len(s) >= 3), key=len, reverse=True))


def scrub(text: str, url: str | None) -> str:
    """Remove the passwords of ``url`` (as written or decoded) from any text, e.g. an exception message.

    Secrets shorter than 3 characters are left alone: replacing every ``a``
    in a message would destroy it and hide nothing worth hiding.
    """
    if not url:
        return text
    for secret in url_secrets(url):
        text = text.replace(secret, "***")
    return text


@dataclass(frozen=True)
class RedisUrl:
    """A validated Redis URL. ``hosts`` holds one ``(host, port)`` except for Sentinel (one per sentinel)."""

    url: str
    scheme: str
    hosts: tuple[tuple[str, int], ...] = ()
    path: str | None = None
    db: int = 0
    username: str | None = None
    password: str | None = None
    service: str | None = None
    options: Mapping[str, str] = field(default_factory=dict)

    @property
    def redacted(self) -> str:
        return redact_url(self.url)

    @property
    def tls(self) -> bool:
        return self.scheme == "rediss"

    @property
    def sentinel(self) -> bool:
        return self.scheme == "redis+sentinel"

    def where(self) -> str:
        """Where the client connects, without secrets: ``host:port``, the socket path or the sentinels."""
        if self.path is not None:
            return self.path
        endpoints = ",".join(f"[{h}]:{p}" if ":" in h else f"{h}:{p}" for h, p in self.hosts)
        return f"sentinel {endpoints} service '{self.service}'" if self.sentinel else endpoints


def parse_redis_url(url: str) -> RedisUrl:
    """Validate ``url`` completely; raise :class:`RedisUrlError` naming the first problem.

    Checks: a known scheme (a bare ``host:port`` gets a suggestion), a host
    (or socket path), a numeric port in 1..65535, a numeric database, a
    Sentinel service name, and only known query keys (with did-you-mean).
    """
    shown = redact_url(url)

    def fail(problem: str) -> RedisUrlError:
        return RedisUrlError(f"invalid Redis URL '{shown}': {problem}")

    if not isinstance(url, str) or not url.strip():
        raise RedisUrlError("the Redis URL is empty")
    if url != url.strip():
        raise fail("it has leading or trailing whitespace")
    scheme_match = _SCHEME.match(url)
    if scheme_match is None:
        if re.match(r"^[^/:]+:\d+(/.*)?$", url) or re.match(r"^[A-Za-z0-9.-]+$", url):
            raise fail(f"no scheme; write it as 'redis://{redact_url(url)}'")
        raise fail(f"no scheme; use one of {', '.join(s + '://' for s in SCHEMES)}")
    scheme = scheme_match[1].lower()
    if scheme not in SCHEMES:
        hint = did_you_mean(scheme, SCHEMES)
        raise fail(f"unsupported scheme '{scheme}://'{hint}; use one of {', '.join(s + '://' for s in SCHEMES)}")
    rest = url[scheme_match.end():]
    rest, _, fragment = rest.partition("#")
    if fragment:
        raise fail("a '#' starts a fragment, which has no meaning in a Redis URL (write a '#' in a password as %23)")
    rest, _, query = rest.partition("?")
    options = _parse_query(query, scheme, fail)
    netloc, slash, path = rest.partition("/")
    username: str | None = None
    password: str | None = None
    if "@" in netloc:
        userinfo, _, netloc = netloc.rpartition("@")
        user, sep, secret = userinfo.partition(":")
        username = unquote(user) or None
        password = unquote(secret) if sep else None
        if not sep and user:  # redis-py sends a lone userinfo as the user name
            username = unquote(user)
    if "password" in options:
        if password is not None:
            raise fail("the password is given twice (userinfo and ?password=)")
        password = options["password"]
    if "username" in options:
        username = options["username"]

    if scheme == "unix":
        if netloc:
            raise fail(f"a unix:// URL has no host ('{netloc}'); write unix:///path/to/redis.sock")
        socket_path = unquote(slash + path)
        if socket_path in ("", "/"):
            raise fail("no socket path; write unix:///path/to/redis.sock")
        db = _db(options.get("db", "0"), fail)
        return RedisUrl(url, scheme, (), socket_path, db, username, password, None, options)

    if scheme == "redis+sentinel":
        if not netloc:
            raise fail("no sentinel host; write redis+sentinel://host:26379[,host2:26379]/service-name")
        hosts = tuple(_host_port(item, DEFAULT_SENTINEL_PORT, fail) for item in netloc.split(","))
        segments = [s for s in path.split("/")] if path else []
        if not segments or not segments[0]:
            raise fail("no Sentinel service name; write redis+sentinel://host:26379/service-name[/db]")
        if len(segments) > 2 or (len(segments) == 2 and not segments[1]):
            raise fail(f"the path must be /service-name[/db], got '/{path}'")
        service = unquote(segments[0])
        db = _db(segments[1] if len(segments) == 2 else options.get("db", "0"), fail)
        if len(segments) == 2 and "db" in options:
            raise fail("the database is given twice (path and ?db=)")
        return RedisUrl(url, scheme, hosts, None, db, username, password, service, options)

    if "," in netloc:
        raise fail("several hosts are only meaningful for redis+sentinel://")
    host = _host_port(netloc or "localhost", DEFAULT_PORT, fail)
    if path and "db" in options:
        raise fail("the database is given twice (path and ?db=)")
    if "/" in path:
        raise fail(f"the path must be /<db number>, got '/{path}'")
    db = _db(path or options.get("db", "0"), fail)
    return RedisUrl(url, scheme, (host,), None, db, username, password, None, options)


def _parse_query(query: str, scheme: str, fail: Any) -> dict[str, str]:
    allowed = _COMMON_QUERY + (_TLS_QUERY if scheme == "rediss" else ()) + (_SENTINEL_QUERY if scheme == "redis+sentinel" else ())
    options: dict[str, str] = {}
    if not query:
        return options
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise fail("the query is not key=value pairs joined by '&'") from None
    for key, value in pairs:
        if key not in allowed:
            known = _COMMON_QUERY + _TLS_QUERY + _SENTINEL_QUERY
            if key in known:
                raise fail(f"query key '{key}' is not valid for {scheme}:// URLs")
            hint = did_you_mean(key, allowed)
            extra = " (timeouts follow lock-ttl and are not configurable in the URL)" if "timeout" in key else ""
            raise fail(f"unknown query key '{key}'{hint}{extra}; known: {', '.join(allowed)}")
        if key in options:
            raise fail(f"query key '{key}' is given twice")
        options[key] = value
    if "ssl_cert_reqs" in options and options["ssl_cert_reqs"].lower() not in ("none", "optional", "required"):
        raise fail(f"ssl_cert_reqs must be none, optional or required, got '{options['ssl_cert_reqs']}'")
    if "ssl_check_hostname" in options and options["ssl_check_hostname"].lower() not in _BOOL:
        raise fail(f"ssl_check_hostname must be true or false, got '{options['ssl_check_hostname']}'")
    return options


def _host_port(netloc: str, default_port: int, fail: Any) -> tuple[str, int]:
    if netloc.startswith("["):
        host, bracket, port_text = netloc[1:].partition("]")
        if not bracket:
            raise fail(f"unclosed '[' in the IPv6 host '{netloc}'")
        if port_text and not port_text.startswith(":"):
            raise fail(f"unexpected '{port_text}' after the IPv6 host")
        port_text = port_text[1:]
    else:
        host, colon, port_text = netloc.partition(":")
        if colon and ":" in port_text:
            raise fail(f"'{netloc}' has more than one ':'; write an IPv6 host in brackets, e.g. redis://[::1]:6379")
        if colon and not port_text:
            raise fail(f"empty port after '{host}:'")
    if not host:
        raise fail("no host name")
    if not re.match(r"^[A-Za-z0-9._%:-]+$", host):
        raise fail(f"'{host}' is not a valid host name")
    if not port_text:
        return unquote(host), default_port
    if not port_text.isdigit():
        raise fail(f"port '{port_text}' is not a number")
    port = int(port_text)
    if not 1 <= port <= 65535:
        raise fail(f"port {port} is out of range (1-65535)")
    return unquote(host), port


def _db(text: str, fail: Any) -> int:
    if not text.isdigit():
        raise fail(f"the database must be a number (/0, /1, …), got '{text}'")
    return int(text)


def _common_kwargs(parsed: RedisUrl, timeout: float) -> dict[str, Any]:
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    kwargs: dict[str, Any] = {
        "db": parsed.db,
        "username": parsed.username,
        "password": parsed.password,
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
        # No client-side retries: a failed call must fail within one timeout, and the
        # lease logic (not the client) decides what an outage means.
        "retry": Retry(NoBackoff(), 0),
    }
    if "client_name" in parsed.options:
        kwargs["client_name"] = parsed.options["client_name"]
    return kwargs


def client_timeout(ttl: float) -> float:
    """Socket timeouts short against the lease (a quarter of the TTL, at most 2 s) so a hung Redis cannot hold a job."""
    return max(0.05, min(ttl / 4.0, 2.0))


def make_client(url: str | RedisUrl, *, timeout: float) -> redis.Redis:
    """A redis-py client for a validated URL (Sentinel URLs through :class:`redis.sentinel.Sentinel`).

    Nothing is contacted here; the first command connects. Every socket
    operation times out after ``timeout`` seconds and nothing is retried.
    """
    import redis as redis_module

    parsed = url if isinstance(url, RedisUrl) else parse_redis_url(url)
    kwargs = _common_kwargs(parsed, timeout)
    if parsed.sentinel:
        from redis.sentinel import Sentinel

        sentinel_kwargs: dict[str, Any] = {"socket_timeout": timeout, "socket_connect_timeout": timeout}
        if "sentinel_password" in parsed.options:
            sentinel_kwargs["password"] = parsed.options["sentinel_password"]
        if "sentinel_username" in parsed.options:
            sentinel_kwargs["username"] = parsed.options["sentinel_username"]
        sentinel = Sentinel(list(parsed.hosts), sentinel_kwargs=sentinel_kwargs)
        return sentinel.master_for(parsed.service, **kwargs)  # type: ignore[arg-type]
    if parsed.path is not None:
        return redis_module.Redis(unix_socket_path=parsed.path, **kwargs)
    ((host, port),) = parsed.hosts
    if parsed.tls:
        options = parsed.options
        kwargs.update(ssl=True, ssl_cert_reqs=options.get("ssl_cert_reqs", "required").lower())
        for key in ("ssl_ca_certs", "ssl_ca_path", "ssl_certfile", "ssl_keyfile"):
            if key in options:
                kwargs[key] = options[key]
        if "ssl_check_hostname" in options:
            kwargs["ssl_check_hostname"] = _BOOL[options["ssl_check_hostname"].lower()]
    return redis_module.Redis(host=host, port=port, **kwargs)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_auth_error(exc: BaseException) -> bool:
    """Wrong or missing password, unknown user, or a password sent to a server that has none."""
    import redis as redis_module

    for cause in _causes(exc):
        if isinstance(cause, redis_module.AuthenticationError):
            return True
        if isinstance(cause, redis_module.ResponseError):
            text = str(cause)
            if text.startswith(("NOAUTH", "WRONGPASS")) or "AUTH" in text and "password" in text:
                return True
    return False


def explain_redis_error(exc: BaseException, parsed: RedisUrl, *, timeout: float | None = None) -> str:
    """``Redis at <url>: <reason>`` in one line; never contains a password."""
    return scrub(f"Redis at {parsed.redacted}: {redis_error_reason(exc, parsed, timeout=timeout)}", parsed.url)


def redis_error_reason(exc: BaseException, parsed: RedisUrl, *, timeout: float | None = None) -> str:
    """What went wrong and what to check (authentication, TLS, DNS, refused, timeout…), without the URL or a password."""
    import redis as redis_module

    where = parsed.where()
    if is_auth_error(exc):
        if parsed.password is None:
            reason = "authentication required: the server has a password and the URL gives none (redis://:PASSWORD@host or ?password=)"
        else:
            reason = f"authentication failed ({_first_line(exc)}); check the user name and password in the URL"
    else:
        reason = _first_line(exc)
        for cause in _causes(exc):
            if isinstance(cause, ssl.SSLCertVerificationError):
                reason = f"TLS certificate verification failed ({cause.verify_message}); set ssl_ca_certs= to the CA that signed the server's certificate"
                break
            if isinstance(cause, ssl.SSLError):
                reason = f"TLS handshake failed ({cause.reason or cause}); is {where} a TLS port? rediss:// needs one, redis:// is plain TCP"
                break
            if isinstance(cause, socket.gaierror):
                reason = f"cannot resolve host '{parsed.hosts[0][0] if parsed.hosts else where}' ({cause.strerror})"
                break
            if isinstance(cause, ConnectionRefusedError):
                reason = f"connection refused at {where}; is redis-server running and listening there?"
                break
            if isinstance(cause, FileNotFoundError):
                reason = f"no Redis socket at {where}"
                break
            if isinstance(cause, (redis_module.TimeoutError, socket.timeout, TimeoutError)):
                reason = f"no answer from {where} within {timeout:g} s" if timeout else f"no answer from {where} (timed out)"
                if parsed.tls:
                    reason += f"; is {where} a TLS port? rediss:// to a plain port waits for a TLS answer that never comes"
                break
            if type(cause).__name__ == "MasterNotFoundError":
                reason = f"no sentinel at {where} knows a master (check the service name and that the sentinels run)"
                break
        else:
            if isinstance(exc, redis_module.ResponseError) and str(exc).startswith("READONLY"):
                reason = f"{where} is a read-only replica; point the URL at the primary (or use redis+sentinel://)"
    return scrub(reason, parsed.url)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def probe(client: redis.Redis, parsed: RedisUrl, *, timeout: float) -> None:
    """Send one PING; raise :class:`RedisUnavailableError` with :func:`explain_redis_error`'s line on any failure."""
    import redis as redis_module

    try:
        client.ping()
    except (redis_module.RedisError, OSError) as exc:
        raise RedisUnavailableError(explain_redis_error(exc, parsed, timeout=timeout)) from None


class RedisUnavailableError(ConfigError):
    """Redis could not be used at start-up (authentication, TLS, DNS, refused, no answer): exit code 2."""
