"""Exception handling: with ``application.DEBUG`` off, errors answer a plain status page."""

from __future__ import annotations

OPTIONS = {
    "editor": "vscode",
    "search_url": "",
    "links": {},
    "stack": {"offset": 8, "shorten": True},
    "hide_sensitive_data": True,
}
HANDLERS = {"context": False, "solutions": False, "recommendations": False}
