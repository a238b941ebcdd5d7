"""Every Python block in docs/routing.md and docs/http.md runs here.

A block is executed while the application boots (its routes register on the app's router).
``configure_middleware`` / ``configure_exceptions`` functions are applied like
``with_middleware`` / ``with_exceptions``; an ``async def demo(http)`` is awaited with an httpx
client. A block starting with ``# standalone`` runs on its own with ``base_path`` defined.
"""

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from parvel.foundation import Application

DOCS = Path(__file__).resolve().parents[2] / "docs"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks() -> list[Any]:
    found = []
    for page in ("routing.md", "http.md"):
        for index, match in enumerate(BLOCK.finditer((DOCS / page).read_text())):
            found.append(pytest.param(page, match.group(1), id=f"{page}-{index}"))
    return found


@pytest.mark.parametrize(("page", "source"), blocks())
async def test_doc_block(page: str, source: str, tmp_path: Path) -> None:
    code = compile(source, f"docs/{page}", "exec")
    if source.startswith("# standalone"):
        (tmp_path / "routes").mkdir()
        (tmp_path / "routes" / "web.py").write_text("")
        (tmp_path / "routes" / "api.py").write_text("")
        exec(code, {"base_path": tmp_path, "__name__": "docs_block"})
        return
    namespace: dict[str, Any] = {"__name__": "docs_block"}
    app = Application(base_path=tmp_path)
    app.config.set(
        {
            "app.env": "testing",
            "app.url": "http://testserver",
            "app.key": "base64:ZG9jcy1leGFtcGxlcy1rZXktMDEyMzQ1Njc4OWFiY2Q=",  # 32 bytes: sessions work
        }
    )
    app.settings["routing"] = {"health": "/up", "then": lambda _: exec(code, namespace)}
    app.settings["middleware"] = [
        lambda m: (
            namespace["configure_middleware"](m) if "configure_middleware" in namespace else None
        )
    ]
    app.settings["exceptions"] = [
        lambda e: (
            namespace["configure_exceptions"](e) if "configure_exceptions" in namespace else None
        )
    ]
    app.bootstrap()
    demo = namespace.get("demo")
    assert demo is not None, "each routing block ends with a demo(http)"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        await demo(http)
