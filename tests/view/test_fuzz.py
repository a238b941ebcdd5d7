"""Any input either compiles or raises TemplateSyntaxError: never another exception or a hang."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parvel.view import Blade, TemplateSyntaxError

PIECES = [
    "@if(",
    "@if(x)",
    "@elseif(y)",
    "@else",
    "@endif",
    "@foreach(items as i)",
    "@foreach(",
    "@endforeach",
    "@forelse(a as b)",
    "@empty",
    "@endforelse",
    "@switch(x)",
    "@case(1)",
    "@break",
    "@default",
    "@endswitch",
    "@section('a')",
    "@endsection",
    "@show",
    "@yield('a')",
    "@extends('x')",
    "@push('s')",
    "@endpush",
    "@once",
    "@endonce",
    "@python",
    "@endpython",
    "@verbatim",
    "@endverbatim",
    "{{",
    "}}",
    "{!!",
    "!!}",
    "{{--",
    "--}}",
    "@{{",
    "@@",
    "<x-a",
    "<x-a>",
    "</x-a>",
    "<x-slot:b>",
    "</x-slot>",
    "/>",
    ">",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "#",
    "\\",
    "\n",
    " ",
    "x",
    "1",
    ":",
    "=",
    ",",
    "as",
    "in",
    "yield",
    "lambda",
    "@class([",
    "@json(",
    "@props(",
    "@use(",
    "@error('e')",
    "@enderror",
    "@while(0)",
    "@endwhile",
    "@for(i in",
    "@endfor",
    "@isset(",
    "@auth",
    "@endauth",
    "\x00",
    "é",
    "@continue",
    "@include('p')",
    ':m="',
    "@csrf",
    "@method(",
    "@fragment('f')",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_compiler_never_crashes_on_blade_like_input(pieces):
    check("".join(pieces))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_compiler_never_crashes_on_random_text(source):
    check(source)


ENGINE = Blade()


def check(source: str) -> None:
    location = (1, 1)
    reason = ""
    try:
        ENGINE.compiler.compile(source)
    except TemplateSyntaxError as error:
        location = (error.line, error.column)
        reason = error.reason
    assert min(location) >= 1
    assert "Internal compiler error" not in reason, source
