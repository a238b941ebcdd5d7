"""Text assertions shared by TestResponse and TestView: assert_see and friends."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from parvel.view import escape

if TYPE_CHECKING:
    from typing import Self

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [value]
    return list(value)


class TextAssertions:
    """``assert_see`` / ``assert_dont_see`` / ``assert_see_text`` / ``assert_see_in_order``."""

    _subject = "response"

    if TYPE_CHECKING:  # provided by the class mixing this in

        @property
        def text(self) -> str: ...

        def _fail(self, message: str) -> NoReturn: ...

    def assert_see(self, value: str | Sequence[str], escape: bool = True) -> Self:
        """Assert the body contains ``value`` (HTML-escaped first, as Blade's ``{{ }}`` does)."""
        for item in _as_list(value):
            needle = _escape(item) if escape else item
            if needle not in self.text:
                self._fail(f"Failed asserting that [{item}] is seen in the {self._subject}.")
        return self

    def assert_dont_see(self, value: str | Sequence[str], escape: bool = True) -> Self:
        """Assert the body does not contain ``value``."""
        for item in _as_list(value):
            needle = _escape(item) if escape else item
            if needle in self.text:
                self._fail(f"Failed asserting that [{item}] is not seen in the {self._subject}.")
        return self

    def _plain_text(self) -> str:
        return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", self.text))).strip()

    def assert_see_text(self, value: str | Sequence[str]) -> Self:
        """Assert the text (tags stripped) contains ``value``."""
        text = self._plain_text()
        for item in _as_list(value):
            if item not in text:
                self._fail(f"Failed asserting that [{item}] is seen in the {self._subject} text.")
        return self

    def assert_dont_see_text(self, value: str | Sequence[str]) -> Self:
        """Assert the text (tags stripped) does not contain ``value``."""
        text = self._plain_text()
        for item in _as_list(value):
            if item in text:
                self._fail(
                    f"Failed asserting that [{item}] is not seen in the {self._subject} text."
                )
        return self

    def assert_see_in_order(self, values: Sequence[str], escape: bool = True) -> Self:
        """Assert the body contains every value, in this order."""
        position = 0
        for item in values:
            needle = _escape(item) if escape else item
            found = self.text.find(needle, position)
            if found == -1:
                self._fail(
                    f"Failed asserting that {list(values)} are seen in order (stopped at [{item}])."
                )
            position = found + len(needle)
        return self

    def assert_see_text_in_order(self, values: Sequence[str]) -> Self:
        """Assert the text (tags stripped) contains every value, in this order."""
        text = self._plain_text()
        position = 0
        for item in values:
            found = text.find(item, position)
            if found == -1:
                self._fail(
                    f"Failed asserting that {list(values)} are seen in order in the "
                    f"{self._subject} text (stopped at [{item}])."
                )
            position = found + len(item)
        return self


def _escape(text: str) -> str:
    """Escape ``text`` exactly as Blade's ``{{ }}`` does (``"`` is ``&quot;``, ``'`` ``&#039;``)."""
    return str(escape(text))
