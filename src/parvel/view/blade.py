"""The :class:`Blade` engine: finds, compiles, caches and renders templates."""

from __future__ import annotations

import builtins
import fnmatch
import hashlib
import linecache
import os
import re
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from parvel.view import html
from parvel.view._escape import escape_any, escape_str
from parvel.view.attributes import ComponentAttributeBag
from parvel.view.cache import TemplateCache
from parvel.view.compiler import Compiler, Directive
from parvel.view.components import ComponentRenderer
from parvel.view.directives import register_all
from parvel.view.directives.components import compile_tag
from parvel.view.directives.custom import register_condition, simple_directive
from parvel.view.exceptions import TemplateNotFound, TemplateSyntaxError
from parvel.view.finder import ViewFinder
from parvel.view.hooks import ViewHooks
from parvel.view.loop import Loop, key_value_pairs
from parvel.view.runtime import PARENT_PLACEHOLDER, Runtime, is_empty, isset

if TYPE_CHECKING:
    from parvel.view.view import View


_INLINE_SOURCE = re.compile(r"\{\{|\{!!|@|<|\s")


@dataclass
class ViewData:
    """What a view composer receives: the view name and its (mutable) data."""

    name: str
    data: dict[str, Any] = field(default_factory=dict)

    def with_(self, key: str | Mapping[str, Any], value: Any = None) -> ViewData:
        """Add data for the view (``with`` is a Python keyword)."""
        if isinstance(key, Mapping):
            self.data.update(key)
        else:
            self.data[key] = value
        return self


@dataclass(slots=True)
class _Entry:
    mtime: int
    size: int
    code: types.CodeType


def _annotate(error: Exception) -> None:
    """Add the innermost template path and line to an exception raised while rendering."""
    if isinstance(error, TemplateSyntaxError) or hasattr(error, "template_path"):
        return
    found: tuple[str, int] | None = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name == "_b_render":
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    if found is None:
        return
    error.add_note(f"Raised while rendering template {found[0]}, line {found[1]}.")
    try:
        error.template_path, error.template_line = found  # type: ignore[attr-defined]
    except AttributeError:
        pass


class Blade:
    """A Blade template engine, usable on its own.

    Args:
        paths: Folders holding ``*.blade.html`` views.
        cache_path: Folder for compiled templates (``None``: memory only).
        debug: Check template files for changes on every render.
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] = (),
        cache_path: str | os.PathLike[str] | None = None,
        debug: bool = False,
    ) -> None:
        self.finder = ViewFinder(paths)
        self.cache = TemplateCache(cache_path)
        self.debug = debug
        self.hooks = ViewHooks()
        self.compiler = Compiler()
        self.compiler.tag_compiler = compile_tag
        self.components = ComponentRenderer(self)
        self.shared: dict[str, Any] = {}
        self.conditions: dict[str, Callable[..., Any]] = {}
        self._composers: list[tuple[str, Callable[[ViewData], Any]]] = []
        self._files: dict[Path, _Entry] = {}
        self._strings: dict[str, types.CodeType] = {}
        self._stringables: dict[type[Any], Callable[[Any], Any]] = {}
        self._base: dict[str, Any] = {
            "__builtins__": builtins,
            "_b_escape": escape_any,
            "_b_escape_str": escape_str,
            "_b_type": type,
            "_b_str": str,
            "_b_bool": bool,
            "_b_M": Markup,
            "_b_Loop": Loop,
            "_b_pairs": key_value_pairs,
            "_b_PARENT": PARENT_PLACEHOLDER,
            "_b_h": html,
            "_b_Bag": ComponentAttributeBag,
            "_b_locals": locals,
            "_b_isset": isset,
            "_b_empty": is_empty,
            **html.JSON_FLAGS,
            "Js": html.Js,
        }
        register_all(self)

    # ------------------------------------------------------------------ public API
    def make(self, name: str, data: Mapping[str, Any] | None = None) -> View:
        """A :class:`View` of ``name`` with ``data``, rendered later (``view.render()``)."""
        from parvel.view.view import View

        return View(self, name, data)

    def render(self, name: str, context: Mapping[str, Any] | None = None, **data: Any) -> str:
        """Render view ``name`` (``posts.index``, ``mail::layout``) with ``context``.

        A ``name`` that cannot be a view name because it holds Blade syntax, markup, spaces
        or newlines (``"Hello, {{ name }}"``) is rendered as inline source, as Laravel's
        ``Blade::render(string, data)`` does.
        """
        if _INLINE_SOURCE.search(name):
            return self.render_string(name, {**(context or {}), **data})
        g = self._fresh_globals(context or {})
        if data:
            g.update(data)
        try:
            return self._render_view(Runtime(self), name, g)
        except Exception as error:
            _annotate(error)
            raise

    def render_string(self, source: str, context: Mapping[str, Any] | None = None) -> str:
        """Render inline Blade ``source`` with ``context``."""
        g = self._fresh_globals(context or {})
        try:
            return self._render_source(Runtime(self), source, g)
        except Exception as error:
            _annotate(error)
            raise

    def fragment(self, name: str, fragment: str, context: Mapping[str, Any] | None = None) -> str:
        """Render view ``name`` and return only its ``@fragment(fragment)`` block."""
        runtime = Runtime(self)
        try:
            self._render_view(runtime, name, self._fresh_globals(context or {}))
        except Exception as error:
            _annotate(error)
            raise
        if fragment not in runtime.fragments:
            raise KeyError(f"View [{name}] has no @fragment({fragment!r}).")
        return runtime.fragments[fragment]

    def first(self, names: Iterable[str], context: Mapping[str, Any] | None = None) -> str:
        """Render the first view of ``names`` that exists; raises TemplateNotFound."""
        names = list(names)
        for name in names:
            if self.exists(name):
                return self.render(name, context)
        searched: list[str] = []
        for name in names:
            searched.extend(str(p) for p in self.finder.candidates(name))
        raise TemplateNotFound(", ".join(names), searched)

    def exists(self, name: str) -> bool:
        """Whether a template exists for view ``name``."""
        return self.finder.exists(name)

    def share(self, key: str | Mapping[str, Any], value: Any = None) -> None:
        """Make data available to every view."""
        if isinstance(key, Mapping):
            self.shared.update(key)
        else:
            self.shared[key] = value

    def composer(self, names: str | Iterable[str], fn: Callable[[ViewData], Any]) -> None:
        """Run ``fn(view)`` before rendering views matching ``names`` (``*`` wildcards)."""
        for name in [names] if isinstance(names, str) else names:
            self._composers.append((name, fn))

    def directive(
        self,
        name: str,
        handler: Directive | Callable[[str | None], str],
        *,
        args: str = "optional",
    ) -> None:
        """Register ``@name``.

        ``handler`` is either a :class:`~parvel.view.compiler.Directive` (full control over the
        generated code, used by every built-in directive) or a function receiving the argument
        text (or ``None``) and returning a Python expression whose value is written unescaped.
        """
        if isinstance(handler, Directive):
            self.compiler.register(name, handler)
        else:
            self.compiler.register(name, simple_directive(handler, args))
        self._strings.clear()
        self._files.clear()

    def stringable(self, cls: type[Any], fn: Callable[[Any], Any]) -> None:
        """Echo instances of ``cls`` (and subclasses) as ``fn(value)`` in ``{{ }}``."""
        self._stringables[cls] = fn
        handlers = dict(self._stringables)

        def escape_with_handlers(value: Any) -> str:
            for kind in type(value).__mro__:
                handler = handlers.get(kind)
                if handler is not None:
                    return escape_any(handler(value))
            return escape_any(value)

        self._base["_b_escape"] = escape_with_handlers

    def if_(self, name: str, fn: Callable[..., Any]) -> None:
        """Register a custom conditional: ``@name(...)``, ``@elsename``, ``@unlessname``, ``@endname``."""
        self.conditions[name] = fn
        register_condition(self, name)

    def component(self, name: str, cls: type[Any]) -> None:
        """Render ``<x-name>`` with the class-based component ``cls``."""
        self.components.register(name, cls)

    def component_namespace(self, module: str, prefix: str | None = None) -> None:
        """Discover class components in the package ``module``.

        ``<x-forms.input>`` imports ``<module>.forms.input`` and uses its ``Input`` class
        (``<x-user-card>``: module ``user_card``, class ``UserCard``). With a ``prefix`` the tag
        is ``<x-prefix::forms.input>``.
        """
        self.components.add_module(module, prefix)

    def anonymous_component_path(
        self, path: str | os.PathLike[str], prefix: str | None = None
    ) -> None:
        """Find anonymous components directly in ``path`` (``<x-prefix::name>`` with a prefix)."""
        hidden = f"anonymous-components-{len(self.components._anonymous)}"
        self.finder.add_namespace(hidden, path)
        self.components.add_anonymous_path(hidden, prefix)

    def add_namespace(self, namespace: str, path: str | os.PathLike[str]) -> None:
        """Serve ``namespace::view`` names from ``path``."""
        self.finder.add_namespace(namespace, path)

    def precompile(self) -> int:
        """Compile every view under the paths into the cache (``view:cache``); returns a count."""
        count = 0
        for path in self.finder.all_views():
            self._code_for_file(path)
            count += 1
        return count

    def clear_cache(self) -> int:
        """Empty the compiled-view cache (``view:clear``); returns the files removed."""
        self._files.clear()
        self._strings.clear()
        self.finder.forget()
        return self.cache.clear()

    # ------------------------------------------------------------------ internals
    def _fresh_globals(self, data: Mapping[str, Any]) -> dict[str, Any]:
        g = self._base.copy()
        if self.shared:
            g.update(self.shared)
        g.update(data)
        return g

    def _compose(self, name: str, g: dict[str, Any]) -> None:
        view = ViewData(name, g)
        for pattern, fn in self._composers:
            if fnmatch.fnmatchcase(name, pattern):
                fn(view)

    def _render_view(self, runtime: Runtime, name: str, g: dict[str, Any]) -> str:
        code = self._code_for_file(self.finder.find(name, fresh=self.debug))
        if self._composers:
            self._compose(name, g)
        return runtime.render(code, g)

    def _render_source(self, runtime: Runtime, source: str, g: dict[str, Any]) -> str:
        key = hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()
        code = self._strings.get(key)
        if code is None:
            filename = f"<string:{key[:12]}>"
            code = self.compiler.compile(source, "<string>", filename).code
            lines = source.splitlines(keepends=True)
            linecache.cache[filename] = (len(source), None, lines, filename)
            if len(self._strings) > 512:
                for old in self._strings:
                    linecache.cache.pop(f"<string:{old[:12]}>", None)
                self._strings.clear()
            self._strings[key] = code
        return runtime.render(code, g)

    def _code_for_file(self, path: Path) -> types.CodeType:
        entry = self._files.get(path)
        if entry is not None and not self.debug:
            return entry.code
        stat = path.stat()
        if entry is not None and entry.mtime == stat.st_mtime_ns and entry.size == stat.st_size:
            return entry.code
        source = path.read_text(encoding="utf-8")
        filename = str(path.resolve())
        key = self.cache.key(filename, source, self.compiler.signature())
        code = self.cache.load(key)
        if code is None:
            compiled = self.compiler.compile(source, filename)
            code = compiled.code
            self.cache.store(key, code, compiled.source)
        self._files[path] = _Entry(stat.st_mtime_ns, stat.st_size, code)
        return code
