"""The ``components`` pass: ``<x-...>`` tags become component and slot tokens."""

from __future__ import annotations

import re

from parvel.view.compiler._arrows import rewrite_arrows
from parvel.view.compiler._scan import ScanError, find_closer
from parvel.view.compiler.tokens import Attribute, Kind, Token

_TAG_RE = re.compile(r"<(/?)x-([\w\-.:]+)")
_NAME_RE = re.compile(r"[^\s=/>'\"]+")
_UNQUOTED_RE = re.compile(r"[^\s>'\"]+")
_SPACE_RE = re.compile(r"\s*")


def _eat_newline(src: str, i: int) -> int:
    if src.startswith("\r\n", i):
        return i + 2
    if src.startswith("\n", i):
        return i + 1
    return i


def _attributes(src: str, i: int, base: int, tag_pos: int) -> tuple[list[Attribute], bool, int]:
    """Parse attributes from ``src[i]`` up to the end of the tag.

    Returns the attributes, whether the tag self-closes, and the index after ``>``.
    """
    attrs: list[Attribute] = []
    n = len(src)
    while True:
        space = _SPACE_RE.match(src, i)
        i = space.end() if space else i
        if i >= n:
            raise ScanError("Unclosed component tag", base + tag_pos, "End the tag with > or />.")
        if src.startswith("/>", i):
            return attrs, True, i + 2
        if src[i] == ">":
            return attrs, False, i + 1
        if src.startswith("{{", i):
            end = find_closer(src, i + 2, "}}")
            if end < 0:
                raise ScanError("Unclosed {{ in component tag", base + i, "Close it with }}.")
            attrs.append(Attribute("", "bag", src[i + 2 : end], base + i + 2))
            i = end + 2
            continue
        m = _NAME_RE.match(src, i)
        if m is None:
            raise ScanError(
                f"Unexpected {src[i]!r} in component tag",
                base + i,
                "Quote attribute values with double quotes.",
            )
        name = m.group(0)
        i = m.end()
        eq = re.compile(r"\s*=\s*").match(src, i)
        if eq is None:
            kind = "expr" if name.startswith(":") and not name.startswith("::") else "bool"
            if kind == "expr":  # :$user_id is short for :user_id="user_id"
                short = name[1:].lstrip("$")
                attrs.append(Attribute(short, "expr", short, base + m.start() + 1))
            else:
                attrs.append(Attribute(name, "bool", "", base + m.start()))
            continue
        i = eq.end()
        if i < n and src[i] in "\"'":
            quote = src[i]
            end = src.find(quote, i + 1)
            if end < 0:
                raise ScanError(
                    f"Unclosed attribute value for {name!r}",
                    base + i,
                    f"Close the value with {quote}.",
                )
            value, value_pos, i = src[i + 1 : end], base + i + 1, end + 1
        else:
            um = _UNQUOTED_RE.match(src, i)
            if um is None:
                raise ScanError(f"Missing value for attribute {name!r}", base + i)
            value, value_pos, i = um.group(0), base + i, um.end()
        if name.startswith("::"):
            attrs.append(Attribute(name[1:], "string", value, value_pos))
        elif name.startswith(":"):
            attrs.append(Attribute(name[1:], "expr", rewrite_arrows(value), value_pos))
        else:
            attrs.append(Attribute(name, "string", value, value_pos))


def components_pass(token: Token) -> list[Token]:
    """Split one text token on component and slot tags."""
    src, base = token.value, token.pos
    out: list[Token] = []
    last = 0
    i = 0
    while (m := _TAG_RE.search(src, i)) is not None:
        start = m.start()
        closing = bool(m.group(1))
        name = m.group(2)
        if start > 0 and src[start - 1] == "@":
            i = m.end()
            continue
        out.append(Token(Kind.TEXT, base + last, src[last:start]))
        is_slot = name == "slot" or name.startswith("slot:")
        if closing:
            end = src.find(">", m.end())
            if end < 0 or src[m.end() : end].strip():
                raise ScanError(
                    f"Malformed closing tag </x-{name}", base + start, "Write it as </x-name>."
                )
            kind = Kind.END_SLOT if is_slot else Kind.END_COMPONENT
            value = name.removeprefix("slot:") if is_slot and name != "slot" else name
            out.append(Token(kind, base + start, "" if name == "slot" else value))
            i = end + 1
        else:
            attrs, self_closing, i = _attributes(src, m.end(), base, start)
            if is_slot:
                slot = Token(Kind.SLOT, base + start, name.removeprefix("slot"), attrs=attrs)
                slot.value = slot.value.removeprefix(":")
                out.append(slot)
                if self_closing:
                    out.append(Token(Kind.END_SLOT, base + start, slot.value))
            else:
                out.append(
                    Token(
                        Kind.COMPONENT,
                        base + start,
                        name,
                        attrs=attrs,
                        self_closing=self_closing,
                    )
                )
        i = last = _eat_newline(src, i)
    out.append(Token(Kind.TEXT, base + last, src[last:]))
    return out
