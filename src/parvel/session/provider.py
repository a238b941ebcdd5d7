"""Binds the session manager (``"session"``) and feeds the session to Blade's directives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.container import Container, ServiceProvider
from parvel.session.context import csrf_field, csrf_token, current_session, old

if TYPE_CHECKING:
    from parvel.foundation.application import Application
    from parvel.session.manager import SessionManager


class SessionServiceProvider(ServiceProvider):
    """Registers :class:`SessionManager` from config/session.py."""

    def register(self) -> None:
        """Bind ``"session"`` lazily (nothing connects until a request needs a session)."""
        from parvel.session.console import make_session_table

        self.app.singleton("session", self._make)
        self.app.class_alias("session", "parvel.session.manager:SessionManager")
        self.commands([make_session_table])

    def _make(self, container: Container) -> SessionManager:
        from parvel.session.manager import SessionManager

        app: Application = self.app
        config: dict[str, Any] = dict(app.config.get("session", {}) or {})
        encrypter = container.make("encrypter") if config.get("encrypt") else None
        database = container.make("db") if container.bound("db") else None
        return SessionManager(
            config,
            base_path=app.base_path(),
            encrypter=encrypter,
            database=database,
            redis=lambda name: redis_client(app.config.get("database.redis", {}), name),
        )

    def boot(self) -> None:
        """Teach Blade about the session: ``@csrf``, ``@error``, ``@session``, ``old()``, ``errors``."""
        if self.app.resolved("view"):
            _teach_views(self.app.make("view"))
        else:
            self.app.resolving("view", lambda blade, _: _teach_views(blade))


def _teach_views(blade: Any) -> None:
    """Blade's session hooks and helpers: ``@csrf``, ``@error``, ``@session``, ``old()``, ``errors``."""
    blade.hooks.csrf_token = csrf_token
    blade.hooks.errors = lambda name: _errors().get_bag(name)
    blade.hooks.session = _session_data
    blade.share({"old": old, "csrf_token": csrf_token, "csrf_field": csrf_field})
    blade.composer("*", lambda view: view.with_("errors", _errors()))


def _errors() -> Any:
    from parvel.session.errors import ERRORS_KEY, ViewErrorBag

    store = current_session.get()
    return ViewErrorBag.from_session(store.get(ERRORS_KEY) if store is not None else None)


def _session_data() -> dict[str, Any]:
    store = current_session.get()
    return store.all() if store is not None else {}


def redis_client(connections: Any, name: str | None) -> Any:
    """A ``redis.asyncio`` client for the named connection of config/database.py ``redis``."""
    try:
        import redis.asyncio as aioredis
    except ImportError:
        from parvel.session.exceptions import SessionError

        raise SessionError(
            "The redis session driver needs the redis package.",
            hint="Install it with `pip install parvel[redis]`.",
        ) from None
    settings = dict((connections or {}).get(name or "default") or {})
    if settings.get("url"):
        return aioredis.from_url(settings["url"])
    return aioredis.Redis(
        host=settings.get("host", "127.0.0.1"),
        port=int(settings.get("port", 6379)),
        db=int(settings.get("database", 0)),
        password=settings.get("password") or None,
    )
