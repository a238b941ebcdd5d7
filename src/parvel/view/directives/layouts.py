"""``@extends``, ``@section`` (and its endings), ``@yield`` and ``@parent``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Token

if TYPE_CHECKING:
    from parvel.view.blade import Blade

_SECTION_ENDS = ("section",)


def _extends(c: Compilation, t: Token) -> None:
    name = c.expr(t.args, t.args_pos, "layout name")
    c.footer = [(("return _b_r.extend(", name, ", _b_g, _b_locals())"), t.pos)]


def _extends_first(c: Compilation, t: Token) -> None:
    names = c.expr(t.args, t.args_pos, "layout names")
    c.footer = [
        (("return _b_r.extend(_b_r.first_existing(", names, "), _b_g, _b_locals())"), t.pos)
    ]


def _section(c: Compilation, t: Token) -> None:
    args = c.arg_sources(t.args, t.args_pos, 1, 2)
    if len(args) == 2:
        c.write("_b_r.section_inline(", args[0], ", ", args[1], ")", pos=t.pos)
        return
    var = c.unique("sec")
    c.write(f"{var} = ", args[0], pos=t.pos)
    c.begin_capture(t.pos)
    block = c.open("section", t)
    block.data["var"] = var


def _ender(mode: str, show: bool = False) -> Directive:
    def compile_end(c: Compilation, t: Token) -> None:
        block = c.close(_SECTION_ENDS, t)
        captured = c.end_capture(t.pos)
        var = block.data["var"]
        c.write(f"_b_r.end_section({var}, {captured}, {mode!r})", pos=t.pos)
        if show:
            c.write(f"_b_a(_b_r.yield_({var}))", pos=t.pos)

    return Directive(compile_end, "none")


def _yield(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_r.yield_(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def _parent(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_PARENT)", pos=t.pos)


def register(blade: Blade) -> None:
    """Register the layout directives."""
    blade.directive("extends", Directive(_extends, "required"))
    blade.directive("extendsFirst", Directive(_extends_first, "required"))
    blade.directive("section", Directive(_section, "required"))
    blade.directive("endsection", _ender("extend"))
    blade.directive("stop", _ender("extend"))
    blade.directive("append", _ender("append"))
    blade.directive("overwrite", _ender("overwrite"))
    blade.directive("show", _ender("extend", show=True))
    blade.directive("yield", Directive(_yield, "required"))
    blade.directive("parent", Directive(_parent, "none"))
