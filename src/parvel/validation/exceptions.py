"""Errors raised by the validation component.

``ValidationError`` is the expected outcome of invalid input: it carries the
:class:`~parvel.validation.MessageBag` with every message. The other classes signal
programming mistakes (a bad rule definition, a missing resolver) and say how to fix them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.exceptions import ParvelError

if TYPE_CHECKING:
    from parvel.validation.message_bag import MessageBag
    from parvel.validation.validator import Validator


class ValidationError(ParvelError):
    """The data failed validation; ``bag`` holds the messages per field.

    The HTTP layer turns this into a 422 JSON response or a redirect back with the errors.

    Attributes:
        bag: The :class:`MessageBag` with every failure message.
        validator: The validator that produced the failure, when there is one.
        status_code: The HTTP status an HTTP layer should use (422).
        error_bag: The name of the error bag for a redirect (``"default"``).
    """

    code = "validation-failed"
    status_code = 422

    def __init__(
        self,
        bag: MessageBag,
        *,
        validator: Validator | None = None,
        error_bag: str = "default",
    ) -> None:
        super().__init__(self.summarize(bag))
        self.bag = bag
        self.validator = validator
        self.error_bag = error_bag

    @staticmethod
    def summarize(bag: MessageBag) -> str:
        """Build Laravel's summary: the first message plus how many more there are.

        Args:
            bag: The messages to summarise.

        Returns:
            For example ``"The name field is required. (and 2 more errors)"``.
        """
        messages = bag.all()
        if not messages:
            return "The given data was invalid."
        first = messages[0]
        extra = len(messages) - 1
        if extra == 1:
            return f"{first} (and 1 more error)"
        if extra > 1:
            return f"{first} (and {extra} more errors)"
        return first

    @classmethod
    def with_messages(cls, messages: dict[str, str | list[str]]) -> ValidationError:
        """Build an error from messages, like Laravel's ``ValidationException::withMessages``.

        Args:
            messages: Field to one message or a list of messages.

        Returns:
            A new error carrying those messages.
        """
        from parvel.validation.message_bag import MessageBag

        bag = MessageBag()
        for field, lines in messages.items():
            for line in [lines] if isinstance(lines, str) else lines:
                bag.add(field, line)
        return cls(bag)

    def errors(self) -> dict[str, list[str]]:
        """Return the messages keyed by field, like Laravel's ``$e->errors()``.

        Returns:
            A new dict mapping each failing field to its messages.
        """
        return self.bag.messages()


class InvalidRuleError(ParvelError):
    """A rule definition is wrong: an unknown rule name or bad arguments.

    Raised when the rules are defined (``Validator.make`` or ``Rule.parse``), never while
    validating data.
    """

    code = "validation-invalid-rule"


class ValidatorNotRunError(ParvelError):
    """``errors()``, ``validated()`` or ``safe()`` was called before the validator ran."""

    code = "validation-not-run"


class ValidationConfigError(ParvelError):
    """A rule needs a resolver that was not configured (presence verifier, password checker)."""

    code = "validation-config"
