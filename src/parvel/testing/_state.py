"""Session, view and named-route assertions of TestResponse (a mixin).

They read what the app recorded through the http layer's test hook (``parvel.testing`` in the
ASGI scope): the request's session store and the view the handler returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn

from parvel.testing._json import _MISSING, data_get

_UNSET: Any = object()


def _errors_of(session: Any, bag: str) -> dict[str, list[str]]:
    bags = session.get("errors") or {}
    found = bags.get(bag) if isinstance(bags, Mapping) else None
    if found is None:
        return {}
    messages = found.messages() if callable(getattr(found, "messages", None)) else found
    return {str(k): [str(m) for m in v] for k, v in dict(messages).items()}


def _matches(actual: Any, expected: Any) -> bool:
    if callable(expected) and not isinstance(expected, type):
        return bool(expected(actual))
    return bool(actual == expected)


class StateAssertions:
    """Session, view and route-redirect assertions; mixed into TestResponse."""

    session: Any
    view: Any
    app: Any

    if TYPE_CHECKING:  # provided by TestResponse

        def _fail(self, message: str) -> NoReturn: ...

        def assert_redirect(self, uri: str | None = None) -> Any: ...

    # -- session -------------------------------------------------------------------------

    def _session(self) -> Any:
        if self.session is None:
            self._fail(
                "The response has no session: the route does not use the `web` middleware "
                "group (StartSession), or the response did not come from the TestClient."
            )
        return self.session

    def assert_session_has(self, key: str | Mapping[str, Any], value: Any = _UNSET) -> Any:
        """Assert the session has ``key`` (optionally equal to ``value``, or a predicate).

        A mapping checks several keys and values at once.
        """
        session = self._session()
        pairs = dict(key) if isinstance(key, Mapping) else {key: value}
        for name, expected in pairs.items():
            if not session.has(name) and not session.exists(name):
                self._fail(
                    f"Session is missing expected key [{name}].\n"
                    f"Session keys: {sorted(session.all())}"
                )
            actual = session.get(name)
            if expected is not _UNSET and not _matches(actual, expected):
                self._fail(
                    f"The session value of [{name}] does not match.\n"
                    f"Expected: {expected!r}\nActual: {actual!r}"
                )
        return self

    def assert_session_has_all(self, bindings: Mapping[str, Any]) -> Any:
        """Assert every key/value pair is in the session."""
        return self.assert_session_has(bindings)

    def assert_session_missing(self, key: str | Iterable[str]) -> Any:
        """Assert the session does not have ``key`` (or any of the keys)."""
        session = self._session()
        for name in [key] if isinstance(key, str) else list(key):
            if session.exists(name):
                self._fail(f"Session has unexpected key [{name}]: {session.get(name)!r}")
        return self

    def assert_session_has_input(self, key: str, value: Any = _UNSET) -> Any:
        """Assert the old input (``flash_input``) has ``key`` (optionally equal to ``value``)."""
        session = self._session()
        if not session.has_old_input(key):
            self._fail(f"Session is missing expected key [{key}] in the old input.")
        actual = session.get_old_input(key)
        if value is not _UNSET and not _matches(actual, value):
            self._fail(
                f"The old input [{key}] does not match.\nExpected: {value!r}\nActual: {actual!r}"
            )
        return self

    def assert_session_has_errors(
        self, keys: str | Iterable[str] | Mapping[str, str] | None = None, bag: str = "default"
    ) -> Any:
        """Assert validation errors were flashed for ``keys`` (``{key: message}`` checks text).

        With no keys, asserts the bag holds any error.
        """
        errors = _errors_of(self._session(), bag)
        if keys is None:
            if not errors:
                self._fail(f"Session is missing expected errors in the [{bag}] bag.")
            return self
        wanted: dict[str, str | None]
        if isinstance(keys, str):
            wanted = {keys: None}
        elif isinstance(keys, Mapping):
            wanted = dict(keys)
        else:
            wanted = dict.fromkeys(keys)
        for key, message in wanted.items():
            if key not in errors:
                self._fail(
                    f"Session missing error: [{key}].\nErrors in the [{bag}] bag: {errors or '{}'}"
                )
            if message is not None and message not in errors[key]:
                self._fail(
                    f"Session has error [{key}] but not the message [{message}].\n"
                    f"Messages: {errors[key]}"
                )
        return self

    def assert_session_has_errors_in(
        self, bag: str, keys: str | Iterable[str] | Mapping[str, str] | None = None
    ) -> Any:
        """Assert validation errors in the error bag ``bag`` (for ``keys``, or any)."""
        return self.assert_session_has_errors(keys, bag)

    def dump_session(self, keys: str | Iterable[str] | None = None) -> Any:
        """Print the session (or the given keys of it); returns the response."""
        data = dict(self._session().all())
        if keys is not None:
            names = [keys] if isinstance(keys, str) else list(keys)
            data = {name: data.get(name) for name in names}
        print(data)
        return self

    def assert_session_has_no_errors(self) -> Any:
        """Assert no validation errors were flashed (in any bag)."""
        session = self._session()
        bags = session.get("errors") or {}
        flat = {bag: _errors_of(session, bag) for bag in bags}
        flat = {bag: errors for bag, errors in flat.items() if errors}
        if flat:
            self._fail(f"Session has unexpected errors: {flat}")
        return self

    def assert_session_doesnt_have_errors(
        self, keys: str | Iterable[str] | None = None, bag: str = "default"
    ) -> Any:
        """Assert no errors were flashed for ``keys`` (or none at all in ``bag``)."""
        errors = _errors_of(self._session(), bag)
        names = list(errors) if keys is None else [keys] if isinstance(keys, str) else list(keys)
        present = [name for name in names if name in errors]
        if present:
            self._fail(f"Session has unexpected errors: { ({k: errors[k] for k in present}) }")
        return self

    # -- views ---------------------------------------------------------------------------

    def _view(self) -> Any:
        if self.view is None:
            self._fail("The response is not a view: the handler did not return view(...).")
        return self.view

    def assert_view_is(self, name: str) -> Any:
        """Assert the handler returned the view called ``name``."""
        view = self._view()
        if view.name != name:
            self._fail(f"Expected view [{name}] but the response is view [{view.name}].")
        return self

    def assert_view_has(self, key: str | Mapping[str, Any], value: Any = _UNSET) -> Any:
        """Assert the view data has ``key`` (dotted paths work), optionally equal to ``value``.

        ``value`` may be a predicate (``lambda posts: len(posts) == 3``); a mapping checks
        several keys.
        """
        data = self._view().data
        pairs = dict(key) if isinstance(key, Mapping) else {key: value}
        for name, expected in pairs.items():
            actual = data_get(data, name)
            if actual is _MISSING:
                self._fail(f"Failed asserting that the data contains the key [{name}].")
            if expected is not _UNSET and not _matches(actual, expected):
                self._fail(
                    f"The view data [{name}] does not match.\n"
                    f"Expected: {expected!r}\nActual: {actual!r}"
                )
        return self

    def assert_view_has_all(self, bindings: Mapping[str, Any]) -> Any:
        """Assert every key/value pair is in the view data."""
        return self.assert_view_has(bindings)

    def assert_view_missing(self, key: str) -> Any:
        """Assert the view data has no ``key``."""
        if data_get(self._view().data, key) is not _MISSING:
            self._fail(f"Failed asserting that the data does not contain the key [{key}].")
        return self

    def view_data(self, key: str | None = None) -> Any:
        """The view data (or the value at ``key``)."""
        data = self._view().data
        return data if key is None else data_get(data, key)

    # -- named routes --------------------------------------------------------------------

    def assert_redirect_to_route(self, name: str, parameters: Any = None, **kwargs: Any) -> Any:
        """Assert a redirect to the named route (built with the app's URL generator).

        Parameters go as with ``route()``: a dict, a model or value, or keywords.
        """
        if self.app is None:
            self._fail("assert_redirect_to_route needs the TestClient's app.")
        route: Callable[..., str] = self.app.make("url").route
        return self.assert_redirect(route(name, parameters, **kwargs))
