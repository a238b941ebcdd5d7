"""Low-level scanning helpers: balanced parentheses and string-aware searches."""

from __future__ import annotations

import bisect

MAX_EXPRESSION = 2048
"""Longest echo expression searched with bracket awareness."""

_OPEN = "([{"
_CLOSE = ")]}"


class ScanError(Exception):
    """Raised by the scanners; the passes turn it into a TemplateSyntaxError."""

    def __init__(self, message: str, pos: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.hint = hint


def skip_string(src: str, i: int) -> int:
    """Return the index just after the Python string literal starting at ``src[i]``.

    Returns ``-1`` when the string is not terminated.
    """
    quote = src[i]
    n = len(src)
    if src.startswith(quote * 3, i):
        end = i + 3
        closer = quote * 3
        while end < n:
            if src[end] == "\\":
                end += 2
                continue
            if src.startswith(closer, end):
                return end + 3
            end += 1
        return -1
    end = i + 1
    while end < n:
        ch = src[end]
        if ch == "\\":
            end += 2
            continue
        if ch == quote:
            return end + 1
        if ch == "\n":
            return -1
        end += 1
    return -1


def balanced_end(src: str, start: int) -> int:
    """Return the index just after the parenthesis group opening at ``src[start]``.

    Strings (including ones holding parentheses) are skipped; every bracket kind must nest.

    Raises:
        ScanError: When the group is not closed or brackets do not match.
    """
    stack: list[str] = []
    i = start
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in "'\"":
            end = skip_string(src, i)
            if end < 0:
                raise ScanError("Unterminated string in directive arguments", i)
            i = end
            continue
        if ch == "#":
            raise ScanError(
                "A comment (#) is not allowed in directive arguments",
                i,
                "Remove the '#' or put it inside a string.",
            )
        if ch in _OPEN:
            stack.append(_CLOSE[_OPEN.index(ch)])
        elif ch in _CLOSE:
            if not stack or stack.pop() != ch:
                raise ScanError(f"Unbalanced '{ch}' in directive arguments", i)
            if not stack:
                return i + 1
        i += 1
    raise ScanError(
        "Unclosed '(' in directive arguments",
        start,
        "Close the parenthesis of the directive's arguments.",
    )


def find_closer(src: str, start: int, closer: str) -> int:
    """Return the index of ``closer`` after ``start``, skipping strings and nested brackets.

    Falls back to the first plain occurrence when the code is not well formed (or no match is
    found within ``MAX_EXPRESSION`` characters, which keeps scanning linear), and returns ``-1``
    when ``closer`` does not occur at all.
    """
    i = start
    n = min(len(src), start + MAX_EXPRESSION)
    depth = 0
    while i < n:
        ch = src[i]
        if depth == 0 and src.startswith(closer, i):
            return i
        if ch in "'\"":
            end = skip_string(src, i)
            if end < 0:
                break
            i = end
            continue
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth > 0:
            depth -= 1
        i += 1
    return src.find(closer, start)


class LineIndex:
    """Maps source offsets to 1-based (line, column) pairs."""

    def __init__(self, source: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, ch in enumerate(source) if ch == "\n")

    def line(self, pos: int) -> int:
        """Return the 1-based line holding offset ``pos``."""
        return bisect.bisect_right(self._starts, pos)

    def start(self, line: int) -> int:
        """Return the offset where 1-based ``line`` starts (clamped to the last line)."""
        return self._starts[max(0, min(line, len(self._starts)) - 1)]

    def location(self, pos: int) -> tuple[int, int]:
        """Return the 1-based line and column of offset ``pos``."""
        line = bisect.bisect_right(self._starts, pos)
        return line, pos - self._starts[line - 1] + 1
