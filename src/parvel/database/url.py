"""Parse ``DB_URL``-style DSNs into connection configuration dictionaries."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from parvel.database.exceptions import ConfigurationError

_DRIVERS = {
    "sqlite": "sqlite",
    "sqlite3": "sqlite",
    "postgres": "pgsql",
    "postgresql": "pgsql",
    "pgsql": "pgsql",
    "mysql": "mysql",
    "mariadb": "mariadb",
}


def _scalar(value: str) -> Any:
    lowered = value.lower()
    if lowered in {"true", "false"}:
        return lowered == "true"
    if value.isdigit():
        return int(value)
    return value


def parse_database_url(url: str) -> dict[str, Any]:
    """Turn ``postgresql://user:pass@host:5432/db?sslmode=require`` into a config dict.

    Supported schemes: ``sqlite``, ``postgres``/``postgresql``/``pgsql``, ``mysql`` and
    ``mariadb``. ``sqlite:///relative.db``, ``sqlite:////absolute.db`` and
    ``sqlite:///:memory:`` name SQLite files. Query-string options are added as keys.

    Raises:
        ConfigurationError: the URL has no known scheme.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower().split("+", 1)[0]
    driver = _DRIVERS.get(scheme)
    if driver is None:
        raise ConfigurationError(
            f"The database URL {url.split('@')[-1]!r} has an unknown scheme {parts.scheme!r}.",
            hint="Use sqlite://, postgresql://, mysql:// or mariadb://.",
        )
    config: dict[str, Any] = {"driver": driver}
    if driver == "sqlite":
        path = unquote(parts.path)
        database = path[1:] if path.startswith("/") else path
        config["database"] = database or ":memory:"
    else:
        if parts.hostname:
            config["host"] = parts.hostname
        if parts.port:
            config["port"] = parts.port
        if parts.username is not None:
            config["username"] = unquote(parts.username)
        if parts.password is not None:
            config["password"] = unquote(parts.password)
        database = unquote(parts.path.lstrip("/"))
        if database:
            config["database"] = database
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        config[key] = _scalar(value)
    return config
