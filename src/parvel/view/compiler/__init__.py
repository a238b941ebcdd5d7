"""The Blade compiler: template source in, a code object for one render function out.

The front end is the list of named passes in :mod:`parvel.view.compiler.passes`; the back end
(:mod:`parvel.view.compiler.codegen`) dispatches each token to the directive registered for it.
"""

from __future__ import annotations

import ast
import textwrap
import types
from collections.abc import Callable
from dataclasses import dataclass

from parvel.view.compiler._scan import ScanError
from parvel.view.compiler.codegen import PREFIX, Compilation, CompileError, Expr
from parvel.view.compiler.passes import PassContext, tokenize
from parvel.view.compiler.tokens import Kind, Token, normalise
from parvel.view.exceptions import TemplateSyntaxError

__all__ = ["Compilation", "CompiledTemplate", "Compiler", "Directive", "Expr", "Token"]

COMPILER_VERSION = "2"
"""Bumped whenever generated code changes shape, so stale disk caches are ignored."""

CompileFn = Callable[[Compilation, Token], None]
TagCompiler = Callable[[Compilation, Token], None]


@dataclass(frozen=True, slots=True)
class Directive:
    """A compile-time directive handler.

    Attributes:
        compile: Called with the compilation and the directive token; writes generated code.
        args: ``"none"``, ``"optional"`` or ``"required"`` parenthesised arguments.
    """

    compile: CompileFn
    args: str = "optional"
    fingerprint: str = ""


@dataclass(frozen=True, slots=True)
class CompiledTemplate:
    """The result of compiling one template.

    Attributes:
        code: The code object of the render function ``(_b_r, _b_g) -> str``.
        source: The generated Python source (for debugging).
    """

    code: types.CodeType
    source: str


def _has_return(node: ast.AST) -> bool:
    if isinstance(node, ast.Return):
        return True
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
        return False
    return any(_has_return(child) for child in ast.iter_child_nodes(node))


def _remap(tree: ast.AST, line_map: list[int]) -> None:
    """Replace generated line numbers by template line numbers, in place."""
    last = len(line_map)
    stack: list[ast.AST] = [tree]
    pop, push, extend = stack.pop, stack.append, stack.extend
    node_type = ast.AST
    while stack:
        node = pop()
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                extend(v for v in value if isinstance(v, node_type))
            elif isinstance(value, node_type):
                push(value)
        lineno = getattr(node, "lineno", None)
        if lineno is None:
            continue
        mapped = line_map[(lineno if lineno < last else last) - 1]
        node.lineno = mapped  # type: ignore[attr-defined]
        end = getattr(node, "end_lineno", None)
        if end is not None:
            end_mapped = line_map[(end if end < last else last) - 1]
            node.end_lineno = end_mapped if end_mapped > mapped else mapped  # type: ignore[attr-defined]


class Compiler:
    """Compiles Blade templates to Python code objects.

    Directives are looked up in :attr:`directives` (normalised names); component tags are handed
    to :attr:`tag_compiler`. Both are filled by :class:`parvel.view.Blade`.
    """

    def __init__(self) -> None:
        self.directives: dict[str, Directive] = {}
        self.tag_compiler: TagCompiler | None = None
        self.compiled_count = 0

    def register(self, name: str, directive: Directive) -> None:
        """Register (or replace) the directive ``@name``."""
        if not name.replace("_", "").isalnum():
            raise ValueError(f"Invalid directive name {name!r}: use letters, digits and _.")
        self.directives[normalise(name)] = directive

    def signature(self) -> str:
        """A string that changes when the directive set changes (part of cache keys)."""
        parts = sorted(f"{name}={d.fingerprint}" for name, d in self.directives.items())
        return COMPILER_VERSION + ":" + ",".join(parts)

    def compile(
        self, source: str, path: str = "<string>", filename: str | None = None
    ) -> CompiledTemplate:
        """Compile ``source``; raises TemplateSyntaxError with the template location.

        ``path`` names the template in errors; ``filename`` (default: ``path``) is the code
        object's file name, which tracebacks show.
        """
        self.compiled_count += 1
        c = Compilation(source, path)
        try:
            return self._compile(c, filename or path)
        except ScanError as error:
            raise self._syntax_error(c, error.message, error.pos, error.hint) from None
        except CompileError as error:
            raise self._syntax_error(c, error.message, error.pos, error.hint) from None

    def _syntax_error(
        self, c: Compilation, message: str, pos: int, hint: str | None
    ) -> TemplateSyntaxError:
        line, column = c.index.location(max(0, min(pos, len(c.source))))
        return TemplateSyntaxError(message, path=c.name, line=line, column=column, hint=hint)

    def _compile(self, c: Compilation, path: str) -> CompiledTemplate:
        modes = {name: d.args for name, d in self.directives.items()}
        tokens = tokenize(c.source, PassContext(modes))
        for token in tokens:
            self._token(c, token)
        if c.blocks:
            block = c.blocks[-1]
            name = block.token.raw_name or block.kind
            raise CompileError(
                f"Unclosed @{name}",
                block.token.pos,
                f"Add the matching end directive for @{name}.",
            )
        return self._assemble(c, path)

    def _token(self, c: Compilation, token: Token) -> None:
        kind = token.kind
        if kind is Kind.TEXT:
            if c.blocks and c.blocks[-1].kind == "switch":
                if token.value.strip():
                    raise CompileError(
                        "Text between @switch and the first @case",
                        token.pos,
                        "Only @case and @default may follow @switch.",
                    )
                return
            if (
                c.blocks
                and c.blocks[-1].kind == "case"
                and c.empty_suite()
                and not token.value.strip()
            ):
                return  # whitespace between @case lines: the cases still share one body
            c.text(token.value, token.pos)
        elif kind is Kind.ECHO:
            expr = c.expr(token.value, token.pos)
            c.write(
                f"{PREFIX}a({PREFIX}x({PREFIX}v) if {PREFIX}t({PREFIX}v := ",
                expr,
                f") is {PREFIX}s else {PREFIX}e({PREFIX}v))",
                pos=token.pos,
            )
        elif kind is Kind.RAW:
            expr = c.expr(token.value, token.pos)
            c.write(
                f"{PREFIX}a('' if ({PREFIX}v := ",
                expr,
                f") is None else {PREFIX}str({PREFIX}v))",
                pos=token.pos,
            )
        elif kind is Kind.DIRECTIVE:
            self.directives[token.value].compile(c, token)
        elif kind is Kind.PYTHON:
            self._python_block(c, token)
        else:
            if self.tag_compiler is None:
                raise CompileError("Component tags are not supported here", token.pos)
            self.tag_compiler(c, token)

    def _python_block(self, c: Compilation, token: Token) -> None:
        body = token.value
        pos = token.pos
        lines = body.split("\n")
        if len(lines) == 1:
            code = body.strip()
            pos += len(body) - len(body.lstrip())
            if not code:
                return
            lines = [code]
        else:
            if not lines[0].strip():
                pos += len(lines[0]) + 1
                lines = lines[1:]
            lines = textwrap.dedent("\n".join(lines)).split("\n")
        code = "\n".join(lines)
        tree = c.parse(code, pos)
        assert isinstance(tree, ast.Module)
        if _has_return(tree):
            raise CompileError(
                "'return' is not allowed in @python blocks",
                pos,
                "Use @if around the rest of the template instead.",
            )
        first = c.line(pos)
        for offset, text in enumerate(lines):
            if text.strip():
                c.write(text, pos=c.index_of_line(first + offset))
        c.write("pass", pos=pos)

    def _assemble(self, c: Compilation, path: str) -> CompiledTemplate:
        header = [
            f"def {PREFIX}render({PREFIX}r, {PREFIX}g):",
            f"    {PREFIX}o = []",
            f"    {PREFIX}a = {PREFIX}o.append",
            f"    {PREFIX}e = {PREFIX}escape",
            f"    {PREFIX}x = {PREFIX}escape_str",
            f"    {PREFIX}t = {PREFIX}type",
            f"    {PREFIX}s = {PREFIX}str",
        ]
        if "capture" in c.flags:
            header.append(f"    {PREFIX}stk = []")
        for name in sorted(c.assigned):
            if name.startswith(PREFIX):
                continue
            if name == "loop":
                header.append("    loop = _b_g.get('loop')")
            else:
                header.append(f"    if {name!r} in {PREFIX}g: {name} = {PREFIX}g[{name!r}]")
        footer = c.footer or [((f"return ''.join({PREFIX}o)",), len(c.source))]
        for parts, pos in footer:
            c.write(*parts, pos=pos)
        lines = header + c.lines
        line_map = [1] * len(header) + c.line_map
        source = "\n".join(lines) + "\n"
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            line = getattr(error, "lineno", None) or 1
            raise TemplateSyntaxError(
                f"Internal compiler error: {error}",
                path=c.name,
                line=line_map[min(line, len(line_map)) - 1],
                column=1,
                hint="Please report this template to the Parvel developers.",
            ) from None
        _remap(tree, line_map)
        try:
            assert isinstance(tree, ast.Module)
            module = compile(tree, path, "exec")
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            line = getattr(error, "lineno", None) or 1
            raise TemplateSyntaxError(
                f"Invalid Python in template: {getattr(error, 'msg', None) or error}",
                path=c.name,
                line=line,
                column=1,
                hint="Template expressions and @python blocks must be valid Python.",
            ) from None
        code = next(k for k in module.co_consts if isinstance(k, types.CodeType))
        return CompiledTemplate(code, source)
