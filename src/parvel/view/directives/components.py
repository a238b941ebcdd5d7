"""Component tags (``<x-alert>``, slots, dynamic components), ``@props`` and ``@aware``."""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Expr, Token
from parvel.view.compiler.codegen import CompileError
from parvel.view.compiler.tokens import Attribute, Kind
from parvel.view.runtime import props_spec

if TYPE_CHECKING:
    from parvel.view.blade import Blade

_ECHO_IN_VALUE = re.compile(r"\{\{(.*?)\}\}", re.S)


def _string_value(c: Compilation, attr: Attribute) -> list[str | Expr]:
    """A static attribute value, which may hold ``{{ expr }}`` parts."""
    parts: list[str | Expr] = []
    last = 0
    for m in _ECHO_IN_VALUE.finditer(attr.value):
        if parts:
            parts.append(" + ")
        parts.append(f"_b_M({attr.value[last : m.start()]!r})")
        parts.extend([" + _b_e(", c.expr(m.group(1), attr.pos + m.start(1)), ")"])
        last = m.end()
    if parts:
        parts.extend([" + ", f"_b_M({attr.value[last:]!r})"])
        return ["(", *parts, ")"]
    return [f"_b_M({attr.value!r})"]


def _attrs_dict(c: Compilation, attrs: list[Attribute]) -> list[str | Expr]:
    parts: list[str | Expr] = ["{"]
    for attr in attrs:
        if attr.kind == "bag":
            parts.extend(["**_b_Bag(", c.expr(attr.value, attr.pos), ").all(), "])
            continue
        parts.append(f"{attr.name!r}: ")
        if attr.kind == "bool":
            parts.append("True")
        elif attr.kind == "expr":
            parts.append(c.expr(attr.value, attr.pos, f"value of :{attr.name}"))
        else:
            parts.extend(_string_value(c, attr))
        parts.append(", ")
    parts.append("}")
    return parts


def compile_tag(c: Compilation, t: Token) -> None:
    """Compile one component or slot tag token."""
    if t.kind is Kind.COMPONENT:
        attrs = list(t.attrs)
        name: list[str | Expr] = [repr(t.value)]
        if t.value == "dynamic-component":
            chosen = next((a for a in attrs if a.name == "component"), None)
            if chosen is None:
                raise CompileError(
                    "<x-dynamic-component> needs a component attribute",
                    t.pos,
                    'Write <x-dynamic-component :component="name" />.',
                )
            attrs.remove(chosen)
            if chosen.kind == "expr":
                name = ["_b_str(", c.expr(chosen.value, chosen.pos), ")"]
            else:
                name = [repr(chosen.value)]
        c.write("_b_r.component_begin(", *name, ", ", *_attrs_dict(c, attrs), ")", pos=t.pos)
        if t.self_closing:
            c.write("_b_a(_b_r.component_end(''))", pos=t.pos)
            return
        c.begin_capture(t.pos)
        block = c.open("component", t)
        block.data["name"] = t.value
        block.token.raw_name = f"<x-{t.value}>"
        return
    if t.kind is Kind.END_COMPONENT:
        if not c.blocks or c.blocks[-1].kind != "component" or c.blocks[-1].data["name"] != t.value:
            opened = c.blocks[-1].token.raw_name if c.blocks else "nothing"
            raise CompileError(
                f"Unexpected </x-{t.value}> (open: {opened})",
                t.pos,
                "Close component tags in the order they were opened.",
            )
        c.blocks.pop()
        captured = c.end_capture(t.pos)
        c.write(f"_b_a(_b_r.component_end({captured}))", pos=t.pos)
        return
    if t.kind is Kind.SLOT:
        attrs = list(t.attrs)
        slot_name = t.value
        if not slot_name:
            named = next((a for a in attrs if a.name == "name"), None)
            if named is None or named.kind != "string":
                raise CompileError(
                    "<x-slot> needs a name",
                    t.pos,
                    'Write <x-slot:title> or <x-slot name="title">.',
                )
            attrs.remove(named)
            slot_name = named.value
        if not c.blocks or c.blocks[-1].kind != "component":
            raise CompileError(
                f"<x-slot:{slot_name}> outside a component",
                t.pos,
                "Slots go directly inside a component tag.",
            )
        var = c.unique("slot")
        c.write(f"{var} = ", *_attrs_dict(c, attrs), pos=t.pos)
        c.begin_capture(t.pos)
        block = c.open("slot", t)
        block.data.update(name=slot_name, var=var)
        block.token.raw_name = f"<x-slot:{slot_name}>"
        return
    if not c.blocks or c.blocks[-1].kind != "slot":
        raise CompileError("Unexpected </x-slot>", t.pos, "Open the slot with <x-slot:name>.")
    block = c.blocks.pop()
    captured = c.end_capture(t.pos)
    c.write(f"_b_r.slot({block.data['name']!r}, {captured}, {block.data['var']})", pos=t.pos)


_CONSTANT_TYPES = (str, int, float, bool, type(None))


def _props(c: Compilation, t: Token) -> None:
    call = c.call_args(t.args, t.args_pos)
    try:  # literal props are normalised once, at compile time
        names = [ast.literal_eval(arg) for arg in call.args]
        defaults = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
        if len(defaults) != len(call.keywords):
            raise ValueError
        spec = props_spec(names, defaults)
        if not all(type(item[3]) in _CONSTANT_TYPES or not item[2] for item in spec):
            raise ValueError
    except (ValueError, TypeError, SyntaxError, AttributeError, RecursionError, MemoryError):
        c.write("_b_r.props(_b_g, ", c.args(t.args, t.args_pos), ")", pos=t.pos)
        return
    frozen = tuple((key, kebab, has, default if has else None) for key, kebab, has, default in spec)
    c.write(f"_b_r.props_spec(_b_g, {frozen!r})", pos=t.pos)


def _aware(c: Compilation, t: Token) -> None:
    c.write("_b_r.aware(_b_g, ", c.args(t.args, t.args_pos), ")", pos=t.pos)


def register(blade: Blade) -> None:
    """Register ``@props`` and ``@aware``."""
    blade.directive("props", Directive(_props, "required"))
    blade.directive("aware", Directive(_aware, "required"))
