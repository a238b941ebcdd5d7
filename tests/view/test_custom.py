from __future__ import annotations

import datetime

import pytest

from parvel.view import Directive, TemplateSyntaxError


def test_simple_custom_directive(blade):
    blade.directive("datetime", lambda expr: f"({expr}).strftime('%m/%d/%Y %H:%M')")
    when = datetime.datetime(2024, 1, 2, 3, 4)
    assert blade.render_string("@datetime(when)", {"when": when}) == "01/02/2024 03:04"


def test_custom_directive_returning_bad_code(blade):
    blade.directive("bad", lambda expr: "1 +")
    with pytest.raises(TemplateSyntaxError, match="Invalid Python"):
        blade.render_string("@bad(1)")


def test_full_directive_object(blade):
    def shout(c, token):
        c.write("_b_a(str(", c.expr(token.args, token.args_pos), ").upper())", pos=token.pos)

    blade.directive("shout", Directive(shout, "required"))
    assert blade.render_string("@shout(name)!", {"name": "hi"}) == "HI!"


def test_invalid_directive_name(blade):
    with pytest.raises(ValueError, match="Invalid directive name"):
        blade.directive("no-dash", lambda e: "1")


def test_custom_if(blade):
    blade.if_("disk", lambda value: value == "local")
    source = "@disk('local')L @elsedisk('s3')S @else\nX @enddisk|@unlessdisk('local')U @enddisk"
    assert blade.render_string(source) == "L |"
    assert blade.render_string("@disk('s3')L @elsedisk('s3')S @enddisk") == ""
    blade.if_("disk", lambda value: value == "s3")
    assert blade.render_string("@disk('x')L @elsedisk('s3')S @enddisk") == "S "
