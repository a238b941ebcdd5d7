"""``@push``, ``@prepend``, ``@pushOnce``, ``@pushIf``, ``@stack`` and ``@once``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Token

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def _opener(kind: str, once: bool = False, conditional: bool = False) -> Directive:
    def compile_open(c: Compilation, t: Token) -> None:
        lowest = 2 if conditional else 1
        args = c.arg_sources(t.args, t.args_pos, lowest, lowest + (1 if once else 0))
        if conditional:
            cond, name = args[0], args[1]
        else:
            cond, name = None, args[0]
        var = c.unique("stk")
        c.write(f"{var} = ", name, pos=t.pos)
        guard = None
        if once or cond is not None:
            guard = c.unique("pg")
            if cond is not None:
                c.write(f"{guard} = _b_bool(", cond, ")", pos=t.pos)
            elif len(args) > 1:
                c.write(f"{guard} = _b_r.once('id:' + _b_str(", args[1], "))", pos=t.pos)
            else:
                c.write(f"{guard} = _b_r.once({c.name + ':' + str(t.pos)!r})", pos=t.pos)
        c.begin_capture(t.pos)
        block = c.open(kind, t)
        block.data.update(var=var, guard=guard)

    return Directive(compile_open, "required")


def _closer(*kinds: str) -> Directive:
    def compile_close(c: Compilation, t: Token) -> None:
        block = c.close(kinds, t)
        captured = c.end_capture(t.pos)
        prepend = "prepend" in block.kind
        call = f"_b_r.push({block.data['var']}, {captured}, {prepend})"
        guard = block.data["guard"]
        c.write(f"if {guard}: {call}" if guard else call, pos=t.pos)

    return Directive(compile_close, "none")


def _stack(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_r.stack(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def _once(c: Compilation, t: Token) -> None:
    key = c.name + ":" + str(t.pos)
    if t.args is not None:
        c.open("once", t, ("if _b_r.once('id:' + _b_str(", c.expr(t.args, t.args_pos), ")):"))
    else:
        c.open("once", t, (f"if _b_r.once({key!r}):",))


def _endonce(c: Compilation, t: Token) -> None:
    c.close(("once",), t)


def register(blade: Blade) -> None:
    """Register the stack directives."""
    blade.directive("push", _opener("push"))
    blade.directive("endpush", _closer("push"))
    blade.directive("prepend", _opener("prepend"))
    blade.directive("endprepend", _closer("prepend"))
    blade.directive("pushOnce", _opener("pushonce", once=True))
    blade.directive("endPushOnce", _closer("pushonce"))
    blade.directive("prependOnce", _opener("prependonce", once=True))
    blade.directive("endPrependOnce", _closer("prependonce"))
    blade.directive("pushIf", _opener("pushif", conditional=True))
    blade.directive("endPushIf", _closer("pushif"))
    blade.directive("stack", Directive(_stack, "required"))
    blade.directive("once", Directive(_once, "optional"))
    blade.directive("endonce", Directive(_endonce, "none"))
