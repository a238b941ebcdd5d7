from __future__ import annotations

import pytest

from parvel.view import Blade, Directive, TemplateSyntaxError
from parvel.view.compiler import Compiler


def test_generated_code_binds_locals_and_joins_a_list():
    source = Blade().compiler.compile("{{ a }}{!! b !!}@foreach(xs as x){{ x }}@endforeach").source
    assert "_b_a = _b_o.append" in source
    assert "_b_x = _b_escape_str" in source
    assert "return ''.join(_b_o)" in source
    assert "for x in _b_loop" in source


def test_code_object_uses_the_template_path(tmp_path):
    compiled = Blade().compiler.compile("a\n{{ b }}", str(tmp_path / "t.blade.html"))
    assert compiled.code.co_filename == str(tmp_path / "t.blade.html")
    assert compiled.code.co_name == "_b_render"


def test_signature_changes_with_directives():
    compiler = Compiler()
    before = compiler.signature()
    compiler.register("shout", Directive(lambda c, t: None, "none"))
    assert compiler.signature() != before


def test_register_rejects_bad_names():
    with pytest.raises(ValueError, match="Invalid directive name"):
        Compiler().register("a b", Directive(lambda c, t: None))


def test_compiles_without_component_support():
    compiler = Compiler()
    compiler.register("if", Directive(lambda c, t: None, "required"))
    with pytest.raises(Exception, match="Component tags are not supported"):
        compiler.compile("<x-a/>")


def test_many_unclosed_echo_brackets_are_a_syntax_error():
    with pytest.raises(TemplateSyntaxError, match="Invalid Python expression") as info:
        Blade().compiler.compile("{{ ( }}\n" * 3000)
    assert info.value.line == 1


def test_long_expression_with_braces_still_finds_its_end():
    items = ", ".join(f"'k{i}': {{'v': {i}}}" for i in range(100))
    assert Blade().render_string("{{ {" + items + "}['k99']['v'] }}") == "99"
