from __future__ import annotations

from markupsafe import Markup


def test_echo_escapes(render):
    assert render("Hi {{ name }}!", name="<b>&amp;") == "Hi &lt;b&gt;&amp;amp;!"


def test_echo_expression_and_none(render):
    assert render("{{ a + 1 }}|{{ n }}|", a=1, n=None) == "2||"


def test_raw_echo(render):
    assert render("{!! html !!}", html="<b>x</b>") == "<b>x</b>"


def test_markup_is_not_escaped_again(render):
    assert render("{{ m }}", m=Markup("<i>ok</i>")) == "<i>ok</i>"


def test_html_protocol_objects_are_not_escaped(render):
    class Html:
        def __html__(self) -> str:
            return "<u>u</u>"

    assert render("{{ h }}", h=Html()) == "<u>u</u>"


def test_comments_are_removed(render):
    assert render("a{{-- {{ boom }} @if(\n --}}b") == "ab"


def test_at_brace_prints_literal(render):
    assert render("@{{ name }} and @@if") == "{{ name }} and @if"


def test_verbatim(render):
    assert render("@verbatim {{ x }} @if(y) @endverbatim!") == " {{ x }} @if(y) !"


def test_echo_with_braces_inside(render):
    assert render("{{ {'a': {'b': 1}}['a']['b'] }}") == "1"


def test_echo_with_closing_braces_in_string(render):
    assert render("{{ 'a }} b' }}") == "a }} b"


def test_email_and_css_at_rules_stay_text(render):
    assert render("user@if.com @media (x) {}") == "user@if.com @media (x) {}"


def test_echo_keeps_following_newline(render):
    assert render("{{ 1 }}\n{{ 2 }}\n") == "1\n2\n"


def test_multiline_echo_with_comment(render):
    assert render("{{ x # a comment\n + 1 }}", x=1) == "2"


def test_context_may_shadow_builtins_used_by_generated_code(render, blade, views):
    views(**{"components.t": "@props(['type', 'str'])\n{{ type }}{{ str }}@method(type)"})
    source = "{{ type }}{{ str }}{!! bool !!}<x-t type='a' str='b'/>@class([type])@json(str)"
    assert render(source, type="x", str="y", bool="z", locals=1) == (
        'xyzab<input type="hidden" name="_method" value="A">class="x""y"'
    )


def test_enum_prints_its_value(render):
    import enum

    class Color(enum.Enum):
        RED = "<red>"

    assert render("{{ c }}", c=Color.RED) == "&lt;red&gt;"
