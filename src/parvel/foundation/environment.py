"""Loading the .env file (python-dotenv) with line-precise errors."""

from __future__ import annotations

import io
import os
from pathlib import Path

from parvel.foundation.exceptions import EnvironmentFileError


def load_environment(base_path: Path, filename: str = ".env") -> Path | None:
    """Load ``base_path/filename`` into ``os.environ`` without overriding real variables.

    Variables already set in the process environment win, like in Laravel: a deployment
    sets them there and .env only fills the gaps. ``APP_ENV=testing`` also loads
    ``.env.testing`` first when it exists.

    Returns:
        The file loaded, or ``None`` when there is none (and no .env.example asks for one).

    Raises:
        EnvironmentFileError: a line cannot be parsed, or the file is missing while a
            ``.env.example`` shows the app expects one.
    """
    env_name = os.environ.get("APP_ENV")
    candidates = [base_path / f"{filename}.{env_name}"] if env_name else []
    candidates.append(base_path / filename)
    for path in candidates:
        if path.is_file():
            _load_file(path)
            return path
    if (base_path / ".env.example").is_file() and "APP_KEY" not in os.environ:
        raise EnvironmentFileError(
            f"No {filename} file in {base_path.name}/.",
            hint="Create it with `cp .env.example .env && parvel key:generate`.",
        )
    return None


def _load_file(path: Path) -> None:
    from dotenv.parser import parse_stream

    text = path.read_text(encoding="utf-8")
    values: dict[str, str] = {}
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            line = binding.original.line
            content = binding.original.string.strip()
            raise EnvironmentFileError(
                f"{path.name}:{line} cannot be parsed: {content!r}.",
                hint="Write KEY=value; quote values that contain spaces or #.",
            )
        if binding.key is not None and binding.value is not None:
            values[binding.key] = _expand(binding.value, values)
    for key, value in values.items():
        os.environ.setdefault(key, value)


def _expand(value: str, loaded: dict[str, str]) -> str:
    """Expand ``${VAR}`` references from the environment or earlier lines."""
    if "${" not in value:
        return value
    out = []
    index = 0
    while index < len(value):
        start = value.find("${", index)
        end = value.find("}", start + 2) if start != -1 else -1
        if start == -1 or end == -1:
            out.append(value[index:])
            break
        out.append(value[index:start])
        name = value[start + 2 : end]
        out.append(os.environ.get(name, loaded.get(name, "")))
        index = end + 1
    return "".join(out)
