"""Attribute casts: converting stored column values to Python values and back.

Casts are inferred from a model's annotations (``published_at: datetime | None``) and can be
given explicitly in ``casts = {"options": "json", "secret": "encrypted"}`` or as a custom
cast object implementing :class:`CastsAttributes`. See docs/orm.md.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, Protocol, Union, runtime_checkable

import orjson

Getter = Callable[[Any, Any], Any]
"""``getter(value, model) -> python value`` (only called for non-None values)."""
Setter = Callable[[Any, Any], Any]
"""``setter(value, model) -> stored value`` (only called for non-None values)."""


@runtime_checkable
class CastsAttributes(Protocol):
    """A custom cast: ``get`` turns the stored value into a Python value, ``set`` the reverse."""

    def get(self, model: Any, key: str, value: Any, attributes: dict[str, Any]) -> Any:
        """Convert the stored ``value`` of ``key``."""

    def set(self, model: Any, key: str, value: Any, attributes: dict[str, Any]) -> Any:
        """Convert ``value`` to what is stored in the column."""


class Encrypter(Protocol):
    """What the ``encrypted`` cast needs: ``encrypt(str) -> str`` and ``decrypt(str) -> str``."""

    def encrypt(self, value: str) -> str:
        """Encrypt ``value``."""

    def decrypt(self, payload: str) -> str:
        """Decrypt ``payload``."""


_encrypter_resolver: Callable[[], Encrypter] | None = None


def set_encrypter_resolver(resolver: Callable[[], Encrypter] | None) -> None:
    """Install the function returning the encrypter used by ``encrypted`` casts."""
    global _encrypter_resolver
    _encrypter_resolver = resolver


def _encrypter() -> Encrypter:
    from parvel.orm.exceptions import CastError

    if _encrypter_resolver is None:
        raise CastError(
            "No encrypter is configured for 'encrypted' casts.",
            hint="Call parvel.orm.set_encrypter_resolver(lambda: encrypter) at boot.",
        )
    return _encrypter_resolver()


_hasher_resolver: Callable[[], Any] | None = None


def set_hasher_resolver(resolver: Callable[[], Any] | None) -> None:
    """Install the function returning the hasher used by ``hashed`` casts (``make(str)``)."""
    global _hasher_resolver
    _hasher_resolver = resolver


def _hash(value: Any, model: Any) -> Any:
    """The ``hashed`` cast's setter: hash plain values, keep values that are hashes already."""
    from parvel.hashing._identify import identify as _identify_hash
    from parvel.hashing.manager import HashManager

    if isinstance(value, str) and _identify_hash(value)["algo"] is not None:
        return value
    hasher = _hasher_resolver() if _hasher_resolver is not None else HashManager(None)
    return hasher.make(str(value))


# -- converters -------------------------------------------------------------------------------
def to_datetime(value: Any) -> datetime:
    """Parse a stored date-time (naive values are UTC) into an aware UTC datetime."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    if isinstance(value, str):
        return to_datetime(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    raise TypeError(f"not a date-time: {value!r}")


def store_datetime(value: Any) -> datetime:
    """The naive UTC datetime written to the column."""
    return to_datetime(value).replace(tzinfo=None)


def to_date(value: Any) -> date:
    """Parse a stored date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip()[:10])
    raise TypeError(f"not a date: {value!r}")


def to_time(value: Any) -> time:
    """Parse a stored time of day."""
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        return time.fromisoformat(value.strip())
    if hasattr(value, "total_seconds"):  # MySQL returns TIME as timedelta
        seconds = int(value.total_seconds())
        return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
    raise TypeError(f"not a time: {value!r}")


def to_bool(value: Any) -> bool:
    """Parse a stored boolean (``0``/``1``, ``"true"``/``"false"``)."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "t", "yes", "on"}:
            return True
        if lowered in {"0", "false", "f", "no", "off", ""}:
            return False
        raise ValueError(f"not a boolean: {value!r}")
    return bool(value)


def to_int(value: Any) -> int:
    """Parse a stored integer (refusing lossy floats and text)."""
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"not an integer: {value!r}")
    return int(value)


def from_json(value: Any) -> Any:
    """Decode stored JSON (drivers may already return decoded values)."""
    if isinstance(value, (str, bytes, bytearray)):
        return orjson.loads(value)
    return value


def to_json(value: Any) -> str:
    """Encode a value as JSON text for the column."""
    return orjson.dumps(value, default=str).decode()


def _collection(value: Any) -> Any:
    from parvel.orm.collection import Collection

    return Collection(value if isinstance(value, list) else [value])


def _plain(value: Any) -> Any:
    items = getattr(value, "items", None)
    return list(items) if isinstance(items, list) else value


DATE_CASTS = frozenset({"date", "datetime", "immutable_date", "immutable_datetime"})
"""The casts that accept a serialization format: ``"datetime:Y-m-d H:i"``."""

_PHP_FORMAT = {
    "Y": "%Y", "y": "%y", "m": "%m", "n": "%-m", "d": "%d", "j": "%-d", "H": "%H", "G": "%-H",
    "h": "%I", "g": "%-I", "i": "%M", "s": "%S", "A": "%p", "D": "%a", "l": "%A", "M": "%b",
    "F": "%B", "u": "%f", "T": "%Z", "P": "%z",
}  # fmt: skip


def format_date(value: date, php_format: str) -> str:
    """Format ``value`` with a date format written as in Laravel's casts (``Y-m-d H:i``)."""
    out = []
    escaped = False
    for char in php_format:
        if escaped:
            out.append(char.replace("%", "%%"))
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            out.append(_PHP_FORMAT.get(char, char.replace("%", "%%")))
    return value.strftime("".join(out))


def _wrap1(fn: Callable[[Any], Any]) -> Getter:
    return lambda value, model: fn(value)


def _enum_caster(enum_cls: type[enum.Enum]) -> tuple[Getter, Setter]:
    def get(value: Any, model: Any) -> Any:
        return value if isinstance(value, enum_cls) else enum_cls(value)

    def set_(value: Any, model: Any) -> Any:
        return (value if isinstance(value, enum_cls) else enum_cls(value)).value

    return get, set_


def _encrypted(inner: str | None) -> tuple[Getter, Setter]:
    inner_get, inner_set = named_caster(inner) if inner else (None, None)

    def get(value: Any, model: Any) -> Any:
        plain = _encrypter().decrypt(value)
        return inner_get(plain, model) if inner_get else plain

    def set_(value: Any, model: Any) -> Any:
        if inner_set:
            value = inner_set(value, model)
        return _encrypter().encrypt(value if isinstance(value, str) else str(value))

    return get, set_


def _custom(cast: CastsAttributes, key: str) -> tuple[Getter, Setter]:
    def get(value: Any, model: Any) -> Any:
        return cast.get(model, key, value, model.__dict__["_attributes"])

    def set_(value: Any, model: Any) -> Any:
        return cast.set(model, key, value, model.__dict__["_attributes"])

    return get, set_


def _fast_int(value: Any, model: Any) -> int:
    return value if type(value) is int else to_int(value)


def _fast_str(value: Any, model: Any) -> str:
    return value if type(value) is str else str(value)


def _fast_float(value: Any, model: Any) -> float:
    return value if type(value) is float else float(value)


def _fast_bool(value: Any, model: Any) -> bool:
    return value if type(value) is bool else to_bool(value)


_NAMED: dict[str, tuple[Getter, Setter]] = {
    "int": (_fast_int, _fast_int),
    "integer": (_fast_int, _fast_int),
    "float": (_fast_float, _fast_float),
    "double": (_fast_float, _fast_float),
    "real": (_fast_float, _fast_float),
    "decimal": (_wrap1(lambda v: Decimal(str(v))), _wrap1(lambda v: Decimal(str(v)))),
    "bool": (_fast_bool, _fast_bool),
    "boolean": (_fast_bool, _fast_bool),
    "str": (_fast_str, _fast_str),
    "string": (_fast_str, _fast_str),
    "json": (_wrap1(from_json), _wrap1(to_json)),
    "array": (_wrap1(from_json), _wrap1(to_json)),
    "dict": (_wrap1(from_json), _wrap1(to_json)),
    "list": (_wrap1(from_json), _wrap1(to_json)),
    "object": (_wrap1(from_json), _wrap1(to_json)),
    "date": (_wrap1(to_date), _wrap1(to_date)),
    "datetime": (_wrap1(to_datetime), _wrap1(store_datetime)),
    "immutable_datetime": (_wrap1(to_datetime), _wrap1(store_datetime)),
    "immutable_date": (_wrap1(to_date), _wrap1(to_date)),
    "collection": (
        _wrap1(lambda v: _collection(from_json(v))),
        _wrap1(lambda v: to_json(_plain(v))),
    ),
    "timestamp": (_wrap1(to_datetime), _wrap1(store_datetime)),
    "time": (_wrap1(to_time), _wrap1(to_time)),
    "hashed": (lambda value, model: value, _hash),
}


def named_caster(name: str) -> tuple[Getter, Setter]:
    """The getter/setter pair of a named cast such as ``"json"`` or ``"encrypted:json"``."""
    if name.startswith("encrypted"):
        _, _, inner = name.partition(":")
        return _encrypted(inner or None)
    if name.startswith("decimal:"):
        places = name.partition(":")[2]
        if not places.isdigit():
            raise ValueError(f"Invalid cast {name!r}: use decimal:<places>, e.g. decimal:2.")
        step = Decimal(1).scaleb(-int(places))
        quantize = _wrap1(lambda v: Decimal(str(v)).quantize(step))
        return quantize, quantize
    base, colon, _format = name.partition(":")
    if colon and base in DATE_CASTS:  # "datetime:Y-m-d": the format applies when serializing
        return _NAMED[base]
    if name not in _NAMED:
        raise ValueError(
            f"Unknown cast {name!r}; use one of {', '.join(sorted(_NAMED))}, 'encrypted', "
            "an Enum class or a CastsAttributes object."
        )
    return _NAMED[name]


_TYPE_NAMES: dict[Any, str] = {
    int: "int",
    float: "float",
    bool: "bool",
    Decimal: "decimal",
    dict: "json",
    list: "json",
    datetime: "datetime",
    date: "date",
    time: "time",
}


def cast_for_annotation(annotation: Any) -> str | type[enum.Enum] | None:
    """The cast implied by a type annotation (``int``, ``datetime | None``, ``dict[str, Any]``)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        for extra in annotation.__metadata__:
            if isinstance(extra, (str, CastsAttributes)):
                return extra  # type: ignore[return-value]
        return cast_for_annotation(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return cast_for_annotation(options[0]) if len(options) == 1 else None
    if origin in (dict, list):
        return "json"
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return annotation
        return _TYPE_NAMES.get(annotation)
    return None


def build_caster(spec: Any, key: str) -> tuple[Getter | None, Setter | None, str]:
    """Turn a cast spec (name, Enum class, custom cast object or class) into getter/setter."""
    if spec is None:
        return None, None, ""
    if isinstance(spec, str):
        getter, setter = named_caster(spec)
        return getter, setter, spec
    if isinstance(spec, type) and issubclass(spec, enum.Enum):
        getter, setter = _enum_caster(spec)
        return getter, setter, spec.__name__
    if isinstance(spec, type):
        spec = spec()
    if isinstance(spec, CastsAttributes):
        getter, setter = _custom(spec, key)
        return getter, setter, type(spec).__name__
    raise TypeError(f"Invalid cast for attribute {key!r}: {spec!r}.")


__all__ = [
    "CastsAttributes",
    "Encrypter",
    "build_caster",
    "cast_for_annotation",
    "named_caster",
    "set_encrypter_resolver",
    "set_hasher_resolver",
]
