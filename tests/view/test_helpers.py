from __future__ import annotations

import pytest

from parvel.view import TemplateSyntaxError


def test_class(render):
    source = "<span @class(['p-4', {'font-bold': active, 'hidden': not active}])></span>"
    assert render(source, active=True) == '<span class="p-4 font-bold"></span>'


def test_style(render):
    source = "<span @style(['color: red', {'font-weight: bold': bold}])></span>"
    assert render(source, bold=True) == '<span style="color: red; font-weight: bold;"></span>'


@pytest.mark.parametrize("name", ["checked", "selected", "disabled", "readonly", "required"])
def test_boolean_attributes(render, name):
    assert render(f"<input @{name}(x)>", x=True) == f"<input {name}>"
    assert render(f"<input @{name}(x)>", x=False) == "<input >"


def test_json_is_script_safe(render):
    html = render("<script>var d = @json(data);</script>", data={"a": "</script><b>'\"&"})
    assert html == (
        '<script>var d = {"a":"\\u003C\\/script\\u003E\\u003Cb\\u003E\\u0027\\u0022\\u0026"};</script>'
    )


def test_json_indent(render):
    assert render("@json(data, indent=2)", data=[1]) == "[\n  1\n]"


def test_js(render):
    assert render("@js(data)", data={"a": 1}) == "JSON.parse('{\\u0022a\\u0022:1}')"
    assert render("@js(s)", s="it's") == "'it\\u0027s'"
    assert render("@js(n)", n=3) == "3"


def test_bool(render):
    assert render("@bool(x)", x=1) == "true"


def test_use(render):
    assert render("@use('math', 'm'){{ m.floor(2.5) }}") == "2"
    assert render("@use('collections.OrderedDict'){{ OrderedDict.__name__ }}") == "OrderedDict"


def test_use_rejects_non_literal(render):
    with pytest.raises(TemplateSyntaxError, match="string literal"):
        render("@use(name)")


def test_python_block_and_inline(render):
    source = "@python\n    total = 0\n    for n in nums:\n        total += n\n@endpython\n{{ total }}@python(total *= 2){{ total }}"
    assert render(source, nums=[1, 2]) == "36"


def test_python_block_can_shadow_context_value(render):
    assert render("{{ x }}@python x = x + 1 @endpython{{ x }}", x=1) == "12"


def test_python_block_syntax_error_points_at_line(render):
    with pytest.raises(TemplateSyntaxError) as info:
        render("a\n@python\n  x = 1\n  y = = 2\n@endpython")
    assert info.value.line == 4


def test_return_is_rejected(render):
    with pytest.raises(TemplateSyntaxError, match="return"):
        render("@python return 1 @endpython")


def test_fragment(blade, views):
    views("page", "before @fragment('list')<ul>{{ n }}</ul>@endfragment after")
    assert blade.render("page", {"n": 1}) == "before <ul>1</ul> after"
    assert blade.fragment("page", "list", {"n": 2}) == "<ul>2</ul>"
    with pytest.raises(KeyError):
        blade.fragment("page", "other", {"n": 3})


def test_inject_imports_and_calls_without_a_resolver(render):
    assert render("@inject('counter', 'collections.Counter'){{ len(counter) }}") == "0"


def test_inject_uses_the_resolve_hook(blade):
    blade.hooks.resolve = lambda target: {"metrics": "M"}[target]
    assert blade.render_string("@inject('m', 'metrics'){{ m }}") == "M"


def test_inject_needs_a_literal_name(render):
    with pytest.raises(TemplateSyntaxError, match="string literal"):
        render("@inject(name, 'x')")


def test_stringable_echo_handlers(blade):
    import decimal

    blade.stringable(decimal.Decimal, lambda d: f"€{d:.2f}")
    assert blade.render_string(
        "{{ price }} {{ n }}", {"price": decimal.Decimal("3.5"), "n": 2}
    ) == ("€3.50 2")


def test_lang_and_choice(blade):
    assert blade.render_string("@lang('messages.welcome')|@choice('messages.apples', 3)") == (
        "messages.welcome|messages.apples"
    )
    blade.hooks.translate = lambda key, replace, locale: f"Welcome, {replace['name']}!"
    blade.hooks.choice = lambda key, number, replace, locale: f"{number} apples"
    source = "@lang('messages.welcome', {'name': 'Ann'})|@choice('messages.apples', 3)"
    assert blade.render_string(source) == "Welcome, Ann!|3 apples"
