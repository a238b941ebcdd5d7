"""User extensions: simple ``blade.directive(name, fn)`` and ``blade.if_(name, fn)``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Expr, Token
from parvel.view.compiler.codegen import CompileError
from parvel.view.directives._common import close, elif_branch, open_if

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def simple_directive(fn: Callable[[str | None], str], args: str = "optional") -> Directive:
    """Wrap ``fn(argument_text) -> python_expression``; the value is written unescaped."""

    def compile_simple(c: Compilation, t: Token) -> None:
        try:
            source = fn(t.args)
        except Exception as error:
            raise CompileError(f"@{t.raw_name} failed to compile: {error}", t.pos) from None
        if not isinstance(source, str):
            raise CompileError(f"@{t.raw_name} must return a Python expression string", t.pos)
        expr = c.expr(source, t.args_pos or t.pos, f"expression returned by @{t.raw_name}")
        c.write("_b_a('' if (_b_v := ", expr, ") is None else _b_str(_b_v))", pos=t.pos)

    code = getattr(fn, "__code__", None)
    fingerprint = (
        hashlib.sha1(code.co_code + repr(code.co_consts).encode()).hexdigest()[:12]
        if code is not None
        else repr(fn)
    )
    return Directive(compile_simple, args, fingerprint)


def register_condition(blade: Blade, name: str) -> None:
    """Register ``@name``, ``@elsename``, ``@unlessname`` and ``@endname`` for ``blade.if_``."""
    kind = f"custom:{name}"

    def call(c: Compilation, t: Token) -> tuple[str | Expr, ...]:
        if t.args is None:
            return (f"_b_r.condition({name!r})",)
        return (f"_b_r.condition({name!r}, ", c.args(t.args, t.args_pos), ")")

    def opener(c: Compilation, t: Token) -> None:
        open_if(c, t, kind, *call(c, t))

    def unless(c: Compilation, t: Token) -> None:
        open_if(c, t, kind, "not ", *call(c, t))

    def elser(c: Compilation, t: Token) -> None:
        elif_branch(c, t, *call(c, t))

    def ender(c: Compilation, t: Token) -> None:
        close(c, t, kind)

    blade.directive(name, Directive(opener, "optional"))
    blade.directive(f"else{name}", Directive(elser, "optional"))
    blade.directive(f"unless{name}", Directive(unless, "optional"))
    blade.directive(f"end{name}", Directive(ender, "none"))
