"""Blade: compiled templates with Blade's syntax and Python expressions.

See docs/views.md for the guide. ``Blade`` works on its own, without an application.
"""

from __future__ import annotations

from parvel.view.attributes import ComponentAttributeBag, ComponentSlot
from parvel.view.blade import Blade, ViewData
from parvel.view.compiler import Directive
from parvel.view.components import Component
from parvel.view.exceptions import TemplateError, TemplateNotFound, TemplateSyntaxError
from parvel.view.hooks import ViewHooks
from parvel.view.loop import Loop
from parvel.view.view import View, view

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
    "view",
]
