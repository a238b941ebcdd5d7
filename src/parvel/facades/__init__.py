"""Facades: typed module-level names for the services of the running application.

``from parvel import Log, Crypt, Hash`` — each forwards to the service bound in the container
(see docs/facades.md). Type checkers see each facade as its service's class plus the facade
methods (``swap``, ``get_facade_root``, ``clear_resolved_instance``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.support.facade import Facade, FacadeMethods

if TYPE_CHECKING:
    from parvel.database import DatabaseManager
    from parvel.database.schema import SchemaBuilder
    from parvel.encryption import Encrypter
    from parvel.hashing import HashManager
    from parvel.log import LogManager
    from parvel.view import Blade

    class _Crypt(Encrypter, FacadeMethods[Encrypter]): ...

    class _DB(DatabaseManager, FacadeMethods[DatabaseManager]): ...

    class _Hash(HashManager, FacadeMethods[HashManager]): ...

    class _Log(LogManager, FacadeMethods[LogManager]): ...

    class _Schema(SchemaBuilder, FacadeMethods[SchemaBuilder]): ...

    class _View(Blade, FacadeMethods[Blade]): ...

    Crypt: _Crypt
    DB: _DB
    Hash: _Hash
    Log: _Log
    Schema: _Schema
    View: _View
else:
    Crypt = Facade("encrypter")
    DB = Facade("db")
    Hash = Facade("hash")
    Log = Facade("log")
    Schema = Facade("db.schema")
    View = Facade("view")

__all__ = ["DB", "Crypt", "Facade", "FacadeMethods", "Hash", "Log", "Schema", "View"]
