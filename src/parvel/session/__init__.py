"""Sessions: a Store per request over file, cookie, database, redis or array drivers.

See docs/session.md.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from parvel.support.lazy import lazy_exports

if TYPE_CHECKING:
    from parvel.session.context import csrf_field, csrf_token, current_session, old, session
    from parvel.session.contracts import SessionHandler
    from parvel.session.errors import ViewErrorBag
    from parvel.session.exceptions import SessionError, SessionValueError
    from parvel.session.handlers.array import ArraySessionHandler
    from parvel.session.handlers.cookie import CookieSessionHandler
    from parvel.session.handlers.database import DatabaseSessionHandler
    from parvel.session.handlers.file import FileSessionHandler
    from parvel.session.handlers.redis import RedisSessionHandler
    from parvel.session.manager import SessionManager
    from parvel.session.store import Store, generate_session_id, is_valid_id


__all__ = [
    "ArraySessionHandler",
    "CookieSessionHandler",
    "DatabaseSessionHandler",
    "FileSessionHandler",
    "RedisSessionHandler",
    "SessionError",
    "SessionHandler",
    "SessionManager",
    "SessionValueError",
    "Store",
    "ViewErrorBag",
    "csrf_field",
    "csrf_token",
    "current_session",
    "generate_session_id",
    "is_valid_id",
    "old",
    "session",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ArraySessionHandler": "parvel.session.handlers.array",
        "CookieSessionHandler": "parvel.session.handlers.cookie",
        "DatabaseSessionHandler": "parvel.session.handlers.database",
        "FileSessionHandler": "parvel.session.handlers.file",
        "RedisSessionHandler": "parvel.session.handlers.redis",
        "SessionError": "parvel.session.exceptions",
        "SessionHandler": "parvel.session.contracts",
        "SessionManager": "parvel.session.manager",
        "SessionValueError": "parvel.session.exceptions",
        "Store": "parvel.session.store",
        "ViewErrorBag": "parvel.session.errors",
        "csrf_field": "parvel.session.context",
        "csrf_token": "parvel.session.context",
        "current_session": "parvel.session.context",
        "generate_session_id": "parvel.session.store",
        "is_valid_id": "parvel.session.store",
        "old": "parvel.session.context",
        "session": "parvel.session.context",
    },
)


class _CallableSessionModule(types.ModuleType):
    """``parvel.session`` is both this package and the ``session()`` helper.

    Once the package is imported, ``from parvel import session`` finds the package rather than
    the function; making the package callable keeps ``session("key")`` working either way.
    """

    def __call__(self, key: str | Mapping[str, Any] | None = None, default: Any = None) -> Any:
        from parvel.session.context import session

        return session(key, default)


sys.modules[__name__].__class__ = _CallableSessionModule
