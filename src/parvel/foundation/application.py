"""The Application: the container, its providers, config, paths and environment.

See docs/foundation.md for the lifecycle.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parvel.__about__ import __version__
from parvel.config import (
    Repository,
    load_config_files,
    read_cache,
    resolve_reference,
    set_current,
)
from parvel.container import Container, ServiceProvider
from parvel.foundation.environment import load_environment
from parvel.foundation.exceptions import ApplicationError
from parvel.support.facade import Facade

if TYPE_CHECKING:
    from parvel.foundation.builder import ApplicationBuilder
    from parvel.http.contracts import RequestScope

ProviderSpec = type[ServiceProvider] | str
"""A provider class, or its dotted path ``"app.providers.app_service_provider.AppServiceProvider"``."""

Terminator = Callable[[], Awaitable[None] | None]

CORE_PROVIDERS: list[str] = [
    "parvel.log.provider:LogServiceProvider",
    "parvel.encryption.provider:EncryptionServiceProvider",
    "parvel.hashing.provider:HashServiceProvider",
    "parvel.database.provider:DatabaseServiceProvider",
    "parvel.orm.provider:OrmServiceProvider",
    "parvel.view.provider:ViewServiceProvider",
    "parvel.session.provider:SessionServiceProvider",
    "parvel.validation.provider:ValidationServiceProvider",
    "parvel.http.provider:HttpServiceProvider",
]
"""Dotted paths of the framework's own providers, registered before the app's."""

PROVIDER_ENTRY_POINT_GROUP = "parvel.providers"


class Application(Container):
    """A Parvel application: a :class:`Container` that knows its paths, config and providers.

    Build it from ``bootstrap/app.py`` with :meth:`configure`::

        app = Application.configure(base_path=BASE).with_routing(web="routes/web.py").create()

    The application is also the ASGI callable a server runs (``bootstrap.app:app``).
    """

    VERSION = __version__

    console_mode: bool = False
    """Set by the ``parvel`` command before it loads the app (see :meth:`running_in_console`)."""

    register_only: bool = False
    """Set by ``parvel list``/``help``: providers register (declaring commands) but do not boot."""

    def __init__(self, base_path: str | Path | None = None) -> None:
        super().__init__()
        self._base_path = Path(base_path or os.getcwd()).resolve()
        self.config = Repository()
        self.settings: dict[str, Any] = {}
        self._providers: dict[type[ServiceProvider], ServiceProvider] = {}
        self._deferred: dict[Any, type[ServiceProvider]] = {}
        self._booted = False
        self._bootstrapped = False
        self._booting: list[Callable[[Application], None]] = []
        self._booted_callbacks: list[Callable[[Application], None]] = []
        self._terminating: list[Terminator] = []
        self.request_scopes: list[RequestScope] = []
        """Opened around every HTTP request (see :class:`parvel.http.contracts.RequestScope`)."""
        self._asgi: Any = None
        self.instance(Application, self)
        self.instance("app", self)
        self.instance(Repository, self.config)
        self.instance("config", self.config)
        set_current(self.config)
        Facade.set_application(self)

    @classmethod
    def configure(cls, base_path: str | Path | None = None) -> ApplicationBuilder:
        """Start building an application rooted at ``base_path`` (``bootstrap/app.py``)."""
        from parvel.foundation.builder import ApplicationBuilder

        return ApplicationBuilder(cls(base_path))

    # -- paths -------------------------------------------------------------------------

    def base_path(self, path: str = "") -> Path:
        """The application's root folder, or ``path`` inside it."""
        return self._base_path / path if path else self._base_path

    def app_path(self, path: str = "") -> Path:
        """The ``app/`` folder (models, controllers, providers...)."""
        return self.base_path("app") / path if path else self.base_path("app")

    def config_path(self, path: str = "") -> Path:
        """The ``config/`` folder."""
        return self.base_path("config") / path if path else self.base_path("config")

    def database_path(self, path: str = "") -> Path:
        """The ``database/`` folder (migrations, seeders, factories, the SQLite file)."""
        return self.base_path("database") / path if path else self.base_path("database")

    def resources_path(self, path: str = "") -> Path:
        """The ``resources/`` folder (views, lang)."""
        return self.base_path("resources") / path if path else self.base_path("resources")

    def resource_path(self, path: str = "") -> Path:
        """Laravel's name for :meth:`resources_path`: ``app.resource_path("views")``."""
        return self.resources_path(path)

    def storage_path(self, path: str = "") -> Path:
        """The ``storage/`` folder (app files, framework caches, logs)."""
        return self.base_path("storage") / path if path else self.base_path("storage")

    def bootstrap_path(self, path: str = "") -> Path:
        """The ``bootstrap/`` folder; ``bootstrap/cache`` holds the config cache."""
        return self.base_path("bootstrap") / path if path else self.base_path("bootstrap")

    def public_path(self, path: str = "") -> Path:
        """The ``public/`` folder served as static files."""
        return self.base_path("public") / path if path else self.base_path("public")

    def lang_path(self, path: str = "") -> Path:
        """The ``lang/`` folder (translations, validation messages)."""
        return self.base_path("lang") / path if path else self.base_path("lang")

    def cached_config_path(self) -> Path:
        """Where ``config:cache`` writes the merged configuration."""
        return self.bootstrap_path("cache/config.json")

    def configuration_is_cached(self) -> bool:
        """Whether a config cache exists (then .env and config/*.py are not read)."""
        return self.cached_config_path().is_file()

    # -- environment -------------------------------------------------------------------

    def environment(self, *patterns: str) -> Any:
        """The environment name (``APP_ENV``), or whether it matches one of ``patterns``.

        ``app.environment()`` returns e.g. ``"local"``; ``app.environment("local", "stag*")``
        returns a bool.
        """
        name = str(self.config.get("app.env", os.environ.get("APP_ENV", "production")))
        if not patterns:
            return name
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)

    def is_local(self) -> bool:
        """Whether the environment is ``local``."""
        return bool(self.environment("local"))

    def is_production(self) -> bool:
        """Whether the environment is ``production``."""
        return bool(self.environment("production"))

    def running_unit_tests(self) -> bool:
        """Whether the environment is ``testing``."""
        return bool(self.environment("testing"))

    def running_in_console(self) -> bool:
        """Whether the app was loaded by the ``parvel`` command (not by a server or tests)."""
        return type(self).console_mode

    @property
    def debug(self) -> bool:
        """``app.debug``: show detailed error pages."""
        return bool(self.config.get("app.debug", False))

    def has_debug_mode_enabled(self) -> bool:
        """Whether ``app.debug`` is on."""
        return self.debug

    def version(self) -> str:
        """The Parvel version."""
        from parvel.__about__ import __version__

        return __version__

    def get_locale(self) -> str:
        """The current locale (``app.locale``)."""
        return str(self.config.get("app.locale", "en"))

    current_locale = get_locale

    def set_locale(self, locale: str) -> None:
        """Change the locale (``app.locale``) for the rest of the process."""
        self.config.set("app.locale", locale)

    def is_locale(self, locale: str) -> bool:
        """Whether the current locale is ``locale``."""
        return self.get_locale() == locale

    def get_fallback_locale(self) -> str:
        """The fallback locale (``app.fallback_locale``)."""
        return str(self.config.get("app.fallback_locale", "en"))

    def is_down_for_maintenance(self) -> bool:
        """Whether ``parvel down`` put the app in maintenance mode."""
        return self.storage_path("framework/down").is_file()

    # -- bootstrapping -----------------------------------------------------------------

    def bootstrap(self) -> Application:
        """Load .env and config, register every provider, then boot them. Runs once."""
        if self._bootstrapped:
            return self
        self._bootstrapped = True
        if str(self._base_path) not in sys.path:
            sys.path.insert(0, str(self._base_path))
        cached = read_cache(self.cached_config_path())
        if cached is not None:
            self.config.set(cached)
        else:
            load_environment(self._base_path)
            self.config.set(load_config_files(self.config_path()))
        self.register_configured_providers()
        if not type(self).register_only:
            self.boot()
        return self

    def register_configured_providers(self) -> None:
        """Register the core providers, the ones in config ``app.providers``, and packages'."""
        specs: list[ProviderSpec] = [*CORE_PROVIDERS]
        specs.extend(self.config.get("app.providers", []))
        specs.extend(self.settings.get("providers", []))
        if self.config.get("app.discover_providers", True):
            from importlib.metadata import entry_points

            specs.extend(ep.value for ep in entry_points(group=PROVIDER_ENTRY_POINT_GROUP))
        for spec in specs:
            self.register(spec)

    def register(
        self, provider: ProviderSpec | ServiceProvider, *, force: bool = False
    ) -> ServiceProvider:
        """Register a provider (class, dotted path or instance); boot it if the app booted."""
        if isinstance(provider, str):
            provider = self._resolve_provider(provider)
        instance = provider if isinstance(provider, ServiceProvider) else provider(self)
        cls = type(instance)
        if cls in self._providers and not force:
            return self._providers[cls]
        if instance.defer and instance.provides and not force:
            for key in instance.provides:
                self._deferred[key] = cls
                self.bind(key, self._deferred_factory(key))
            return instance
        self._providers[cls] = instance
        instance.register()
        if self._booted:
            self._boot_provider(instance)
        return instance

    def _deferred_factory(self, key: Any) -> Callable[[Container], Any]:
        def load(container: Container) -> Any:
            cls = self._deferred.pop(key)
            for other in [k for k, c in self._deferred.items() if c is cls]:
                del self._deferred[other]
            self._bindings.pop(key, None)
            self.register(cls, force=True)
            return self.make(key)

        return load

    def _resolve_provider(self, spec: str) -> type[ServiceProvider]:
        target = resolve_reference(spec)
        if not (isinstance(target, type) and issubclass(target, ServiceProvider)):
            raise ApplicationError(
                f"'{spec}' is not a ServiceProvider subclass.",
                hint="List provider classes in config/app.py 'providers'.",
            )
        return target

    def provider_is_loaded(self, provider: type[ServiceProvider]) -> bool:
        """Whether ``provider`` was registered (deferred ones count once loaded)."""
        return provider in self._providers

    def get_providers(self) -> list[ServiceProvider]:
        """Every registered provider instance, in registration order."""
        return list(self._providers.values())

    def booting(self, callback: Callable[[Application], None]) -> None:
        """Run ``callback(app)`` just before providers boot."""
        self._booting.append(callback)

    def booted(self, callback: Callable[[Application], None]) -> None:
        """Run ``callback(app)`` after providers booted (now, if they already did)."""
        if self._booted:
            callback(self)
        else:
            self._booted_callbacks.append(callback)

    def is_booted(self) -> bool:
        """Whether :meth:`boot` ran."""
        return self._booted

    def boot(self) -> None:
        """Boot every registered provider (``boot()`` gets its parameters injected)."""
        if self._booted:
            return
        for callback in self._booting:
            callback(self)
        for provider in list(self._providers.values()):
            self._boot_provider(provider)
        self._booted = True
        for callback in self._booted_callbacks:
            callback(self)

    def _boot_provider(self, provider: ServiceProvider) -> None:
        self.call(provider.boot)

    def terminating(self, callback: Terminator) -> None:
        """Run ``callback`` (sync or async) when the app shuts down."""
        self._terminating.append(callback)

    async def terminate(self) -> None:
        """Run the terminating callbacks (close pools, flush logs)."""
        for callback in reversed(self._terminating):
            result = callback()
            if result is not None:
                await result

    # -- ASGI --------------------------------------------------------------------------

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Serve ASGI: the HTTP kernel (bound as ``"http.kernel"``) handles every request."""
        asgi = self._asgi
        if asgi is None:
            self.bootstrap()
            if not self.bound("http.kernel"):
                raise ApplicationError(
                    "No HTTP kernel is registered.",
                    hint="Register parvel's HTTP provider (it is a core provider).",
                )
            asgi = self._asgi = self.make("http.kernel")
        await asgi(scope, receive, send)
