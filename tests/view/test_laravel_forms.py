"""Laravel's own spellings inside Blade expressions, and outputs that match Laravel's bytes."""

from __future__ import annotations

from markupsafe import Markup

from parvel.view.compiler._arrows import rewrite_arrows
from parvel.view.html import js, to_json


def test_rewrite_arrows_turns_keyed_items_into_dicts() -> None:
    assert rewrite_arrows("['p-4', 'bold' => on]") == "['p-4', {'bold': on}]"
    assert rewrite_arrows("'row', ['item' => x, 'y' => '=>']") == "'row', {'item': x, 'y': '=>'}"
    assert rewrite_arrows("['a' => ['b' => f(1, [2])]]") == "{'a': {'b': f(1, [2])}}"
    assert rewrite_arrows("a >= b and [1, 2]") == "a >= b and [1, 2]"
    assert rewrite_arrows("items as key => value") == "items as key => value"


def test_class_style_and_include_accept_arrow_arrays(render, views) -> None:
    views(**{"row": "<li>{{ item }}|{{ extra }}</li>"})
    source = "<span @class(['p-4', 'font-bold' => active, 'hidden' => not active])></span>"
    assert render(source, active=True) == '<span class="p-4 font-bold"></span>'
    source = "<span @style(['color: red', 'font-weight: bold' => active])></span>"
    assert render(source, active=True) == '<span style="color: red; font-weight: bold;"></span>'
    assert render("@include('row', ['item' => 'a'])", extra="E") == "<li>a|E</li>"


def test_props_and_merge_accept_arrow_arrays(blade, views) -> None:
    views(
        **{
            "components.alert": "@props(['type' => 'info', 'message'])\n"
            "<div {{ attributes.merge(['class' => 'alert alert-' + type]) }}>{{ message }}</div>"
        }
    )
    html = blade.render_string(
        '<x-alert type="error" :message="msg" class="mb-4"/>', {"msg": "Oops"}
    )
    assert html.strip() == '<div class="alert alert-error mb-4">Oops</div>'
    html = blade.render_string("<x-alert :message=\"['a' => 1]['a']\"/>", {})
    assert html.strip() == '<div class="alert alert-info">1</div>'


def test_foreach_key_arrow_value(render) -> None:
    source = "@foreach(d as k => v){{ k }}={{ v }};@endforeach"
    assert render(source, d={"a": 1, "b": 2}) == "a=1;b=2;"
    assert render(source, d=["x", "y"]) == "0=x;1=y;"
    source = "@foreach(d as k => v){{ loop.iteration }}/{{ loop.count }}:{{ k }} @endforeach"
    assert render(source, d={"a": 1, "b": 2}) == "1/2:a 2/2:b "


def test_echo_uses_php_entities(render) -> None:
    assert render("{{ s }}", s="<b>\"a\" & 'b'</b>") == (
        "&lt;b&gt;&quot;a&quot; &amp; &#039;b&#039;&lt;/b&gt;"
    )
    assert render("{{ s }}", s="&amp;") == "&amp;amp;"
    assert render("{{ s }}", s=Markup("<i>'</i>")) == "<i>'</i>"


def test_json_and_js_match_laravel_bytes() -> None:
    assert to_json({"u": "a/b", "e": "é"}) == '{"u":"a\\/b","e":"\\u00e9"}'
    assert js([]) == Markup("[]")
    assert js({}) == Markup("{}")
    assert js("a/b") == Markup("'a\\/b'")
    assert js({"a": "x/y"}) == Markup("JSON.parse('{\\u0022a\\u0022:\\u0022x\\\\\\/y\\u0022}')")


def test_error_and_session_restore_the_outer_variable(blade) -> None:
    class Bag:
        def has(self, key: str) -> bool:
            return key == "title"

        def first(self, key: str) -> str:
            return "The title field is required."

        def get(self, key: str) -> list[str]:
            return [self.first(key)]

    blade.hooks.errors = lambda bag: Bag()
    blade.hooks.session = lambda: {"status": "Saved"}
    source = "{{ message }}|@error('title'){{ message }}@enderror|{{ message }}"
    assert blade.render_string(source, {"message": "outer"}) == (
        "outer|The title field is required.|outer"
    )
    source = "@error('title'){{ message }}@enderror|@isset(message)set @endisset"
    assert blade.render_string(source, {}) == "The title field is required.|"
    source = "{{ value }}|@session('status'){{ value }}@endsession|{{ value }}"
    assert blade.render_string(source, {"value": "v"}) == "v|Saved|v"
    source = "@error('body')bad @else{{ message }}@enderror"
    assert blade.render_string(source, {"message": "m"}) == "m"


def test_c_style_for(render) -> None:
    assert render("@for(i = 0; i < 5; i++)@continue(i == 1)<{{ i }}>@endfor") == ("<0><2><3><4>")
    assert render("@for(i = 10; i > 0; i -= 3){{ i }},@endfor") == "10,7,4,1,"
    assert render("@for(i = 3; i > 0; --i){{ i }} @endfor") == "3 2 1 "
    assert render("@for(i in range(3)){{ i }}@endfor") == "012"


def test_unset(render) -> None:
    assert render("@php(x = 1)@unset(x)@isset(x)set @else gone @endisset") == " gone "
    assert render("@unset(a, b)@isset(a)a @endisset[{{ c }}]", a=1, b=2, c=3) == "[3]"


def test_json_php_flags(render) -> None:
    assert (
        render("@json(d, JSON_PRETTY_PRINT)", d={"a": [1]}) == '{\n    "a": [\n        1\n    ]\n}'
    )
    assert render("@json(d, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)", d="é/") == '"é/"'


def test_cases_on_one_line_share_a_body(render) -> None:
    source = "@switch(i) @case(1) @case(2) one-or-two @break @default other @endswitch"
    assert render(source, i=2).strip() == "one-or-two"
    assert render(source, i=3).strip() == "other"


def test_context_binds_value_from_the_hook(blade) -> None:
    source = "@context('canary'){{ value }}@endcontext|@context('other')x @endcontext"
    assert blade.render_string(source, {}) == "|"
    blade.hooks.context = lambda: {"canary": "on"}
    assert blade.render_string(source, {}) == "on|"


def test_render_takes_inline_source_like_blade_render(blade) -> None:
    assert blade.render("Hello, {{ name }}", {"name": "Julian Bashir"}) == "Hello, Julian Bashir"
    assert blade.render("<p>@if(x)yes @endif</p>", x=True) == "<p>yes </p>"


def test_view_fragment_helpers(blade, views) -> None:
    from parvel.view.view import View

    views(**{"dash": "<div>@fragment('a')A @endfragment@fragment('b')B @endfragment</div>"})
    page = View(blade, "dash")
    assert page.fragment("a") == "A "
    assert page.fragments(["a", "b"]) == "A B "
    assert page.fragment_if(True, "b") == "B "
    assert page.fragment_if(False, "b") == "<div>A B </div>"
    assert page.fragments_if(False, ["a"]) == str(page)
