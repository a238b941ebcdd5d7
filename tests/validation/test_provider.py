from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from parvel.foundation import Application
from parvel.validation import ValidationConfigError, Validator
from parvel.validation.lang.en import MESSAGES
from parvel.validation.provider import ValidationServiceProvider


@pytest.fixture(autouse=True)
def _restore_messages() -> Iterator[None]:
    yield
    Validator.set_default_messages(MESSAGES)


async def test_app_language_lines_override_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "validation.py").write_text(
        "messages = {'required': 'Fill in :attribute!', 'attributes': {'dob': 'date of birth'}}\n"
    )
    app = Application(tmp_path)
    app.register(ValidationServiceProvider)
    app.boot()
    validator = Validator.make({}, {"dob": "required"})
    assert await validator.fails()
    assert validator.errors().first("dob") == "Fill in date of birth!"


def test_a_language_file_without_messages_is_reported(tmp_path: Path) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "validation.py").write_text("lines = {}\n")
    app = Application(tmp_path)
    app.register(ValidationServiceProvider)
    with pytest.raises(ValidationConfigError, match="defines no `messages` dict"):
        app.boot()
