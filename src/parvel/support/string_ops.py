"""Laravel's everyday ``Str`` operations: searching, cutting, padding, replacing, testing.

:class:`StringOps` is a mixin of static methods that :class:`~parvel.support.Str` inherits:
``Str.after("user@example.com", "@")``. Argument order follows Laravel's (the subject first,
except for ``replace``-family methods, where it comes last, as in Laravel).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from fnmatch import fnmatchcase
from urllib.parse import urlparse


def _needles(needles: str | Iterable[str]) -> list[str]:
    return [needles] if isinstance(needles, str) else list(needles)


class StringOps:
    """Static string operations named as Laravel's ``Str`` methods (in snake_case)."""

    # -- cutting ---------------------------------------------------------------------------

    @staticmethod
    def after(subject: str, search: str) -> str:
        """What follows the first ``search`` (the whole subject if absent)."""
        return subject.split(search, 1)[1] if search and search in subject else subject

    @staticmethod
    def after_last(subject: str, search: str) -> str:
        """What follows the last ``search`` (the whole subject if absent)."""
        return subject.rsplit(search, 1)[1] if search and search in subject else subject

    @staticmethod
    def before(subject: str, search: str) -> str:
        """What precedes the first ``search`` (the whole subject if absent)."""
        return subject.split(search, 1)[0] if search and search in subject else subject

    @staticmethod
    def before_last(subject: str, search: str) -> str:
        """What precedes the last ``search`` (the whole subject if absent)."""
        return subject.rsplit(search, 1)[0] if search and search in subject else subject

    @staticmethod
    def between(subject: str, start: str, end: str) -> str:
        """What lies after the first ``start`` and before the last ``end``."""
        if not start or not end:
            return subject
        return StringOps.before_last(StringOps.after(subject, start), end)

    @staticmethod
    def between_first(subject: str, start: str, end: str) -> str:
        """What lies after the first ``start`` and before the next ``end``."""
        if not start or not end:
            return subject
        return StringOps.before(StringOps.after(subject, start), end)

    @staticmethod
    def substr(value: str, start: int, length: int | None = None) -> str:
        """``length`` characters from ``start`` (negative values count from the end)."""
        size = len(value)
        begin = max(size + start, 0) if start < 0 else min(start, size)
        if length is None:
            end = size
        elif length < 0:
            end = max(size + length, begin)
        else:
            end = min(begin + length, size)
        return value[begin:end]

    @staticmethod
    def take(value: str, limit: int) -> str:
        """The first ``limit`` characters (the last ones when negative)."""
        return value[limit:] if limit < 0 else value[:limit]

    @staticmethod
    def words(value: str, words: int = 100, end: str = "...") -> str:
        """The first ``words`` words, with ``end`` appended when cut."""
        found = value.split()
        return value if len(found) <= words else " ".join(found[:words]) + end

    # -- testing ---------------------------------------------------------------------------

    @staticmethod
    def contains(haystack: str, needles: str | Iterable[str], ignore_case: bool = False) -> bool:
        """Whether ``haystack`` contains any of ``needles``."""
        text = haystack.lower() if ignore_case else haystack
        return any(n and (n.lower() if ignore_case else n) in text for n in _needles(needles))

    @staticmethod
    def contains_all(haystack: str, needles: Iterable[str], ignore_case: bool = False) -> bool:
        """Whether ``haystack`` contains every one of ``needles``."""
        return all(StringOps.contains(haystack, n, ignore_case) for n in needles)

    @staticmethod
    def doesnt_contain(
        haystack: str, needles: str | Iterable[str], ignore_case: bool = False
    ) -> bool:
        """Whether ``haystack`` contains none of ``needles``."""
        return not StringOps.contains(haystack, needles, ignore_case)

    @staticmethod
    def starts_with(haystack: str, needles: str | Iterable[str]) -> bool:
        """Whether ``haystack`` starts with any of ``needles``."""
        return any(n and haystack.startswith(n) for n in _needles(needles))

    @staticmethod
    def ends_with(haystack: str, needles: str | Iterable[str]) -> bool:
        """Whether ``haystack`` ends with any of ``needles``."""
        return any(n and haystack.endswith(n) for n in _needles(needles))

    @staticmethod
    def is_(pattern: str | Iterable[str], value: str, ignore_case: bool = False) -> bool:
        """Whether ``value`` matches a pattern where ``*`` is a wildcard (``Str::is``)."""
        subject = value.lower() if ignore_case else value
        for item in _needles(pattern):
            item = item.lower() if ignore_case else item
            escaped = item.replace("[", "[[]").replace("?", "[?]")
            if item == subject or fnmatchcase(subject, escaped):
                return True
        return False

    @staticmethod
    def is_ascii(value: str) -> bool:
        """Whether every character is 7-bit ASCII."""
        return value.isascii()

    @staticmethod
    def is_json(value: object) -> bool:
        """Whether ``value`` is a string holding valid JSON."""
        if not isinstance(value, str):
            return False
        try:
            json.loads(value)
        except ValueError:
            return False
        return True

    @staticmethod
    def is_url(value: object, protocols: Sequence[str] = ()) -> bool:
        """Whether ``value`` is an absolute URL (optionally with one of ``protocols``)."""
        if not isinstance(value, str) or any(c.isspace() for c in value):
            return False
        parsed = urlparse(value)
        allowed = protocols or ("http", "https", "ftp", "ftps", "mailto", "ws", "wss", "file")
        return parsed.scheme in allowed and bool(parsed.netloc or parsed.path)

    @staticmethod
    def length(value: str) -> int:
        """The number of characters."""
        return len(value)

    @staticmethod
    def word_count(value: str) -> int:
        """The number of words."""
        return len(value.split())

    @staticmethod
    def substr_count(haystack: str, needle: str) -> int:
        """How many times ``needle`` occurs in ``haystack``."""
        return haystack.count(needle)

    @staticmethod
    def match(pattern: str, subject: str) -> str:
        """The first group (or the whole match) of a regular expression, or ``""``."""
        found = re.search(pattern, subject)
        if found is None:
            return ""
        return found.group(1) if found.groups() else found.group(0)

    @staticmethod
    def match_all(pattern: str, subject: str) -> list[str]:
        """Every first group (or whole match) of a regular expression."""
        compiled = re.compile(pattern)
        return [m.group(1) if m.groups() else m.group(0) for m in compiled.finditer(subject)]

    # -- changing --------------------------------------------------------------------------

    @staticmethod
    def lower(value: str) -> str:
        """Lower case."""
        return value.lower()

    @staticmethod
    def upper(value: str) -> str:
        """Upper case."""
        return value.upper()

    @staticmethod
    def ucfirst(value: str) -> str:
        """The first character in upper case."""
        return value[:1].upper() + value[1:]

    @staticmethod
    def lcfirst(value: str) -> str:
        """The first character in lower case."""
        return value[:1].lower() + value[1:]

    @staticmethod
    def finish(value: str, cap: str) -> str:
        """``value`` ending with exactly one ``cap``."""
        return value.rstrip(cap) + cap if cap else value

    @staticmethod
    def start(value: str, prefix: str) -> str:
        """``value`` starting with exactly one ``prefix``."""
        return prefix + value.lstrip(prefix) if prefix else value

    @staticmethod
    def wrap(value: str, before: str, after: str | None = None) -> str:
        """``before + value + after`` (``after`` defaults to ``before``)."""
        return before + value + (before if after is None else after)

    @staticmethod
    def unwrap(value: str, before: str, after: str | None = None) -> str:
        """Remove ``before`` at the start and ``after`` at the end, when present."""
        end = before if after is None else after
        if before and value.startswith(before):
            value = value[len(before) :]
        if end and value.endswith(end):
            value = value[: -len(end)]
        return value

    @staticmethod
    def pad_both(value: str, length: int, pad: str = " ") -> str:
        """Pad both sides to ``length`` characters."""
        missing = max(length - len(value), 0)
        left = missing // 2
        return (pad * length)[:left] + value + (pad * length)[: missing - left]

    @staticmethod
    def pad_left(value: str, length: int, pad: str = " ") -> str:
        """Pad the left side to ``length`` characters."""
        missing = max(length - len(value), 0)
        return (pad * length)[:missing] + value

    @staticmethod
    def pad_right(value: str, length: int, pad: str = " ") -> str:
        """Pad the right side to ``length`` characters."""
        missing = max(length - len(value), 0)
        return value + (pad * length)[:missing]

    @staticmethod
    def mask(value: str, character: str, index: int, length: int | None = None) -> str:
        """Hide part of ``value`` behind ``character`` (``Str.mask(email, "*", 3)``)."""
        start = max(len(value) + index, 0) if index < 0 else min(index, len(value))
        end = (
            len(value)
            if length is None
            else (
                max(start, len(value) + length) if length < 0 else min(start + length, len(value))
            )
        )
        return value[:start] + character[:1] * (end - start) + value[end:]

    @staticmethod
    def repeat(value: str, times: int) -> str:
        """``value`` repeated ``times`` times."""
        return value * times

    @staticmethod
    def reverse(value: str) -> str:
        """The characters in reverse order."""
        return value[::-1]

    @staticmethod
    def squish(value: str) -> str:
        """Trim and collapse every run of whitespace into one space."""
        return " ".join(value.split())

    @staticmethod
    def trim(value: str, characters: str | None = None) -> str:
        """Strip whitespace (or ``characters``) from both ends."""
        return value.strip(characters)

    @staticmethod
    def ltrim(value: str, characters: str | None = None) -> str:
        """Strip whitespace (or ``characters``) from the start."""
        return value.lstrip(characters)

    @staticmethod
    def rtrim(value: str, characters: str | None = None) -> str:
        """Strip whitespace (or ``characters``) from the end."""
        return value.rstrip(characters)

    # -- replacing (Laravel's order: what, with what, in what) -----------------------------

    @staticmethod
    def replace(
        search: str | Iterable[str], replace: str, subject: str, case_sensitive: bool = True
    ) -> str:
        """Replace every ``search`` (one string or several) in ``subject``."""
        for needle in _needles(search):
            if not needle:
                continue
            if case_sensitive:
                subject = subject.replace(needle, replace)
            else:
                subject = re.sub(re.escape(needle), lambda _: replace, subject, flags=re.I)
        return subject

    @staticmethod
    def replace_first(search: str, replace: str, subject: str) -> str:
        """Replace the first ``search`` in ``subject``."""
        return subject.replace(search, replace, 1) if search else subject

    @staticmethod
    def replace_last(search: str, replace: str, subject: str) -> str:
        """Replace the last ``search`` in ``subject``."""
        if not search or search not in subject:
            return subject
        head, _, tail = subject.rpartition(search)
        return head + replace + tail

    @staticmethod
    def replace_start(search: str, replace: str, subject: str) -> str:
        """Replace ``search`` when ``subject`` starts with it."""
        return (
            replace + subject[len(search) :] if search and subject.startswith(search) else subject
        )

    @staticmethod
    def replace_end(search: str, replace: str, subject: str) -> str:
        """Replace ``search`` when ``subject`` ends with it."""
        if not search or not subject.endswith(search):
            return subject
        return subject[: -len(search)] + replace

    @staticmethod
    def replace_array(search: str, replace: Iterable[str], subject: str) -> str:
        """Replace each ``search`` in turn by the next of ``replace``."""
        values = iter(replace)
        parts = subject.split(search)
        out = parts[0]
        for part in parts[1:]:
            out += next(values, search) + part
        return out

    @staticmethod
    def remove(search: str | Iterable[str], subject: str, case_sensitive: bool = True) -> str:
        """Remove every ``search`` from ``subject``."""
        return StringOps.replace(search, "", subject, case_sensitive)

    @staticmethod
    def swap(pairs: Mapping[str, str], subject: str) -> str:
        """Replace several strings at once: ``Str.swap({"Tacos": "Burritos"}, text)``."""
        if not pairs:
            return subject
        pattern = re.compile("|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True)))
        return pattern.sub(lambda m: pairs[m.group(0)], subject)
