"""The current request's session, and the helpers that read it.

The session middleware sets :data:`current_session` for each web request, so ``old()``,
``csrf_token()`` and the Blade directives find the session without passing it around.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

from markupsafe import Markup

from parvel.session.exceptions import SessionError
from parvel.session.store import Store

current_session: ContextVar[Store | None] = ContextVar("parvel_session", default=None)


def session(key: str | Mapping[str, Any] | None = None, default: Any = None) -> Any:
    """The current session (``session()``) or one of its values (``session("key", default)``).

    A mapping stores its values: ``session({"cart": [], "step": 2})`` (returns ``None``).

    Raises:
        SessionError: no session is running (outside the ``web`` middleware group).
    """
    store = current_session.get()
    if store is None:
        raise SessionError(
            "No session is running for this request.",
            hint="Sessions start in the `web` middleware group; API routes are stateless.",
        )
    if isinstance(key, Mapping):
        store.put(key)
        return None
    return store if key is None else store.get(key, default)


def old(key: str | None = None, default: Any = None) -> Any:
    """The input flashed by the previous request (a failed form), or ``default``."""
    store = current_session.get()
    if store is None:
        return default
    return store.get_old_input(key, default)


def csrf_token() -> str:
    """The CSRF token of the current session."""
    store = session()
    token: str = store.token()
    return token


def csrf_field() -> Markup:
    """A hidden ``_token`` input for a form (what ``@csrf`` prints)."""
    return Markup('<input type="hidden" name="_token" value="{}" autocomplete="off">').format(
        csrf_token()
    )
