from __future__ import annotations

import parvel.validation
from parvel.exceptions import ParvelError
from parvel.validation import (
    InvalidRuleError,
    ValidationConfigError,
    ValidationError,
    ValidatorNotRunError,
)
from parvel.validation._registry import missing_functions


def test_exported_names() -> None:
    assert parvel.validation.__all__ == sorted(parvel.validation.__all__)
    assert set(parvel.validation.__all__) == {
        "DatabasePresenceVerifier",
        "File",
        "InvalidRuleError",
        "MessageBag",
        "Password",
        "PresenceVerifier",
        "Rule",
        "UploadedFile",
        "UploadedFileLike",
        "ValidatedInput",
        "ValidationConfigError",
        "ValidationError",
        "Validator",
        "ValidatorNotRunError",
        "validate",
    }
    for name in parvel.validation.__all__:
        assert getattr(parvel.validation, name) is not None


def test_errors_root_in_parvel_error() -> None:
    for cls in (InvalidRuleError, ValidationConfigError, ValidationError, ValidatorNotRunError):
        assert issubclass(cls, ParvelError)
        assert cls.code.startswith("validation")


def test_every_rule_spec_has_a_function() -> None:
    assert missing_functions() == []
