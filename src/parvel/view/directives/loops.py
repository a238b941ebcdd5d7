"""``@foreach``, ``@forelse``/``@empty``, ``@for``, ``@while``, ``@break`` and ``@continue``."""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from parvel.view.compiler import Compilation, Directive, Expr, Token
from parvel.view.compiler._scan import skip_string
from parvel.view.compiler.codegen import CompileError
from parvel.view.directives.conditionals import empty_block

if TYPE_CHECKING:
    from parvel.view.blade import Blade

_LOOPS = ("foreach", "forelse", "for", "while")


def _split_as(source: str) -> int:
    """Offset of the last top-level ``as`` keyword in ``items as item``, or -1."""
    depth = 0
    i = 0
    found = -1
    n = len(source)
    while i < n:
        ch = source[i]
        if ch in "'\"":
            end = skip_string(source, i)
            if end < 0:
                return -1
            i = end
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif (
            depth == 0
            and source.startswith("as", i)
            and i > 0
            and source[i - 1] in " \t\n)]}'\""
            and i + 2 < n
            and source[i + 2] in " \t\n"
        ):
            found = i
        i += 1
    return found


def _target_and_items(c: Compilation, t: Token, at: int) -> tuple[Expr, Expr]:
    source = t.args or ""
    pos = t.args_pos
    items = c.expr(source[:at], pos)
    target = source[at + 2 :].strip()
    target_pos = pos + at + 2
    if not target:
        raise CompileError("Missing loop variable after 'as'", target_pos)
    key, arrow, value = target.partition("=>")
    if arrow and key.strip() and value.strip():
        # Laravel's `items as key => value`: a mapping's items, or (index, item) pairs.
        target = f"({key.strip()}, {value.strip()})"
        items = Expr(f"_b_pairs({items.source})", pos)
    c.statement(f"for {target} in _b_x", target_pos, ast.For)
    return Expr(target, target_pos, wrap=False), items


def _in_form(c: Compilation, t: Token) -> tuple[Expr, Expr]:
    source = (t.args or "").strip()
    tree = c.parse(f"for {source}:\n pass", t.args_pos - 4)
    assert isinstance(tree, ast.Module)
    node = tree.body[0] if len(tree.body) == 1 else None
    if not isinstance(node, ast.For):
        raise CompileError(
            "Invalid @foreach: write @foreach(items as item) or @foreach(item in items)",
            t.args_pos,
        )
    header = f"for {source}:\n pass"
    target = ast.get_source_segment(header, node.target)
    items = ast.get_source_segment(header, node.iter)
    assert target is not None
    assert items is not None
    return Expr(target, t.args_pos, wrap=False), Expr(items, t.args_pos)


def _loop_header(c: Compilation, t: Token) -> tuple[Expr, Expr]:
    at = _split_as(t.args or "")
    if at >= 0:
        return _target_and_items(c, t, at)
    return _in_form(c, t)


def _foreach(c: Compilation, t: Token, kind: str = "foreach") -> None:
    target, items = _loop_header(c, t)
    var = c.unique("loop")
    c.assigned.add("loop")
    first = len(c.lines)
    c.write(f"{var} = _b_Loop(", items, ", loop)", pos=t.pos)
    last = len(c.lines) - 1
    block = c.open(kind, t, ("for ", target, f" in {var}:"))
    block.data.update(var=var, lines=(first, last, len(c.lines)), uses=c.loop_uses)
    c.write(f"loop = {var}", pos=t.pos)


def _endforeach(c: Compilation, t: Token) -> None:
    block = c.close(("foreach",), t)
    var = block.data["var"]
    if block.data["uses"] == c.loop_uses:
        # Nothing in the body can see `loop`: iterate the items directly (no Loop object).
        lines = block.data["lines"]
        assert isinstance(lines, tuple)
        first, last, setter = (int(n) for n in lines)
        c.lines[first] = c.lines[first].replace(f"{var} = _b_Loop(", f"{var} = (", 1)
        c.lines[last] = c.lines[last].removesuffix(", loop)") + ")"
        c.lines[setter] = c.lines[setter].replace(f"loop = {var}", "pass", 1)
        return
    c.write(f"loop = {var}.parent", pos=t.pos)


def _forelse(c: Compilation, t: Token) -> None:
    _foreach(c, t, "forelse")


def _empty(c: Compilation, t: Token) -> None:
    if t.args is None and c.blocks and c.blocks[-1].kind == "forelse":
        block = c.blocks[-1]
        if block.data.get("empty"):
            raise CompileError("Second @empty in @forelse", t.pos)
        c.dedent(t.pos)
        var = block.data["var"]
        c.write(f"loop = {var}.parent", pos=t.pos)
        c.write(f"if not {var}.count:", pos=t.pos)
        c.indent()
        block.data["empty"] = True
        return
    if t.args is None:
        raise CompileError(
            "@empty without arguments outside @forelse",
            t.pos,
            "Use @empty(expression) ... @endempty, or put @empty inside @forelse.",
        )
    empty_block(c, t)


def _endforelse(c: Compilation, t: Token) -> None:
    block = c.close(("forelse",), t)
    if not block.data.get("empty"):
        c.write(f"loop = {block.data['var']}.parent", pos=t.pos)


_STEP_RE = re.compile(r"\s*(\+\+|--)?\s*([A-Za-z_]\w*)\s*(\+\+|--)?\s*")


def _top_level_semicolons(source: str) -> list[int]:
    depth, i, found = 0, 0, []
    while i < len(source):
        ch = source[i]
        if ch in "'\"":
            end = skip_string(source, i)
            if end < 0:
                return []
            i = end
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == ";" and depth == 0:
            found.append(i)
        i += 1
    return found


def _c_style_step(step: str) -> str:
    """``i++``/``++i``/``i--`` as Python; anything else is used as written."""
    m = _STEP_RE.fullmatch(step)
    if m is not None and bool(m.group(1)) != bool(m.group(3)):
        return f"{m.group(2)} {'+' if '+' in (m.group(1) or m.group(3)) else '-'}= 1"
    return step.strip()


def _for(c: Compilation, t: Token) -> None:
    source = (t.args or "").strip()
    marks = _top_level_semicolons(t.args or "")
    if len(marks) == 2:
        # Laravel's C-style header: @for(i = 0; i < 10; i++)
        raw = t.args or ""
        init, condition = raw[: marks[0]].strip(), raw[marks[0] + 1 : marks[1]]
        step = _c_style_step(raw[marks[1] + 1 :])
        if init:
            c.parse(init, t.args_pos, "exec")
            c.write(init, pos=t.pos)
        if step:
            c.parse(step, t.args_pos + marks[1] + 1, "exec")
        test = c.expr(condition, t.args_pos + marks[0] + 1) if condition.strip() else "True"
        block = c.open("for", t, ("while ", test, ":"))
        block.data["step"] = step
        return
    c.statement(f"for {source}", t.args_pos, ast.For)
    c.open("for", t, ("for ", Expr(source, t.args_pos, wrap=False), ":"))


def _endfor(c: Compilation, t: Token) -> None:
    step = c.top(("for",), t).data.get("step")
    if step:
        c.write(str(step), pos=t.pos)
    c.close(("for",), t)


def _while(c: Compilation, t: Token) -> None:
    c.open("while", t, ("while ", c.expr(t.args, t.args_pos), ":"))


def _endwhile(c: Compilation, t: Token) -> None:
    c.close(("while",), t)


def _jump(c: Compilation, t: Token, word: str) -> None:
    block = c.innermost((*_LOOPS, "case", "default"))
    if block is not None and block.kind in ("case", "default") and word == "break":
        if t.args is not None:
            raise CompileError("@break inside @switch takes no condition", t.pos)
        return  # ends the @case; cases never fall through
    loop = c.innermost(_LOOPS)
    if loop is None:
        raise CompileError(f"@{t.raw_name} outside a loop", t.pos)
    step = loop.data.get("step") if word == "continue" else None
    if step:  # a C-style @for runs its step before the next test
        word = f"{step}; continue"
    if t.args is None:
        c.write(word, pos=t.pos)
    else:
        c.write("if ", c.expr(t.args, t.args_pos), f": {word}", pos=t.pos)


def _break(c: Compilation, t: Token) -> None:
    _jump(c, t, "break")


def _continue(c: Compilation, t: Token) -> None:
    _jump(c, t, "continue")


def register(blade: Blade) -> None:
    """Register the loop directives."""
    table = {
        "foreach": (_foreach, "required"),
        "endforeach": (_endforeach, "none"),
        "forelse": (_forelse, "required"),
        "empty": (_empty, "optional"),
        "endforelse": (_endforelse, "none"),
        "for": (_for, "required"),
        "endfor": (_endfor, "none"),
        "while": (_while, "required"),
        "endwhile": (_endwhile, "none"),
        "break": (_break, "optional"),
        "continue": (_continue, "optional"),
    }
    for name, (fn, args) in table.items():
        blade.directive(name, Directive(fn, args))
