from __future__ import annotations

LAYOUT = (
    "<title>@yield('title', 'Default & co')</title>\n"
    "@section('sidebar')\nmaster bar\n@show\n"
    "<main>@yield('content')</main>"
)


def test_extends_section_yield_parent(blade, views):
    views(**{"layouts.app": LAYOUT})
    views(
        "child",
        "@extends('layouts.app')\n"
        "@section('title', 'Page <1>')\n"
        "@section('sidebar')\n@parent\nchild bar\n@endsection\n"
        "@section('content')\nHello {{ name }}\n@endsection\n",
    )
    assert blade.render("child", {"name": "Ann"}) == (
        "<title>Page &lt;1&gt;</title>\nmaster bar\nchild bar\n<main>Hello Ann\n</main>"
    )


def test_yield_default_is_escaped(blade, views):
    views(**{"layouts.app": LAYOUT, "bare": "@extends('layouts.app')"})
    assert blade.render("bare").startswith("<title>Default &amp; co</title>\nmaster bar\n")


def test_three_levels_with_parent(blade, views):
    views(
        **{
            "base": "[@section('x')base @show]",
            "middle": "@extends('base')\n@section('x')middle @parent\n@endsection",
            "leaf": "@extends('middle')\n@section('x')leaf @parent\n@endsection",
        }
    )
    assert blade.render("leaf") == "[leaf middle base ]"


def test_append_and_overwrite(render):
    assert render("@section('a')1\n@endsection\n@section('a')2\n@append\n@yield('a')") == "1\n2\n"
    assert render("@section('a')1\n@endsection\n@section('a')2\n@overwrite\n@yield('a')") == "2\n"


def test_child_variables_reach_layout(blade, views):
    views(**{"layout": "{{ who }}", "page": "@extends('layout')\n@python who = 'me' @endpython"})
    assert blade.render("page") == "me"


def test_has_section_and_section_missing(render):
    source = "@section('a') x @endsection\n@hasSection('a')A @endif\n@sectionMissing('b')B @endif"
    assert render(source) == "A B "


def test_blank_section_counts_as_missing(render):
    assert render("@section('a')   @endsection\n@hasSection('a')A @else\nnone @endif") == "none "


def test_stop_closes_a_section(render):
    assert render("@section('a')x\n@stop\n@yield('a')") == "x\n"


def test_extends_first(blade, views):
    views(
        **{
            "two": "two:@yield('c')",
            "page": "@extendsFirst(['one', 'two'])\n@section('c')c\n@endsection",
        }
    )
    assert blade.render("page") == "two:c\n"
