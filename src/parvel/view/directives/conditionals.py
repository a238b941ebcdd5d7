"""``@if``, ``@unless``, ``@isset``, ``@empty``, ``@switch`` and section/stack checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Expr, Token
from parvel.view.directives._common import close, elif_branch, else_branch, open_if

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def _if(c: Compilation, t: Token) -> None:
    open_if(c, t, "if", c.expr(t.args, t.args_pos))


def _elseif(c: Compilation, t: Token) -> None:
    elif_branch(c, t, c.expr(t.args, t.args_pos))


def _else(c: Compilation, t: Token) -> None:
    else_branch(c, t)


def _endif(c: Compilation, t: Token) -> None:
    close(c, t, "if")


def _unless(c: Compilation, t: Token) -> None:
    open_if(c, t, "unless", "not ", c.expr(t.args, t.args_pos))


def _endunless(c: Compilation, t: Token) -> None:
    close(c, t, "unless")


def _lambdas(c: Compilation, t: Token) -> list[str | Expr]:
    parts: list[str | Expr] = []
    for i, expr in enumerate(c.arg_sources(t.args, t.args_pos, 1, 20)):
        parts.extend([", " if i else "", "lambda: ", expr])
    return parts


def _isset(c: Compilation, t: Token) -> None:
    open_if(c, t, "isset", "_b_isset(", *_lambdas(c, t), ")")


def _endisset(c: Compilation, t: Token) -> None:
    close(c, t, "isset")


def empty_block(c: Compilation, t: Token) -> None:
    """``@empty(expr)``: true when ``expr`` is undefined or falsy."""
    open_if(c, t, "empty", "_b_empty(", *_lambdas(c, t), ")")


def _endempty(c: Compilation, t: Token) -> None:
    close(c, t, "empty")


def _has_section(c: Compilation, t: Token) -> None:
    open_if(c, t, "if", "_b_r.has_section(", c.args(t.args, t.args_pos), ")")


def _section_missing(c: Compilation, t: Token) -> None:
    open_if(c, t, "if", "not _b_r.has_section(", c.args(t.args, t.args_pos), ")")


def _has_stack(c: Compilation, t: Token) -> None:
    open_if(c, t, "if", "_b_r.has_stack(", c.args(t.args, t.args_pos), ")")


def _switch(c: Compilation, t: Token) -> None:
    var = c.unique("sw")
    c.write(f"{var} = ", c.expr(t.args, t.args_pos), pos=t.pos)
    block = c.open("switch", t)
    block.data["var"] = var


def _case(c: Compilation, t: Token) -> None:
    value = c.expr(t.args, t.args_pos)
    if c.blocks and c.blocks[-1].kind == "case":
        block = c.blocks[-1]
        var = block.data["var"]
        if c.empty_suite():  # consecutive @case lines share one body
            c.extend_header(f" or {var} == ", value)
            return
        c.dedent(t.pos)
        c.write(f"elif {var} == ", value, ":", pos=t.pos)
        c.indent()
        return
    switch = c.top(("switch",), t)
    var = str(switch.data["var"])
    block = c.open("case", t, (f"if {var} == ", value, ":"))
    block.data["var"] = var


def _default(c: Compilation, t: Token) -> None:
    if c.blocks and c.blocks[-1].kind == "case":
        c.dedent(t.pos)
        c.write("else:", pos=t.pos)
        c.indent()
        c.blocks[-1].kind = "default"
        return
    c.top(("switch",), t)
    c.open("default", t, ("if True:",))


def _endswitch(c: Compilation, t: Token) -> None:
    if c.blocks and c.blocks[-1].kind in ("case", "default"):
        c.close(("case", "default"), t)
    close(c, t, "switch")


def register(blade: Blade) -> None:
    """Register the conditional directives."""
    table = {
        "if": (_if, "required"),
        "elseif": (_elseif, "required"),
        "else": (_else, "none"),
        "endif": (_endif, "none"),
        "unless": (_unless, "required"),
        "endunless": (_endunless, "none"),
        "isset": (_isset, "required"),
        "endisset": (_endisset, "none"),
        "endempty": (_endempty, "none"),
        "hasSection": (_has_section, "required"),
        "sectionMissing": (_section_missing, "required"),
        "hasStack": (_has_stack, "required"),
        "switch": (_switch, "required"),
        "case": (_case, "required"),
        "default": (_default, "none"),
        "endswitch": (_endswitch, "none"),
    }
    for name, (fn, args) in table.items():
        blade.directive(name, Directive(fn, args))
