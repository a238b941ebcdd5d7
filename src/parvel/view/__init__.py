"""Blade: compiled templates with Blade's syntax and Python expressions.

See docs/views.md for the guide. ``Blade`` works on its own, without an application.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from parvel.support.lazy import lazy_exports
from parvel.view.view import view

if TYPE_CHECKING:
    from parvel.view._escape import escape
    from parvel.view.attributes import ComponentAttributeBag, ComponentSlot
    from parvel.view.blade import Blade, ViewData
    from parvel.view.compiler import Directive
    from parvel.view.components import Component
    from parvel.view.exceptions import TemplateError, TemplateNotFound, TemplateSyntaxError
    from parvel.view.hooks import ViewHooks
    from parvel.view.loop import Loop
    from parvel.view.view import View

__all__ = [
    "Blade",
    "Component",
    "ComponentAttributeBag",
    "ComponentSlot",
    "Directive",
    "Loop",
    "TemplateError",
    "TemplateNotFound",
    "TemplateSyntaxError",
    "View",
    "ViewData",
    "ViewHooks",
    "escape",
    "view",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Blade": "parvel.view.blade",
        "Component": "parvel.view.components",
        "ComponentAttributeBag": "parvel.view.attributes",
        "ComponentSlot": "parvel.view.attributes",
        "Directive": "parvel.view.compiler",
        "Loop": "parvel.view.loop",
        "TemplateError": "parvel.view.exceptions",
        "TemplateNotFound": "parvel.view.exceptions",
        "TemplateSyntaxError": "parvel.view.exceptions",
        "View": "parvel.view.view",
        "ViewData": "parvel.view.blade",
        "ViewHooks": "parvel.view.hooks",
        "escape": "parvel.view._escape",
    },
)


class _CallableViewModule(types.ModuleType):
    """``parvel.view`` is both this package and the ``view()`` helper.

    Once the package is imported, ``from parvel import view`` finds the package rather than the
    function; making the package callable keeps ``view("welcome")`` working either way.
    """

    def __call__(self, name: str, data: Mapping[str, Any] | None = None, **more: Any) -> View:
        return view(name, data, **more)


sys.modules[__name__].__class__ = _CallableViewModule
