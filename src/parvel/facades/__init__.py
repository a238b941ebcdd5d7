"""Facades: typed module-level names for the services of the running application.

``from parvel import Log, Crypt, Hash`` — each forwards to the service bound in the container
(see docs/facades.md). Type checkers see each facade as its service's class plus the facade
methods (``swap``, ``get_facade_root``, ``clear_resolved_instance``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parvel.support.facade import Facade, FacadeMethods


class CurrentSession:
    """The ``Session`` facade: forwards to the current request's session store.

    ``Session.get("key")``, ``Session.put("key", value)``... work wherever ``session()`` does
    (inside a request of the ``web`` middleware group).
    """

    def __getattr__(self, name: str) -> Any:
        from parvel.session.context import session

        return getattr(session(), name)

    def __repr__(self) -> str:
        return "<Facade session (current request)>"


if TYPE_CHECKING:
    from parvel.config import Repository
    from parvel.database import DatabaseManager
    from parvel.database.schema import SchemaBuilder
    from parvel.encryption import Encrypter
    from parvel.hashing import HashManager
    from parvel.log import LogManager
    from parvel.session import Store
    from parvel.view import Blade

    class _Config(Repository, FacadeMethods[Repository]): ...

    class _Crypt(Encrypter, FacadeMethods[Encrypter]): ...

    class _DB(DatabaseManager, FacadeMethods[DatabaseManager]): ...

    class _Hash(HashManager, FacadeMethods[HashManager]): ...

    class _Log(LogManager, FacadeMethods[LogManager]): ...

    class _Schema(SchemaBuilder, FacadeMethods[SchemaBuilder]): ...

    class _View(Blade, FacadeMethods[Blade]): ...

    Config: _Config
    Crypt: _Crypt
    DB: _DB
    Hash: _Hash
    Log: _Log
    Schema: _Schema
    Session: Store
    View: _View
else:
    Config = Facade("config")
    Session = CurrentSession()
    Crypt = Facade("encrypter")
    DB = Facade("db")
    Hash = Facade("hash")
    Log = Facade("log")
    Schema = Facade("db.schema")
    View = Facade("view")

__all__ = [
    "DB",
    "Config",
    "Crypt",
    "CurrentSession",
    "Facade",
    "FacadeMethods",
    "Hash",
    "Log",
    "Schema",
    "Session",
    "View",
]
