"""``key:generate``: set APP_KEY in .env."""

from __future__ import annotations

import re
from typing import Annotated

from parvel.foundation.application import Application
from parvel.foundation.exceptions import ApplicationError
from parvel.support.console import Option, Output, command


def set_env_value(text: str, key: str, value: str) -> str:
    """Set ``KEY=value`` in the text of a .env file (replacing or appending the line)."""
    pattern = re.compile(rf"^{re.escape(key)}=.*$", re.MULTILINE)
    line = f"{key}={value}"
    if pattern.search(text):
        return pattern.sub(lambda _: line, text, count=1)
    return text.rstrip("\n") + f"\n{line}\n"


@command("key:generate")
def key_generate(
    *,
    show: Annotated[bool, Option(help="Display the key instead of modifying files")] = False,
    force: Annotated[bool, Option(help="Force the operation to run when in production")] = False,
    app: Application,
    out: Output,
) -> int:
    """Set the application key."""
    from parvel.encryption.keys import generate_key

    key = generate_key()
    if show:
        out.comment(key)
        return 0
    if (
        app.is_production()
        and not force
        and not out.confirm("Are you sure you want to run this command in production?")
    ):
        out.warn("Command cancelled.")
        return 1
    env_file = app.base_path(".env")
    if not env_file.is_file():
        raise ApplicationError(
            "There is no .env file to write the key to.",
            hint="Create it with `cp .env.example .env`, then run `parvel key:generate` again.",
        )
    env_file.write_text(set_env_value(env_file.read_text(encoding="utf-8"), "APP_KEY", key))
    app.config.set("app.key", key)
    out.info("   INFO  Application key set successfully.")
    return 0
