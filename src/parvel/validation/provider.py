"""Wires validation into the app: language lines, ``unique``/``exists``, ``make:rule``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parvel.container import ServiceProvider

if TYPE_CHECKING:
    from parvel.foundation.application import Application


class ValidationServiceProvider(ServiceProvider):
    """Loads ``lang/<locale>/validation.py`` and connects ``unique``/``exists`` to the database."""

    def register(self) -> None:
        """Register ``make:rule``."""
        from parvel.validation.console import make_rule

        self.commands([make_rule])

    def boot(self) -> None:
        """Apply the app's language lines and the database presence verifier."""
        from parvel.validation.validator import Validator

        app: Application = self.app
        locale = str(app.config.get("app.locale", "en"))
        lines = load_language_lines(app.lang_path(f"{locale}/validation.py"))
        if lines is not None:
            Validator.set_default_messages(lines)
        if app.bound("db"):
            from parvel.validation.presence import DatabasePresenceVerifier

            Validator.set_presence_verifier(DatabasePresenceVerifier(app.make("db")))


def load_language_lines(path: Path) -> dict[str, Any] | None:
    """The ``messages`` dict of a ``lang/<locale>/validation.py`` file, or ``None`` if absent.

    Raises:
        ValidationConfigError: the file exists but defines no ``messages`` dict.
    """
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"lang_{path.parent.name}_validation", path)
    if spec is None or spec.loader is None:  # pragma: no cover - only for non-files
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    messages = getattr(module, "messages", None)
    if not isinstance(messages, dict):
        from parvel.validation.exceptions import ValidationConfigError

        raise ValidationConfigError(
            f"{path.parent.name}/{path.name} defines no `messages` dict.",
            hint="Assign the language lines to a module-level dict named `messages`.",
        )
    return messages
