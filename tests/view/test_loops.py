from __future__ import annotations

import pytest

from parvel.view import TemplateSyntaxError


def test_foreach_as(render):
    assert render("@foreach(items as item){{ item }},@endforeach", items=[1, 2]) == "1,2,"


def test_foreach_in(render):
    assert render("@foreach(item in items){{ item }};@endforeach", items="ab") == "a;b;"


def test_foreach_tuple_unpacking(render):
    source = "@foreach(d.items() as key, value){{ key }}={{ value }} @endforeach"
    assert render(source, d={"a": 1, "b": 2}) == "a=1 b=2 "


def test_loop_variable(render):
    source = (
        "@foreach(items as i)"
        "{{ loop.index }}{{ loop.iteration }}{{ loop.remaining }}{{ loop.count }}"
        "{{ loop.first }}{{ loop.last }}{{ loop.even }}{{ loop.odd }}{{ loop.depth }}|"
        "@endforeach"
    )
    assert render(source, items=["a", "b"]) == ("0112TrueFalseFalseTrue1|1202FalseTrueTrueFalse1|")


def test_nested_loop_parent_and_depth(render):
    source = (
        "@foreach(rows as row)@foreach(row as cell)"
        "{{ loop.depth }}{{ loop.parent.index }}{{ cell }} "
        "@endforeach{{ loop.depth }}|@endforeach"
    )
    assert render(source, rows=[[1], [2, 3]]) == "201 1|212 213 1|"


def test_loop_over_generator(render):
    assert render("@foreach(g as x){{ loop.count }}@endforeach", g=(i for i in range(2))) == "22"


def test_forelse(render):
    source = "@forelse(items as i){{ i }}@empty\nnone\n@endforelse"
    assert render(source, items=[1]) == "1"
    assert render(source, items=[]) == "none\n"


def test_for_and_while(render):
    assert render("@for(i in range(3)){{ i }}@endfor") == "012"
    source = "@python n = 0 @endpython@while(n < 3){{ n }}@python n += 1 @endpython@endwhile"
    assert render(source) == "012"


def test_break_and_continue(render):
    source = "@foreach(range(10) as i)@continue(i % 2)@break(i > 5){{ i }}@endforeach"
    assert render(source) == "024"
    assert render("@foreach([1, 2] as i){{ i }}@break @endforeach") == "1"


def test_break_outside_loop(render):
    with pytest.raises(TemplateSyntaxError, match="outside a loop"):
        render("@break")


def test_stray_endforeach(render):
    with pytest.raises(TemplateSyntaxError) as info:
        render("a\n@endforeach")
    assert info.value.line == 2


def test_bad_loop_header(render):
    with pytest.raises(TemplateSyntaxError, match="Invalid"):
        render("@foreach(items)x@endforeach")


def test_loop_parent_across_include(blade, views):
    views("row", "@foreach(row as cell){{ loop.depth }}{{ loop.parent.index }}@endforeach")
    assert (
        blade.render_string("@foreach(rows as row)@include('row')@endforeach", {"rows": [[1], [2]]})
        == "2021"
    )


def test_loop_object_is_skipped_when_nothing_reads_it(blade):
    plain = blade.compiler.compile("@foreach(items as i){{ i }}@endforeach").source
    assert "_b_Loop" not in plain
    used = blade.compiler.compile("@foreach(items as i){{ loop.index }}@endforeach").source
    assert "_b_Loop" in used
    included = blade.compiler.compile("@foreach(items as i)@include('row')@endforeach").source
    assert "_b_Loop" in included


def test_inner_loop_depth_keeps_outer_loop_alive(render):
    source = "@foreach(rows as row)\n@foreach(row as cell){{ loop.depth }}{{ loop.parent.index }}@endforeach\n@endforeach"
    assert render(source, rows=[[1], [2]]) == "2021"


def test_multiline_items_expression(render):
    assert render("@foreach([\n  1,\n  2,\n] as i){{ i }}@endforeach") == "12"
