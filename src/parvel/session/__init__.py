"""Sessions: a Store per request over file, cookie, database, redis or array drivers.

See docs/session.md.
"""

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
