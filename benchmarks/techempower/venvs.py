"""Separate virtual environments for frameworks that cannot share Parvel's dependencies.

    python benchmarks/techempower/venvs.py [masonite]     # create or update, print the python

Each environment lives in ``benchmarks/.venvs/<name>`` (not committed) and is built from a
pinned, committed requirements file (:data:`REQUIREMENTS`): ``python -m venv`` with the running
interpreter, then ``pip install -r``. A stamp file records what was installed (the requirements'
hash and the Python version), so :func:`ensure` costs one file read when nothing changed, updates
the environment in place when the pins change, and rebuilds it for another Python version.
When it cannot be prepared (no network, a pin that does not install), :func:`ensure` returns why,
and the runner reports the framework as skipped with that reason.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENVS = ROOT / "benchmarks" / ".venvs"
REQUIREMENTS: dict[str, Path] = {
    "masonite": HERE / "masonite_app" / "requirements.txt",
}
STAMP = ".parvel-bench-stamp"
VENV_TIMEOUT = 120.0
PIP_TIMEOUT = 900.0

_prepared: dict[str, str | None] = {}


def location(name: str) -> Path:
    """The folder of the environment ``name``."""
    return VENVS / name


def python(name: str) -> Path:
    """The interpreter of the environment ``name`` (it may not exist yet)."""
    return location(name) / "bin" / "python"


def pins(name: str) -> list[str]:
    """The requirement lines of ``name`` (comments and blank lines left out)."""
    lines = REQUIREMENTS[name].read_text().splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def fingerprint(name: str) -> str:
    """What the stamp must say for ``name`` to be current: Python version + requirements hash."""
    digest = hashlib.sha256(REQUIREMENTS[name].read_bytes()).hexdigest()
    return f"python {platform.python_version()}\nrequirements {digest}\n"


def is_ready(name: str) -> bool:
    """True when ``name`` exists and was built from the current requirements and Python."""
    stamp = location(name) / STAMP
    try:
        return python(name).exists() and stamp.read_text() == fingerprint(name)
    except OSError:
        return False


def _venv_python_version(name: str) -> str | None:
    try:
        done = subprocess.run(
            [str(python(name)), "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


def _run(command: list[str], timeout: float) -> str | None:
    """Run ``command``; None when it succeeds, else a one-line reason."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"`{' '.join(command[:4])} ...` timed out after {timeout:.0f} s"
    except OSError as error:
        return str(error)
    if done.returncode != 0:
        return _last_line(done.stderr or done.stdout)
    return None


def _prepare(name: str) -> str | None:
    if name not in REQUIREMENTS:
        return f"no requirements file for the virtual environment {name!r}"
    if is_ready(name):
        return None
    folder = location(name)
    shown = folder.relative_to(ROOT)
    print(f"-- preparing {shown} ({REQUIREMENTS[name].relative_to(ROOT)})", file=sys.stderr)
    command = [sys.executable, "-m", "venv"]
    if python(name).exists() and _venv_python_version(name) != platform.python_version():
        command.append("--clear")  # another (or a broken) interpreter: start again
    if not python(name).exists() or "--clear" in command:
        problem = _run([*command, str(folder)], VENV_TIMEOUT)
        if problem:
            return f"could not create its virtual environment {shown}: {problem}"
    pip = [str(python(name)), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    pip += ["--retries", "1", "--timeout", "20", "-r", str(REQUIREMENTS[name])]
    problem = _run(pip, PIP_TIMEOUT)
    if problem:
        return f"could not install its virtual environment {shown} (pip: {problem})"
    (folder / STAMP).write_text(fingerprint(name))
    return None


def ensure(name: str) -> str | None:
    """Create or update the environment ``name``; None when ready, else why it is not.

    The answer is kept for the rest of the process, so a failing install is tried once per run.
    """
    if name not in _prepared:
        _prepared[name] = _prepare(name)
    return _prepared[name]


def main(names: list[str]) -> int:
    failed = 0
    for name in names or list(REQUIREMENTS):
        problem = ensure(name)
        if problem:
            print(f"{name}: {problem}", file=sys.stderr)
            failed += 1
        else:
            print(f"{name}: {python(name)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
