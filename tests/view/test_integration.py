"""Directive families working together, as a real page uses them."""

from __future__ import annotations


def test_page_with_layout_components_includes_and_stacks(blade, views):
    views(
        **{
            "layouts.app": (
                "<html><head>@stack('head')</head><body>\n"
                "@yield('content')\n"
                "@stack('scripts')</body></html>"
            ),
            "components.card": (
                "@props(['title'])\n"
                "@once\n@push('head')\n<link href=\"card.css\">\n@endpush\n@endonce\n"
                "<div {{ attributes.merge({'class': 'card'}) }}><h2>{{ title }}</h2>{{ slot }}</div>"
            ),
            "posts.row": "<li>{{ loop.iteration }}. {{ post['title'] }}</li>",
            "posts.index": (
                "@extends('layouts.app')\n"
                "@section('content')\n"
                "@foreach(groups.items() as name, posts)\n"
                '<x-card :title="name" class="wide">\n'
                "<ul>@foreach(posts as post)@include('posts.row')@endforeach</ul>\n"
                "</x-card>\n"
                "@endforeach\n"
                "@endsection\n"
                "@push('scripts')\n<script src=\"app.js\"></script>\n@endpush\n"
            ),
        }
    )
    groups = {"News": [{"title": "A"}, {"title": "B"}], "Tips": [{"title": "<C>"}]}
    html = blade.render("posts.index", {"groups": groups})
    assert html == (
        '<html><head><link href="card.css">\n</head><body>\n'
        '<div class="card wide"><h2>News</h2><ul><li>1. A</li><li>2. B</li></ul></div>'
        '<div class="card wide"><h2>Tips</h2><ul><li>1. &lt;C&gt;</li></ul></div>'
        '<script src="app.js"></script>\n</body></html>'
    )


def test_sections_are_fresh_for_each_render(blade, views):
    views(
        **{
            "layout": "[@yield('a', 'none')]",
            "one": "@extends('layout')\n@section('a')one\n@endsection",
        }
    )
    assert blade.render("one") == "[one\n]"
    assert blade.render_string("@extends('layout')") == "[none]"


def test_slot_content_uses_the_callers_scope(blade, views):
    views(**{"components.box": "<b>{{ slot }}</b>"})
    source = "@foreach(['x', 'y'] as letter)<x-box>{{ letter }}{{ loop.index }}</x-box>@endforeach"
    assert blade.render_string(source) == "<b>x0</b><b>y1</b>"


def test_nested_components_with_slots(blade, views):
    views(
        **{
            "components.modal": "<dialog>{{ header }}|{{ slot }}</dialog>",
            "components.btn": "<button>{{ slot }}</button>",
        }
    )
    source = "<x-modal><x-slot:header><x-btn>Close</x-btn></x-slot>Body <x-btn>OK</x-btn></x-modal>"
    assert blade.render_string(source) == (
        "<dialog><button>Close</button>|Body <button>OK</button></dialog>"
    )
