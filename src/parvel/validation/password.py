"""The ``Password`` rule: ``Password.min(8).mixed_case().numbers().symbols()``."""

from __future__ import annotations

import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

from parvel.validation.pwned import PwnedPasswords

#: ``async checker(password) -> times the password appears in known breaches``.
BreachChecker = Callable[[str], Awaitable[int]]


class _Min:
    """``Password.min(8)`` starts a rule; ``rule.min(8)`` on an instance sets its minimum."""

    def __get__(
        self, instance: Password | None, owner: type[Password]
    ) -> Callable[[int], Password]:
        if instance is None:
            return owner

        def at_least(length: int) -> Password:
            return instance.at_least(length)

        return at_least


class Password:
    """A password strength rule object (Laravel's ``Password`` rule).

    ``uncompromised()`` also rejects passwords found in known data breaches (checked with
    :class:`~parvel.validation.pwned.PwnedPasswords` unless ``Password.set_breach_checker``
    installs another checker).

    Example:
        >>> rules = {"password": ["required", "confirmed", Password.min(8).mixed_case().numbers()]}
    """

    _defaults: ClassVar[Callable[[], Password] | None] = None
    _breach_checker: ClassVar[BreachChecker | None] = None

    def __init__(self, length: int = 0) -> None:
        self.length = length
        self.max_length: int | None = None
        self.require_letters = False
        self.require_mixed = False
        self.require_numbers = False
        self.require_symbols = False
        self.breach_threshold: int | None = None

    min = _Min()

    @classmethod
    def defaults(cls, factory: Callable[[], Password] | None = None) -> Password:
        """Set (with ``factory``) or get the app's default password rule.

        Args:
            factory: A function returning the default rule, e.g. ``lambda: Password.min(8)``.

        Returns:
            The default rule (``Password.min(8)`` when none is set).
        """
        if factory is not None:
            cls._defaults = factory
        return cls._defaults() if cls._defaults is not None else cls(8)

    def at_least(self, length: int) -> Password:
        """Require at least ``length`` characters.

        Args:
            length: The minimum length.

        Returns:
            The rule, for chaining.
        """
        self.length = length
        return self

    def max(self, length: int) -> Password:
        """Allow at most ``length`` characters.

        Args:
            length: The maximum length.

        Returns:
            The rule, for chaining.
        """
        self.max_length = length
        return self

    def letters(self) -> Password:
        """Require at least one letter.

        Returns:
            The rule, for chaining.
        """
        self.require_letters = True
        return self

    def mixed_case(self) -> Password:
        """Require an uppercase and a lowercase letter.

        Returns:
            The rule, for chaining.
        """
        self.require_mixed = True
        return self

    def numbers(self) -> Password:
        """Require at least one digit.

        Returns:
            The rule, for chaining.
        """
        self.require_numbers = True
        return self

    def symbols(self) -> Password:
        """Require at least one symbol (neither letter nor digit).

        Returns:
            The rule, for chaining.
        """
        self.require_symbols = True
        return self

    def uncompromised(self, threshold: int = 0) -> Password:
        """Reject passwords seen in data breaches more than ``threshold`` times.

        Args:
            threshold: How many appearances are tolerated.

        Returns:
            The rule, for chaining.
        """
        self.breach_threshold = threshold
        return self

    @classmethod
    def set_breach_checker(cls, checker: BreachChecker | None) -> None:
        """Install ``async checker(password) -> times seen`` for ``uncompromised()``.

        Args:
            checker: The checker, or ``None`` for the default Pwned Passwords service.
        """
        cls._breach_checker = checker

    async def validate(self, attribute: str, value: Any, fail: Callable[[str], None]) -> None:
        """Check ``value``, calling ``fail`` once per unmet requirement.

        The breach check runs only when every other requirement is met.

        Args:
            attribute: The field name.
            value: The submitted password.
            fail: Records a failure message (a language key or text).
        """
        if not isinstance(value, str):
            fail("validation.string")
            return
        problems = self._problems(value)
        for problem in problems:
            fail(problem)
        if not problems and self.breach_threshold is not None:
            checker = Password._breach_checker or PwnedPasswords()
            if await checker(value) > self.breach_threshold:
                fail("validation.password.uncompromised")

    def _problems(self, value: str) -> list[str]:
        found: list[str] = []
        if len(value) < self.length:
            found.append(f"The :attribute field must be at least {self.length} characters.")
        if self.max_length is not None and len(value) > self.max_length:
            found.append(
                f"The :attribute field must not be greater than {self.max_length} characters."
            )
        categories = [unicodedata.category(c) for c in value]
        if self.require_mixed and not (
            any(c == "Lu" for c in categories) and any(c == "Ll" for c in categories)
        ):
            found.append("validation.password.mixed")
        if self.require_letters and not any(c.startswith("L") for c in categories):
            found.append("validation.password.letters")
        if self.require_symbols and not any(c[0] in "PSZ" for c in categories):
            found.append("validation.password.symbols")
        if self.require_numbers and not any(c.startswith("N") for c in categories):
            found.append("validation.password.numbers")
        return found
