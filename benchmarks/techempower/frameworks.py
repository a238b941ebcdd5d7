"""The frameworks and tests the TechEmpower runner knows, one entry each.

Adding a framework (Parvel included) is one :class:`Framework` entry in :data:`FRAMEWORKS`
plus its app module: ``benchmarks/techempower/<name>_app/app.py`` exposing ``app`` (an ASGI or
WSGI callable) that answers the six test paths in :data:`TESTS`. See benchmarks/README.md.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Test:
    """One TechEmpower test: its name and the path wrk loads."""

    name: str
    path: str


TESTS: tuple[Test, ...] = (
    Test("plaintext", "/plaintext"),
    Test("json", "/json"),
    Test("db", "/db"),
    Test("queries", "/queries?queries=20"),
    Test("fortunes", "/fortunes"),
    Test("updates", "/updates?queries=20"),
)
TEST_NAMES = tuple(test.name for test in TESTS)


@dataclass(frozen=True)
class Framework:
    """How to serve one framework's TechEmpower app.

    Attributes:
        name: short key used on the command line (``--frameworks parvel,starlette``).
        label: what the result tables show (framework + ORM + templates).
        target: ``module:attribute`` of the app, importable from the repository root.
        interface: granian's interface: ``asgi``, ``asginl`` (ASGI without lifespan) or
            ``wsgi``; uvicorn gets the matching one.
        requires: top-level modules that must import for the entry to run.
        env: extra environment for the server process.
    """

    name: str
    label: str
    target: str
    interface: str = "asgi"
    requires: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)

    @property
    def module(self) -> str:
        return self.target.partition(":")[0]

    def missing(self) -> str | None:
        """Why this entry cannot run here (a module that does not import), or None."""
        for name in (*self.requires, self.module):
            try:
                found = importlib.util.find_spec(name) is not None
            except ModuleNotFoundError:
                found = False
            if not found:
                return f"`{name}` is not installed" if name != self.module else "no app yet"
        return None


BASELINE = "starlette"

FRAMEWORKS: tuple[Framework, ...] = (
    Framework(
        "parvel",
        "Parvel (ORM + Blade)",
        "benchmarks.techempower.parvel_app.app:app",
        requires=("parvel", "asyncpg"),
    ),
    Framework(
        "starlette",
        "Starlette + asyncpg + Jinja2",
        "benchmarks.techempower.starlette_app.app:app",
        requires=("starlette", "asyncpg", "jinja2"),
    ),
    Framework(
        "fastapi",
        "FastAPI + SQLAlchemy async + Jinja2",
        "benchmarks.techempower.fastapi_app.app:app",
        requires=("fastapi", "sqlalchemy", "asyncpg", "jinja2"),
    ),
    Framework(
        "django",
        "Django (ORM + templates, ASGI)",
        "benchmarks.techempower.django_app.app:app",
        interface="asginl",
        requires=("django", "psycopg", "psycopg_pool"),
    ),
    Framework(
        "flask",
        "Flask + SQLAlchemy + Jinja2 (WSGI)",
        "benchmarks.techempower.flask_app.app:app",
        interface="wsgi",
        requires=("flask", "sqlalchemy", "psycopg"),
    ),
    Framework(
        "litestar",
        "Litestar + asyncpg + Jinja2",
        "benchmarks.techempower.litestar_app.app:app",
        requires=("litestar", "asyncpg", "jinja2"),
    ),
)

SKIPPED: dict[str, str] = {
    "masonite": (
        "Masonite 4 pins pytest<8, cryptography<37, bcrypt<3.3, Faker<14 and "
        "python-dotenv<0.16, which conflict with Parvel's own dependencies, so it cannot "
        "share one environment with the other frameworks"
    ),
}


def by_name(names: str | None) -> list[Framework]:
    """The frameworks named in a comma-separated list (all when ``names`` is empty)."""
    if not names:
        return list(FRAMEWORKS)
    known = {framework.name: framework for framework in FRAMEWORKS}
    chosen = []
    for name in (part.strip() for part in names.split(",") if part.strip()):
        if name not in known:
            raise SystemExit(f"unknown framework {name!r}; known: {', '.join(known)}")
        chosen.append(known[name])
    return chosen


def tests_by_name(names: str | None) -> list[Test]:
    """The tests named in a comma-separated list (all when ``names`` is empty)."""
    if not names:
        return list(TESTS)
    known = {test.name: test for test in TESTS}
    chosen = []
    for name in (part.strip() for part in names.split(",") if part.strip()):
        if name not in known:
            raise SystemExit(f"unknown test {name!r}; known: {', '.join(known)}")
        chosen.append(known[name])
    return chosen
