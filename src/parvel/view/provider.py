"""Binds the app's Blade engine (``"view"``, :class:`Blade`) from config/view.py."""

from __future__ import annotations

import platform
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parvel.__about__ import __version__
from parvel.container import Container, ServiceProvider

if TYPE_CHECKING:
    from parvel.foundation.application import Application
    from parvel.view.blade import Blade


class ViewServiceProvider(ServiceProvider):
    """Registers Blade with the app's view paths, compiled-view cache and hooks."""

    def register(self) -> None:
        """Bind ``"view"`` and register ``view:cache`` / ``view:clear``."""
        from parvel.view.console import view_cache, view_clear

        self.app.singleton("view", self._make)
        self.app.class_alias("view", "parvel.view.blade:Blade")
        self.commands([view_cache, view_clear])

    def _make(self, container: Container) -> Blade:
        from parvel.view.blade import Blade

        app: Application = self.app
        config: Any = app.config
        paths = [
            _absolute(app.base_path(), p) for p in config.get("view.paths", ["resources/views"])
        ]
        compiled = _absolute(
            app.base_path(), config.get("view.compiled", "storage/framework/views")
        )
        blade = Blade(paths=paths, cache_path=compiled, debug=app.debug)
        blade.hooks.environment = lambda: str(app.environment())
        blade.hooks.resolve = app.make
        blade.share(
            {
                "app": app,
                "config": app.config.get,
                "parvel_version": __version__,
                "python_version": platform.python_version(),
            }
        )
        return blade


def _absolute(base: Path, path: str | Path) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() else base / candidate
