"""The root of Parvel's exception tree.

Every error Parvel raises derives from :class:`ParvelError`. Each component keeps its own
classes in its ``exceptions.py`` and roots them here::

    ParvelError
    ├── ConfigError                      parvel.config
    ├── ContainerError                   parvel.container
    │   └── BindingResolutionError
    ├── ApplicationError                 parvel.foundation
    │   └── NotAParvelAppError
    ├── HttpException                    parvel.http (one class per status)
    ├── TemplateError                    parvel.view
    │   └── TemplateSyntaxError, TemplateNotFound
    ├── DatabaseError                    parvel.database
    │   └── QueryError, ConnectionError, MigrationError, ...
    ├── ModelError                       parvel.orm
    │   └── ModelNotFound, MassAssignmentError, RelationNotLoaded, ...
    ├── ValidationError                  parvel.validation
    ├── EncryptionError                  parvel.encryption
    │   └── DecryptError, InvalidKeyError
    ├── HashingError                     parvel.hashing
    │   └── HashingConfigError, PasswordTooLongError
    └── LogError                         parvel.log
        └── LogConfigError, LogWriteError

Each class carries a short ``code``; ``docs/errors.md`` explains the fix for every code.
"""

from __future__ import annotations


class ParvelError(Exception):
    """Base class of every error Parvel raises.

    Attributes:
        code: A short, stable identifier for the error; docs/errors.md explains each one.
        hint: An optional sentence telling the user how to fix the problem.
    """

    code: str = "parvel-error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} {self.hint}"
        return self.message
