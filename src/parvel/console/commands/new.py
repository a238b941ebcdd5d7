"""``parvel new NAME``: create an application from the skeleton."""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Annotated

from parvel.console.commands.key import set_env_value
from parvel.foundation.exceptions import ApplicationError
from parvel.support import Str
from parvel.support.console import Argument, Option, Output, command

_API_ONLY_DROP = ["routes/web.py", "resources/views/welcome.blade.html", "config/session.py"]
_SKIP = {"__pycache__", ".DS_Store"}


def skeleton_path() -> Path:
    """Where the skeleton ships inside the installed package."""
    return Path(str(resources.files("parvel") / "skeleton"))


@command("new", needs_app=False)
def new(
    name: Annotated[str, Argument(help="The folder (and app) name")],
    *,
    api: Annotated[bool, Option(help="An API-only app: no web routes, views or sessions")] = False,
    git: Annotated[bool, Option(help="Initialise a git repository with a first commit")] = False,
    force: Annotated[
        bool, Option("-f", help="Create even if the folder exists (must be empty)")
    ] = False,
    out: Output,
) -> int:
    """Create a new Parvel application."""
    target = Path(name).expanduser().resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ApplicationError(
            f"The folder '{name}' already exists and is not empty.",
            hint="Choose another name, or remove the folder first.",
        )
    app_name = Str.headline(target.name) or "Parvel"
    shutil.copytree(skeleton_path(), target, dirs_exist_ok=True, ignore=_ignore)
    if api:
        _make_api_only(target)
    for relative in ("pyproject.toml", "README.md"):
        file = target / relative
        text = file.read_text(encoding="utf-8")
        text = text.replace("__APP_SLUG__", Str.slug(target.name) or "app")
        file.write_text(text.replace("__APP_NAME__", app_name), encoding="utf-8")
    env_text = (target / ".env.example").read_text(encoding="utf-8")
    env_text = set_env_value(env_text, "APP_NAME", _quote(app_name))
    from parvel.encryption.keys import generate_key

    env_text = set_env_value(env_text, "APP_KEY", generate_key())
    (target / ".env").write_text(env_text, encoding="utf-8")
    testing = set_env_value(env_text, "APP_ENV", "testing")
    testing = set_env_value(testing, "DB_DATABASE", "database/testing.sqlite")
    testing = set_env_value(testing, "SESSION_DRIVER", "array")
    (target / ".env.testing").write_text(testing, encoding="utf-8")
    (target / "database" / "database.sqlite").touch()
    if git:
        _git_init(target, out)
    out.new_line()
    out.info(f"   INFO  Application ready in [{name}]. Build something amazing.")
    out.new_line()
    out.line(f"  cd {name}")
    out.line("  parvel migrate")
    out.line("  parvel serve")
    return 0


def _quote(value: str) -> str:
    return f'"{value}"' if " " in value else value


def _ignore(_folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in _SKIP or n.endswith(".pyc")}


def _make_api_only(target: Path) -> None:
    for relative in _API_ONLY_DROP:
        (target / relative).unlink(missing_ok=True)
    app_file = target / "bootstrap" / "app.py"
    text = app_file.read_text(encoding="utf-8").replace('        web="routes/web.py",\n', "")
    app_file.write_text(text, encoding="utf-8")
    env = target / ".env.example"
    env.write_text(
        env.read_text(encoding="utf-8").replace("SESSION_DRIVER=file", "SESSION_DRIVER=array"),
        encoding="utf-8",
    )


def _git_init(target: Path, out: Output) -> None:
    if shutil.which("git") is None:
        out.warn("git is not installed: skipped --git.")
        return
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["commit", "-q", "-m", "Set up a fresh Parvel app"],
    ):
        result = subprocess.run(["git", *args], cwd=target, capture_output=True, text=True)
        if result.returncode != 0:
            out.warn(f"git {args[0]} failed: {result.stderr.strip()}")
            return
