"""``route:list`` and ``route:cache``/``route:clear``."""

from __future__ import annotations

import json
import os
from typing import Annotated, Any

from parvel.container import Container
from parvel.support.console import Option, Output, command


def route_rows(app: Any, *, with_specs: bool = False) -> list[dict[str, Any]]:
    """Every route as a dict: method, uri, name, action, middleware, domain, location.

    ``with_specs`` adds ``_specs``: the middleware as written (group names such as ``web``).
    """
    kernel = app.make("http.kernel")
    rows = []
    for route in kernel.routes.routes:
        methods = [m for m in route.methods if m != "HEAD" or "GET" not in route.methods]
        rows.append(
            {
                "method": "|".join(
                    ("GET", "HEAD") if "GET" in methods and "HEAD" in route.methods else methods
                )
                if len(methods) < 7
                else "ANY",
                "uri": route.uri,
                "name": route.get_name(),
                "action": route.action_name(),
                "middleware": kernel.describe_middleware(route),
                "domain": route.domain_,
                "location": route.location,
                "vendor": _is_vendor(route.location),
            }
        )
        if with_specs:
            rows[-1]["_specs"] = [_spec_name(spec) for spec in kernel.route_middleware(route)]
    return rows


def _spec_name(spec: Any) -> str:
    """A middleware spec as written: a group or alias name, or a class's name."""
    return spec if isinstance(spec, str) else getattr(spec, "__qualname__", str(spec))


def _is_vendor(location: str) -> bool:
    """Routes registered from files outside the app (packages) are vendor routes."""
    file = location.rsplit(":", 1)[0]
    return os.path.isabs(file) and ("site-packages" in file or "/parvel/" in file)


@command("route:list")
async def route_list(
    method: Annotated[str, Option(help="Only routes answering this method")] = "",
    action: Annotated[str, Option(help="Only routes whose action contains this")] = "",
    name: Annotated[str, Option(help="Only routes whose name contains this")] = "",
    domain: Annotated[str, Option(help="Only routes whose domain contains this")] = "",
    middleware: Annotated[
        str, Option(help="Only routes with a middleware (or group) containing this")
    ] = "",
    path: Annotated[str, Option(help="Only routes whose URI contains this")] = "",
    json_: Annotated[bool, Option("--json", help="Print JSON")] = False,
    reverse: Annotated[bool, Option("-r", help="Reverse the order")] = False,
    except_path: Annotated[
        str, Option(help="Hide routes whose URI contains one of these (comma-separated)")
    ] = "",
    sort: Annotated[str, Option(help="Sort by: uri (default), name, method, action, domain")] = "",
    except_vendor: Annotated[bool, Option(help="Hide routes defined by packages")] = False,
    only_vendor: Annotated[bool, Option(help="Only routes defined by packages")] = False,
    *,
    app: Container,
    out: Output,
) -> int:
    """List all registered routes."""
    rows = route_rows(app, with_specs=bool(middleware))
    if method:
        rows = [r for r in rows if method.upper() in r["method"].split("|") or r["method"] == "ANY"]
    if action:
        rows = [r for r in rows if action in (r["action"] or "")]
    if name:
        rows = [r for r in rows if r["name"] and name in r["name"]]
    if domain:
        rows = [r for r in rows if r["domain"] and domain in r["domain"]]
    if middleware:
        rows = [r for r in rows if any(middleware in m for m in [*r["middleware"], *r["_specs"]])]
    if path:
        rows = [r for r in rows if path.strip("/") in r["uri"]]
    if except_path:
        hidden = [p.strip().strip("/") for p in except_path.split(",") if p.strip()]
        rows = [r for r in rows if not any(h in r["uri"] for h in hidden)]
    if except_vendor:
        rows = [r for r in rows if not r["vendor"]]
    if only_vendor:
        rows = [r for r in rows if r["vendor"]]
    if sort:
        if sort not in ("uri", "name", "method", "action", "domain"):
            out.error(f"Cannot sort by '{sort}': use uri, name, method, action or domain.")
            return 1
        rows.sort(key=lambda r: str(r[sort] or ""))
    if reverse:
        rows.reverse()
    for row in rows:
        row.pop("_specs", None)
    if json_:
        out.line(json.dumps(rows))
        return 0
    if not rows:
        out.error("Your application doesn't have any routes matching the given criteria.")
        return 1
    out.table(
        ["Method", "URI", "Name", "Action", "Middleware"],
        [
            [
                r["method"],
                (r["domain"] + r["uri"]) if r["domain"] else r["uri"],
                r["name"] or "",
                r["action"],
                "\n".join(r["middleware"]),
            ]
            for r in rows
        ],
    )
    out.line(f"Showing [{len(rows)}] routes")
    return 0


@command("route:cache")
async def route_cache(*, app: Container, out: Output) -> int:
    """Compile and verify every route, writing the route manifest to bootstrap/cache."""
    rows = route_rows(app)
    target = app.bootstrap_path("cache/routes.json")  # type: ignore[attr-defined]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    out.info(f"Routes cached successfully ({len(rows)} routes verified).")
    return 0


@command("route:clear")
async def route_clear(*, app: Container, out: Output) -> int:
    """Remove the route manifest."""
    target = app.bootstrap_path("cache/routes.json")  # type: ignore[attr-defined]
    if target.exists():
        target.unlink()
    out.info("Route cache cleared successfully.")
    return 0
