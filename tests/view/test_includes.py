from __future__ import annotations

import pytest

from parvel.view import TemplateNotFound


def test_include_sees_parent_variables_and_loop(blade, views):
    views(
        **{
            "partials.row": "{{ prefix }}{{ item }}{{ loop.index }}{{ extra }}",
            "page": "@foreach(items as item)@include('partials.row', {'extra': '!'})\n@endforeach",
        }
    )
    assert blade.render("page", {"items": ["a", "b"], "prefix": "-"}) == "-a0!-b1!"


def test_include_missing_view_raises(blade, views):
    views("page", "@include('nope')")
    with pytest.raises(TemplateNotFound) as info:
        blade.render("page")
    assert "nope.blade.html" in str(info.value)


def test_include_if_when_unless(blade, views):
    views("p", "[{{ v }}]")
    assert blade.render_string("@includeIf('missing')@include_if('p', {'v': 1})") == "[1]"
    assert blade.render_string("@includeWhen(True, 'p', {'v': 2})@includeWhen(False, 'p')") == "[2]"
    assert (
        blade.render_string("@includeUnless(True, 'p')@includeUnless(False, 'p', {'v': 3})")
        == "[3]"
    )


def test_include_first(blade, views):
    views("b", "b")
    assert blade.render_string("@includeFirst(['a', 'b'])") == "b"
    with pytest.raises(TemplateNotFound):
        blade.render_string("@includeFirst(['a', 'c'])")


def test_include_isolated_does_not_see_parent(blade, views):
    views("iso", "@isset(secret)leak @endisset{{ given }}")
    assert blade.render_string("@includeIsolated('iso', {'given': 1})", {"secret": 1}) == "1"


def test_each(blade, views):
    views(**{"item": "{{ key }}:{{ job }};", "none": "nothing"})
    assert blade.render_string("@each('item', jobs, 'job')", {"jobs": ["a", "b"]}) == "0:a;1:b;"
    assert blade.render_string("@each('item', [], 'job', 'none')") == "nothing"
    assert blade.render_string("@each('item', [], 'job', 'raw|<i>no</i>')") == "<i>no</i>"
