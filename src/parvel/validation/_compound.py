"""Compound rules: ``Rule.any_of`` and ``Rule.for_each`` (internal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parvel.validation._parser import ConditionalRules, parse_rules

if TYPE_CHECKING:
    from parvel.validation.validator import Validator


class AnyOf:
    """Passes when the field passes at least one of several rule sets."""

    def __init__(self, rule_sets: list[Any]) -> None:
        self.rule_sets = list(rule_sets)
        for rules in self.rule_sets:
            parse_rules("any_of", rules)
        self._validator: Validator | None = None

    def set_validator(self, validator: Validator) -> None:
        """Receive the running validator (used for the input and the presence verifier).

        Args:
            validator: The validator.
        """
        self._validator = validator

    async def validate(self, attribute: str, value: Any, fail: Callable[[str], Any]) -> None:
        """Fail with ``validation.any_of`` unless one rule set passes.

        Args:
            attribute: The field.
            value: Its value.
            fail: Records the failure.
        """
        from parvel.validation.validator import Validator

        parent = self._validator
        data = parent.data if parent is not None else {attribute: value}
        verifier = parent._verifier if parent is not None else None
        for rules in self.rule_sets:
            trial = Validator.make(data, {attribute: rules}, presence_verifier=verifier)
            if await trial.passes():
                return
        fail("validation.any_of")


class ForEach(ConditionalRules):
    """Rules computed per array element: ``callback(value, attribute) -> rules``."""

    def __init__(self, callback: Callable[[Any, str], Any]) -> None:
        super().__init__(True, [])
        self.callback = callback

    def choose_for(self, value: Any, attribute: str, data: Any) -> Any:
        """Return the rules for one element.

        Args:
            value: The element's value (``None`` when absent).
            attribute: The concrete field, e.g. ``"companies.0.id"``.
            data: The whole input (unused).

        Returns:
            Any accepted rule definition.
        """
        return self.callback(value, attribute)
