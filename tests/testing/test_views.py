from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parvel.testing import TestView, render_blade, render_component, render_view
from parvel.view import Blade, Component


class Alert(Component):
    def __init__(self, alert_type: str, message: str = "") -> None:
        self.alert_type = alert_type
        self.message = message

    def render(self) -> str:
        return '<div class="alert-{{ alert_type }}">{{ message }} {{ slot }}</div>'


@pytest.fixture
def blade(tmp_path: Path) -> Blade:
    (tmp_path / "views/posts").mkdir(parents=True)
    (tmp_path / "views/posts/index.blade.html").write_text(
        "<h1>{{ title }}</h1>@foreach(posts as post)<li>{{ post }}</li>@endforeach"
    )
    return Blade(paths=[tmp_path / "views"])


def test_render_view(blade: Blade) -> None:
    view = render_view("posts.index", {"title": "Tom & Jerry", "posts": ["a", "b"]}, app=blade)
    assert isinstance(view, TestView)
    view.assert_see("Tom & Jerry").assert_see_text("Tom & Jerry").assert_see_in_order(["a", "b"])
    view.assert_dont_see("c").assert_dont_see_text("zzz").assert_see_text_in_order(["a", "b"])
    assert view.view.name == "posts.index"
    assert "<li>a</li>" in str(view)
    with pytest.raises(AssertionError, match=r"\[c\] is seen in the view\.\n\nRendered: <h1>"):
        view.assert_see("c")
    with pytest.raises(AssertionError, match=r"are seen in order.*stopped at \[a\]"):
        view.assert_see_in_order(["b", "a"])


def test_render_blade(blade: Blade) -> None:
    render_blade("<p>{{ name }}</p>", {"name": "<Ann>"}, app=blade).assert_see("<Ann>").assert_see(
        "&lt;Ann&gt;", escape=False
    )


def test_render_component(blade: Blade) -> None:
    render_component(Alert, {"alert_type": "error", "message": "Oops"}, app=blade).assert_see(
        "Oops"
    ).assert_see('class="alert-error"', escape=False)
    blade.component("alert", Alert)
    render_component("alert", {"alert_type": "info"}, slot="<b>x</b>", app=blade).assert_see(
        "<b>x</b>", escape=False
    )


def test_render_view_in_an_app(make_app: Any) -> None:
    make_app(lambda router: None, views={"hello": "Hi {{ name }}"})
    render_view("hello", {"name": "Ann"}).assert_see("Hi Ann")


def test_render_view_without_a_view_binding_fails_clearly() -> None:
    class NoViews:
        def bound(self, name: str) -> bool:
            return False

    with pytest.raises(AssertionError, match="render_view needs the view component"):
        render_view("x", app=NoViews())
