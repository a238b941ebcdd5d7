"""SessionManager: builds session stores for the configured driver (config/session.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from parvel.session.contracts import SessionHandler
from parvel.session.exceptions import SessionError
from parvel.session.handlers.array import ArraySessionHandler
from parvel.session.handlers.cookie import CookieSessionHandler
from parvel.session.handlers.database import DatabaseSessionHandler
from parvel.session.handlers.file import FileSessionHandler
from parvel.session.handlers.redis import RedisSessionHandler
from parvel.session.store import Store

HandlerFactory = Callable[["SessionManager", Mapping[str, Any]], SessionHandler]

DEFAULTS: dict[str, Any] = {
    "driver": "file",
    "lifetime": 120,
    "expire_on_close": False,
    "encrypt": False,
    "files": "storage/framework/sessions",
    "connection": None,
    "table": "sessions",
    "store": None,
    "lottery": [2, 100],
    "cookie": "parvel_session",
    "path": "/",
    "domain": None,
    "secure": None,
    "http_only": True,
    "same_site": "lax",
}


class SessionManager:
    """Creates :class:`Store` objects backed by the configured driver.

    Drivers: ``file`` (default), ``cookie``, ``database``, ``redis``, ``array``; add your own
    with :meth:`extend`. ``encrypter`` encrypts payloads when ``encrypt`` is on; ``database``
    (a DatabaseManager) and ``redis`` (a ``redis.asyncio`` client factory) serve their drivers.
    """

    def __init__(
        self,
        config: Mapping[str, Any] | None = None,
        *,
        base_path: str | Path = ".",
        encrypter: Any = None,
        database: Any = None,
        redis: Callable[[str | None], Any] | None = None,
    ) -> None:
        self.config = {**DEFAULTS, **(config or {})}
        self.base_path = Path(base_path)
        self.encrypter = encrypter
        self.database = database
        self.redis = redis
        self._custom: dict[str, HandlerFactory] = {}
        self._shared: dict[str, SessionHandler] = {}

    @property
    def driver_name(self) -> str:
        """The configured driver."""
        return str(self.config["driver"])

    @property
    def lifetime(self) -> int:
        """Minutes of inactivity before a session expires."""
        return int(self.config["lifetime"])

    def extend(self, driver: str, factory: HandlerFactory) -> None:
        """Register a custom driver: ``factory(manager, config) -> SessionHandler``."""
        self._custom[driver] = factory
        self._shared.pop(driver, None)

    def handler(self, incoming_cookie: str | None = None) -> SessionHandler:
        """The handler for this request (a fresh one for the cookie driver)."""
        driver = self.driver_name
        if driver == "cookie":
            return CookieSessionHandler(incoming_cookie, self.lifetime)
        shared = self._shared.get(driver)
        if shared is None:
            shared = self._shared[driver] = self._create(driver)
        return shared

    def _create(self, driver: str) -> SessionHandler:
        if driver in self._custom:
            return self._custom[driver](self, self.config)
        if driver == "file":
            path = Path(self.config["files"])
            return FileSessionHandler(
                path if path.is_absolute() else self.base_path / path, self.lifetime
            )
        if driver == "array":
            return ArraySessionHandler(self.lifetime)
        if driver == "database":
            if self.database is None:
                raise SessionError("The database session driver needs the database component.")
            connection = self.database.connection(self.config.get("connection"))
            return DatabaseSessionHandler(connection, self.config["table"], self.lifetime)
        if driver == "redis":
            if self.redis is None:
                raise SessionError(
                    "The redis session driver needs Redis.",
                    hint="Install it with `pip install parvel[redis]` and set config/database.py 'redis'.",
                )
            return RedisSessionHandler(self.redis(self.config.get("connection")), self.lifetime)
        raise SessionError(
            f"Session driver [{driver}] is not supported.",
            hint="Use file, cookie, database, redis or array in config/session.py.",
        )

    def build(self, session_id: str | None = None, incoming_cookie: str | None = None) -> Store:
        """A store for ``session_id`` (a fresh id when it is missing or malformed)."""
        handler = self.handler(incoming_cookie)
        serialize = unserialize = None
        if self.config.get("encrypt") and self.encrypter is not None:
            serialize = self.encrypter.encrypt_string
            unserialize = self.encrypter.decrypt_string
        return Store(
            str(self.config["cookie"]),
            handler,
            session_id,
            serialize=serialize,
            unserialize=unserialize,
        )

    async def gc(self) -> int:
        """Delete expired sessions of the configured driver; return how many."""
        return await self.handler().gc(self.lifetime * 60)
