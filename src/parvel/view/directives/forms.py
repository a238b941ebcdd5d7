"""``@csrf``, ``@method`` and ``@error``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Token
from parvel.view.directives._common import close, open_if, restore_name, save_name

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def _csrf(c: Compilation, t: Token) -> None:
    c.write(
        '_b_a(\'<input type="hidden" name="_token" value="\' + _b_r.csrf_token()'
        ' + \'" autocomplete="off">\')',
        pos=t.pos,
    )


def _method(c: Compilation, t: Token) -> None:
    c.write(
        '_b_a(\'<input type="hidden" name="_method" value="\' + _b_str(_b_e(_b_str(',
        c.expr(t.args, t.args_pos),
        ").upper())) + '\">')",
        pos=t.pos,
    )


def _error(c: Compilation, t: Token) -> None:
    var = c.unique("err")
    c.assigned.add("message")
    saved = save_name(c, "message", t.pos)
    block = open_if(
        c, t, "error", f"({var} := _b_r.error(", c.args(t.args, t.args_pos), ")) is not None"
    )
    block.data["saved"] = saved
    c.write(f"message = {var}", pos=t.pos)


def _enderror(c: Compilation, t: Token) -> None:
    block = c.top(("error",), t)
    restore_name(c, str(block.data["saved"]), "message", t.pos)
    close(c, t, "error")


def register(blade: Blade) -> None:
    """Register the form directives."""
    blade.directive("csrf", Directive(_csrf, "none"))
    blade.directive("method", Directive(_method, "required"))
    blade.directive("error", Directive(_error, "required"))
    blade.directive("enderror", Directive(_enderror, "none"))
