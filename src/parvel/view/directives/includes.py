"""``@include`` and its variants, and ``@each``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Expr, Token

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def _with_scope(method: str, leading: int) -> Directive:
    """``@method(<leading args>, name, [data])`` rendered with the caller's variables."""

    def compile_include(c: Compilation, t: Token) -> None:
        c.loop_uses += 1  # the included view sees `loop`
        args = c.arg_sources(t.args, t.args_pos, leading + 1, leading + 2)
        condition = args[:leading]
        name = args[leading]
        extra: list[str | Expr] = [", ", args[leading + 1]] if len(args) > leading + 1 else []
        call: tuple[str | Expr, ...] = (
            f"_b_a(_b_r.{method}(",
            name,
            ", _b_g, _b_locals()",
            *extra,
            "))",
        )
        if condition:
            prefix = "if not " if method == "include" and t.value == "includeunless" else "if "
            c.write(prefix, condition[0], ": ", *call, pos=t.pos)
        else:
            c.write(*call, pos=t.pos)

    return Directive(compile_include, "required")


def _isolated(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_r.include_isolated(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def _each(c: Compilation, t: Token) -> None:
    c.arg_sources(t.args, t.args_pos, 3, 4)
    c.write("_b_a(_b_r.each(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def register(blade: Blade) -> None:
    """Register the include directives."""
    blade.directive("include", _with_scope("include", 0))
    blade.directive("includeIf", _with_scope("include_if", 0))
    blade.directive("includeWhen", _with_scope("include", 1))
    blade.directive("includeUnless", _with_scope("include", 1))
    blade.directive("includeFirst", _with_scope("include_first", 0))
    blade.directive("includeIsolated", Directive(_isolated, "required"))
    blade.directive("each", Directive(_each, "required"))
