"""Validation over HTTP: ``await request.validate(rules)`` and FormRequest classes.

A failed validation raises :class:`~parvel.validation.ValidationError`; the exception handler
answers JSON requests with 422 ``{"message", "errors"}`` and redirects web requests back with
the errors and the old input flashed to the session (see :func:`redirect_back_with_errors`).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from starlette.responses import Response

from parvel.http.exceptions import AccessDeniedHttpException
from parvel.http.requests import Request
from parvel.validation import ValidatedInput, ValidationError, Validator

DONT_FLASH = ("current_password", "password", "password_confirmation")
"""Inputs never flashed back to a form after a failed validation."""


async def validate_request(
    request: Request,
    rules: Mapping[str, Any],
    messages: Mapping[str, str] | None = None,
    attributes: Mapping[str, str] | None = None,
    *,
    error_bag: str = "default",
) -> dict[str, Any]:
    """Validate the request's input and files; return only the validated data."""
    if request._body_input is None and request.scope["method"] in (
        "POST",
        "PUT",
        "PATCH",
        "DELETE",
    ):
        await request.load()
    validator = Validator.make(
        request.all(), dict(rules), dict(messages or {}), dict(attributes or {})
    )
    try:
        return await validator.validate()
    except ValidationError as error:
        error.error_bag = error_bag
        raise


class FormRequest(Request):
    """A request that validates itself before the controller runs.

    Type a controller parameter with a subclass; Parvel runs ``prepare_for_validation()``,
    ``authorize()`` (``False`` → 403), the rules, then ``passed_validation()``::

        class StorePostRequest(FormRequest):
            def rules(self) -> dict[str, Any]:
                return {"title": "required|max:255", "body": "required"}

        class PostController(Controller):
            async def store(self, request: StorePostRequest):
                post = await Post.create(request.validated())
    """

    error_bag: ClassVar[str] = "default"
    """The session error bag a redirect flashes the messages into."""

    stop_on_first_failure: ClassVar[bool] = False
    """Stop validating at the first failing attribute."""

    redirect_to: ClassVar[str | None] = None
    """Where a failed web validation redirects (default: back)."""

    _validator: Validator | None = None

    def authorize(self) -> bool:
        """Whether the user may make this request (override; async allowed)."""
        return True

    def rules(self) -> Mapping[str, Any]:
        """The validation rules (override)."""
        return {}

    def messages(self) -> Mapping[str, str]:
        """Custom messages, ``{"title.required": "..."}`` (override)."""
        return {}

    def attributes(self) -> Mapping[str, str]:
        """Custom attribute names, ``{"email": "email address"}`` (override)."""
        return {}

    def prepare_for_validation(self) -> None:
        """Adjust the input before validation, e.g. ``self.merge({...})`` (override)."""

    def passed_validation(self) -> None:
        """Called after validation passed (override)."""

    def with_validator(self, validator: Validator) -> None:
        """Add ``after`` hooks or ``sometimes`` rules to the validator (override)."""

    def failed_authorization(self) -> None:
        """Raise the 403 (override to change it)."""
        raise AccessDeniedHttpException("This action is unauthorized.")

    async def validate_resolved(self) -> None:
        """Run the whole form-request pipeline (called by the router before the action)."""
        await _call(self.prepare_for_validation)
        if not await _call(self.authorize):
            self.failed_authorization()
        validator = Validator.make(
            self.all(), dict(self.rules()), dict(self.messages()), dict(self.attributes())
        )
        if self.stop_on_first_failure:
            validator.stop_on_first_failure()
        self.with_validator(validator)
        self._validator = validator
        try:
            await validator.validate()
        except ValidationError as error:
            error.error_bag = self.error_bag
            if self.redirect_to is not None:
                error.redirect_to = self.redirect_to  # type: ignore[attr-defined]
            raise
        await _call(self.passed_validation)

    def validator(self) -> Validator:
        """The validator that ran."""
        if self._validator is None:
            from parvel.validation import ValidatorNotRunError

            raise ValidatorNotRunError("The form request has not been validated yet.")
        return self._validator

    def validated(self, key: str | None = None, default: Any = None) -> Any:
        """The validated data only (or one key of it)."""
        data = self.validator().validated()
        return data if key is None else data.get(key, default)

    def safe(self) -> ValidatedInput:
        """The validated data as :class:`ValidatedInput` (``only``, ``except_``, ``merge``...)."""
        return self.validator().safe()


async def _call(hook: Callable[[], Any]) -> Any:
    """Call an overridable hook that may be sync or async."""
    result = hook()
    if inspect.isawaitable(result):
        result = await result
    return result


def redirect_back_with_errors(request: Request, error: ValidationError) -> Response:
    """Redirect back with the errors in the session's error bag and the old input flashed."""
    from parvel.http.helpers import previous_or_none
    from parvel.http.responses import RedirectResponse

    session = request.session
    target = getattr(error, "redirect_to", None) or previous_or_none() or "/"
    if session is not None:
        bags = dict(session.get("errors") or {})
        bags[error.error_bag] = error.errors()
        session.flash("errors", bags)
        session.flash_input({k: v for k, v in request.input().items() if k not in DONT_FLASH})
    return RedirectResponse(target, 302)
