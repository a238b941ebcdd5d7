"""Validation: Laravel-style rules, messages and the async ``Validator``.

See the validation guide (docs/validation.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.support.lazy import lazy_exports

if TYPE_CHECKING:
    from parvel.validation.contracts import PresenceVerifier, UploadedFileLike
    from parvel.validation.exceptions import (
        InvalidRuleError,
        ValidationConfigError,
        ValidationError,
        ValidatorNotRunError,
    )
    from parvel.validation.file_rule import File
    from parvel.validation.message_bag import MessageBag
    from parvel.validation.password import Password
    from parvel.validation.presence import DatabasePresenceVerifier
    from parvel.validation.rules import Rule
    from parvel.validation.uploaded_file import UploadedFile
    from parvel.validation.validated_input import ValidatedInput
    from parvel.validation.validator import Validator, validate


__all__ = [
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
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "DatabasePresenceVerifier": "parvel.validation.presence",
        "File": "parvel.validation.file_rule",
        "InvalidRuleError": "parvel.validation.exceptions",
        "MessageBag": "parvel.validation.message_bag",
        "Password": "parvel.validation.password",
        "PresenceVerifier": "parvel.validation.contracts",
        "Rule": "parvel.validation.rules",
        "UploadedFile": "parvel.validation.uploaded_file",
        "UploadedFileLike": "parvel.validation.contracts",
        "ValidatedInput": "parvel.validation.validated_input",
        "ValidationConfigError": "parvel.validation.exceptions",
        "ValidationError": "parvel.validation.exceptions",
        "Validator": "parvel.validation.validator",
        "ValidatorNotRunError": "parvel.validation.exceptions",
        "validate": "parvel.validation.validator",
    },
)
