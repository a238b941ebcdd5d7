"""Fluent rule objects: ``Rule.in_``, ``Rule.unique(...).ignore(id)``, ``Rule.when``, ...

Every object here can sit in a field's rule list next to rule strings.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from parvel.validation._compound import AnyOf, ForEach
from parvel.validation._parser import ConditionalRules, ParsedRule, parse_rules
from parvel.validation._values import php_str
from parvel.validation.file_rule import File
from parvel.validation.password import Password
from parvel.validation.rule_builders import DateRule, EmailRule
from parvel.validation.rule_objects import Dimensions, EnumRule, Exists, In, Unique, flatten


class _Conditional(ConditionalRules):
    """A condition evaluated at validation time without arguments (``Rule.required_if``)."""

    def choose(self, data: Any) -> Any:
        """Return the rules when the condition (a bool or a no-argument callable) holds.

        Args:
            data: The input (unused; the callable takes no arguments, like Laravel's).

        Returns:
            The rules or an empty list.
        """
        condition = self.condition() if callable(self.condition) else self.condition
        return self.rules if condition else []


class Rule:
    """Factory of rule objects, like Laravel's ``Rule`` facade."""

    @staticmethod
    def in_(*values: Any) -> In:
        """``in`` with Python values (a list, several arguments or an Enum's members).

        Args:
            *values: The allowed values.

        Returns:
            The rule object.
        """
        return In(flatten(values))

    @staticmethod
    def not_in(*values: Any) -> In:
        """``not_in`` with Python values.

        Args:
            *values: The rejected values.

        Returns:
            The rule object.
        """
        return In(flatten(values), negate=True)

    @staticmethod
    def unique(table: Any, column: str | None = None) -> Unique:
        """``unique`` on ``table`` (``"connection.table"`` or a model class).

        Args:
            table: The table.
            column: The column (default: the field name).

        Returns:
            The rule object.
        """
        return Unique(table, column)

    @staticmethod
    def exists(table: Any, column: str | None = None) -> Exists:
        """``exists`` on ``table``.

        Args:
            table: The table.
            column: The column (default: the field name).

        Returns:
            The rule object.
        """
        return Exists(table, column)

    @staticmethod
    def enum(enum_class: type[enum.Enum]) -> EnumRule:
        """``enum``: a value of ``enum_class``.

        Args:
            enum_class: An ``Enum`` subclass with values.

        Returns:
            The rule object.
        """
        return EnumRule(enum_class)

    @staticmethod
    def dimensions(constraints: dict[str, Any] | None = None) -> Dimensions:
        """``dimensions`` built fluently (``Rule.dimensions().max_width(1000)``).

        Args:
            constraints: Initial ``{"min_width": 100}`` constraints.

        Returns:
            The rule object.
        """
        return Dimensions(constraints)

    @staticmethod
    def when(condition: Any, rules: Any, default: Any = None) -> ConditionalRules:
        """Apply ``rules`` when ``condition`` holds, else ``default``.

        Args:
            condition: A bool, or a callable receiving the input data.
            rules: Rules when true.
            default: Rules when false.

        Returns:
            The conditional rules.
        """
        return ConditionalRules(condition, rules, default)

    @staticmethod
    def required_if(condition: bool | Callable[[], Any]) -> ConditionalRules:
        """``required`` when ``condition`` (a bool or no-argument callable) holds.

        Args:
            condition: The condition.

        Returns:
            The conditional rules.
        """
        return _Conditional(condition, ["required"])

    @staticmethod
    def prohibited_if(condition: bool | Callable[[], Any]) -> ConditionalRules:
        """``prohibited`` when ``condition`` holds.

        Args:
            condition: The condition.

        Returns:
            The conditional rules.
        """
        return _Conditional(condition, ["prohibited"])

    @staticmethod
    def exclude_if(condition: bool | Callable[[], Any]) -> ConditionalRules:
        """``exclude`` when ``condition`` holds.

        Args:
            condition: The condition.

        Returns:
            The conditional rules.
        """
        return _Conditional(condition, ["exclude"])

    @staticmethod
    def array(*keys: Any) -> ParsedRule:
        """``array`` restricted to ``keys`` (Enum members allowed).

        Args:
            *keys: The allowed keys.

        Returns:
            The parsed rule.
        """
        return ParsedRule("array", tuple(php_str(k) for k in flatten(keys)))

    @staticmethod
    def any_of(rule_sets: list[Any]) -> AnyOf:
        """Pass when the field passes at least one of the rule sets.

        Args:
            rule_sets: A list of rule definitions (strings or lists).

        Returns:
            The rule object.
        """
        return AnyOf(rule_sets)

    @staticmethod
    def for_each(callback: Callable[[Any, str], Any]) -> ForEach:
        """Compute the rules of each element: ``callback(value, attribute) -> rules``.

        Args:
            callback: Receives the element's value and its concrete field name.

        Returns:
            The per-element rules.
        """
        return ForEach(callback)

    @staticmethod
    def file() -> File:
        """Start a fluent file rule (``Rule.file().types(["pdf"]).max("10mb")``).

        Returns:
            A :class:`File` rule.
        """
        return File()

    @staticmethod
    def image_file(allow_svg: bool = False) -> File:
        """Start a fluent image file rule.

        Args:
            allow_svg: Accept SVG images too.

        Returns:
            A :class:`File` rule.
        """
        return File.image(allow_svg)

    @staticmethod
    def contains(*values: Any) -> ParsedRule:
        """``contains``: the list holds all the values.

        Args:
            *values: The required values (or one list).

        Returns:
            The parsed rule.
        """
        return ParsedRule("contains", tuple(php_str(v) for v in flatten(values)))

    @staticmethod
    def doesnt_contain(*values: Any) -> ParsedRule:
        """``doesnt_contain``: the list holds none of the values.

        Args:
            *values: The rejected values (or one list).

        Returns:
            The parsed rule.
        """
        return ParsedRule("doesnt_contain", tuple(php_str(v) for v in flatten(values)))

    @staticmethod
    def date() -> DateRule:
        """Start a fluent date rule (``Rule.date().after_today()``).

        Returns:
            A :class:`DateRule`.
        """
        return DateRule()

    @staticmethod
    def email() -> EmailRule:
        """Start a fluent email rule (``Rule.email().rfc_compliant(strict=True)``).

        Returns:
            An :class:`EmailRule`.
        """
        return EmailRule()

    @staticmethod
    def password() -> Password:
        """Start a password rule (``Rule.password().min(8).mixed_case()``).

        Returns:
            A :class:`Password` rule with no requirement yet (``min(8)`` is Laravel's usual).
        """
        return Password()

    @staticmethod
    def parse(field: str, rules: Any) -> list[ParsedRule]:
        """Parse and check rules now (raises ``InvalidRuleError`` on a bad rule).

        Args:
            field: The field name used in error messages.
            rules: Any accepted rule definition.

        Returns:
            The parsed rules.
        """
        return parse_rules(field, rules)
