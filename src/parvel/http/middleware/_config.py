"""The middleware configuration: the global stack, groups, aliases and priority.

``bootstrap/app.py``'s ``with_middleware(callback)`` receives a :class:`MiddlewareConfig`;
providers reach the same object as ``app.make("http.middleware")``. It freezes when the
kernel compiles at boot: changing it afterwards raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from parvel.http.exceptions import HttpConfigurationError


class MiddlewareConfig:
    """Laravel 11's ``Middleware`` configurator."""

    def __init__(self) -> None:
        from parvel.http.middleware import defaults

        self.global_: list[Any] = list(defaults.GLOBAL)
        self.groups: dict[str, list[Any]] = {k: list(v) for k, v in defaults.GROUPS.items()}
        self.aliases: dict[str, Any] = dict(defaults.ALIASES)
        self.priority_list: list[Any] = list(defaults.PRIORITY)
        self.options: dict[str, Any] = {}
        self._frozen = False

    def _check(self) -> None:
        if self._frozen:
            raise HttpConfigurationError(
                "Middleware was changed after the HTTP kernel compiled its stacks at boot.",
                hint="Configure middleware in bootstrap/app.py (with_middleware) or in a "
                "provider's register()/boot().",
            )

    def freeze(self) -> None:
        """Forbid further changes (the kernel calls this once stacks are compiled)."""
        self._frozen = True

    # -- global stack ------------------------------------------------------------------

    def append(self, *middleware: Any) -> MiddlewareConfig:
        """Add middleware at the end of the global stack."""
        self._check()
        self.global_.extend(middleware)
        return self

    def prepend(self, *middleware: Any) -> MiddlewareConfig:
        """Add middleware at the start of the global stack."""
        self._check()
        self.global_[0:0] = list(middleware)
        return self

    def remove(self, *middleware: Any) -> MiddlewareConfig:
        """Remove middleware from the global stack."""
        self._check()
        self.global_ = [m for m in self.global_ if m not in middleware]
        return self

    def replace(self, search: Any, replacement: Any) -> MiddlewareConfig:
        """Swap one global middleware for another."""
        self._check()
        self.global_ = [replacement if m is search or m == search else m for m in self.global_]
        return self

    def use(self, middleware: Iterable[Any]) -> MiddlewareConfig:
        """Replace the whole global stack."""
        self._check()
        self.global_ = list(middleware)
        return self

    # -- groups ------------------------------------------------------------------------

    def group(self, name: str, middleware: Iterable[Any]) -> MiddlewareConfig:
        """Define (or replace) a middleware group."""
        self._check()
        self.groups[name] = list(middleware)
        return self

    def append_to_group(self, name: str, *middleware: Any) -> MiddlewareConfig:
        """Add middleware to the end of a group."""
        self._check()
        self.groups.setdefault(name, []).extend(middleware)
        return self

    def prepend_to_group(self, name: str, *middleware: Any) -> MiddlewareConfig:
        """Add middleware to the start of a group."""
        self._check()
        self.groups.setdefault(name, [])[0:0] = list(middleware)
        return self

    def remove_from_group(self, name: str, *middleware: Any) -> MiddlewareConfig:
        """Remove middleware from a group."""
        self._check()
        self.groups[name] = [m for m in self.groups.get(name, []) if m not in middleware]
        return self

    def replace_in_group(self, name: str, search: Any, replacement: Any) -> MiddlewareConfig:
        """Swap one middleware of a group."""
        self._check()
        self.groups[name] = [replacement if m == search else m for m in self.groups.get(name, [])]
        return self

    def web(
        self,
        *,
        append: Iterable[Any] = (),
        prepend: Iterable[Any] = (),
        remove: Iterable[Any] = (),
        replace: Mapping[Any, Any] | None = None,
    ) -> MiddlewareConfig:
        """Adjust the ``web`` group."""
        return self._adjust("web", append, prepend, remove, replace)

    def api(
        self,
        *,
        append: Iterable[Any] = (),
        prepend: Iterable[Any] = (),
        remove: Iterable[Any] = (),
        replace: Mapping[Any, Any] | None = None,
    ) -> MiddlewareConfig:
        """Adjust the ``api`` group."""
        return self._adjust("api", append, prepend, remove, replace)

    def _adjust(
        self,
        name: str,
        append: Iterable[Any],
        prepend: Iterable[Any],
        remove: Iterable[Any],
        replace: Mapping[Any, Any] | None,
    ) -> MiddlewareConfig:
        self.prepend_to_group(name, *prepend)
        self.append_to_group(name, *append)
        self.remove_from_group(name, *remove)
        for search, replacement in (replace or {}).items():
            self.replace_in_group(name, search, replacement)
        return self

    # -- aliases and priority ----------------------------------------------------------

    def alias(self, aliases: Mapping[str, Any]) -> MiddlewareConfig:
        """Register short names: ``alias({"admin": EnsureAdmin})``."""
        self._check()
        self.aliases.update(aliases)
        return self

    def priority(self, middleware: Iterable[Any]) -> MiddlewareConfig:
        """Replace the priority list (route middleware listed here run in this order)."""
        self._check()
        self.priority_list = list(middleware)
        return self

    def append_to_priority_list(self, after: Any, middleware: Any) -> MiddlewareConfig:
        """Insert ``middleware`` into the priority list after ``after``."""
        self._check()
        index = (
            self.priority_list.index(after) + 1
            if after in self.priority_list
            else len(self.priority_list)
        )
        self.priority_list.insert(index, middleware)
        return self

    def prepend_to_priority_list(self, before: Any, middleware: Any) -> MiddlewareConfig:
        """Insert ``middleware`` into the priority list before ``before``."""
        self._check()
        index = self.priority_list.index(before) if before in self.priority_list else 0
        self.priority_list.insert(index, middleware)
        return self

    # -- built-in options ----------------------------------------------------------------

    def trust_proxies(
        self, at: str | list[str] | None = None, headers: int | None = None
    ) -> MiddlewareConfig:
        """Trust proxies at these addresses/CIDRs (``"*"`` for all) for X-Forwarded-*."""
        self._check()
        self.options["trusted_proxies"] = at
        return self

    def trim_strings(self, except_: Iterable[str] = ()) -> MiddlewareConfig:
        """Keys TrimStrings leaves alone."""
        self._check()
        self.options.setdefault("trim_except", []).extend(except_)
        return self

    def convert_empty_strings_to_null(self, except_: Iterable[str] = ()) -> MiddlewareConfig:
        """Keys ConvertEmptyStringsToNull leaves alone."""
        self._check()
        self.options.setdefault("empty_except", []).extend(except_)
        return self

    def encrypt_cookies(self, except_: Iterable[str] = ()) -> MiddlewareConfig:
        """Cookies not encrypted (when an encrypter is bound)."""
        self._check()
        self.options.setdefault("unencrypted_cookies", []).extend(except_)
        return self

    def validate_csrf_tokens(self, except_: Iterable[str] = ()) -> MiddlewareConfig:
        """Paths whose POST/PUT/PATCH/DELETE skip the CSRF check (``"stripe/*"``)."""
        self._check()
        self.options.setdefault("csrf_except", []).extend(except_)
        return self

    def prevent_requests_during_maintenance(self, except_: Iterable[str] = ()) -> MiddlewareConfig:
        """Paths reachable during maintenance (``"status/*"``)."""
        self._check()
        self.options.setdefault("maintenance_except", []).extend(except_)
        return self

    def throttle_api(self, limiter: str = "api") -> MiddlewareConfig:
        """Add ``throttle:<limiter>`` to the ``api`` group."""
        return self.append_to_group("api", f"throttle:{limiter}")
