from __future__ import annotations


def test_push_prepend_stack(render):
    source = (
        "@push('s')\nA\n@endpush\n@push('s')\nB\n@endpush\n@prepend('s')\nZ\n@endprepend\n"
        "@stack('s')"
    )
    assert render(source) == "Z\nA\nB\n"


def test_stack_in_layout_receives_child_pushes(blade, views):
    views(
        **{
            "layout": "<head>@stack('css')</head>",
            "page": "@extends('layout')\n@push('css')x\n@endpush",
        }
    )
    assert blade.render("page") == "<head>x\n</head>"


def test_push_once(render):
    source = "@foreach([1, 2] as i)@pushOnce('s')once @endPushOnce@endforeach@stack('s')"
    assert render(source) == "once "


def test_push_once_with_id_shared_across_templates(blade, views):
    views("part", "@pushOnce('js', 'lib')lib @endPushOnce")
    assert blade.render_string("@include('part')@include('part')@stack('js')") == "lib "


def test_push_if(render):
    assert render("@pushIf(x, 's')yes @endPushIf@stack('s')", x=True) == "yes "
    assert render("@pushIf(x, 's')yes @endPushIf@stack('s')", x=False) == ""


def test_once(render):
    assert (
        render("@foreach(range(3) as i)@once\nfirst\n@endonce\n{{ i }}@endforeach") == "first\n012"
    )


def test_has_stack(render):
    assert (
        render("@push('a')x @endpush\n@hasStack('a')yes @endif\n@hasstack('b')no @endif") == "yes "
    )
