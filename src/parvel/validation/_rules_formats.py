"""Format rules: email, url, active_url, ip, ipv4, ipv6, mac_address, uuid, ulid, timezone."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import TZPATH, available_timezones

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

P = tuple[Any, ...]

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\U0010ffff]+"
_LOCAL = re.compile(rf'^(?:{_ATOM}(?:\.{_ATOM})*|"(?:[^"\\\r\n]|\\.)*")\Z')
_LOCAL_ASCII = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*\Z"
)
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9\-\u0080-\U0010ffff]{1,63}(?<!-)\Z")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*\Z")
_SPACE = re.compile(r"\s")
_PORT = re.compile(r"^[0-9]{1,5}\Z")
_URL_REST = re.compile(r"^[^\s<>\"{}|\\^`]*\Z")
_MAC = re.compile(
    r"^(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})\Z"
)
_UUID = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
)
_ULID = re.compile(r"^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}\Z")
_DEFAULT_PROTOCOLS = frozenset(
    [
        "about",
        "amqp",
        "amqps",
        "blob",
        "chrome",
        "chrome-extension",
        "data",
        "dav",
        "davs",
        "dns",
        "facetime",
        "feed",
        "file",
        "ftp",
        "ftps",
        "geo",
        "git",
        "git+ssh",
        "gopher",
        "http",
        "https",
        "imap",
        "imaps",
        "irc",
        "ircs",
        "itms",
        "jabber",
        "ldap",
        "ldaps",
        "magnet",
        "mailto",
        "market",
        "mms",
        "mongodb",
        "mysql",
        "news",
        "nfs",
        "nntp",
        "pop",
        "pop3",
        "postgres",
        "postgresql",
        "rdp",
        "redis",
        "rediss",
        "rsync",
        "rtmp",
        "rtmfp",
        "rtsp",
        "s3",
        "sftp",
        "sip",
        "sips",
        "skype",
        "smb",
        "sms",
        "snmp",
        "spotify",
        "ssh",
        "steam",
        "svn",
        "svn+ssh",
        "tcp",
        "tel",
        "telnet",
        "udp",
        "vnc",
        "webcal",
        "ws",
        "wss",
        "xmpp",
    ]
)


def _hostname(host: str) -> bool:
    if not host or len(host) > 253:
        return False
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    return all(_LABEL.match(label) for label in labels)


def _ip_literal(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _email_ok(value: str, strict: bool, ascii_only: bool) -> bool:
    if len(value) > 320 or value.count("@") < 1:
        return False
    if _SPACE.search(value) and not value.startswith('"'):
        return False
    local, _, domain = value.rpartition("@")
    if not local or not domain or len(local) > 64:
        return False
    local_re = _LOCAL_ASCII if ascii_only else _LOCAL
    if not local_re.match(local):
        return False
    if domain.startswith("[") and domain.endswith("]"):
        literal = domain[1:-1]
        literal = literal[5:] if literal.lower().startswith("ipv6:") else literal
        return not strict and _ip_literal(literal)
    if ascii_only and not domain.isascii():
        return False
    if not _hostname(domain):
        return False
    return not (strict and "." not in domain.strip("."))


def email(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str):
        return False
    modes = set(p) or {"rfc"}
    strict = bool(modes & {"strict", "filter", "filter_unicode", "dns"})
    ascii_only = "filter" in modes
    return _email_ok(value, strict, ascii_only)


def _url_ok(value: str, protocols: frozenset[str] | None) -> bool:
    if len(value) > 2000 or _SPACE.search(value):
        return False
    scheme, sep, rest = value.partition("://")
    if not sep or not _SCHEME.match(scheme):
        return False
    allowed = protocols if protocols is not None else _DEFAULT_PROTOCOLS
    if scheme.lower() not in allowed:
        return False
    authority = rest
    for stop in "/?#":
        authority = authority.split(stop, 1)[0]
    tail = rest[len(authority) :]
    if not _URL_REST.match(tail):
        return False
    if "@" in authority:
        userinfo, _, authority = authority.rpartition("@")
        if not userinfo or any(c in userinfo for c in "/[]"):
            return False
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            return False
        host, port_part = authority[1:end], authority[end + 1 :]
        if not _ip_literal(host):
            return False
    else:
        host, _, port_part = authority.partition(":")
        port_part = ":" + port_part if _ else ""
        if not host:
            return False
        if not (_hostname(host) or _ip_literal(host)):
            return False
    if port_part:
        return port_part.startswith(":") and bool(_PORT.match(port_part[1:]))
    return True


def url(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str):
        return False
    protocols = frozenset(str(x).lower() for x in p) if p else None
    return _url_ok(value, protocols)


def active_url(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, str) and _url_ok(value, frozenset({"http", "https"}))


def ip(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, str) and _ip_literal(value) and "%" not in value


def ipv4(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str):
        return False
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return True


def ipv6(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str) or "%" in value:
        return False
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


def mac_address(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, str) and _MAC.match(value) is not None


def uuid(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str) or not _UUID.match(value):
        return False
    if not p:
        return True
    version = str(p[0]).lower()
    if version == "max":
        return value.lower() == "ffffffff-ffff-ffff-ffff-ffffffffffff"
    if version in ("0", "nil"):
        return value == "00000000-0000-0000-0000-000000000000"
    return value[14] == version


def ulid(v: Validator, a: str, value: Any, p: P) -> bool:
    return isinstance(value, str) and _ULID.match(value) is not None


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones()) | {"UTC"}


def timezone(v: Validator, a: str, value: Any, p: P) -> bool:
    if not isinstance(value, str) or value not in _zones():
        return False
    group = str(p[0]).lower() if p else "all"
    if group in ("all", "all_with_bc"):
        return group == "all_with_bc" or "/" in value or value == "UTC"
    if group == "per_country":
        table = _country_zones()
        if not table:  # no zone table on this system: any valid zone
            return True
        return value in table.get(str(p[1]).upper() if len(p) > 1 else "", ())
    return value.lower().startswith(group + "/")


@lru_cache(maxsize=1)
def _country_zones() -> dict[str, frozenset[str]]:
    """Country code -> zones, from the IANA ``zone.tab`` (``timezone:per_country,US``)."""
    text = None
    try:
        from importlib.resources import files

        text = files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except (ImportError, OSError):
        for root in TZPATH:
            try:
                text = Path(root, "zone.tab").read_text(encoding="utf-8")
                break
            except OSError:
                continue
    table: dict[str, set[str]] = {}
    for line in (text or "").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            table.setdefault(fields[0].upper(), set()).add(fields[2])
    return {code: frozenset(zones) for code, zones in table.items()}
