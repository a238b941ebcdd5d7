"""The ORM's service provider: connects models to the database and registers commands."""

from __future__ import annotations

from typing import Any

from parvel.container.provider import ServiceProvider
from parvel.orm.console import (
    ModelPaths,
    make_cast,
    make_factory,
    make_model,
    make_observer,
    make_policy,
    model_prune,
    model_show,
)


class OrmServiceProvider(ServiceProvider):
    """Registers the ORM's commands and connects models to the app's database.

    ``register`` binds :class:`ModelPaths` and the ``make:model`` family; ``boot`` gives models
    the application's database manager and encrypter.
    """

    def register(self) -> None:
        """Bind the generator paths and register the commands."""
        self.app.singleton(ModelPaths, lambda app: ModelPaths.from_app(app))
        self.commands(
            [
                make_model,
                make_factory,
                make_policy,
                make_observer,
                make_cast,
                model_show,
                model_prune,
            ]
        )

    def boot(self) -> None:
        """Install the connection resolver and the encrypter hook when they are bound."""
        from parvel.database.manager import DatabaseManager
        from parvel.orm.casts import set_encrypter_resolver
        from parvel.orm.model import Model

        for key in (DatabaseManager, "db"):
            if self.app.bound(key):
                manager: Any = self.app.make(key)
                Model.set_connection_resolver(manager)
                break
        app = self.app
        if app.bound("encrypter"):
            set_encrypter_resolver(lambda: app.make("encrypter"))
        if app.bound("hash"):
            from parvel.orm.casts import set_hasher_resolver

            set_hasher_resolver(lambda: app.make("hash"))
