"""``test`` (pytest with the app's settings) and ``make:test``."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Annotated

from parvel.foundation.application import Application
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command
from parvel.support.stubs import render_stub, write_generated


@command("test", passthrough=True)
def run_tests(
    arguments: Annotated[
        list[str], Argument(help="Arguments passed to pytest", metavar="[PYTEST ARGS]...")
    ] = [],  # noqa: B006
    *,
    parallel: Annotated[bool, Option(help="Run the tests in parallel (pytest-xdist)")] = False,
    processes: Annotated[int | None, Option(help="How many processes with --parallel")] = None,
    filter: Annotated[str | None, Option(help="Only tests whose name matches (pytest -k)")] = None,
    testsuite: Annotated[
        str | None, Option(help="Only one suite: feature or unit (tests/<suite>)")
    ] = None,
    stop_on_failure: Annotated[bool, Option(help="Stop at the first failure (-x)")] = False,
    app: Application,
    out: Output,
) -> int:
    """Run the application's tests (pytest, APP_ENV=testing)."""
    command_line = [sys.executable, "-m", "pytest", *arguments]
    if filter:
        command_line += ["-k", filter]
    if testsuite:
        command_line.append(f"tests/{testsuite.lower()}")
    if stop_on_failure:
        command_line.append("-x")
    if parallel:
        try:
            import xdist  # noqa: F401
        except ImportError:
            out.error("--parallel needs pytest-xdist: pip install pytest-xdist")
            return 1
        command_line += ["-n", str(processes or "auto")]
    env = {**os.environ, "APP_ENV": "testing"}
    return subprocess.call(command_line, cwd=app.base_path(), env=env)


@command("make:test")
def make_test(
    name: Annotated[str, Argument(help="The name of the test (e.g. PostApi)")],
    *,
    unit: Annotated[bool, Option("-u", help="Create a unit test")] = False,
    force: Annotated[bool, Option("-f", help="Overwrite the file if it exists")] = False,
    app: Application,
    out: Output,
) -> int:
    """Create a new test file."""
    subject = name[:-4] if name.endswith("Test") and len(name) > 4 else name
    snake = Str.snake(subject)
    folder = "unit" if unit else "feature"
    stub = "test.unit.stub" if unit else "test.stub"
    content = render_stub(stub, {"subject": Str.headline(subject)}, app.base_path())
    path = write_generated(app.base_path(f"tests/{folder}/test_{snake}.py"), content, force=force)
    out.info(f"   INFO  Test [{path.relative_to(app.base_path())}] created successfully.")
    return 0
