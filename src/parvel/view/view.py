"""View: a named template with its data, rendered when the response is built.

``view("posts.show", post=post)`` returns one; a route or controller returns it and the HTTP
layer renders it. Tests can read ``view.name`` and ``view.data`` before it renders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.view.blade import Blade


class View:
    """A view to render: ``name`` (dotted), ``data``, and the engine that renders it."""

    def __init__(self, engine: Blade, name: str, data: Mapping[str, Any] | None = None) -> None:
        self.engine = engine
        self.name = name
        self.data: dict[str, Any] = dict(data or {})

    def with_(self, key: str | Mapping[str, Any], value: Any = None) -> View:
        """Add data: ``view("home").with_("name", "Ann")`` or ``.with_({...})``."""
        if isinstance(key, Mapping):
            self.data.update(key)
        else:
            self.data[key] = value
        return self

    def render(self) -> str:
        """Render the template to HTML."""
        return self.engine.render(self.name, self.data)

    def fragment(self, name: str) -> str:
        """Render only the ``@fragment(name)`` part (for htmx-style partial updates)."""
        return self.engine.fragment(self.name, name, self.data)

    def fragment_if(self, condition: Any, name: str) -> str:
        """The ``@fragment(name)`` part when ``condition`` holds, else the whole view."""
        return self.fragment(name) if condition else self.render()

    def fragments(self, names: Iterable[str]) -> str:
        """The given ``@fragment`` parts, one after the other."""
        return "".join(self.fragment(name) for name in names)

    def fragments_if(self, condition: Any, names: Iterable[str]) -> str:
        """The given ``@fragment`` parts when ``condition`` holds, else the whole view."""
        return self.fragments(names) if condition else self.render()

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"<View {self.name!r}>"


def view(name: str, data: Mapping[str, Any] | None = None, **more: Any) -> View:
    """Make a :class:`View` of the running app's view engine.

    Example: ``return view("posts.index", posts=posts)``.
    """
    from parvel.support.facade import Facade

    engine: Blade = Facade.get_application().make("view")
    return View(engine, name, {**(data or {}), **more})
