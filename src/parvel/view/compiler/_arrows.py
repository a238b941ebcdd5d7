"""Accept PHP-style ``'key' => value`` items inside ``[...]`` in template expressions.

Laravel's Blade examples write arrays such as ``@class(['p-4', 'font-bold' => active])`` or
``@props(['type' => 'info', 'message'])``. ``=>`` is never valid Python, so a bracket whose
items use it is rewritten before the expression is parsed: when every item has a key the
bracket becomes a dict (``{'type': 'info'}``); otherwise keyed items become one-entry dicts
inside the list (``['p-4', {'font-bold': active}]``), the form Parvel's helpers accept.
Expressions without ``=>`` are returned unchanged.
"""

from __future__ import annotations

from parvel.view.compiler._scan import skip_string

__all__ = ["rewrite_arrows"]

_CLOSERS = {"(": ")", "[": "]", "{": "}"}


def rewrite_arrows(source: str) -> str:
    """Return ``source`` with PHP-style keyed list items turned into Python dicts."""
    if "=>" not in source:
        return source
    text, _ = _group(source, 0, "")
    return text


def _group(src: str, i: int, closer: str) -> tuple[str, int]:
    """Rewrite from ``i`` up to ``closer`` (``""``: the end); return the text and the end."""
    items: list[list[str]] = [[]]
    arrows: list[int | None] = [None]
    n = len(src)
    while i < n:
        ch = src[i]
        if ch in "'\"":
            end = skip_string(src, i)
            end = n if end < 0 else end
            items[-1].append(src[i:end])
            i = end
        elif ch in _CLOSERS:
            inner, i = _group(src, i + 1, _CLOSERS[ch])
            items[-1].append(inner if ch == "[" else ch + inner + _CLOSERS[ch])
        elif ch == closer:
            return _bracket(items, arrows) if closer == "]" else _join(items), i + 1
        elif ch == "," and closer:
            items.append([])
            arrows.append(None)
            i += 1
        elif src.startswith("=>", i) and closer == "]" and arrows[-1] is None:
            arrows[-1] = len("".join(items[-1]))
            items[-1] = ["".join(items[-1])]
            items[-1].append("=>")
            i += 2
        else:
            items[-1].append(ch)
            i += 1
    if closer == "]":  # unbalanced: leave the rest for the parser to report
        return "[" + _join(items), n
    if closer:
        return _join(items), n
    return "".join(items[0]), n


def _join(items: list[list[str]]) -> str:
    return ",".join("".join(chunks) for chunks in items)


def _bracket(items: list[list[str]], arrows: list[int | None]) -> str:
    if all(arrow is None for arrow in arrows):
        return "[" + _join(items) + "]"
    parts: list[tuple[str | None, str]] = []
    for chunks, arrow in zip(items, arrows, strict=True):
        text = "".join(chunks)
        if arrow is None:
            if text.strip():
                parts.append((None, text.strip()))
            continue
        key, value = text[:arrow], text[arrow + 2 :]
        parts.append((key.strip(), value.strip()))
    if all(key is not None for key, _ in parts):
        return "{" + ", ".join(f"{key}: {value}" for key, value in parts) + "}"
    return (
        "["
        + ", ".join(value if key is None else "{" + f"{key}: {value}" + "}" for key, value in parts)
        + "]"
    )
