"""Building failure messages: lookup order and placeholder replacement (internal).

Lookup order for rule ``r`` on attribute ``a``: the messages given to the validator
(``"a.r"``, wildcard keys such as ``"items.*.qty.r"`` where ``*`` matches one segment, then
``"r"``, then ``"a"`` holding a dict per rule), the language lines' ``custom`` section
(``custom[a][r]``), the language line ``r`` (size rules pick the ``numeric``/``file``/
``string``/``array`` variant), then the extension's message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parvel.validation._data import MISSING, unescape
from parvel.validation._dates import parse_date
from parvel.validation._values import format_number, php_str, size_of, size_type

if TYPE_CHECKING:
    from parvel.validation.validator import Validator

#: Custom replacers registered with ``Validator.replacer``.
REPLACER_HOOKS: dict[str, Callable[[str, str, str, list[str]], str]] = {}

_PLACEHOLDER = re.compile(r":([A-Za-z_]+(?:-(?:index|position|ordinal-position))?)")
_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")

_OTHER_VALUE = frozenset(
    [
        "accepted_if",
        "declined_if",
        "required_if",
        "prohibited_if",
        "present_if",
        "missing_if",
    ]
)
#: Rules whose ``:value`` is the rule's own parameter rather than the other field's input.
_OTHER_PARAM = frozenset({"missing_unless", "present_unless"})
_OTHER_VALUES = frozenset({"required_unless", "prohibited_unless"})
_ATTRIBUTE_LIST = frozenset(
    [
        "required_with",
        "required_with_all",
        "required_without",
        "required_without_all",
        "present_with",
        "present_with_all",
        "missing_with",
        "missing_with_all",
    ]
)
_PLAIN_VALUES = frozenset(
    [
        "mimes",
        "mimetypes",
        "extensions",
        "starts_with",
        "ends_with",
        "doesnt_start_with",
        "doesnt_end_with",
        "required_array_keys",
        "in_array_keys",
        "contains",
        "doesnt_contain",
    ]
)
_OTHER = frozenset(
    [
        "same",
        "different",
        "in_array",
        "required_if_accepted",
        "required_if_declined",
        "prohibited_if_accepted",
        "prohibited_if_declined",
    ]
)
_DATES = frozenset({"after", "after_or_equal", "before", "before_or_equal", "date_equals"})


@lru_cache(maxsize=1024)
def _wildcard(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(pattern).replace(r"\*", "[^.]*") + r"\Z")


def _matches(source_key: str, key: str) -> bool:
    if "*" in source_key:
        return _wildcard(source_key).match(key) is not None
    return source_key == key


def _lookup(source: Mapping[str, Any], attribute: str, rule: str) -> Any:
    """Laravel's inline lookup: ``attribute.rule``, then ``rule``, then ``attribute``."""
    for key in (f"{attribute}.{rule}", rule, attribute):
        for source_key, message in source.items():
            if not _matches(str(source_key), key):
                continue
            if key == attribute and isinstance(message, Mapping):
                if rule in message:
                    return message[rule]
                continue
            if "*" in str(source_key) and isinstance(message, Mapping) and rule in message:
                return message[rule]
            return message
    return None


@lru_cache(maxsize=4096)
def _humanize(attribute: str) -> str:
    return _CAMEL.sub(r"_\1", attribute).lower().replace("_", " ")


_INDEX_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)


def _ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th`` ... for ``:ordinal-position``."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _message_kind(v: Validator, attribute: str, value: Any) -> str:
    """Which size message to use, in Laravel's order: a numeric rule, an array rule, a file.

    Without such a rule the value decides (a Python list reads as an array, an ``int`` as a
    number), matching how Parvel measures it.
    """
    if v.has_numeric_rule(attribute):
        return "numeric"
    if v.has_rule(attribute, "array") or v.has_rule(attribute, "list"):
        return "array"
    if v.has_rule(attribute, "string"):
        return "string"
    return size_type(value, False)


class MessageBuilder:
    """Builds the message of one failure for one validator."""

    def __init__(
        self,
        lang: Mapping[str, Any],
        messages: Mapping[str, Any],
        attributes: Mapping[str, str],
        extension_messages: Mapping[str, str],
    ) -> None:
        self.lang = lang
        self.messages = messages
        self.attributes = attributes
        self.extension_messages = extension_messages
        self._display_cache: dict[str, str] = {}

    def line(
        self, v: Validator, attribute: str, rule: str, value: Any, public: str | None = None
    ) -> str:
        """Find the raw message line (placeholders unreplaced)."""
        name = public if public is not None else unescape(attribute)
        found = _lookup(self.messages, name, rule) if self.messages else None
        if found is None:
            found = self._lang_custom(name, rule)
        if found is None:
            found = self.lang.get(rule)
        if found is None:
            found = self.extension_messages.get(rule, f"validation.{rule}")
        if isinstance(found, Mapping):
            kind = _message_kind(v, attribute, value)
            found = found.get(kind) or next(iter(found.values()), f"validation.{rule}")
        return str(found)

    def _lang_custom(self, attribute: str, rule: str) -> Any:
        custom = self.lang.get("custom") or {}
        if not custom:
            return None
        lines = custom.get(attribute)
        if isinstance(lines, Mapping) and rule in lines:
            return lines[rule]
        for pattern, lines in custom.items():
            matched = "*" in pattern and _matches(pattern, attribute)
            if matched and isinstance(lines, Mapping) and rule in lines:
                return lines[rule]
        return None

    def display_attribute(self, attribute: str, pattern: str | None = None) -> str:
        """The name shown for ``attribute``.

        Custom names (exact or wildcard) win; a field expanded from a ``*`` rule shows as is;
        other names show with underscores as spaces.
        """
        cached = self._display_cache.get(attribute)
        if cached is not None:
            return cached
        lang_names = self.lang.get("attributes") or {}
        name = None
        for candidate in dict.fromkeys((attribute, pattern or attribute)):
            name = self._custom_name(self.attributes, candidate)
            if name is None:
                name = self._custom_name(lang_names, candidate)
            if name is not None:
                break
        if name is None:
            name = attribute if pattern is not None and "*" in pattern else _humanize(attribute)
        self._display_cache[attribute] = name
        return name

    @staticmethod
    def _custom_name(source: Mapping[str, Any], attribute: str) -> str | None:
        if not source:
            return None
        if attribute in source:
            return str(source[attribute])
        for pattern, name in source.items():
            if "*" in pattern and _matches(pattern, attribute):
                return str(name)
        return None

    def display_value(self, attribute: str, value: Any) -> str:
        """The text shown for another field's value (``true``/``false``, ``empty``, custom)."""
        values = self.lang.get("values") or {}
        if isinstance(value, list | tuple | dict):
            return "array"
        text = php_str(value)
        known = values.get(attribute)
        if isinstance(known, Mapping) and text in known:
            return str(known[text])
        if value is None or value is MISSING:
            return "empty"
        return text

    def build(
        self,
        v: Validator,
        attribute: str,
        rule: str,
        params: tuple[Any, ...],
        value: Any,
        line: str | None = None,
    ) -> str:
        """Return the final message for a failed ``rule``."""
        public = unescape(attribute)
        text = line if line is not None else self.line(v, attribute, rule, value, public)
        if ":" not in text:
            return text
        shown = self.display_attribute(public, unescape(v.pattern_of(attribute)))
        positions: dict[str, str] = {}
        if ("index" in text or "position" in text or ":" in shown) and v.stars_of(attribute):
            numeric = [int(s) for s in public.split(".") if s.isdecimal()]
            for number, index in enumerate(numeric):
                word = _INDEX_WORDS[number] if number < len(_INDEX_WORDS) else "other"
                if number == 0:
                    positions["index"], positions["position"] = str(index), str(index + 1)
                    positions["ordinal-position"] = _ordinal(index + 1)
                positions[f"{word}-index"] = str(index)
                positions[f"{word}-position"] = str(index + 1)
                positions[f"{word}-ordinal-position"] = _ordinal(index + 1)
            if ":" in shown:  # a custom name such as "photo #:position"
                shown = _PLACEHOLDER.sub(lambda m: positions.get(m.group(1), m.group(0)), shown)
        table: dict[str, str] = {
            "attribute": shown,
            "Attribute": shown[:1].upper() + shown[1:],
            "ATTRIBUTE": shown.upper(),
            **positions,
        }
        if ":input" in text and (value is None or isinstance(value, str | int | float | bool)):
            table["input"] = self.display_value(attribute, value)
        replacer = _REPLACERS.get(rule)
        if replacer is not None:
            replacer(self, v, attribute, params, table)
            _case_variants(table)
        message = _PLACEHOLDER.sub(lambda m: table.get(m.group(1), m.group(0)), text)
        hook = REPLACER_HOOKS.get(rule)
        if hook is not None:
            message = hook(message, public, rule, [str(p) for p in params])
        return message


def _case_variants(table: dict[str, str]) -> None:
    """Add the ``:Other``/``:OTHER``-style variants of ``:other``, ``:value`` and ``:values``."""
    for key in ("other", "value", "values"):
        text = table.get(key)
        if text is None:
            continue
        table[key.upper()] = text.upper()
        table[key.capitalize()] = text[:1].upper() + text[1:]


_Replacer = Callable[[MessageBuilder, "Validator", str, tuple[Any, ...], dict[str, str]], None]


def _size(b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]) -> None:
    t.update(min=str(p[0]), max=str(p[-1]), size=str(p[0]), digits=str(p[0]))


def _between(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    t.update(min=str(p[0]), max=str(p[1]))


def _decimal(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    t["decimal"] = "-".join(str(x) for x in p)


def _in(b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]) -> None:
    t["values"] = ", ".join(b.display_value(a, x) for x in p)


def _plain(b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]) -> None:
    t["values"] = ", ".join(php_str(x) for x in p)


def _attr_list(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    t["values"] = " / ".join(b.display_attribute(str(x)) for x in p)


def _other(b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]) -> None:
    t["other"] = b.display_attribute(str(p[0]))


def _other_value(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    other = str(p[0])
    t["other"] = b.display_attribute(other)
    actual = v.get(other)
    t["value"] = b.display_value(other, None if actual is MISSING else actual)


def _other_param(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    other = str(p[0])
    t["other"] = b.display_attribute(other)
    t["value"] = b.display_value(other, p[1] if len(p) > 1 else None)


def _other_values(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    other = str(p[0])
    t["other"] = b.display_attribute(other)
    t["values"] = ", ".join(b.display_value(other, x) for x in p[1:])


def _prohibits(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    t["other"] = " / ".join(b.display_attribute(str(x)) for x in p)


def _date(b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]) -> None:
    param = p[0]
    if not isinstance(param, str):
        t["date"] = str(param)
    elif parse_date(param, relative=True) is not None:
        t["date"] = param
    else:
        t["date"] = b.display_attribute(param)


def _compare(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    param = str(p[0])
    other = v.get(param)
    if other is MISSING or other is None:
        t["value"] = b.display_attribute(param)
    else:
        t["value"] = format_number(size_of(other, v.has_numeric_rule(a)))


def _first(name: str) -> _Replacer:
    def replace(
        b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
    ) -> None:
        t[name] = str(p[0]) if p else ""

    return replace


def _dimensions(
    b: MessageBuilder, v: Validator, a: str, p: tuple[Any, ...], t: dict[str, str]
) -> None:
    for param in p:
        key, _, value = str(param).partition("=")
        t[key.strip()] = value.strip()


_REPLACERS: dict[str, _Replacer] = {
    "min": _size,
    "max": _size,
    "size": _size,
    "digits": _size,
    "min_digits": _size,
    "max_digits": _size,
    "between": _between,
    "digits_between": _between,
    "decimal": _decimal,
    "in": _in,
    "not_in": _in,
    "prohibits": _prohibits,
    "gt": _compare,
    "gte": _compare,
    "lt": _compare,
    "lte": _compare,
    "date_format": _first("format"),
    "dimensions": _dimensions,
    "multiple_of": _first("value"),
    "encoding": _first("encoding"),
}
_REPLACERS.update(dict.fromkeys(_PLAIN_VALUES, _plain))
_REPLACERS.update(dict.fromkeys(_ATTRIBUTE_LIST, _attr_list))
_REPLACERS.update(dict.fromkeys(_OTHER, _other))
_REPLACERS.update(dict.fromkeys(_OTHER_VALUE, _other_value))
_REPLACERS.update(dict.fromkeys(_OTHER_PARAM, _other_param))
_REPLACERS.update(dict.fromkeys(_OTHER_VALUES, _other_values))
_REPLACERS.update(dict.fromkeys(_DATES, _date))
