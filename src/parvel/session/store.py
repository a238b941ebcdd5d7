"""The session Store: the data of one session, with flash data and the CSRF token.

See docs/session.md.
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard

import orjson

from parvel.session.contracts import SessionHandler
from parvel.session.exceptions import SessionError, SessionValueError

_ID = re.compile(r"^[A-Za-z0-9]{40}$")
_ALPHABET = string.ascii_letters + string.digits
_MISSING: Any = object()
TOKEN_KEY = "_token"
FLASH_NEW = "_flash.new"
FLASH_OLD = "_flash.old"
OLD_INPUT = "_old_input"
PREVIOUS_URL = "_previous.url"


def generate_session_id() -> str:
    """A random 40-character alphanumeric session id."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(40))


def is_valid_id(value: object) -> TypeGuard[str]:
    """Whether ``value`` looks like a session id (anything else is ignored, never used)."""
    return isinstance(value, str) and bool(_ID.match(value))


class Store:
    """One session: load with :meth:`start`, change it, persist with :meth:`save`.

    Values must be JSON-serializable (dicts, lists, strings, numbers, booleans, None): sessions
    are stored as JSON, never pickled.
    """

    def __init__(
        self,
        name: str,
        handler: SessionHandler,
        session_id: str | None = None,
        *,
        serialize: Any = None,
        unserialize: Any = None,
    ) -> None:
        self.name = name
        self.handler = handler
        self._id = session_id if is_valid_id(session_id) else generate_session_id()
        self._attributes: dict[str, Any] = {}
        self._started = False
        self._serialize = serialize
        self._unserialize = unserialize

    def __call__(self, key: str | Mapping[str, Any] | None = None, default: Any = None) -> Any:
        """``request.session()`` as in Laravel: the store itself, a value, or a mapping to put.

        ``request.session`` is the store already; calling it returns the same store, so both
        ``request.session.get("k")`` and ``request.session().get("k")`` work.
        """
        if key is None:
            return self
        if isinstance(key, Mapping):
            self.put(key)
            return None
        return self.get(key, default)

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The session id (what the session cookie holds)."""
        return self._id

    def get_id(self) -> str:
        """The session id (Laravel's ``getId()``; same as :attr:`id`)."""
        return self._id

    def get_name(self) -> str:
        """The session cookie's name."""
        return self.name

    def set_id(self, session_id: str | None) -> None:
        """Use ``session_id`` if it is well-formed, else a fresh id."""
        self._id = session_id if is_valid_id(session_id) else generate_session_id()

    def is_started(self) -> bool:
        """Whether :meth:`start` ran."""
        return self._started

    async def start(self) -> bool:
        """Load the session's data from the handler and make sure it has a CSRF token."""
        payload = await self.handler.read(self._id)
        data = self._decode(payload) if payload else {}
        self._attributes.update(data)
        if TOKEN_KEY not in self._attributes:
            self.regenerate_token()
        self._started = True
        return True

    async def save(self) -> None:
        """Age the flash data and write the session through the handler."""
        self.age_flash_data()
        await self.handler.write(self._id, self._encode(self._attributes))
        self._started = False

    def _encode(self, data: dict[str, Any]) -> str:
        try:
            text = orjson.dumps(data).decode()
        except TypeError as error:
            raise SessionValueError(
                f"The session cannot store a value: {error}.",
                hint="Store JSON-friendly values (ids, strings, dicts), not objects.",
            ) from None
        return self._serialize(text) if self._serialize else text

    def _decode(self, payload: str) -> dict[str, Any]:
        try:
            text = self._unserialize(payload) if self._unserialize else payload
            data = orjson.loads(text)
        except Exception:  # a tampered, foreign or corrupt payload is an empty session
            return {}
        return data if isinstance(data, dict) else {}

    # -- reading ---------------------------------------------------------------------------

    def all(self) -> dict[str, Any]:
        """Every value in the session."""
        return dict(self._attributes)

    def only(self, keys: Iterable[str]) -> dict[str, Any]:
        """The values for ``keys`` that exist."""
        return {key: self._attributes[key] for key in keys if key in self._attributes}

    def except_(self, keys: Iterable[str]) -> dict[str, Any]:
        """Every value but those for ``keys``."""
        excluded = set(keys)
        return {key: value for key, value in self._attributes.items() if key not in excluded}

    def exists(self, key: str | Iterable[str]) -> bool:
        """Whether every key is present (even when its value is None)."""
        keys = [key] if isinstance(key, str) else list(key)
        return all(self._lookup(k) is not _MISSING for k in keys)

    def missing(self, key: str | Iterable[str]) -> bool:
        """Whether no key is present."""
        keys = [key] if isinstance(key, str) else list(key)
        return all(self._lookup(k) is _MISSING for k in keys)

    def has(self, key: str | Iterable[str]) -> bool:
        """Whether every key is present and not None."""
        keys = [key] if isinstance(key, str) else list(key)
        return all(self._lookup(k) not in (_MISSING, None) for k in keys)

    def has_any(self, keys: str | Iterable[str]) -> bool:
        """Whether at least one of ``keys`` is present and not None."""
        chosen = [keys] if isinstance(keys, str) else list(keys)
        return any(self._lookup(k) not in (_MISSING, None) for k in chosen)

    def get(self, key: str, default: Any = None) -> Any:
        """The value at ``key`` (dots reach into dicts), or ``default`` (called if callable)."""
        value = self._lookup(key)
        if value is _MISSING:
            return default() if callable(default) else default
        return value

    def _lookup(self, key: str) -> Any:
        if key in self._attributes:
            return self._attributes[key]
        node: Any = self._attributes
        for segment in key.split("."):
            if isinstance(node, dict) and segment in node:
                node = node[segment]
            else:
                return _MISSING
        return node

    def pull(self, key: str, default: Any = None) -> Any:
        """Get the value and forget it."""
        value = self.get(key, default)
        self.forget(key)
        return value

    # -- writing ---------------------------------------------------------------------------

    def put(self, key: str | Mapping[str, Any], value: Any = None) -> None:
        """Store one value, or every pair of a mapping; dots nest (``"user.name"``)."""
        pairs = key.items() if isinstance(key, Mapping) else [(key, value)]
        for name, item in pairs:
            self._attributes.pop(name, None)  # a flat dotted key from an older payload
            node = self._attributes
            *parents, last = name.split(".")
            for segment in parents:
                child = node.get(segment)
                if not isinstance(child, dict):
                    child = node[segment] = {}
                node = child
            node[last] = item

    def replace(self, attributes: Mapping[str, Any]) -> None:
        """Store every pair of ``attributes`` (Laravel's ``replace``; same as ``put(mapping)``)."""
        self.put(attributes)

    def remove(self, key: str) -> Any:
        """Forget ``key`` and return the value it had (``None`` when absent)."""
        return self.pull(key)

    def push(self, key: str, value: Any) -> None:
        """Append ``value`` to the list at ``key``."""
        current = self.get(key, [])
        self.put(key, [*(current if isinstance(current, list) else [current]), value])

    def increment(self, key: str, amount: int = 1) -> int:
        """Add ``amount`` to the number at ``key`` and return the result."""
        value = int(self.get(key, 0)) + amount
        self.put(key, value)
        return value

    def decrement(self, key: str, amount: int = 1) -> int:
        """Subtract ``amount`` from the number at ``key``."""
        return self.increment(key, -amount)

    def remember(self, key: str, callback: Any) -> Any:
        """The value at ``key``, or ``callback()`` stored there first."""
        value = self._lookup(key)
        if value is _MISSING:
            value = callback()
            self.put(key, value)
        return value

    def forget(self, keys: str | Iterable[str]) -> None:
        """Remove one key or several; dots reach into dicts (``"user.name"``)."""
        for key in [keys] if isinstance(keys, str) else keys:
            if self._attributes.pop(key, _MISSING) is not _MISSING:
                continue
            node: Any = self._attributes
            *parents, last = key.split(".")
            for segment in parents:
                node = node.get(segment) if isinstance(node, dict) else None
            if isinstance(node, dict):
                node.pop(last, None)

    def flush(self) -> None:
        """Remove everything."""
        self._attributes.clear()

    # -- flash data ------------------------------------------------------------------------

    def flash(self, key: str, value: Any = True) -> None:
        """Store a value for this request and the next one."""
        self.put(key, value)
        self._add_to(FLASH_NEW, [key])
        self._remove_from(FLASH_OLD, [key])

    def now(self, key: str, value: Any) -> None:
        """Store a value for this request only."""
        self.put(key, value)
        self._add_to(FLASH_OLD, [key])

    def reflash(self) -> None:
        """Keep all flash data for one more request."""
        self._add_to(FLASH_NEW, self.get(FLASH_OLD, []))
        self.put(FLASH_OLD, [])

    def keep(self, keys: str | Iterable[str] | None = None) -> None:
        """Keep the given flash keys (all when ``None``) for one more request."""
        if keys is None:
            self.reflash()
            return
        chosen = [keys] if isinstance(keys, str) else list(keys)
        self._add_to(FLASH_NEW, chosen)
        self._remove_from(FLASH_OLD, chosen)

    def age_flash_data(self) -> None:
        """Drop last request's flash data; this request's becomes last request's."""
        self.forget(self.get(FLASH_OLD, []))
        self.put(FLASH_OLD, self.get(FLASH_NEW, []))
        self.put(FLASH_NEW, [])

    def flash_input(self, data: Mapping[str, Any]) -> None:
        """Flash the submitted input so ``old()`` can refill the form."""
        self.flash(OLD_INPUT, dict(data))

    def has_old_input(self, key: str | None = None) -> bool:
        """Whether old input (for ``key``) was flashed."""
        old = self.get_old_input(key)
        return old is not None if key is not None else bool(old)

    def get_old_input(self, key: str | None = None, default: Any = None) -> Any:
        """The flashed input (or one field of it, dotted keys allowed)."""
        data = self.get(OLD_INPUT, {})
        if key is None:
            return data
        node: Any = data
        for segment in key.split("."):
            if isinstance(node, dict) and segment in node:
                node = node[segment]
            elif isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
                node = node[int(segment)]
            else:
                return default
        return node

    def _add_to(self, list_key: str, keys: Iterable[str]) -> None:
        current = list(self.get(list_key, []))
        for key in keys:
            if key not in current:
                current.append(key)
        self.put(list_key, current)

    def _remove_from(self, list_key: str, keys: Iterable[str]) -> None:
        removing = set(keys)
        self.put(list_key, [k for k in self.get(list_key, []) if k not in removing])

    # -- ids and tokens --------------------------------------------------------------------

    async def migrate(self, destroy: bool = False) -> None:
        """Give the session a new id, keeping its data; destroy the old one if asked."""
        if destroy:
            await self.handler.destroy(self._id)
        self._id = generate_session_id()

    async def regenerate(self, destroy: bool = False) -> None:
        """New id and new CSRF token (call after login to prevent session fixation)."""
        await self.migrate(destroy)
        self.regenerate_token()

    async def invalidate(self) -> None:
        """Remove all data and start over with a new id; the old id is dead."""
        self.flush()
        await self.migrate(destroy=True)
        self.regenerate_token()

    def token(self) -> str:
        """The CSRF token of this session."""
        token = self._attributes.get(TOKEN_KEY)
        if not isinstance(token, str):
            raise SessionError("The session has not started: no CSRF token yet.")
        return token

    def regenerate_token(self) -> None:
        """A fresh 40-character CSRF token."""
        self._attributes[TOKEN_KEY] = generate_session_id()

    def previous_url(self) -> str | None:
        """The URL of the previous GET page (used by ``back()``)."""
        value = self.get(PREVIOUS_URL)
        return value if isinstance(value, str) else None

    def set_previous_url(self, url: str) -> None:
        """Remember ``url`` as the previous page."""
        self._attributes[PREVIOUS_URL] = url
