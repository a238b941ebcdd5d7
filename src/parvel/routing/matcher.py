"""The compiled route tree: built once at boot, matched per request.

Static URIs live in one dict; the rest in a segment tree (static children first, then
constrained placeholders, then plain placeholders, then catch-alls). A lookup walks the
request path's segments, so its cost depends on the path, not on how many routes exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from parvel.routing._path import (
    DEFAULT_PARAM_PATTERN,
    PARAM_RE,
    Param,
    Segment,
    compile_pattern,
    matches_slash,
)
from parvel.routing.exceptions import RouteDefinitionError
from parvel.routing.route import RouteDefinition

Endpoint = tuple[RouteDefinition, tuple[str, ...], dict[str, Any]]
"""A route, the names of the values the walk captured for it (in order), and base params
(defaults, absent optional parameters as ``None``)."""


@dataclass(slots=True)
class RouteMatch:
    """A successful lookup: the route and its parameters (strings, defaults filled)."""

    route: RouteDefinition
    params: dict[str, Any]


@dataclass(slots=True)
class MethodNotAllowed:
    """The path matched, but not with this method; ``allowed`` feeds the Allow header."""

    allowed: list[str]


class _Dynamic:
    __slots__ = ("groups", "key", "node", "regex")

    def __init__(self, key: str, regex: re.Pattern[str] | None, groups: int) -> None:
        self.key = key
        self.regex = regex
        self.groups = groups
        self.node = _Node()


class _Node:
    __slots__ = ("dynamic", "endpoints", "static", "tails")

    def __init__(self) -> None:
        self.static: dict[str, _Node] = {}
        self.dynamic: list[_Dynamic] = []
        self.tails: list[tuple[re.Pattern[str], dict[str, Endpoint]]] = []
        self.endpoints: dict[str, Endpoint] | None = None


def _add_endpoint(
    table: dict[str, Endpoint], route: RouteDefinition, names: tuple[str, ...]
) -> None:
    base: dict[str, Any] = {p.name: None for p in route.uri_params() if p.optional}
    base.update(route.defaults_)
    for method in route.methods:
        table[method] = (route, names, base)


class _Tree:
    """One segment tree (the default host, or one domain pattern)."""

    def __init__(self) -> None:
        self.root = _Node()
        self.static: dict[str, dict[str, Endpoint]] = {}

    def insert(self, route: RouteDefinition, patterns: Mapping[str, str]) -> None:
        segments = route.segments
        optional = sum(1 for s in segments if s.is_whole_param and s.params[0].optional)
        required = len(segments) - optional
        for length in range(required, len(segments) + 1):
            self._insert(route, segments[:length], patterns)

    def _insert(
        self, route: RouteDefinition, segments: tuple[Segment, ...], patterns: Mapping[str, str]
    ) -> None:
        if all(s.static is not None for s in segments):
            path = "/" + "/".join(s.static or "" for s in segments)
            _add_endpoint(self.static.setdefault(path, {}), route, ())
            return
        node = self.root
        names: list[str] = []
        for index, segment in enumerate(segments):
            if segment.static is not None:
                node = node.static.setdefault(segment.static, _Node())
                continue
            names.extend(p.name for p in segment.params)
            if segment.is_whole_param:
                param = segment.params[0]
                pattern = patterns.get(param.name)
                if pattern is not None and matches_slash(pattern):
                    if index != len(segments) - 1:
                        raise RouteDefinitionError(
                            f"The catch-all parameter '{{{param.name}}}' of '{route.uri}' "
                            f"must be the last segment (at {route.location}).",
                        )
                    regex = compile_pattern(pattern, f"'{param.name}' at {route.location}")
                    for tail_regex, table in node.tails:
                        if tail_regex.pattern == f"(?:{pattern})":
                            _add_endpoint(table, route, tuple(names))
                            break
                    else:
                        table = {}
                        _add_endpoint(table, route, tuple(names))
                        node.tails.append((re.compile(f"(?:{regex.pattern})"), table))
                    return
                key = pattern or ""
                plain: re.Pattern[str] | None = None
                if pattern:
                    compile_pattern(pattern, f"'{param.name}' at {route.location}")
                    plain = re.compile(pattern)
                node = self._dynamic_child(node, key, plain, 0)
                continue
            source = "".join(
                re.escape(p)
                if isinstance(p, str)
                else f"({patterns.get(p.name) or DEFAULT_PARAM_PATTERN.replace('+', '+?')})"
                for p in segment.parts
            )
            regex = compile_pattern(source, f"'{segment.parts}' at {route.location}")
            if regex.groups != len(segment.params):
                regex = re.compile(
                    "".join(
                        re.escape(p)
                        if isinstance(p, str)
                        else f"((?:{patterns.get(p.name) or '[^/]+?'}))"
                        for p in segment.parts
                    )
                )
                if regex.groups != len(segment.params):
                    raise RouteDefinitionError(
                        f"Constraints of '{route.uri}' must not contain capturing groups "
                        f"(at {route.location}).",
                        hint="Use non-capturing groups: (?:a|b).",
                    )
            node = self._dynamic_child(node, source, regex, len(segment.params))
        if node.endpoints is None:
            node.endpoints = {}
        _add_endpoint(node.endpoints, route, tuple(names))

    @staticmethod
    def _dynamic_child(node: _Node, key: str, regex: re.Pattern[str] | None, groups: int) -> _Node:
        for dynamic in node.dynamic:
            if dynamic.key == key:
                return dynamic.node
        dynamic = _Dynamic(key, regex, groups)
        node.dynamic.append(dynamic)
        # constrained placeholders are tried before plain ones
        node.dynamic.sort(key=lambda d: d.regex is None)
        return dynamic.node

    def lookup(
        self, method: str, path: str, allowed: set[str], values: list[str]
    ) -> Endpoint | None:
        table = self.static.get(path)
        if table is not None:
            endpoint = table.get(method)
            if endpoint is None and method == "HEAD":
                endpoint = table.get("GET")
            if endpoint is not None:
                return endpoint
            allowed.update(table)
        parts = path.strip("/").split("/") if path != "/" else []
        found = _greedy(self.root, parts, method, values)
        if found is not None:
            return found
        values.clear()
        return _walk(self.root, parts, 0, method, allowed, values)


def _greedy(node: _Node, parts: list[str], method: str, values: list[str]) -> Endpoint | None:
    """The common case without backtracking: static child, else the first matching placeholder.

    When it succeeds it finds what the full search (:func:`_walk`) would.
    """
    for part in parts:
        child = node.static.get(part)
        if child is not None:
            node = child
            continue
        if not part:
            return None
        for dynamic in node.dynamic:
            regex = dynamic.regex
            if regex is None:
                values.append(part)
                break
            match = regex.fullmatch(part)
            if match is not None:
                if dynamic.groups == 0:
                    values.append(part)
                else:
                    values.extend(match.groups())
                break
        else:
            return None
        node = dynamic.node
    table = node.endpoints
    if table is None:
        return None
    endpoint = table.get(method)
    if endpoint is None and method == "HEAD":
        endpoint = table.get("GET")
    return endpoint


def _pick(table: dict[str, Endpoint], method: str, allowed: set[str]) -> Endpoint | None:
    endpoint = table.get(method)
    if endpoint is None and method == "HEAD":
        endpoint = table.get("GET")
    if endpoint is None:
        allowed.update(table)
    return endpoint


def _walk(
    node: _Node, parts: list[str], index: int, method: str, allowed: set[str], values: list[str]
) -> Endpoint | None:
    if index == len(parts):
        if node.endpoints is not None:
            endpoint = _pick(node.endpoints, method, allowed)
            if endpoint is not None:
                return endpoint
    else:
        part = parts[index]
        child = node.static.get(part)
        if child is not None:
            found = _walk(child, parts, index + 1, method, allowed, values)
            if found is not None:
                return found
        if part:
            for dynamic in node.dynamic:
                regex = dynamic.regex
                if regex is None:
                    values.append(part)
                    found = _walk(dynamic.node, parts, index + 1, method, allowed, values)
                    if found is not None:
                        return found
                    values.pop()
                    continue
                match = regex.fullmatch(part)
                if match is not None:
                    count = dynamic.groups
                    if count == 0:
                        values.append(part)
                        count = 1
                    else:
                        values.extend(match.groups())
                    found = _walk(dynamic.node, parts, index + 1, method, allowed, values)
                    if found is not None:
                        return found
                    del values[-count:]
    if node.tails:
        rest = "/".join(parts[index:])
        for regex, table in node.tails:
            if regex.fullmatch(rest):
                endpoint = _pick(table, method, allowed)
                if endpoint is not None:
                    values.append(rest)
                    return endpoint
    return None


class _DomainTree:
    __slots__ = ("names", "regex", "tree")

    def __init__(self, pattern: str, patterns: Mapping[str, str]) -> None:
        self.names: list[str] = []
        source: list[str] = []
        position = 0
        for match in PARAM_RE.finditer(pattern):
            source.append(re.escape(pattern[position : match.start()]))
            name = match.group(1)
            self.names.append(name)
            source.append(f"({patterns.get(name) or '[^.]+'})")
            position = match.end()
        source.append(re.escape(pattern[position:]))
        self.regex = re.compile("".join(source), re.IGNORECASE)
        self.tree = _Tree()


class CompiledRoutes:
    """The lookup structure for a set of routes, with their names indexed.

    Raises:
        RouteDefinitionError: a name is used twice or a constraint is not a valid regex
            (the message names the routes file and line).
    """

    def __init__(
        self,
        routes: Iterable[RouteDefinition],
        patterns: Mapping[str, str] | None = None,
    ) -> None:
        self.routes: list[RouteDefinition] = list(routes)
        self.names: dict[str, RouteDefinition] = {}
        self._default = _Tree()
        self._domains: list[_DomainTree] = []
        self._fallbacks = _Tree()
        self._has_fallback = False
        global_patterns = dict(patterns or {})
        for route in self.routes:
            name = route.get_name()
            if name is not None:
                previous = self.names.get(name)
                if previous is not None and previous is not route:
                    raise RouteDefinitionError(
                        f"The route name '{name}' is used twice: at {previous.location} and "
                        f"at {route.location}.",
                        hint="RouteDefinition names must be unique; rename one of them.",
                    )
                self.names[name] = route
            merged = {**global_patterns, **route.wheres}
            for key, pattern in merged.items():
                compile_pattern(pattern, f"'{key}' at {route.location}")
            if route.is_fallback:
                self._fallbacks.insert(route, merged)
                self._has_fallback = True
            elif route.domain_:
                self._domain_tree(route.domain_, merged).tree.insert(route, merged)
            else:
                self._default.insert(route, merged)

    def _domain_tree(self, pattern: str, patterns: Mapping[str, str]) -> _DomainTree:
        for domain in self._domains:
            if domain.regex.pattern == _DomainTree(pattern, patterns).regex.pattern:
                return domain
        domain = _DomainTree(pattern, patterns)
        self._domains.append(domain)
        return domain

    def match(
        self, method: str, path: str, host: str = "", fallback: bool = True
    ) -> RouteMatch | MethodNotAllowed | None:
        """Find the route for ``method`` and ``path`` (already percent-decoded).

        Returns a :class:`RouteMatch`, :class:`MethodNotAllowed`, or ``None`` (404). With
        ``fallback=False`` the fallback route is left out (see :meth:`match_fallback`).
        """
        if len(path) > 1 and path[-1] == "/":
            path = path.rstrip("/") or "/"
        if not self._domains:
            # fast paths: a static URI, then a tree walk without backtracking
            table = self._default.static.get(path)
            if table is not None:
                hit = table.get(method)
                if hit is not None:
                    return RouteMatch(hit[0], dict(hit[2]) if hit[2] else {})
            elif path != "/":
                found_values: list[str] = []
                hit = _greedy(self._default.root, path[1:].split("/"), method, found_values)
                if hit is not None:
                    params = dict(zip(hit[1], found_values, strict=False))
                    if hit[2]:
                        params = {**hit[2], **params}
                    return RouteMatch(hit[0], params)
        allowed: set[str] = set()
        values: list[str] = []
        prefix: list[str] = []
        names: list[str] = []
        endpoint: Endpoint | None = None
        if self._domains and host:
            hostname = host.split(":", 1)[0]
            for domain in self._domains:
                found = domain.regex.fullmatch(hostname)
                if found is None:
                    continue
                endpoint = domain.tree.lookup(method, path, allowed, values)
                if endpoint is not None:
                    prefix = list(found.groups())
                    names = domain.names
                    break
                values.clear()
        if endpoint is None:
            endpoint = self._default.lookup(method, path, allowed, values)
        if endpoint is None:
            if allowed:
                if "GET" in allowed:
                    allowed.add("HEAD")
                return MethodNotAllowed(sorted(allowed))
            if self._has_fallback and fallback:
                return self.match_fallback(method, path)
            return None
        route, slots, base = endpoint
        if base:
            params = dict(base)
            params.update(zip(slots, values, strict=False))
        elif slots:
            params = dict(zip(slots, values, strict=False))
        else:
            params = {}
        if prefix:
            params = {**dict(zip(names, prefix, strict=False)), **params}
        return RouteMatch(route, params)

    def match_fallback(self, method: str, path: str) -> RouteMatch | None:
        """The fallback route for ``path``, if one is defined and answers ``method``."""
        if not self._has_fallback:
            return None
        values: list[str] = []
        endpoint = self._fallbacks.lookup(method, path.rstrip("/") or "/", set(), values)
        if endpoint is None:
            return None
        route, slots, base = endpoint
        params = dict(base)
        params.update(zip(slots, values, strict=False))
        return RouteMatch(route, params)

    def by_name(self, name: str) -> RouteDefinition | None:
        """The route named ``name``, or ``None``."""
        return self.names.get(name)


__all__ = ["CompiledRoutes", "MethodNotAllowed", "Param", "RouteMatch"]
