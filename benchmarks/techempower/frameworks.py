"""The frameworks and tests the TechEmpower runner knows, one entry each.

Adding a framework (Parvel included) is one :class:`Framework` entry in :data:`FRAMEWORKS`
plus its app module: ``benchmarks/techempower/<name>_app/app.py`` exposing ``app`` (an ASGI or
WSGI callable) that answers the six test paths in :data:`TESTS`. See benchmarks/README.md.
A framework whose dependencies conflict with Parvel's names its own virtual environment
(``venv``, see benchmarks/techempower/venvs.py): its server then runs with that environment's
Python, and its modules are looked up there.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass, field

from benchmarks.techempower import venvs

# Prints the names (argv[1:]) that do not import in the interpreter running it.
_FIND_SPECS = """
import importlib.util, sys
for name in sys.argv[1:]:
    try:
        found = importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        print(name)
"""


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
        venv: name of the entry's own virtual environment (``benchmarks/.venvs/<venv>``,
            built by :mod:`benchmarks.techempower.venvs`), or None for the running one.
        threads: WSGI threads of the worker; None gives one per pool connection
            (``common.POOL_SIZE``). Set for a WSGI app that must serve one request at a time.
    """

    name: str
    label: str
    target: str
    interface: str = "asgi"
    requires: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    venv: str | None = None
    threads: int | None = None

    @property
    def module(self) -> str:
        return self.target.partition(":")[0]

    @property
    def python(self) -> str:
        """The interpreter that serves this entry: its venv's, else the running one."""
        return str(venvs.python(self.venv)) if self.venv else sys.executable

    def missing(self, server: str = "granian") -> str | None:
        """Why this entry cannot run here under ``server``, or None.

        An entry with its own venv has it created or updated first (which can take a minute
        the first time); its modules, and the server's, are looked up in that venv.
        """
        if self.threads is not None and server == "uvicorn":
            return (
                f"needs {self.threads} WSGI thread(s), which uvicorn's WSGI adapter cannot "
                "be limited to; run it with granian"
            )
        if self.venv is None:
            absent = [name for name in (*self.requires, self.module) if not _importable(name)]
            where = ""
        else:
            problem = venvs.ensure(self.venv)
            if problem:
                return problem
            absent = self._absent_in_venv((*self.requires, server, self.module))
            where = f" in {venvs.location(self.venv).relative_to(venvs.ROOT)}"
        if not absent:
            return None
        if absent[0] == self.module:
            return "no app yet"
        return f"`{absent[0]}` is not installed{where}"

    def _absent_in_venv(self, names: tuple[str, ...]) -> list[str]:
        env = dict(os.environ, PYTHONPATH=str(venvs.ROOT))
        try:
            done = subprocess.run(
                [self.python, "-c", _FIND_SPECS, *names],
                capture_output=True,
                text=True,
                cwd=venvs.ROOT,
                env=env,
                timeout=60,
            )
        except (OSError, subprocess.TimeoutExpired):
            return list(names)
        if done.returncode != 0:
            return list(names)
        return done.stdout.split()


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


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
    Framework(
        # Masonite 4 pins pytest<8, cryptography<37, bcrypt<3.3, Faker<14 and
        # python-dotenv<0.16, which conflict with Parvel's dependencies: it runs from its own
        # venv. Its application container holds the current request, response and view, so
        # one worker serves one request at a time: one WSGI thread.
        "masonite",
        "Masonite (ORM + Jinja2 views, WSGI, 1 thread)",
        "benchmarks.techempower.masonite_app.app:app",
        interface="wsgi",
        requires=("masonite", "masoniteorm", "psycopg2"),
        venv="masonite",
        threads=1,
    ),
)

# Frameworks the suite knows of but cannot run at all, with why (listed in results files).
SKIPPED: dict[str, str] = {}


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
