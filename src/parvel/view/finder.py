"""Resolving dotted view names (``posts.index``, ``mail::layout``) to template files."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from parvel.view.exceptions import TemplateError, TemplateNotFound

EXTENSION = ".blade.html"
_NAME_RE = re.compile(r"^[\w\-]+(?:[./][\w\-]+)*$")


class ViewFinder:
    """Finds template files for view names in the view paths and namespaces."""

    def __init__(
        self, paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] = ()
    ) -> None:
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        self.paths: list[Path] = [Path(p) for p in paths]
        self.namespaces: dict[str, list[Path]] = {}
        self._found: dict[str, Path] = {}

    def add_namespace(self, namespace: str, path: str | os.PathLike[str]) -> None:
        """Make ``namespace::name`` look in ``path`` (several paths per namespace allowed)."""
        self.namespaces.setdefault(namespace, []).append(Path(path))
        self._found.clear()

    def candidates(self, name: str) -> list[Path]:
        """Every file path that could hold view ``name``, in search order."""
        namespace, _, rest = name.rpartition("::")
        if not _NAME_RE.match(rest) or (namespace and not _NAME_RE.match(namespace)):
            raise TemplateError(
                f"Invalid view name {name!r}.",
                hint="Use dotted names such as 'posts.index' or 'mail::layout'.",
            )
        if namespace:
            if namespace not in self.namespaces:
                raise TemplateError(
                    f"No view namespace [{namespace}] is registered (view [{name}]).",
                    hint=f"Call blade.add_namespace({namespace!r}, path) first.",
                )
            roots = self.namespaces[namespace]
        else:
            roots = self.paths
        relative = rest.replace(".", "/") + EXTENSION
        return [root / relative for root in roots]

    def find(self, name: str, fresh: bool = False) -> Path:
        """Return the template file for ``name``; raises TemplateNotFound.

        Resolved names are remembered unless ``fresh`` is true (debug mode), which looks again.
        """
        found = None if fresh else self._found.get(name)
        if found is not None:
            return found
        candidates = self.candidates(name)
        for path in candidates:
            if path.is_file():
                self._found[name] = path
                return path
        raise TemplateNotFound(name, [str(p) for p in candidates])

    def exists(self, name: str) -> bool:
        """Whether a template file exists for ``name``."""
        if name in self._found:
            return True
        try:
            self.find(name)
        except TemplateError:
            return False
        return True

    def forget(self) -> None:
        """Forget resolved names (files may have moved)."""
        self._found.clear()

    def all_views(self) -> Iterator[Path]:
        """Every template file under the paths and namespaces."""
        roots = list(self.paths)
        for paths in self.namespaces.values():
            roots.extend(paths)
        for root in roots:
            if root.is_dir():
                yield from sorted(root.rglob("*" + EXTENSION))
