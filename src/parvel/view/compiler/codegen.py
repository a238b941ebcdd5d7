"""The compiler's back end: turns tokens into the Python source of one render function.

Every generated line remembers the template line it came from, so the final code object (compiled
with the template path as its file name) makes tracebacks point at ``.blade.html`` lines.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from parvel.view.compiler._names import assigned_names
from parvel.view.compiler._scan import LineIndex, skip_string
from parvel.view.compiler.tokens import Token

MAX_NESTING = 90
"""Deepest block nesting a template may use (Python allows 100 indentation levels)."""

PREFIX = "_b_"
"""Names starting with this prefix are reserved for the generated code."""


@dataclass(slots=True)
class Expr:
    """A Python expression taken from the template, to be embedded in generated code."""

    source: str
    pos: int
    wrap: bool = True


@dataclass(slots=True)
class Block:
    """An open block (``@if``, ``@foreach``, ``@section`` ...) on the compiler's stack.

    Attributes:
        kind: The block family, e.g. ``"if"`` or ``"foreach"``.
        token: The directive that opened it.
        indents: Whether the block opened a Python suite (indentation level).
        data: Free-form data the directive family keeps for the closing directive.
    """

    kind: str
    token: Token
    indents: bool
    data: dict[str, object] = field(default_factory=dict)


class CompileError(Exception):
    """A compile problem at a source offset; the compiler adds path, line and column."""

    def __init__(self, message: str, pos: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.hint = hint


def _check_balance(source: str, pos: int) -> None:
    """Reject expressions whose brackets close below their own start (``x) + (y``)."""
    depth = 0
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch in "'\"":
            end = skip_string(source, i)
            if end < 0:
                raise CompileError(
                    "Unterminated string in expression", pos + i, "Close the string literal."
                )
            i = end
            continue
        if ch == "#":
            nl = source.find("\n", i)
            i = n if nl < 0 else nl
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                raise CompileError(
                    f"Unbalanced {ch!r} in expression",
                    pos + i,
                    "Every closing bracket needs an opening one in the same expression.",
                )
        i += 1


_FORBIDDEN = (ast.Yield, ast.YieldFrom, ast.Await)


class Compilation:
    """The state of compiling one template: generated lines, open blocks, line map."""

    def __init__(self, source: str, name: str) -> None:
        self.source = source
        self.name = name
        self.index = LineIndex(source)
        self.lines: list[str] = []
        self.line_map: list[int] = []
        self.blocks: list[Block] = []
        self.level = 1
        self._written: list[int] = [0]
        self._counter = 0
        self.footer: list[tuple[tuple[str | Expr, ...], int]] = []
        self.flags: set[str] = set()
        self.assigned: set[str] = set()
        self.loop_uses = 0
        """Counts code that may read ``loop``; a ``@foreach`` whose body adds none skips it."""

    # ------------------------------------------------------------------ writing
    def line(self, pos: int) -> int:
        """Return the template line of source offset ``pos``."""
        return self.index.line(pos)

    def index_of_line(self, line: int) -> int:
        """Return the source offset where 1-based ``line`` starts."""
        return self.index.start(line)

    def unique(self, stem: str) -> str:
        """Return a fresh reserved local name, e.g. ``_b_loop3``."""
        self._counter += 1
        return f"{PREFIX}{stem}{self._counter}"

    def write(self, *parts: str | Expr, pos: int) -> None:
        """Write one statement made of code strings and template expressions."""
        current = "    " * self.level
        current_line = self.line(pos)
        for part in parts:
            if isinstance(part, str):
                current += part
                continue
            source = part.source
            multiline = "\n" in source or "#" in source
            if multiline:
                source += "\n"
            if part.wrap:
                source = f"({source})"
            if not multiline:
                current += source
                continue
            chunks = source.split("\n")
            first = self.line(part.pos)
            current += chunks[0]
            for offset, chunk in enumerate(chunks[1:], 1):
                self.lines.append(current)
                self.line_map.append(current_line)
                current, current_line = chunk, first + min(offset, len(chunks) - 2)
        self.lines.append(current)
        self.line_map.append(current_line)
        self._written[-1] += 1

    def text(self, value: str, pos: int) -> None:
        """Write literal template text to the output."""
        self.write(f"{PREFIX}a({value!r})", pos=pos)

    def indent(self) -> None:
        """Start a Python suite (after writing a header ending with ``:``)."""
        if self.level >= MAX_NESTING:
            opened = self.blocks[-1].token.pos if self.blocks else 0
            raise CompileError(
                f"Blocks are nested more than {MAX_NESTING} levels deep",
                opened,
                "Move part of the template into an @include or a component.",
            )
        self.level += 1
        self._written.append(0)

    def dedent(self, pos: int) -> None:
        """End the current Python suite (writes ``pass`` if it is empty)."""
        if self._written[-1] == 0:
            self.write("pass", pos=pos)
        self._written.pop()
        self.level -= 1

    def empty_suite(self) -> bool:
        """Whether nothing was written in the current suite yet."""
        return self._written[-1] == 0

    def extend_header(self, *parts: str | Expr) -> None:
        """Append to the last written compound-statement header (before its ``:``)."""
        extra = ""
        for part in parts:
            if isinstance(part, str):
                extra += part
            elif "\n" in part.source or "#" in part.source:
                raise CompileError("This value must fit on one line", part.pos)
            else:
                extra += f"({part.source})"
        header = self.lines[-1]
        self.lines[-1] = header[: header.rindex(":")] + extra + ":"

    # ------------------------------------------------------------------ blocks
    def open(self, kind: str, token: Token, header: tuple[str | Expr, ...] = ()) -> Block:
        """Open a block; with a ``header`` (a Python compound statement) a suite starts."""
        block = Block(kind, token, bool(header))
        if header:
            self.write(*header, pos=token.pos)
            self.indent()
        self.blocks.append(block)
        return block

    def top(self, kinds: tuple[str, ...], token: Token) -> Block:
        """Return the innermost block, which must be one of ``kinds``."""
        if not self.blocks or self.blocks[-1].kind not in kinds:
            expected = " or ".join(f"@{k}" for k in kinds)
            if self.blocks:
                opened = self.blocks[-1]
                raise CompileError(
                    f"@{token.raw_name} does not belong here: the innermost open block is "
                    f"@{opened.token.raw_name or opened.kind} "
                    f"(line {self.line(opened.token.pos)})",
                    token.pos,
                    f"@{token.raw_name} must be inside {expected}.",
                )
            raise CompileError(
                f"Unexpected @{token.raw_name}",
                token.pos,
                f"@{token.raw_name} must be inside {expected}.",
            )
        return self.blocks[-1]

    def close(self, kinds: tuple[str, ...], token: Token) -> Block:
        """Close the innermost block, which must be one of ``kinds``."""
        block = self.top(kinds, token)
        self.blocks.pop()
        if block.indents:
            self.dedent(token.pos)
        return block

    def innermost(self, kinds: tuple[str, ...]) -> Block | None:
        """Return the innermost open block of one of ``kinds``, or ``None``."""
        for block in reversed(self.blocks):
            if block.kind in kinds:
                return block
        return None

    # ------------------------------------------------------------------ capture
    def begin_capture(self, pos: int) -> None:
        """Redirect output into a fresh buffer (sections, slots, pushes)."""
        self.write(
            f"{PREFIX}stk.append({PREFIX}o); {PREFIX}o = []; {PREFIX}a = {PREFIX}o.append",
            pos=pos,
        )
        self.flags.add("capture")

    def end_capture(self, pos: int) -> str:
        """Stop capturing; returns the local name holding the captured text."""
        var = self.unique("cap")
        self.write(
            f"{var} = ''.join({PREFIX}o); {PREFIX}o = {PREFIX}stk.pop(); {PREFIX}a = {PREFIX}o.append",
            pos=pos,
        )
        return var

    # ------------------------------------------------------------------ expressions
    def expr(self, source: str | None, pos: int, what: str = "expression") -> Expr:
        """Validate a template expression and return it for embedding."""
        if source is None or not source.strip():
            raise CompileError(f"Missing {what}", pos, "Write a Python expression.")
        _check_balance(source, pos)
        wrapped = f"({source}\n)" if ("\n" in source or "#" in source) else f"({source})"
        self.parse(wrapped, pos, "eval")
        return Expr(source, pos)

    def parse(self, source: str, pos: int, mode: str = "exec", collect: bool = True) -> ast.AST:
        """Parse generated or template Python, mapping errors to the template position."""
        if collect and "loop" in source:
            self.loop_uses += 1
        try:
            tree = ast.parse(source, mode=mode)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            offset = pos
            if isinstance(error, SyntaxError) and error.lineno:
                lines = source.split("\n")
                before = sum(len(chunk) + 1 for chunk in lines[: error.lineno - 1])
                offset = pos + max(0, before + (error.offset or 1) - 2)
                offset = min(offset, len(self.source))
            reason = error.msg if isinstance(error, SyntaxError) else str(error) or "too complex"
            raise CompileError(
                f"Invalid Python {'expression' if mode == 'eval' else 'code'}: {reason}",
                offset,
                (
                    "Blade expressions are Python: write name, not $name."
                    if "$" in source
                    else "Template expressions are Python expressions."
                ),
            ) from None
        if not collect:
            return tree
        if ("yield" in source or "await" in source) and any(
            isinstance(node, _FORBIDDEN) for node in ast.walk(tree)
        ):
            for node in ast.walk(tree):
                if not isinstance(node, _FORBIDDEN):
                    continue
                raise CompileError(
                    f"'{type(node).__name__.lower()}' is not allowed in templates",
                    pos,
                    "Compute the value before rendering.",
                )
        if mode == "exec" or ":=" in source:
            self.assigned |= assigned_names(tree)
        return tree

    def call_args(self, source: str | None, pos: int, what: str = "arguments") -> ast.Call:
        """Parse directive arguments as the arguments of a call; returns the ``ast.Call``."""
        if source is None or not source.strip():
            raise CompileError(f"Missing {what}", pos)
        _check_balance(source, pos)
        tree = self.parse(f"f({source}\n)", pos - 2, "eval")
        assert isinstance(tree, ast.Expression)
        assert isinstance(tree.body, ast.Call)
        return tree.body

    def args(self, source: str | None, pos: int, what: str = "arguments") -> Expr:
        """Validate call arguments and return them for embedding inside ``name(...)``."""
        self.call_args(source, pos, what)
        assert source is not None
        return Expr(source, pos, wrap=False)

    def arg_sources(self, source: str | None, pos: int, minimum: int, maximum: int) -> list[Expr]:
        """Split directive arguments into positional expressions (no keywords)."""
        call = self.call_args(source, pos)
        if call.keywords or any(isinstance(a, ast.Starred) for a in call.args):
            raise CompileError("Keyword or starred arguments are not supported here", pos)
        if not minimum <= len(call.args) <= maximum:
            expected = str(minimum) if minimum == maximum else f"{minimum} to {maximum}"
            raise CompileError(
                f"Expected {expected} argument(s), got {len(call.args)}",
                pos,
            )
        src = f"f({source}\n)"
        out: list[Expr] = []
        for node in call.args:
            segment = ast.get_source_segment(src, node, padded=False)
            assert segment is not None
            before = src.split("\n")
            start = sum(len(c) + 1 for c in before[: node.lineno - 1]) + node.col_offset
            out.append(Expr(segment, pos + start - 2))
        return out

    def statement(self, source: str, pos: int, expected: type[ast.stmt]) -> str:
        """Validate ``source`` as exactly one compound statement header of type ``expected``."""
        tree = self.parse(f"{source}:\n pass", pos)
        assert isinstance(tree, ast.Module)
        if len(tree.body) != 1 or not isinstance(tree.body[0], expected):
            raise CompileError("Invalid loop header", pos)
        return source
