"""The application: container, providers, config, paths, environment, boot sequence."""

from parvel.foundation.application import Application
from parvel.foundation.builder import ApplicationBuilder
from parvel.foundation.exceptions import (
    ApplicationError,
    EnvironmentFileError,
    NotAParvelAppError,
)

__all__ = [
    "Application",
    "ApplicationBuilder",
    "ApplicationError",
    "EnvironmentFileError",
    "NotAParvelAppError",
]
