"""JSON helpers for TestResponse: dotted paths, subsets, structures."""

from __future__ import annotations

from typing import Any

_MISSING: Any = object()


def data_get(data: Any, path: str | None) -> Any:
    """Follow ``a.b.0.c`` into nested dicts and lists; ``_MISSING`` when absent.

    A ``*`` segment maps the rest of the path over every item: ``data.*.id`` is the list of
    ids (items without the key are left out).
    """
    if path is None or path == "":
        return data
    return _walk(data, path.split("."))


def _walk(node: Any, segments: list[str]) -> Any:
    for index, segment in enumerate(segments):
        if segment == "*" and isinstance(node, dict | list):
            items = node.values() if isinstance(node, dict) else node
            rest = segments[index + 1 :]
            found = [_walk(item, rest) if rest else item for item in items]
            return [value for value in found if value is not _MISSING]
        if isinstance(node, dict) and segment in node:
            node = node[segment]
        elif (
            isinstance(node, list)
            and segment.lstrip("-").isdigit()
            and -len(node) <= int(segment) < len(node)
        ):
            node = node[int(segment)]
        else:
            return _MISSING
    return node


def is_subset(expected: Any, actual: Any) -> bool:
    """Whether ``expected`` is contained in ``actual`` (dict keys recursively, list items in order)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and is_subset(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) > len(actual):
            return False
        return all(is_subset(e, a) for e, a in zip(expected, actual, strict=False))
    return bool(expected == actual)


def contains_fragment(expected: Any, actual: Any) -> bool:
    """Whether ``expected`` (a dict) appears anywhere in ``actual``."""
    if is_subset(expected, actual):
        return True
    if isinstance(actual, dict):
        return any(contains_fragment(expected, value) for value in actual.values())
    if isinstance(actual, list):
        return any(contains_fragment(expected, value) for value in actual)
    return False


def structure_errors(structure: Any, data: Any, path: str = "") -> list[str]:
    """Keys of ``structure`` missing from ``data`` (``"*"`` means every item of a list)."""
    errors: list[str] = []
    if isinstance(structure, dict):
        for key, inner in structure.items():
            if key == "*":
                items = (
                    data
                    if isinstance(data, list)
                    else list(data.values())
                    if isinstance(data, dict)
                    else []
                )
                if not items:
                    errors.append(f"{path or '<root>'}: expected a non-empty list")
                for index, item in enumerate(items):
                    errors.extend(structure_errors(inner, item, f"{path}.{index}".lstrip(".")))
            elif not isinstance(data, dict) or key not in data:
                errors.append(f"{path}.{key}".lstrip("."))
            else:
                errors.extend(structure_errors(inner, data[key], f"{path}.{key}".lstrip(".")))
    elif isinstance(structure, list):
        for key in structure:
            if isinstance(key, dict):
                errors.extend(structure_errors(key, data, path))
            elif not isinstance(data, dict) or key not in data:
                errors.append(f"{path}.{key}".lstrip("."))
    return errors


def _as_spec(structure: Any) -> dict[str, Any]:
    """``["id", {"tags": [...]}]`` as ``{"id": None, "tags": [...]}``."""
    if isinstance(structure, dict):
        return structure
    spec: dict[str, Any] = {}
    for item in structure if isinstance(structure, list) else []:
        if isinstance(item, dict):
            spec.update(item)
        else:
            spec[item] = None
    return spec


def extra_keys(structure: Any, data: Any, path: str = "") -> list[str]:
    """Keys of ``data`` that ``structure`` does not name (``"*"`` means every item)."""
    if structure is None:
        return []
    spec = _as_spec(structure)
    if "*" in spec:
        items = data if isinstance(data, list) else data.values() if isinstance(data, dict) else []
        found: list[str] = []
        for index, item in enumerate(items):
            found.extend(extra_keys(spec["*"], item, f"{path}.{index}".lstrip(".")))
        return found
    if not isinstance(data, dict):
        return []
    found = [f"{path}.{key}".lstrip(".") for key in data if key not in spec]
    for key, inner in spec.items():
        if key in data:
            found.extend(extra_keys(inner, data[key], f"{path}.{key}".lstrip(".")))
    return found
