from __future__ import annotations

import traceback

import pytest

from parvel.view import TemplateNotFound, TemplateSyntaxError


@pytest.mark.parametrize(
    ("source", "line", "column", "message"),
    [
        ("a\nb\n@if(x)\nc", 3, 1, "Unclosed @if"),
        ("ok\n  @endforeach", 2, 3, "Unexpected @endforeach"),
        ("line\n{{ 1 + }}", 2, 8, "Invalid Python expression"),
        ("@if(x\n", 1, 4, "Unclosed '('"),
        ("{{ x", 1, 1, "Unclosed {{"),
        ("{{-- x", 1, 1, "Unclosed Blade comment"),
        ("@verbatim x", 1, 1, "Unclosed @verbatim"),
        ("{{ }}", 1, 3, "Missing expression"),
        ("@foreach(a as b)\n@endif", 2, 1, "innermost open block is @foreach"),
        ("{{ x) + (y }}", 1, 5, "Unbalanced"),
        ("{{ (yield 1) }}", 1, 3, "not allowed"),
        ("@if(x) # nope)", 1, 1, "Unclosed"),
    ],
)
def test_syntax_errors_have_location(render, source, line, column, message):
    with pytest.raises(TemplateSyntaxError) as info:
        render(source, x=1)
    error = info.value
    assert message in error.reason
    assert (error.line, error.column) == (line, column)
    assert error.path == "<string>"
    assert error.hint


def test_syntax_error_in_file_names_the_path(blade, views):
    path = views("broken", "one\ntwo {{ ) }}")
    with pytest.raises(TemplateSyntaxError) as info:
        blade.render("broken")
    assert info.value.path == str(path.resolve())
    assert info.value.line == 2
    assert f"{path.resolve()}, line 2" in str(info.value)


def test_runtime_error_points_at_template_line(blade, views):
    path = views("page", "line 1\n@foreach(items as i)\n  {{ 10 // i }}\n@endforeach")
    with pytest.raises(ZeroDivisionError) as info:
        blade.render("page", {"items": [1, 0]})
    error = info.value
    assert error.template_path == str(path.resolve())
    assert error.template_line == 3
    frames = traceback.extract_tb(error.__traceback__)
    assert (frames[-1].filename, frames[-1].lineno) == (str(path.resolve()), 3)
    assert frames[-1].line == "{{ 10 // i }}"
    assert any("line 3" in note for note in error.__notes__)


def test_runtime_error_in_include_names_the_partial(blade, views):
    partial = views("partial", "ok\n{{ missing }}")
    views("page", "@include('partial')")
    with pytest.raises(NameError) as info:
        blade.render("page")
    assert info.value.template_path == str(partial.resolve())
    assert info.value.template_line == 2


def test_multiline_expression_error_line(blade, views):
    views("page", "a\n{{ f(\n  1,\n  2 // zero) }}")
    with pytest.raises(ZeroDivisionError) as info:
        blade.render("page", {"f": lambda a, b: a, "zero": 0})
    assert info.value.template_line == 4


def test_template_not_found_names_searched_paths(blade, view_path):
    with pytest.raises(TemplateNotFound) as info:
        blade.render("posts.index")
    expected = str(view_path / "posts" / "index.blade.html")
    assert info.value.searched == [expected]
    assert expected in str(info.value)
    assert info.value.code == "template-not-found"


def test_php_variables_get_a_python_hint(render):
    with pytest.raises(TemplateSyntaxError) as info:
        render("@foreach($posts as $post)x@endforeach")
    assert "not $name" in str(info.value)


def test_too_deep_nesting_is_a_syntax_error(render):
    with pytest.raises(TemplateSyntaxError, match="nested more than"):
        render("@if(1)" * 120 + "x" + " @endif" * 120)


def test_traceback_shows_inline_template_lines(render):
    with pytest.raises(ZeroDivisionError) as info:
        render("one\n<b>{{ 1 // zero }}</b>", zero=0)
    frame = traceback.extract_tb(info.value.__traceback__)[-1]
    assert frame.filename.startswith("<string:")
    assert (frame.lineno, frame.line) == (2, "<b>{{ 1 // zero }}</b>")
