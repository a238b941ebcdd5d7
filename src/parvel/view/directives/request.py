"""Request-bound conditionals that ask the resolvers in ``blade.hooks``.

``@auth``, ``@guest``, ``@can``, ``@cannot``, ``@canany``, ``@env``, ``@production``,
``@session``, ``@context``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Expr, Token
from parvel.view.directives._common import (
    close,
    elif_branch,
    open_if,
    restore_name,
    save_name,
)

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def _condition(c: Compilation, t: Token, negate: bool, method: str) -> tuple[str | Expr, ...]:
    args: tuple[str | Expr, ...] = (c.args(t.args, t.args_pos),) if t.args is not None else ()
    return (("not " if negate else "") + f"_b_r.{method}(", *args, ")")


def _family(blade: Blade, name: str, method: str, negate: bool, args: str) -> None:
    def opener(c: Compilation, t: Token) -> None:
        open_if(c, t, name, *_condition(c, t, negate, method))

    def elser(c: Compilation, t: Token) -> None:
        elif_branch(c, t, *_condition(c, t, negate, method))

    def ender(c: Compilation, t: Token) -> None:
        close(c, t, name)

    blade.directive(name, Directive(opener, args))
    blade.directive(f"else{name}", Directive(elser, args))
    blade.directive(f"end{name}", Directive(ender, "none"))


def _production(c: Compilation, t: Token) -> None:
    open_if(c, t, "production", "_b_r.environment('production')")


def _endproduction(c: Compilation, t: Token) -> None:
    close(c, t, "production")


def _bound_value(kind: str) -> tuple[Callable[[Compilation, Token], None], ...]:
    """``@session``/``@context``: a block that runs when the key exists, with ``value`` bound."""

    def open_block(c: Compilation, t: Token) -> None:
        var = c.unique(kind[:3])
        c.assigned.add("value")
        c.write(f"{var} = _b_r.{kind}(", c.args(t.args, t.args_pos), ")", pos=t.pos)
        saved = save_name(c, "value", t.pos)
        open_if(c, t, kind, f"{var}[0]").data["saved"] = saved
        c.write(f"value = {var}[1]", pos=t.pos)

    def close_block(c: Compilation, t: Token) -> None:
        block = c.top((kind,), t)
        restore_name(c, str(block.data["saved"]), "value", t.pos)
        close(c, t, kind)

    return open_block, close_block


def register(blade: Blade) -> None:
    """Register the request-bound conditionals."""
    _family(blade, "auth", "auth", False, "optional")
    _family(blade, "guest", "auth", True, "optional")
    _family(blade, "can", "can", False, "required")
    _family(blade, "cannot", "can", True, "required")
    _family(blade, "canany", "canany", False, "required")
    _family(blade, "env", "environment", False, "required")
    blade.directive("production", Directive(_production, "none"))
    blade.directive("endproduction", Directive(_endproduction, "none"))
    for kind in ("session", "context"):
        open_block, close_block = _bound_value(kind)
        blade.directive(kind, Directive(open_block, "required"))
        blade.directive(f"end{kind}", Directive(close_block, "none"))
