"""Input plumbing for :class:`~parvel.http.requests.Request`: dotted lookups, form keys."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any


def keys_of(keys: tuple[str | Iterable[str], ...]) -> list[str]:
    flat: list[str] = []
    for key in keys:
        if isinstance(key, str):
            flat.append(key)
        else:
            flat.extend(key)
    return flat


def blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, list | dict):
        return len(value) == 0
    return False


def dig(data: Any, key: str, default: Any) -> Any:
    """The value at dotted ``key`` (``"user.name"``); ``*`` collects every item (``"items.*.id"``)."""
    if isinstance(data, dict) and key in data:
        return data[key]
    return _dig(data, key.split("."), default)


def _dig(node: Any, parts: list[str], default: Any) -> Any:
    for index, part in enumerate(parts):
        if part == "*" and isinstance(node, dict | list):
            items = node.values() if isinstance(node, dict) else node
            rest = parts[index + 1 :]
            if not rest:
                return list(items)
            return [_dig(item, rest, None) for item in items]
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return default
    return node


_KEY_PART = re.compile(r"\[([^\[\]]*)\]")


def assign(target: dict[str, Any], key: str, values: list[Any], append: bool = False) -> None:
    """``tags[]=a`` → list; ``user[name]=x`` → nested dict; repeated plain keys keep the last."""
    head, bracket, _ = key.partition("[")
    parts = [head] + (_KEY_PART.findall(key[len(head) :]) if bracket else [])
    if not head:
        parts = [key]
    node: Any = target
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if not last and parts[index + 1] == "" and index + 1 == len(parts) - 1:
            existing = node.setdefault(part, [])
            if isinstance(existing, list):
                existing.extend(values)
            return
        if last:
            node[part] = values[-1]
            return
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            return
        node = child


def transform_strings(
    node: dict[str, Any] | list[Any], transform: Callable[[str, Any], Any]
) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        if isinstance(value, dict | list):
            transform_strings(value, transform)
        elif isinstance(value, str):
            node[key] = transform(str(key), value)  # type: ignore[call-overload,index]
