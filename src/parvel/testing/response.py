"""TestResponse: an HTTP response with Laravel's assertions.

Every assertion returns the response, so they chain::

    (await client.get("/api/posts")).assert_ok().assert_json_count(3, "data")

A failing assertion raises ``AssertionError`` showing what was expected and what came back:
the status, the start of the body, and the validation errors when there are some.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn
from urllib.parse import urljoin, urlsplit

import httpx
import orjson

from parvel.http.middleware.cookies import cookie_purpose
from parvel.testing._fluent_json import AssertableJson
from parvel.testing._json import (
    _MISSING,
    contains_fragment,
    data_get,
    extra_keys,
    is_subset,
    structure_errors,
)
from parvel.testing._state import StateAssertions, _errors_of
from parvel.testing._text import TextAssertions, _as_list

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_EXCERPT = 600


class TestResponse(StateAssertions, TextAssertions):
    """Wraps an :class:`httpx.Response` (``.response``) and adds assertions.

    Args:
        response: The HTTP response.
        session: The request's session store (from the TestClient), for the session assertions.
        view: The view the handler returned, for the view assertions.
        app: The application, for :meth:`assert_redirect_to_route`.
    """

    __test__ = False

    def __init__(
        self, response: httpx.Response, *, session: Any = None, view: Any = None, app: Any = None
    ) -> None:
        self.response = response
        self.session = session
        self.view = view
        self.app = app

    # -- plain access -------------------------------------------------------------------

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers."""
        return self.response.headers

    @property
    def text(self) -> str:
        """The body as text."""
        return self.response.text

    @property
    def content(self) -> bytes:
        """The body as bytes."""
        return self.response.content

    def json(self, path: str | None = None) -> Any:
        """The decoded JSON body, or the value at a dotted ``path`` in it."""
        try:
            data = orjson.loads(self.response.content)
        except orjson.JSONDecodeError:
            self._fail("Expected a JSON response")
        value = data_get(data, path)
        if value is _MISSING:
            self._fail(f"The JSON has no path [{path}]")
        return value

    def collect(self, path: str | None = None) -> Any:
        """The JSON (or the value at ``path``) as a ``Collection``."""
        from parvel.orm.collection import Collection

        value = self.json(path)
        if isinstance(value, dict):
            return Collection(list(value.values()))
        return Collection(value if isinstance(value, list) else [value])

    def __getitem__(self, key: str) -> Any:
        """``response["data"]``: a value of the JSON body (dotted paths allowed)."""
        return self.json(key)

    # -- failure helper ------------------------------------------------------------------

    def _describe(self) -> str:
        body = self.response.text
        excerpt = body if len(body) <= _EXCERPT else body[:_EXCERPT] + "…"
        lines = [f"Response status: {self.status_code}"]
        location = self.headers.get("location")
        if location:
            lines.append(f"Location: {location}")
        errors = self._validation_errors()
        if errors:
            lines.append(f"Validation errors: {errors}")
        lines.append(f"Body: {excerpt}")
        return "\n".join(lines)

    def _fail(self, message: str) -> NoReturn:
        raise AssertionError(f"{message}\n\n{self._describe()}")

    def _validation_errors(self) -> dict[str, Any] | None:
        if "json" not in self.headers.get("content-type", ""):
            return None
        try:
            data = orjson.loads(self.response.content)
        except orjson.JSONDecodeError:
            return None
        errors = data.get("errors") if isinstance(data, dict) else None
        return errors if isinstance(errors, dict) else None

    # -- status --------------------------------------------------------------------------

    def assert_status(self, status: int) -> TestResponse:
        """Assert the status code."""
        if self.status_code != status:
            self._fail(f"Expected response status code [{status}] but received {self.status_code}.")
        return self

    def assert_ok(self) -> TestResponse:
        """Assert 200."""
        return self.assert_status(200)

    def assert_successful(self) -> TestResponse:
        """Assert a 2xx status."""
        if not 200 <= self.status_code < 300:
            self._fail(f"Expected a successful status code but received {self.status_code}.")
        return self

    def assert_created(self) -> TestResponse:
        """Assert 201."""
        return self.assert_status(201)

    def assert_accepted(self) -> TestResponse:
        """Assert 202."""
        return self.assert_status(202)

    def assert_no_content(self, status: int = 204) -> TestResponse:
        """Assert an empty body with ``status`` (204 by default)."""
        self.assert_status(status)
        if self.content:
            self._fail("Expected an empty response body.")
        return self

    def assert_bad_request(self) -> TestResponse:
        """Assert 400."""
        return self.assert_status(400)

    def assert_unauthorized(self) -> TestResponse:
        """Assert 401."""
        return self.assert_status(401)

    def assert_forbidden(self) -> TestResponse:
        """Assert 403."""
        return self.assert_status(403)

    def assert_not_found(self) -> TestResponse:
        """Assert 404."""
        return self.assert_status(404)

    def assert_method_not_allowed(self) -> TestResponse:
        """Assert 405."""
        return self.assert_status(405)

    def assert_unprocessable(self) -> TestResponse:
        """Assert 422."""
        return self.assert_status(422)

    def assert_too_many_requests(self) -> TestResponse:
        """Assert 429."""
        return self.assert_status(429)

    def assert_unsupported_media_type(self) -> TestResponse:
        """Assert 415."""
        return self.assert_status(415)

    def assert_streamed(self) -> TestResponse:
        """Assert the body was streamed (sent without a ``Content-Length``)."""
        if "content-length" in self.headers:
            self._fail("Expected the response to be streamed, but it has a Content-Length.")
        return self

    def assert_not_streamed(self) -> TestResponse:
        """Assert the body was not streamed."""
        if "content-length" not in self.headers:
            self._fail("Expected the response not to be streamed.")
        return self

    def assert_streamed_content(self, value: str) -> TestResponse:
        """Assert a streamed body equal to ``value``."""
        self.assert_streamed()
        if self.text != value:
            self._fail(f"Failed asserting that the streamed content is [{value}].")
        return self

    def assert_server_error(self) -> TestResponse:
        """Assert a 5xx status."""
        if not 500 <= self.status_code < 600:
            self._fail(f"Expected a server error status code but received {self.status_code}.")
        return self

    def assert_client_error(self) -> TestResponse:
        """Assert a 4xx status."""
        if not 400 <= self.status_code < 500:
            self._fail(f"Expected a client error status code but received {self.status_code}.")
        return self

    def assert_payment_required(self) -> TestResponse:
        """Assert 402."""
        return self.assert_status(402)

    def assert_request_timeout(self) -> TestResponse:
        """Assert 408."""
        return self.assert_status(408)

    def assert_conflict(self) -> TestResponse:
        """Assert 409."""
        return self.assert_status(409)

    def assert_gone(self) -> TestResponse:
        """Assert 410."""
        return self.assert_status(410)

    def assert_internal_server_error(self) -> TestResponse:
        """Assert 500."""
        return self.assert_status(500)

    def assert_service_unavailable(self) -> TestResponse:
        """Assert 503."""
        return self.assert_status(503)

    def assert_moved_permanently(self) -> TestResponse:
        """Assert 301."""
        return self.assert_status(301)

    def assert_found(self) -> TestResponse:
        """Assert 302."""
        return self.assert_status(302)

    def assert_not_modified(self) -> TestResponse:
        """Assert 304."""
        return self.assert_status(304)

    def assert_temporary_redirect(self) -> TestResponse:
        """Assert 307."""
        return self.assert_status(307)

    def assert_permanent_redirect(self) -> TestResponse:
        """Assert 308."""
        return self.assert_status(308)

    def status(self) -> int:
        """The HTTP status (Laravel's ``$response->status()``)."""
        return self.status_code

    def get_content(self) -> str:
        """The body as text."""
        return self.text

    def assert_content(self, value: str) -> TestResponse:
        """Assert the body is exactly ``value``."""
        if self.text != value:
            self._fail(f"Failed asserting that the response content is [{value}].")
        return self

    # -- redirects -----------------------------------------------------------------------

    def assert_redirect(self, uri: str | None = None) -> TestResponse:
        """Assert a redirect (201, 301, 302, 303, 307, 308), optionally to ``uri``."""
        if self.status_code not in (201, 301, 302, 303, 307, 308):
            self._fail(f"Expected a redirect status code but received {self.status_code}.")
        if uri is not None:
            location = self.headers.get("location", "")
            if _normalise_url(location, self.response) != _normalise_url(uri, self.response):
                self._fail(f"Expected a redirect to [{uri}] but it went to [{location}].")
        return self

    def assert_redirect_contains(self, fragment: str) -> TestResponse:
        """Assert a redirect whose Location contains ``fragment``."""
        self.assert_redirect()
        if fragment not in self.headers.get("location", ""):
            self._fail(f"Expected the redirect location to contain [{fragment}].")
        return self

    def assert_redirect_back(self) -> TestResponse:
        """Assert a redirect to the page the request came from (its Referer)."""
        referer = self.response.request.headers.get("referer")
        if not referer:
            self._fail("assert_redirect_back needs a Referer: send the request with from_(url).")
        return self.assert_redirect(referer)

    def assert_redirect_back_with_errors(
        self,
        keys: str | Iterable[str] | Mapping[str, str] | None = None,
        error_bag: str = "default",
    ) -> TestResponse:
        """Assert a redirect back (to the Referer) with validation errors in the session."""
        self.assert_redirect_back()
        result: TestResponse = self.assert_session_has_errors(keys, error_bag)
        return result

    def assert_redirect_back_without_errors(self) -> TestResponse:
        """Assert a redirect back (to the Referer) with no validation errors in the session."""
        self.assert_redirect_back()
        result: TestResponse = self.assert_session_has_no_errors()
        return result

    def assert_redirect_to_signed_route(
        self, name: str | None = None, parameters: Any = None, **kwargs: Any
    ) -> TestResponse:
        """Assert a redirect to a correctly signed URL (of the named route, when given)."""
        self.assert_redirect()
        if self.app is None:
            self._fail("assert_redirect_to_signed_route needs the TestClient's app.")
        urls = self.app.make("url")
        location = urljoin(str(self.response.url), self.headers.get("location", ""))
        if not urls.has_valid_signature(location):
            self._fail(f"The redirect location [{location}] does not carry a valid signature.")
        if name is not None:
            expected = urls.route(name, parameters, **kwargs)
            kept = [
                pair
                for pair in urlsplit(location).query.split("&")
                if pair and pair.split("=", 1)[0] not in ("signature", "expires")
            ]
            unsigned = location.split("?", 1)[0] + ("?" + "&".join(kept) if kept else "")
            if _normalise_url(unsigned, self.response) != _normalise_url(expected, self.response):
                self._fail(
                    f"Expected a signed redirect to [{expected}] but it went to [{location}]."
                )
        return self

    def assert_location(self, uri: str) -> TestResponse:
        """Assert the Location header points at ``uri`` (whatever the status)."""
        location = self.headers.get("location", "")
        if _normalise_url(location, self.response) != _normalise_url(uri, self.response):
            self._fail(f"Expected the location [{uri}] but it is [{location}].")
        return self

    # -- headers and cookies -------------------------------------------------------------

    def assert_header(self, name: str, value: str | None = None) -> TestResponse:
        """Assert the header exists, optionally with ``value``."""
        if name not in self.headers:
            self._fail(f"Header [{name}] not present on response.")
        if value is not None and self.headers[name] != value:
            self._fail(
                f"Header [{name}] was found, but value [{self.headers[name]}] does not match [{value}]."
            )
        return self

    def assert_header_contains(self, name: str, value: str) -> TestResponse:
        """Assert the header exists and contains ``value``."""
        self.assert_header(name)
        if value not in self.headers[name]:
            self._fail(f"Header [{name}] does not contain [{value}]: it is [{self.headers[name]}].")
        return self

    def assert_header_missing(self, name: str) -> TestResponse:
        """Assert the header is absent."""
        if name in self.headers:
            self._fail(f"Unexpected header [{name}] is present on response.")
        return self

    def _cookies(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for raw in self.headers.get_list("set-cookie"):
            pair = raw.split(";", 1)[0]
            name, _, value = pair.partition("=")
            found[name.strip()] = value.strip().strip('"')
        return found

    def _cookie_attributes(self, name: str) -> dict[str, str]:
        for raw in self.headers.get_list("set-cookie"):
            pair, *attributes = raw.split(";")
            if pair.partition("=")[0].strip() == name:
                found: dict[str, str] = {}
                for attribute in attributes:
                    key, _, value = attribute.strip().partition("=")
                    found[key.lower()] = value
                return found
        return {}

    def _decrypted(self, name: str, raw: str) -> str:
        """The cookie's value as the app wrote it: decrypted when the app encrypted it."""
        container = self.app
        if container is None or not hasattr(container, "bound") or not container.bound("encrypter"):
            return raw
        try:
            value: str = container.make("encrypter").decrypt_string(
                raw, purpose=cookie_purpose(name)
            )
        except Exception:
            return raw  # a cookie the app sends unencrypted (``except_`` list, XSRF-TOKEN)
        return value

    def assert_cookie(
        self, name: str, value: str | None = None, encrypted: bool = True
    ) -> TestResponse:
        """Assert the response sets cookie ``name``, optionally with ``value``.

        The value is compared after decryption when the app encrypted the cookie (the
        ``EncryptCookies`` middleware), so tests compare what the handler wrote; pass
        ``encrypted=False`` (or use :meth:`assert_plain_cookie`) to compare the raw value.
        """
        cookies = self._cookies()
        if name not in cookies:
            self._fail(f"Cookie [{name}] not present on response.")
        actual = self._decrypted(name, cookies[name]) if encrypted else cookies[name]
        if value is not None and actual != value:
            self._fail(f"Cookie [{name}] was found, but value [{actual}] does not match [{value}].")
        return self

    def assert_plain_cookie(self, name: str, value: str | None = None) -> TestResponse:
        """Assert cookie ``name`` is set, comparing its raw (unencrypted) value."""
        return self.assert_cookie(name, value, encrypted=False)

    def _cookie_expired(self, name: str) -> bool:
        if name not in self._cookies():
            self._fail(f"Cookie [{name}] not present on response.")
        attributes = self._cookie_attributes(name)
        max_age = attributes.get("max-age")
        if max_age is not None and max_age.strip().lstrip("-").isdigit():
            return int(max_age) <= 0
        expires = attributes.get("expires")
        if expires:
            from email.utils import parsedate_to_datetime

            try:
                moment = parsedate_to_datetime(expires)
            except (TypeError, ValueError):
                return False
            from datetime import UTC, datetime

            return moment <= datetime.now(UTC)
        return False

    def assert_cookie_expired(self, name: str) -> TestResponse:
        """Assert cookie ``name`` is set already expired (how a cookie is forgotten)."""
        if not self._cookie_expired(name):
            self._fail(f"Cookie [{name}] is not expired.")
        return self

    def assert_cookie_not_expired(self, name: str) -> TestResponse:
        """Assert cookie ``name`` is set and not expired."""
        if self._cookie_expired(name):
            self._fail(f"Cookie [{name}] is expired.")
        return self

    def assert_cookie_missing(self, name: str) -> TestResponse:
        """Assert the response sets no cookie ``name``."""
        if name in self._cookies():
            self._fail(f"Cookie [{name}] is present on response.")
        return self

    def assert_download(self, filename: str | None = None) -> TestResponse:
        """Assert the response is a download (``Content-Disposition: attachment``)."""
        disposition = self.headers.get("content-disposition", "")
        if not disposition.lower().startswith("attachment"):
            self._fail("Response does not offer a file download.")
        if filename is not None and filename not in disposition:
            self._fail(f"Expected file [{filename}] is not present in Content-Disposition header.")
        return self

    # -- JSON ----------------------------------------------------------------------------

    def assert_json(
        self,
        expected: Mapping[str, Any] | list[Any] | Callable[[AssertableJson], Any],
        strict: bool = False,
    ) -> TestResponse:
        """Assert the JSON contains ``expected`` (a subset), or equals it with ``strict``.

        Given a callable, runs it with the body as an :class:`AssertableJson` (fluent
        assertions: ``lambda json: json.where("id", 1).etc()``); afterwards every key of the
        root object must have been asserted on unless ``etc()`` was called.
        """
        actual = self.json()
        if callable(expected):
            assertable = AssertableJson(actual)
            try:
                expected(assertable)
                assertable.interacted()
            except AssertionError as error:
                self._fail(str(error))
            return self
        if strict:
            return self.assert_exact_json(expected)
        if not is_subset(expected, actual):
            self._fail(f"Unable to find JSON subset {_dump(expected)} in the response.")
        return self

    def assert_exact_json(self, expected: Any) -> TestResponse:
        """Assert the JSON equals ``expected`` exactly."""
        if self.json() != expected:
            self._fail(f"Failed asserting that the JSON equals {_dump(expected)}.")
        return self

    def assert_json_fragment(self, fragment: Mapping[str, Any]) -> TestResponse:
        """Assert ``fragment`` appears anywhere in the JSON."""
        if not contains_fragment(dict(fragment), self.json()):
            self._fail(f"Unable to find JSON fragment {_dump(fragment)} in the response.")
        return self

    def assert_json_missing(self, fragment: Mapping[str, Any]) -> TestResponse:
        """Assert ``fragment`` appears nowhere in the JSON."""
        if contains_fragment(dict(fragment), self.json()):
            self._fail(f"Found unexpected JSON fragment {_dump(fragment)} in the response.")
        return self

    def assert_json_path(self, path: str, expected: Any) -> TestResponse:
        """Assert the value at ``path`` equals ``expected`` (or makes ``expected(value)`` true)."""
        value = self.json(path)
        ok = bool(expected(value)) if callable(expected) else value == expected
        if not ok:
            self._fail(
                f"Failed asserting that [{path}] is {_dump(expected)}: it is {_dump(value)}."
            )
        return self

    def assert_json_missing_path(self, path: str) -> TestResponse:
        """Assert there is no value at ``path``."""
        try:
            data = orjson.loads(self.content)
        except orjson.JSONDecodeError:
            self._fail("Expected a JSON response")
        if data_get(data, path) is not _MISSING:
            self._fail(f"Failed asserting that [{path}] is missing from the JSON.")
        return self

    def assert_json_count(self, count: int, path: str | None = None) -> TestResponse:
        """Assert the list (at ``path``) has ``count`` items."""
        value = self.json(path)
        size = len(value) if isinstance(value, list | dict) else -1
        if size != count:
            where = f" at [{path}]" if path else ""
            self._fail(f"Failed asserting that the JSON{where} has {count} items: it has {size}.")
        return self

    def assert_json_structure(self, structure: Any) -> TestResponse:
        """Assert the JSON has the keys of ``structure`` (``{"data": {"*": ["id"]}}``)."""
        missing = structure_errors(structure, self.json())
        if missing:
            self._fail(f"The JSON is missing the keys {missing}.")
        return self

    def assert_json_missing_exact(self, fragment: Mapping[str, Any]) -> TestResponse:
        """Assert ``fragment`` (as a whole) appears nowhere in the JSON."""
        return self.assert_json_missing(fragment)

    def assert_json_is_object(self, path: str | None = None) -> TestResponse:
        """Assert the JSON (or the value at ``path``) is an object."""
        if not isinstance(self.json(path), dict):
            self._fail(
                f"Failed asserting that the JSON{f' at [{path}]' if path else ''} is an object."
            )
        return self

    def assert_json_is_array(self, path: str | None = None) -> TestResponse:
        """Assert the JSON (or the value at ``path``) is an array."""
        if not isinstance(self.json(path), list):
            self._fail(
                f"Failed asserting that the JSON{f' at [{path}]' if path else ''} is an array."
            )
        return self

    def decode_response_json(self) -> Any:
        """The decoded JSON body (Laravel's ``decodeResponseJson``)."""
        return self.json()

    def assert_exact_json_structure(self, structure: Any) -> TestResponse:
        """Like :meth:`assert_json_structure`, and the JSON has no keys beyond ``structure``."""
        self.assert_json_structure(structure)
        extra = extra_keys(structure, self.json())
        if extra:
            self._fail(f"The JSON has keys outside the expected structure: {extra}.")
        return self

    def assert_json_validation_errors(
        self, keys: str | Iterable[str] | Mapping[str, str], response_key: str = "errors"
    ) -> TestResponse:
        """Assert a JSON validation error for each key (and message, with a mapping)."""
        errors = self.json(response_key) if self._has_json_path(response_key) else {}
        expected = (
            keys.items() if isinstance(keys, Mapping) else [(k, None) for k in _as_list(keys)]
        )
        for key, message in expected:
            if key not in errors:
                self._fail(f"Failed to find a validation error for key [{key}].")
            if message is not None and not any(message in m for m in _as_list(errors[key])):
                self._fail(f"Failed to find the validation error [{message}] for key [{key}].")
        return self

    def assert_json_validation_error_for(
        self, key: str, response_key: str = "errors"
    ) -> TestResponse:
        """Assert a JSON validation error for ``key``."""
        return self.assert_json_validation_errors(key, response_key)

    def assert_json_missing_validation_errors(
        self, keys: str | Iterable[str] | None = None, response_key: str = "errors"
    ) -> TestResponse:
        """Assert no validation error (for ``keys``, or at all)."""
        errors = self.json(response_key) if self._has_json_path(response_key) else {}
        wanted = list(errors) if keys is None else _as_list(keys)
        present = [key for key in wanted if key in errors]
        if present:
            self._fail(f"Found unexpected validation errors for {present}.")
        return self

    def _is_json(self) -> bool:
        return "json" in self.headers.get("content-type", "")

    def assert_valid(
        self, keys: str | Iterable[str] | None = None, error_bag: str = "default"
    ) -> TestResponse:
        """Assert the request passed validation (for ``keys``, or entirely).

        A JSON response is checked for its ``errors``; any other response (a redirect back to
        the form) for the errors flashed to the session.
        """
        if self._is_json() or self.session is None:
            return self.assert_json_missing_validation_errors(keys) if self._is_json() else self
        result: TestResponse = self.assert_session_doesnt_have_errors(keys, error_bag)
        return result

    def assert_invalid(
        self,
        keys: str | Iterable[str] | Mapping[str, str] | None = None,
        error_bag: str = "default",
    ) -> TestResponse:
        """Assert validation failed for ``keys`` (``{key: message}`` also checks the message).

        A JSON response is checked for its ``errors``; any other response (a redirect back to
        the form) for the errors flashed to the session.
        """
        if self._is_json() or self.session is None:
            if keys is None:
                if not self._validation_errors():
                    self._fail("Expected validation errors but the response has none.")
                return self
            return self.assert_json_validation_errors(keys)
        if not isinstance(keys, Mapping):
            result: TestResponse = self.assert_session_has_errors(keys, error_bag)
            return result
        self.assert_session_has_errors(list(keys), error_bag)
        errors = _errors_of(self.session, error_bag)
        for key, message in keys.items():  # a part of the message is enough, as in Laravel
            if not any(message in found for found in errors.get(key, [])):
                self._fail(
                    f"Failed to find the validation error [{message}] for key [{key}].\n"
                    f"Messages: {errors.get(key)}"
                )
        return self

    def _has_json_path(self, path: str) -> bool:
        try:
            return data_get(orjson.loads(self.content), path) is not _MISSING
        except orjson.JSONDecodeError:
            return False

    # -- debugging -----------------------------------------------------------------------

    def dump(self) -> TestResponse:
        """Print the status, headers and body; returns the response."""
        print(f"HTTP {self.status_code}")
        for name, value in self.headers.items():
            print(f"{name}: {value}")
        print()
        print(self.text)
        return self

    def dump_headers(self) -> TestResponse:
        """Print the headers."""
        for name, value in self.headers.items():
            print(f"{name}: {value}")
        return self

    def dd(self) -> None:
        """Print everything, then stop the test (``pytest.fail``)."""
        self.dump()
        raise AssertionError("dd() called: stopping the test after dumping the response.")


def _dump(value: Any) -> str:
    try:
        return orjson.dumps(value, default=str).decode()
    except TypeError:
        return repr(value)


def _normalise_url(url: str, response: httpx.Response) -> str:
    base = str(response.request.url) if response.request is not None else "http://localhost/"
    absolute = urljoin(base, url)
    parts = urlsplit(absolute)
    return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}" + (
        f"?{parts.query}" if parts.query else ""
    )
