"""Errors raised while locating, configuring or booting an application."""

from __future__ import annotations

from parvel.exceptions import ParvelError


class ApplicationError(ParvelError):
    """The application cannot start as configured."""

    code = "application-error"


class NotAParvelAppError(ApplicationError):
    """A command that needs an application ran outside of one."""

    code = "not-a-parvel-app"


class EnvironmentFileError(ApplicationError):
    """The .env file is missing or malformed."""

    code = "env-file"
