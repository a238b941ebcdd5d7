"""Dot-notation access to nested input and ``*`` wildcard expansion (internal)."""

from __future__ import annotations

from typing import Any, Final


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Final = _Missing()

#: Stands for a backslash-escaped dot (a literal dot in a rule key) inside internal paths.
ESC: Final = "\x1f"


def escape(path: str) -> str:
    """Turn a backslash-escaped dot (a literal dot in a key) into the internal marker."""
    return path.replace("\\.", ESC) if "\\" in path else path


def unescape(path: str) -> str:
    """The public form of an internal path (literal dots restored)."""
    return path.replace(ESC, ".") if ESC in path else path


def segments(path: str) -> list[str]:
    """Split a dot path into keys, honouring escaped dots."""
    path = escape(path)
    parts = path.split(".")
    return [part.replace(ESC, ".") for part in parts] if ESC in path else parts


def get_path(data: Any, path: str) -> Any:
    """Return the value at ``path`` ("a.b.0"), or ``MISSING`` when any segment is absent."""
    if type(data) is dict and "." not in path and ESC not in path:
        if path in data:
            return data[path]
        return MISSING if not path.isdecimal() else data.get(int(path), MISSING)
    current = data
    for segment in segments(path):
        if isinstance(current, dict):
            if segment in current:
                current = current[segment]
            elif segment.isdecimal() and int(segment) in current:
                current = current[int(segment)]
            else:
                return MISSING
        elif isinstance(current, list | tuple):
            if segment.isdecimal() and segment.isascii() and int(segment) < len(current):
                current = current[int(segment)]
            else:
                return MISSING
        else:
            return MISSING
    return current


def has_path(data: Any, path: str) -> bool:
    return get_path(data, path) is not MISSING


def _children(value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [(str(i), v) for i, v in enumerate(value)]
    return []


def _child(value: Any, key: str) -> Any:
    if isinstance(value, dict):
        if key in value:
            return value[key]
        return value.get(int(key), MISSING) if key.isdecimal() else MISSING
    return get_path(value, key) if "." not in key else MISSING


def expand(data: Any, pattern: str) -> list[tuple[str, tuple[str, ...]]]:
    """Expand a ``*`` pattern into concrete paths with the keys each ``*`` matched.

    Concrete segments after a wildcard are kept even when absent (so ``required`` can fail
    on ``items.0.qty``); a wildcard over a missing or scalar value matches nothing.
    """
    states: list[tuple[Any, list[str], tuple[str, ...]]] = [(data, [], ())]
    for segment in escape(pattern).split("."):
        next_states: list[tuple[Any, list[str], tuple[str, ...]]] = []
        for value, parts, stars in states:
            if segment == "*":
                for key, child in _children(value):
                    marked = key.replace(".", ESC)
                    next_states.append((child, [*parts, marked], (*stars, key)))
            else:
                child = (
                    _child(value, segment.replace(ESC, ".")) if value is not MISSING else MISSING
                )
                next_states.append((child, [*parts, segment], stars))
        states = next_states
        if not states:
            break
    return [(".".join(parts), stars) for _, parts, stars in states]


def replace_stars(text: str, stars: tuple[str, ...]) -> str:
    """Replace each ``*`` of ``text`` with the matching key of ``stars`` (left to right)."""
    if "*" not in text or not stars:
        return text
    out = []
    index = 0
    for char in text:
        if char == "*" and index < len(stars):
            out.append(stars[index])
            index += 1
        else:
            out.append(char)
    return "".join(out)


class _Leaf:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def build_nested(data: Any, paths: list[str]) -> dict[str, Any]:
    """Copy the values at ``paths`` from ``data`` into a new nested structure.

    Lists in the input stay lists in the output (holding only the kept indexes, in order).
    Absent paths are skipped.
    """
    tree: dict[str, Any] = {}
    for path in paths:
        value = get_path(data, path)
        if value is MISSING:
            continue
        node = tree
        keys = segments(path)
        for segment in keys[:-1]:
            child = node.get(segment)
            if isinstance(child, _Leaf):
                break
            if child is None:
                child = node[segment] = {}
            node = child
        else:
            node[keys[-1]] = _Leaf(value)
    result = _materialize(tree, data)
    return result if isinstance(result, dict) else {}


def _materialize(node: Any, original: Any) -> Any:
    if isinstance(node, _Leaf):
        return node.value
    if isinstance(original, list | tuple):
        keys = sorted((k for k in node if k.isdecimal()), key=int)
        return [_materialize(node[k], original[int(k)]) for k in keys]
    out: dict[Any, Any] = {}
    for key, child in node.items():
        sub = _child(original, key) if original is not MISSING else MISSING
        real_key: Any = key
        if isinstance(original, dict) and key not in original and key.isdecimal():
            real_key = int(key)
        out[real_key] = _materialize(child, sub)
    return out
