from __future__ import annotations

import pytest

from parvel.view import TemplateSyntaxError


@pytest.mark.parametrize(("x", "expected"), [(1, "one"), (2, "two"), (3, "other")])
def test_if_elseif_else(render, x, expected):
    source = "@if(x == 1)\none\n@elseif(x == 2)\ntwo\n@else\nother\n@endif\n"
    assert render(source, x=x) == expected + "\n"


def test_directive_argument_with_parenthesis_in_string(render):
    assert render('@if(f(")"))yes @endif', f=lambda s: s == ")") == "yes "


def test_space_before_arguments(render):
    assert render("@if (True)ok @endif") == "ok "


def test_unless(render):
    assert render("@unless(x)no @else\nyes @endunless", x=True) == "yes "


def test_isset(render):
    source = "@isset(user.name)set @else\nunset @endisset"
    assert render(source) == "unset "
    assert render(source, user=type("U", (), {"name": "a"})()) == "set "
    assert render("@isset(x)set @endisset", x=None) == ""


def test_empty_block(render):
    assert render("@empty(items)none @endempty", items=[]) == "none "
    assert render("@empty(items)none @endempty", items=[1]) == ""
    assert render("@empty(missing)none @endempty") == "none "


def test_switch(render):
    source = (
        "@switch(x)\n@case(1)\none\n@break\n@case(2)\n@case(3)\ntwo-three\n@break\n"
        "@default\nother\n@endswitch"
    )
    assert render(source, x=1) == "one\n"
    assert render(source, x=3) == "two-three\n"
    assert render(source, x=9) == "other\n"


def test_text_before_first_case_is_an_error(render):
    with pytest.raises(TemplateSyntaxError, match="between @switch"):
        render("@switch(x) oops @case(1) @endswitch", x=1)


def test_else_outside_if(render):
    with pytest.raises(TemplateSyntaxError, match="Unexpected @else"):
        render("@else")


def test_else_after_else(render):
    with pytest.raises(TemplateSyntaxError, match="after @else"):
        render("@if(1) @else @else @endif")


def test_snake_and_camel_spellings(render, blade, views):
    views(**{"sections.x": "@section('a')A\n@endsection\n@hasSection('a')has @endif"})
    assert render("@section('a')A\n@endsection\n@has_section('a')yes @endif") == "yes "
    assert render("@sectionMissing('b')missing @endif") == "missing "
    assert render("@section_missing('b')missing @endif") == "missing "
