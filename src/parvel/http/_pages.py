"""Built-in HTML error pages and the debug page (used until a view overrides them)."""

from __future__ import annotations

import linecache
import traceback
from typing import Any

from markupsafe import escape

_STYLE = (
    "body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,Segoe UI,Roboto,sans-serif;"
    "background:#f7fafc;color:#1a202c}"
    ".wrap{display:flex;min-height:100vh;align-items:center;justify-content:center}"
    ".code{font-size:1.125rem;padding:0 1rem;border-right:1px solid #a0aec0;color:#4a5568}"
    ".msg{font-size:1.125rem;padding:0 1rem;text-transform:uppercase;letter-spacing:.05em;"
    "color:#4a5568}"
)


def error_page(status: int, title: str) -> str:
    """Laravel's minimal error page: ``404 | NOT FOUND``."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<div class="wrap"><div class="code">{status}</div>'
        f'<div class="msg">{escape(title)}</div></div></body></html>'
    )


_DEBUG_STYLE = (
    "body{margin:0;font-family:ui-sans-serif,system-ui,sans-serif;background:#f3f4f6;color:#111}"
    "header{background:#b91c1c;color:#fff;padding:1.5rem 2rem}"
    "header h1{margin:0 0 .5rem;font-size:1.4rem}header p{margin:0;font-size:1.1rem}"
    "section{background:#fff;margin:1rem 2rem;padding:1rem 1.5rem;border-radius:6px;"
    "box-shadow:0 1px 2px rgba(0,0,0,.08)}h2{font-size:1rem;margin:.2rem 0 .8rem}"
    ".frame{border-top:1px solid #e5e7eb;padding:.6rem 0}.frame .loc{font-family:monospace;"
    "font-size:.85rem;color:#374151}.vendor{opacity:.6}"
    "pre{background:#111827;color:#e5e7eb;padding:.6rem;border-radius:4px;overflow:auto;"
    "font-size:.8rem;margin:.4rem 0 0}.hl{background:#7f1d1d;display:block}"
    "table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{text-align:left;"
    "padding:.25rem .5rem;border-top:1px solid #e5e7eb;vertical-align:top;font-family:monospace}"
)


def debug_page(exc: BaseException, request: Any, routes: list[Any]) -> str:
    """The debug error page: exception, stack with source lines, request, routes."""
    frames = traceback.extract_tb(exc.__traceback__)
    parts: list[str] = []
    for frame in reversed(frames):
        vendor = "/site-packages/" in frame.filename or "/parvel/" in frame.filename
        lines = []
        start = max(1, (frame.lineno or 1) - 5)
        for number in range(start, (frame.lineno or 1) + 6):
            text = linecache.getline(frame.filename, number)
            if not text and number > (frame.lineno or 1):
                break
            css = ' class="hl"' if number == frame.lineno else ""
            lines.append(f"<span{css}>{number:>5}  {escape(text.rstrip())}</span>")
        parts.append(
            f'<div class="frame{" vendor" if vendor else ""}"><div class="loc">'
            f"{escape(frame.filename)}:{frame.lineno} in <b>{escape(frame.name)}</b></div>"
            f"<pre>{chr(10).join(lines)}</pre></div>"
        )
    chain: list[str] = []
    cause = exc.__cause__ or exc.__context__
    while cause is not None and len(chain) < 5:
        chain.append(
            f"<p>caused by <b>{escape(type(cause).__qualname__)}</b>: {escape(str(cause))}</p>"
        )
        cause = cause.__cause__ or cause.__context__
    headers = "".join(
        f"<tr><td>{escape(k)}</td><td>{escape(v if k.lower() not in ('cookie', 'authorization') else '••••')}</td></tr>"
        for k, v in request.headers.items()
    )
    route = getattr(request, "route_definition", None)
    route_rows = "".join(
        f"<tr><td>{escape('|'.join(r.methods))}</td><td>{escape(r.uri)}</td>"
        f"<td>{escape(r.get_name() or '')}</td><td>{escape(r.action_name())}</td></tr>"
        for r in routes[:200]
    )
    hint = getattr(exc, "hint", None)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(type(exc).__qualname__)}</title><style>{_DEBUG_STYLE}</style></head><body>"
        f"<header><h1>{escape(type(exc).__module__)}.{escape(type(exc).__qualname__)}</h1>"
        f"<p>{escape(str(getattr(exc, 'message', exc)))}</p>"
        + (f"<p><i>{escape(hint)}</i></p>" if hint else "")
        + "".join(chain)
        + "</header>"
        f"<section><h2>Request</h2><table><tr><td>{escape(request.method)}</td>"
        f"<td>{escape(str(request.url))}</td></tr>"
        + (
            f"<tr><td>route</td><td>{escape(route.uri)} ({escape(route.get_name() or 'unnamed')}"
            f", {escape(route.location)})</td></tr>"
            if route is not None
            else ""
        )
        + f"{headers}</table></section>"
        f"<section><h2>Stack trace</h2>{''.join(parts)}</section>"
        f"<section><h2>Routes</h2><table>{route_rows}</table></section>"
        "</body></html>"
    )
