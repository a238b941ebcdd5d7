"""Fluent date and email rules: ``Rule.date().after_today()``, ``Rule.email().strict()``."""

from __future__ import annotations

from datetime import date, datetime

from parvel.validation._parser import ParsedRule, RuleObject

DateLike = date | datetime | str


def _text(value: DateLike) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


class DateRule(RuleObject):
    """A date rule built fluently (Laravel's ``Rule::date()``).

    Example:
        >>> rule = DateRule().format("Y-m-d").after_today()
    """

    def __init__(self) -> None:
        self._format: str | None = None
        self._constraints: list[ParsedRule] = []

    def format(self, php_format: str) -> DateRule:
        """Require this PHP-style format (``date_format``) instead of any date.

        Args:
            php_format: For example ``"Y-m-d"``.

        Returns:
            The rule, for chaining.
        """
        self._format = php_format
        return self

    def _add(self, name: str, value: DateLike) -> DateRule:
        self._constraints.append(ParsedRule(name, (_text(value),)))
        return self

    def after(self, value: DateLike) -> DateRule:
        """Require a date after ``value`` (a date, a relative date or a field name).

        Args:
            value: The bound.

        Returns:
            The rule, for chaining.
        """
        return self._add("after", value)

    def after_or_equal(self, value: DateLike) -> DateRule:
        """Require a date on or after ``value``.

        Args:
            value: The bound.

        Returns:
            The rule, for chaining.
        """
        return self._add("after_or_equal", value)

    def before(self, value: DateLike) -> DateRule:
        """Require a date before ``value``.

        Args:
            value: The bound.

        Returns:
            The rule, for chaining.
        """
        return self._add("before", value)

    def before_or_equal(self, value: DateLike) -> DateRule:
        """Require a date on or before ``value``.

        Args:
            value: The bound.

        Returns:
            The rule, for chaining.
        """
        return self._add("before_or_equal", value)

    def between(self, start: DateLike, end: DateLike) -> DateRule:
        """Require a date strictly between ``start`` and ``end``.

        Args:
            start: The lower bound.
            end: The upper bound.

        Returns:
            The rule, for chaining.
        """
        return self.after(start).before(end)

    def between_or_equal(self, start: DateLike, end: DateLike) -> DateRule:
        """Require a date between ``start`` and ``end``, bounds included.

        Args:
            start: The lower bound.
            end: The upper bound.

        Returns:
            The rule, for chaining.
        """
        return self.after_or_equal(start).before_or_equal(end)

    def after_today(self) -> DateRule:
        """Require a date after today.

        Returns:
            The rule, for chaining.
        """
        return self.after("today")

    def before_today(self) -> DateRule:
        """Require a date before today.

        Returns:
            The rule, for chaining.
        """
        return self.before("today")

    def today_or_after(self) -> DateRule:
        """Require today or a later date.

        Returns:
            The rule, for chaining.
        """
        return self.after_or_equal("today")

    def today_or_before(self) -> DateRule:
        """Require today or an earlier date.

        Returns:
            The rule, for chaining.
        """
        return self.before_or_equal("today")

    def to_rules(self) -> list[ParsedRule]:
        """Return ``date`` (or ``date_format``) and the comparison rules.

        Returns:
            The parsed rules.
        """
        first = ParsedRule("date_format", (self._format,)) if self._format else ParsedRule("date")
        return [first, *self._constraints]


class EmailRule(RuleObject):
    """An email rule built fluently (Laravel's ``Rule::email()``).

    DNS and spoofing checks are syntax-only in Parvel (see the guide).
    """

    def __init__(self) -> None:
        self._modes: list[str] = []

    def _mode(self, mode: str) -> EmailRule:
        if mode not in self._modes:
            self._modes.append(mode)
        return self

    def rfc_compliant(self, strict: bool = False) -> EmailRule:
        """Check RFC syntax (``strict=True`` also requires a dotted domain).

        Args:
            strict: Use the strict mode.

        Returns:
            The rule, for chaining.
        """
        return self._mode("strict" if strict else "rfc")

    def strict(self) -> EmailRule:
        """Use the strict RFC mode.

        Returns:
            The rule, for chaining.
        """
        return self._mode("strict")

    def validate_mx_record(self) -> EmailRule:
        """Ask for the ``dns`` mode (a syntax check in Parvel; no network lookup).

        Returns:
            The rule, for chaining.
        """
        return self._mode("dns")

    def prevent_spoofing(self) -> EmailRule:
        """Reject addresses mixing scripts in a confusing way (``spoof``; ASCII-only domain here).

        Returns:
            The rule, for chaining.
        """
        return self._mode("filter_unicode")

    def with_native_validation(self, allow_unicode: bool = False) -> EmailRule:
        """Use the ``filter`` mode (ASCII only unless ``allow_unicode``).

        Args:
            allow_unicode: Accept Unicode addresses.

        Returns:
            The rule, for chaining.
        """
        return self._mode("filter_unicode" if allow_unicode else "filter")

    def to_rules(self) -> list[ParsedRule]:
        """Return the ``email`` rule with the chosen modes.

        Returns:
            One parsed rule.
        """
        return [ParsedRule("email", tuple(self._modes))]
