"""The compiler's front end: named passes that turn template text into tokens.

The pipeline (``PASSES``) runs in order; each pass takes the token list and returns a new one,
only ever splitting ``TEXT`` tokens, so every token keeps its offset in the original source:

1. ``protect``: ``@verbatim`` blocks become literal text, ``@python`` blocks become code.
2. ``comments``: ``{{-- ... --}}`` is removed.
3. ``components``: ``<x-...>`` tags become component and slot tokens.
4. ``directives``: ``@name(args)`` becomes directive tokens (only registered names).
5. ``echoes``: ``{{ }}``, ``{!! !!}`` and ``@{{ }}``.
6. ``restore``: literal text is merged back into plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from parvel.view.compiler._arrows import rewrite_arrows
from parvel.view.compiler._scan import ScanError, balanced_end, find_closer
from parvel.view.compiler.components_pass import components_pass
from parvel.view.compiler.tokens import Kind, Token, normalise


@dataclass(slots=True)
class PassContext:
    """What the passes know about the compilation.

    Attributes:
        modes: Registered directive names (normalised) mapped to their argument mode:
            ``"none"``, ``"optional"`` or ``"required"``.
    """

    modes: Mapping[str, str]


Pass = Callable[[list[Token], PassContext], list[Token]]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _eat_newline(src: str, i: int) -> int:
    if src.startswith("\r\n", i):
        return i + 2
    if src.startswith("\n", i):
        return i + 1
    return i


def _text(pos: int, value: str, kind: Kind = Kind.TEXT) -> Token:
    return Token(kind, pos, value)


def _map_text(tokens: list[Token], fn: Callable[[Token], list[Token]]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        if token.kind is Kind.TEXT:
            out.extend(fn(token))
        else:
            out.append(token)
    return out


_PROTECT_RE = re.compile(r"@(verbatim|python|php)\b")
_PYTHON_INLINE_RE = re.compile(r"[ \t]*\(")


def protect(tokens: list[Token], ctx: PassContext) -> list[Token]:
    """Turn ``@verbatim`` blocks into literal text and ``@python`` blocks into code tokens."""

    def split(token: Token) -> list[Token]:
        src, base = token.value, token.pos
        out: list[Token] = []
        last = 0
        i = 0
        while (m := _PROTECT_RE.search(src, i)) is not None:
            start = m.start()
            i = m.end()
            if start > 0 and (src[start - 1] == "@" or _is_word(src[start - 1])):
                continue
            word = m.group(1)
            if word != "verbatim" and _PYTHON_INLINE_RE.match(src, m.end()):
                continue  # inline @python(...) is a directive
            closer = "@endverbatim" if word == "verbatim" else f"@end{word}"
            end = src.find(closer, m.end())
            if end < 0:
                raise ScanError(
                    f"Unclosed @{word} block",
                    base + start,
                    f"Add {closer} after the block.",
                )
            out.append(_text(base + last, src[last:start]))
            body_start = m.end()
            if word == "verbatim":
                out.append(_text(base + body_start, src[body_start:end], Kind.LITERAL))
                i = end + len(closer)
            else:
                out.append(_text(base + body_start, src[body_start:end], Kind.PYTHON))
                i = _eat_newline(src, end + len(closer))
            last = i
        out.append(_text(base + last, src[last:]))
        return out

    return _map_text(tokens, split)


def comments(tokens: list[Token], ctx: PassContext) -> list[Token]:
    """Remove ``{{-- ... --}}`` comments (they may span lines)."""

    def split(token: Token) -> list[Token]:
        src, base = token.value, token.pos
        out: list[Token] = []
        last = 0
        while (start := src.find("{{--", last)) >= 0:
            end = src.find("--}}", start + 4)
            if end < 0:
                raise ScanError("Unclosed Blade comment", base + start, "Close it with --}}.")
            out.append(_text(base + last, src[last:start]))
            last = end + 4
        out.append(_text(base + last, src[last:]))
        return out

    return _map_text(tokens, split)


def components(tokens: list[Token], ctx: PassContext) -> list[Token]:
    """Turn ``<x-...>`` component and slot tags into tokens."""
    return _map_text(tokens, components_pass)


_DIRECTIVE_RE = re.compile(r"@(@?)(\w+)")


def directives(tokens: list[Token], ctx: PassContext) -> list[Token]:
    """Turn registered ``@name`` / ``@name(args)`` into directive tokens; leave other text."""

    def split(token: Token) -> list[Token]:
        src, base = token.value, token.pos
        out: list[Token] = []
        last = 0
        i = 0
        while (m := _DIRECTIVE_RE.search(src, i)) is not None:
            start = m.start()
            i = m.end()
            if start > 0 and start != last and _is_word(src[start - 1]):
                continue  # user@example.com; but @endif@endforeach is two directives
            if m.group(1):  # @@name prints @name
                out.append(_text(base + last, src[last:start]))
                out.append(_text(base + start + 1, src[start + 1 : m.end()], Kind.LITERAL))
                last = i
                continue
            name = normalise(m.group(2))
            mode = ctx.modes.get(name)
            if mode is None:
                continue  # unknown @words (CSS @media, e-mail addresses) stay text
            args: str | None = None
            args_pos = 0
            end = m.end()
            paren = _PYTHON_INLINE_RE.match(src, end)
            if paren is not None and mode != "none":
                open_at = paren.end() - 1
                try:
                    close = balanced_end(src, open_at)
                except ScanError as error:
                    raise ScanError(error.message, base + error.pos, error.hint) from None
                args = rewrite_arrows(src[open_at + 1 : close - 1])
                args_pos = base + open_at + 1
                end = close
            elif mode == "required":
                raise ScanError(
                    f"@{m.group(2)} needs arguments",
                    base + start,
                    f"Write it as @{m.group(2)}(...).",
                )
            out.append(_text(base + last, src[last:start]))
            out.append(
                Token(
                    Kind.DIRECTIVE,
                    base + start,
                    name,
                    args=args,
                    args_pos=args_pos,
                    raw_name=m.group(2),
                )
            )
            i = last = _eat_newline(src, end)
        out.append(_text(base + last, src[last:]))
        return out

    return _map_text(tokens, split)


_ECHO_RE = re.compile(r"@\{\{|\{\{|\{!!")


def echoes(tokens: list[Token], ctx: PassContext) -> list[Token]:
    """Turn ``{{ expr }}`` and ``{!! expr !!}`` into echo tokens; ``@{{`` prints ``{{``."""

    def split(token: Token) -> list[Token]:
        src, base = token.value, token.pos
        out: list[Token] = []
        last = 0
        i = 0
        while (m := _ECHO_RE.search(src, i)) is not None:
            start = m.start()
            opener = m.group(0)
            closer = "!!}" if opener == "{!!" else "}}"
            body = m.end()
            end = find_closer(src, body, closer)
            if end < 0:
                raise ScanError(
                    f"Unclosed {opener.lstrip('@')} echo",
                    base + start,
                    f"Close it with {closer}.",
                )
            out.append(_text(base + last, src[last:start]))
            if opener == "@{{":
                out.append(_text(base + start + 1, src[start + 1 : end + 2], Kind.LITERAL))
            else:
                kind = Kind.RAW if opener == "{!!" else Kind.ECHO
                out.append(Token(kind, base + body, rewrite_arrows(src[body:end])))
            i = last = end + len(closer)
        out.append(_text(base + last, src[last:]))
        return out

    return _map_text(tokens, split)


def restore(tokens: list[Token], ctx: PassContext) -> list[Token]:
    """Merge literal and plain text back into plain text tokens; drop empty text."""
    out: list[Token] = []
    for token in tokens:
        if token.kind in (Kind.TEXT, Kind.LITERAL):
            if not token.value:
                continue
            if out and out[-1].kind is Kind.TEXT:
                out[-1].value += token.value
            else:
                out.append(Token(Kind.TEXT, token.pos, token.value))
        else:
            out.append(token)
    return out


PASSES: list[tuple[str, Pass]] = [
    ("protect", protect),
    ("comments", comments),
    ("components", components),
    ("directives", directives),
    ("echoes", echoes),
    ("restore", restore),
]
"""The compiler front end, in order."""


def tokenize(source: str, ctx: PassContext) -> list[Token]:
    """Run every pass over ``source`` and return the final tokens."""
    tokens = [Token(Kind.TEXT, 0, source)]
    for _name, run in PASSES:
        tokens = run(tokens, ctx)
    return tokens
