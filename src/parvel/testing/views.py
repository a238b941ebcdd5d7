"""View testing: render a view, inline Blade or a component, then assert on the HTML.

::

    render_view("posts.index", {"posts": ["Hello"]}).assert_see("Hello")
    render_blade("<p>{{ name }}</p>", {"name": "Ann"}).assert_see_text("Ann")
    render_component(Alert, {"alert_type": "error", "message": "Oops"}).assert_see("Oops")
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any, NoReturn

from parvel.support import Str
from parvel.testing._text import TextAssertions

_EXCERPT = 600
_ids = itertools.count(1)


class TestView(TextAssertions):
    """Rendered HTML with ``assert_see`` and friends (Laravel's TestView).

    Attributes:
        text: The rendered HTML (also ``str(test_view)``).
        view: The :class:`~parvel.view.View` rendered by :func:`render_view` (else ``None``).
    """

    __test__ = False
    _subject = "view"

    def __init__(self, text: str, view: Any = None) -> None:
        self._text = text
        self.view = view

    @property
    def text(self) -> str:
        """The rendered HTML."""
        return self._text

    def __str__(self) -> str:
        return self._text

    def _fail(self, message: str) -> NoReturn:
        body = self._text if len(self._text) <= _EXCERPT else self._text[:_EXCERPT] + "…"
        raise AssertionError(f"{message}\n\nRendered: {body}")


def _engine(app: Any) -> Any:
    if app is None:
        from parvel.http._context import get_app

        app = get_app()
    if hasattr(app, "render_string"):  # a Blade engine given directly
        return app
    if not app.bound("view"):
        raise AssertionError(
            "render_view needs the view component: the app has no 'view' binding "
            "(register ViewServiceProvider)."
        )
    return app.make("view")


def render_view(name: str, data: Mapping[str, Any] | None = None, *, app: Any = None) -> TestView:
    """Render the view ``name`` with ``data`` (composers and shared data apply).

    Args:
        name: A dotted view name (``posts.index``).
        data: The view's variables.
        app: The application or a Blade engine (default: the running application).
    """
    engine = _engine(app)
    view = engine.make(name, dict(data or {}))
    return TestView(str(view.render()), view)


def render_blade(
    source: str, data: Mapping[str, Any] | None = None, *, app: Any = None
) -> TestView:
    """Render inline Blade ``source`` with ``data`` (Laravel's ``$this->blade(...)``)."""
    return TestView(str(_engine(app).render_string(source, dict(data or {}))))


def render_component(
    component: str | type[Any],
    data: Mapping[str, Any] | None = None,
    *,
    slot: str = "",
    app: Any = None,
) -> TestView:
    """Render a component (a registered name like ``"alert"`` or a class) with ``data``.

    Keys of ``data`` are passed as bound attributes (``alert_type`` as ``:alert-type``);
    ``slot`` is the component's Blade slot content.
    """
    engine = _engine(app)
    if isinstance(component, str):
        name = component
    else:
        name = f"parvel-test-component-{next(_ids)}"
        engine.component(name, component)
    values = dict(data or {})
    attributes = "".join(f' :{Str.kebab(key)}="_component_data[{key!r}]"' for key in values)
    source = f"<x-{name}{attributes}>{slot}</x-{name}>"
    return TestView(str(engine.render_string(source, {"_component_data": values})))
