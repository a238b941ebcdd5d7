"""Each compiler pass on its own: tokens in, tokens out."""

from __future__ import annotations

import pytest

from parvel.view.compiler._scan import ScanError
from parvel.view.compiler.passes import (
    PASSES,
    PassContext,
    comments,
    components,
    directives,
    echoes,
    protect,
    restore,
)
from parvel.view.compiler.tokens import Kind, Token

CTX = PassContext({"if": "required", "endif": "none", "csrf": "none", "break": "optional"})


def text(value: str, pos: int = 0) -> list[Token]:
    return [Token(Kind.TEXT, pos, value)]


def shape(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.kind.value, t.value) for t in tokens if t.value or t.kind is not Kind.TEXT]


def test_pipeline_order():
    assert [name for name, _ in PASSES] == [
        "protect",
        "comments",
        "components",
        "directives",
        "echoes",
        "restore",
    ]


def test_protect_verbatim_and_python():
    tokens = protect(text("a @verbatim{{ x }}@endverbatim b @python\nx = 1\n@endpython\nc"), CTX)
    assert shape(tokens) == [
        ("text", "a "),
        ("literal", "{{ x }}"),
        ("text", " b "),
        ("python", "\nx = 1\n"),
        ("text", "c"),
    ]


def test_protect_leaves_inline_python_alone():
    assert shape(protect(text("@python(x = 1)"), CTX)) == [("text", "@python(x = 1)")]


def test_protect_unclosed():
    with pytest.raises(ScanError, match="Unclosed @python"):
        protect(text("@python x"), CTX)


def test_comments():
    tokens = comments(text("a{{-- x\n --}}b{{--y--}}"), CTX)
    assert shape(tokens) == [("text", "a"), ("text", "b")]
    assert [t.pos for t in tokens if t.value] == [0, 13]


def test_components_tokens():
    tokens = components(
        text('<x-alert type="a" :msg="m > 1" disabled/>\n<x-card><x-slot:t>T</x-slot></x-card>'),
        CTX,
    )
    kinds = [(t.kind.value, t.value) for t in tokens if t.kind is not Kind.TEXT]
    assert kinds == [
        ("component", "alert"),
        ("component", "card"),
        ("slot", "t"),
        ("end_slot", ""),
        ("end_component", "card"),
    ]
    alert = tokens[1]
    assert alert.self_closing
    assert [(a.name, a.kind, a.value) for a in alert.attrs] == [
        ("type", "string", "a"),
        ("msg", "expr", "m > 1"),
        ("disabled", "bool", ""),
    ]


def test_directives_tokens():
    tokens = directives(text('@if(f(")"))x @endif y @csrf @media @@if me@if.com'), CTX)
    assert shape(tokens) == [
        ("directive", "if"),
        ("text", "x "),
        ("directive", "endif"),
        ("text", " y "),
        ("directive", "csrf"),
        ("text", " @media "),
        ("literal", "@if"),
        ("text", " me@if.com"),
    ]
    assert tokens[1].args == 'f(")")'


def test_directive_eats_one_newline():
    assert shape(directives(text("@csrf\n\nx"), CTX))[1] == ("text", "\nx")


def test_directive_argument_errors():
    with pytest.raises(ScanError, match="Unclosed"):
        directives(text("@if(x"), CTX)
    with pytest.raises(ScanError, match="needs arguments"):
        directives(text("@if x"), CTX)


def test_echoes():
    tokens = echoes(text("a{{ x }}b{!! y !!}@{{ z }}"), CTX)
    assert shape(tokens) == [
        ("text", "a"),
        ("echo", " x "),
        ("text", "b"),
        ("raw", " y "),
        ("literal", "{{ z }}"),
    ]


def test_restore_merges_text():
    tokens = [Token(Kind.TEXT, 0, "a"), Token(Kind.LITERAL, 1, "b"), Token(Kind.TEXT, 2, "")]
    assert shape(restore(tokens, CTX)) == [("text", "ab")]
