"""HTML helpers: ``@class``, ``@style``, ``@checked`` and friends, ``@json``, ``@js`` ...

Also ``@use``, inline ``@python(...)`` and ``@fragment``.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Token
from parvel.view.compiler.codegen import CompileError
from parvel.view.directives._common import string_literal

if TYPE_CHECKING:
    from parvel.view.blade import Blade


def _attribute_list(attribute: str, helper: str) -> Directive:
    def compile_list(c: Compilation, t: Token) -> None:
        c.write(
            f"_b_a('{attribute}=\"' + _b_str(_b_e(_b_h.{helper}(",
            c.expr(t.args, t.args_pos),
            "))) + '\"')",
            pos=t.pos,
        )

    return Directive(compile_list, "required")


def _boolean(attribute: str) -> Directive:
    def compile_boolean(c: Compilation, t: Token) -> None:
        if t.args is None:
            c.text(attribute, t.pos)
            return
        c.write("if ", c.expr(t.args, t.args_pos), f": _b_a({attribute!r})", pos=t.pos)

    return Directive(compile_boolean, "optional")


def _json(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_h.to_json(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def _js(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_h.js(", c.expr(t.args, t.args_pos), "))", pos=t.pos)


def _unset(c: Compilation, t: Token) -> None:
    names = [name.strip() for name in (t.args or "").split(",") if name.strip()]
    if not names or not all(name.isidentifier() for name in names):
        raise CompileError("@unset takes variable names", t.args_pos, "Write @unset(name).")
    for name in names:
        c.assigned.add(name)
        c.write(f"if {name!r} in _b_locals(): del {name}", pos=t.pos)


def _bool(c: Compilation, t: Token) -> None:
    c.write("_b_a('true' if ", c.expr(t.args, t.args_pos), " else 'false')", pos=t.pos)


def _use(c: Compilation, t: Token) -> None:
    args = c.arg_sources(t.args, t.args_pos, 1, 2)
    path = string_literal(c, args[0], "The @use path")
    alias = string_literal(c, args[1], "The @use alias") if len(args) > 1 else ""
    alias = alias or path.rpartition(".")[2]
    if not alias.isidentifier() or not all(p.isidentifier() for p in path.split(".")):
        raise CompileError(f"Invalid @use target {path!r}", t.args_pos)
    c.assigned.add(alias)
    c.write(f"{alias} = _b_r.use({path!r})", pos=t.pos)


def _lang(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_r.translate(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def _choice(c: Compilation, t: Token) -> None:
    c.write("_b_a(_b_r.choice(", c.args(t.args, t.args_pos), "))", pos=t.pos)


def _inject(c: Compilation, t: Token) -> None:
    args = c.arg_sources(t.args, t.args_pos, 2, 2)
    name = string_literal(c, args[0], "The @inject variable name")
    if not name.isidentifier():
        raise CompileError(f"Invalid @inject variable name {name!r}", t.args_pos)
    c.assigned.add(name)
    c.write(f"{name} = _b_r.inject(", args[1], ")", pos=t.pos)


def _python_inline(c: Compilation, t: Token) -> None:
    source = (t.args or "").strip()
    if not source:
        return
    tree = c.parse(source, t.args_pos)
    assert isinstance(tree, ast.Module)
    if any(isinstance(node, ast.Return) for node in ast.walk(tree)):
        raise CompileError("'return' is not allowed in @python", t.args_pos)
    if "\n" in source:
        raise CompileError(
            "Inline @python(...) must fit on one line", t.args_pos, "Use @python ... @endpython."
        )
    c.write(source, pos=t.pos)


def _fragment(c: Compilation, t: Token) -> None:
    var = c.unique("frag")
    c.write(f"{var} = ", c.expr(t.args, t.args_pos), pos=t.pos)
    c.begin_capture(t.pos)
    block = c.open("fragment", t)
    block.data["var"] = var


def _endfragment(c: Compilation, t: Token) -> None:
    block = c.close(("fragment",), t)
    captured = c.end_capture(t.pos)
    c.write(f"_b_a(_b_r.fragment({block.data['var']}, {captured}))", pos=t.pos)


def register(blade: Blade) -> None:
    """Register the HTML helper directives."""
    blade.directive("class", _attribute_list("class", "class_list"))
    blade.directive("style", _attribute_list("style", "style_list"))
    for attribute in ("checked", "selected", "disabled", "readonly", "required"):
        blade.directive(attribute, _boolean(attribute))
    blade.directive("json", Directive(_json, "required"))
    blade.directive("js", Directive(_js, "required"))
    blade.directive("bool", Directive(_bool, "required"))
    blade.directive("unset", Directive(_unset, "required"))
    blade.directive("use", Directive(_use, "required"))
    blade.directive("inject", Directive(_inject, "required"))
    blade.directive("lang", Directive(_lang, "required"))
    blade.directive("choice", Directive(_choice, "required"))
    blade.directive("python", Directive(_python_inline, "required"))
    blade.directive("php", Directive(_python_inline, "required"))
    blade.directive("fragment", Directive(_fragment, "required"))
    blade.directive("endfragment", Directive(_endfragment, "none"))
