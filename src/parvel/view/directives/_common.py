"""Helpers shared by the directive families: conditional blocks."""

from __future__ import annotations

from parvel.view.compiler import Compilation, Expr, Token
from parvel.view.compiler.codegen import Block, CompileError


def open_if(c: Compilation, token: Token, kind: str, *condition: str | Expr) -> Block:
    """Open a conditional block (``if <condition>:``) that accepts ``@else``."""
    block = c.open(kind, token, ("if ", *condition, ":"))
    block.data["conditional"] = True
    return block


def conditional_top(c: Compilation, token: Token) -> Block:
    """The innermost block, which must be a conditional one (for ``@else``/``@elseif``)."""
    if c.blocks and c.blocks[-1].data.get("conditional"):
        block = c.blocks[-1]
        if block.data.get("else"):
            raise CompileError(
                f"@{token.raw_name} after @else",
                token.pos,
                "@else must be the last branch of a conditional.",
            )
        return block
    c.top(("if",), token)  # raises a helpful error
    raise AssertionError  # pragma: no cover


def else_branch(c: Compilation, token: Token) -> None:
    """Write ``else:`` for the innermost conditional."""
    block = conditional_top(c, token)
    c.dedent(token.pos)
    c.write("else:", pos=token.pos)
    c.indent()
    block.data["else"] = True


def elif_branch(c: Compilation, token: Token, *condition: str | Expr) -> None:
    """Write ``elif <condition>:`` for the innermost conditional."""
    conditional_top(c, token)
    c.dedent(token.pos)
    c.write("elif ", *condition, ":", pos=token.pos)
    c.indent()


def close(c: Compilation, token: Token, *kinds: str) -> Block:
    """Close the innermost block, which must be one of ``kinds``."""
    return c.close(kinds, token)


def string_literal(c: Compilation, expr: Expr, what: str) -> str:
    """The value of ``expr``, which must be a string literal."""
    import ast

    tree = c.parse(f"({expr.source})", expr.pos, "eval")
    assert isinstance(tree, ast.Expression)
    if not isinstance(tree.body, ast.Constant) or not isinstance(tree.body.value, str):
        raise CompileError(f"{what} must be a string literal", expr.pos)
    return tree.body.value


def save_name(c: Compilation, name: str, pos: int) -> str:
    """Remember whether ``name`` is set and its value, before a block binds it.

    ``@error`` binds ``message`` and ``@session`` binds ``value``; like Laravel, the outer
    value comes back (or the name is unset again) when the block ends.
    """
    var = c.unique("sv")
    c.write(f"{var} = (({name!r} in _b_locals()), _b_locals().get({name!r}))", pos=pos)
    return var


def restore_name(c: Compilation, var: str, name: str, pos: int) -> None:
    """Undo :func:`save_name` at the end of the block (in whichever branch ran)."""
    c.write(f"if {var}[0]: {name} = {var}[1]", pos=pos)
    c.write(f"elif {name!r} in _b_locals(): del {name}", pos=pos)
