"""``optimize``, ``optimize:clear`` and ``env``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def test_optimize_then_clear(new_app: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, err = cli("optimize")
    assert code == 0, err
    assert (new_app / "bootstrap/cache/config.json").is_file()
    assert (new_app / "bootstrap/cache/routes.json").is_file()
    assert "view:cache" in out
    code, out, err = cli("optimize:clear")
    assert code == 0, err
    assert not (new_app / "bootstrap/cache/config.json").exists()
    assert not (new_app / "bootstrap/cache/routes.json").exists()


def test_env_prints_the_environment(
    new_app: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, _ = cli("env")
    assert code == 0
    assert "The application environment is [local]." in out


def test_config_publish(new_app: Path, cli: Callable[..., tuple[int, str, str]]) -> None:
    (new_app / "config/mail.py").unlink()
    code, out, err = cli("config:publish", "mail")
    assert code == 0, err
    assert (new_app / "config/mail.py").is_file()
    code, out, _ = cli("config:publish", "mail")
    assert "already exists" in out
    assert cli("config:publish", "nope")[0] == 1
    (new_app / "config/cache.py").unlink()
    assert cli("config:publish", "--all")[0] == 0
    assert (new_app / "config/cache.py").is_file()
