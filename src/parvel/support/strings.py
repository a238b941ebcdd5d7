"""String helpers in the spirit of Laravel's ``Str`` (snake, studly, plural, slug, ulid...)."""

from __future__ import annotations

import os
import re
import string
import time
from functools import cache

from parvel.support import inflector
from parvel.support.string_ops import StringOps
from parvel.support.stringable import Stringable

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SEPARATORS = re.compile(r"[\s\-_.]+")
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ULID = re.compile(r"^[0-7][0-9A-HJKMNP-TV-Z]{25}$", re.I)


class Str(StringOps):
    """Static string helpers; every method is also importable as a function from this module."""

    @staticmethod
    def of(value: object) -> Stringable:
        """A fluent string: ``Str.of("hello world").title().finish("!")``."""
        return Stringable("" if value is None else str(value))

    @staticmethod
    @cache
    def snake(value: str, delimiter: str = "_") -> str:
        """``BlogPost`` → ``blog_post``; ``blog-post`` → ``blog_post``."""
        spaced = _WORD_BOUNDARY.sub(" ", value)
        words = [w for w in _SEPARATORS.split(spaced) if w]
        return delimiter.join(w.lower() for w in words)

    @staticmethod
    def kebab(value: str) -> str:
        """``BlogPost`` → ``blog-post``."""
        return Str.snake(value, "-")

    @staticmethod
    @cache
    def studly(value: str) -> str:
        """``blog_post`` → ``BlogPost``."""
        words = [w for w in _SEPARATORS.split(_WORD_BOUNDARY.sub(" ", value)) if w]
        return "".join(w[:1].upper() + w[1:] for w in words)

    @staticmethod
    def camel(value: str) -> str:
        """``blog_post`` → ``blogPost``."""
        studly = Str.studly(value)
        return studly[:1].lower() + studly[1:]

    @staticmethod
    def title(value: str) -> str:
        """``hello world`` → ``Hello World``."""
        return " ".join(w[:1].upper() + w[1:].lower() for w in value.split(" "))

    @staticmethod
    def headline(value: str) -> str:
        """``email_address`` or ``emailAddress`` → ``Email Address``."""
        words = [w for w in _SEPARATORS.split(_WORD_BOUNDARY.sub(" ", value)) if w]
        return " ".join(w[:1].upper() + w[1:] for w in words)

    @staticmethod
    def plural(value: str, count: int = 2) -> str:
        """``post`` → ``posts`` (unchanged when ``count`` is 1)."""
        return value if count == 1 else inflector.plural(value)

    @staticmethod
    def singular(value: str) -> str:
        """``posts`` → ``post``."""
        return inflector.singular(value)

    @staticmethod
    def plural_studly(value: str, count: int = 2) -> str:
        """``BlogPost`` → ``BlogPosts``."""
        return Str.plural(value, count)

    @staticmethod
    def slug(value: str, separator: str = "-") -> str:
        """``Hello World!`` → ``hello-world`` (accents folded to ASCII)."""
        import unicodedata

        folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
        folded = folded.replace("@", f"{separator}at{separator}")
        words = re.findall(r"[A-Za-z0-9]+", folded)
        return separator.join(w.lower() for w in words)

    @staticmethod
    def limit(value: str, limit: int = 100, end: str = "...") -> str:
        """Cut ``value`` to ``limit`` characters, appending ``end`` when cut."""
        return value if len(value) <= limit else value[:limit].rstrip() + end

    @staticmethod
    def random(length: int = 16) -> str:
        """A cryptographically random alphanumeric string."""
        import secrets

        alphabet = string.ascii_letters + string.digits
        return "".join(secrets.choice(alphabet) for _ in range(length))

    @staticmethod
    def uuid() -> str:
        """A random (version 4) UUID string."""
        import uuid

        return str(uuid.uuid4())

    @staticmethod
    def ordered_uuid() -> str:
        """A time-ordered (version 7) UUID string, good as a primary key."""
        millis = time.time_ns() // 1_000_000
        rand = int.from_bytes(os.urandom(10), "big")
        value = (millis & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= ((rand >> 62) & 0xFFF) << 64
        value |= 0b10 << 62
        value |= rand & ((1 << 62) - 1)
        import uuid

        return str(uuid.UUID(int=value))

    @staticmethod
    def ulid() -> str:
        """A ULID: 26 Crockford base-32 characters, sortable by creation time."""
        millis = time.time_ns() // 1_000_000
        value = (millis << 80) | int.from_bytes(os.urandom(10), "big")
        chars = []
        for _ in range(26):
            chars.append(_CROCKFORD[value & 31])
            value >>= 5
        return "".join(reversed(chars))

    @staticmethod
    def is_uuid(value: object) -> bool:
        """Whether ``value`` is a UUID string in canonical form."""
        if not isinstance(value, str) or len(value) != 36:
            return False
        import uuid

        try:
            uuid.UUID(value)
        except ValueError:
            return False
        return True

    @staticmethod
    def is_ulid(value: object) -> bool:
        """Whether ``value`` is a ULID string."""
        return isinstance(value, str) and bool(_ULID.match(value))


snake = Str.snake
kebab = Str.kebab
studly = Str.studly
camel = Str.camel
headline = Str.headline
plural = Str.plural
singular = Str.singular
slug = Str.slug
