from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

import pytest

from parvel.container import ServiceProvider
from parvel.foundation import Application, ApplicationError, EnvironmentFileError
from parvel.support.facade import Facade, FacadeError

pytestmark = pytest.mark.usefixtures("isolated_app_modules")


def make_app(tmp_path: Path, env: str = "", config: str = "") -> Application:
    (tmp_path / "config").mkdir(exist_ok=True)
    if env is not None:
        (tmp_path / ".env").write_text(env)
    (tmp_path / "config" / "app.py").write_text(
        config
        or "from parvel import env\nconfig = {'name': env('APP_NAME', 'X'), 'env': env('APP_ENV', 'production'), 'debug': env('APP_DEBUG', False)}\n"
    )
    return Application(tmp_path)


def test_paths(tmp_path: Path) -> None:
    app = Application(tmp_path)
    assert app.base_path() == tmp_path.resolve()
    assert app.config_path("app.py") == tmp_path.resolve() / "config" / "app.py"
    assert app.storage_path("logs") == tmp_path.resolve() / "storage" / "logs"
    assert app.bootstrap_path("cache") == tmp_path.resolve() / "bootstrap" / "cache"
    for method in ("app_path", "database_path", "resources_path", "public_path", "lang_path"):
        assert getattr(app, method)().parent == tmp_path.resolve()


def test_bootstrap_reads_env_and_config(tmp_path: Path) -> None:
    app = make_app(tmp_path, "APP_NAME=Blog\nAPP_ENV=local\nAPP_DEBUG=true\n").bootstrap()
    assert app.config.get("app.name") == "Blog"
    assert app.environment() == "local"
    assert app.environment("loc*", "staging") is True
    assert app.is_local()
    assert app.debug is True


def test_real_environment_wins_over_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_NAME", "FromProcess")
    app = make_app(tmp_path, "APP_NAME=FromFile\n").bootstrap()
    assert app.config.get("app.name") == "FromProcess"


def test_env_file_variable_expansion(tmp_path: Path) -> None:
    make_app(tmp_path, 'APP_NAME=Blog\nMAIL_FROM_NAME="${APP_NAME} Team"\n').bootstrap()
    assert os.environ["MAIL_FROM_NAME"] == "Blog Team"


def test_malformed_env_line(tmp_path: Path) -> None:
    app = make_app(tmp_path, "APP_NAME=ok\nnot valid at all\n")
    with pytest.raises(EnvironmentFileError, match=r"\.env:2 cannot be parsed"):
        app.bootstrap()


class Clock:
    def __init__(self) -> None:
        self.booted = False


class ClockProvider(ServiceProvider):
    order: ClassVar[list[str]] = []

    def register(self) -> None:
        self.order.append("register")
        self.app.singleton(Clock)

    def boot(self, clock: Clock) -> None:  # type: ignore[override]
        self.order.append("boot")
        clock.booted = True


class Lazy:
    pass


class LazyProvider(ServiceProvider):
    defer = True
    provides: ClassVar[list[object]] = [Lazy, "lazy"]
    registered = 0

    def register(self) -> None:
        LazyProvider.registered += 1
        self.app.singleton(Lazy)
        self.app.alias(Lazy, "lazy")


def test_providers_register_then_boot_with_injection(tmp_path: Path) -> None:
    ClockProvider.order.clear()
    app = make_app(
        tmp_path,
        "",
        "config = {'providers': ['tests_providers:ClockProvider']}\n",
    )
    import sys

    sys.modules["tests_providers"] = sys.modules[__name__]
    try:
        app.bootstrap()
    finally:
        del sys.modules["tests_providers"]
    assert ClockProvider.order == ["register", "boot"]
    assert app.make(Clock).booted is True
    assert app.provider_is_loaded(ClockProvider)


def test_deferred_provider_loads_on_first_make(tmp_path: Path) -> None:
    LazyProvider.registered = 0
    app = make_app(tmp_path, "").bootstrap()
    app.register(LazyProvider)
    assert LazyProvider.registered == 0
    assert app.bound(Lazy)
    first = app.make(Lazy)
    assert LazyProvider.registered == 1
    assert app.make("lazy") is first
    assert LazyProvider.registered == 1


def test_register_rejects_non_providers(tmp_path: Path) -> None:
    app = make_app(tmp_path, "")
    with pytest.raises(ApplicationError, match="is not a ServiceProvider subclass"):
        app.register("pathlib:Path")


async def test_terminating_callbacks_run_in_reverse(tmp_path: Path) -> None:
    app = make_app(tmp_path, "")
    calls: list[str] = []

    async def close_pool() -> None:
        calls.append("pool")

    app.terminating(close_pool)
    app.terminating(lambda: calls.append("log"))  # type: ignore[func-returns-value]
    await app.terminate()
    assert calls == ["log", "pool"]


def test_facade_resolves_from_the_application(tmp_path: Path) -> None:
    Facade.set_application(None)
    clock = Facade(Clock)
    with pytest.raises(FacadeError, match="before the application was created"):
        clock.get_facade_root()
    app = make_app(tmp_path, "")
    app.singleton(Clock)
    assert clock.booted is False
    double = Clock()
    double.booted = True
    clock.swap(double)
    assert app.make(Clock) is double
    assert clock.booted is True


def test_maintenance_flag(tmp_path: Path) -> None:
    app = make_app(tmp_path, "")
    assert not app.is_down_for_maintenance()
    (tmp_path / "storage" / "framework").mkdir(parents=True)
    (tmp_path / "storage" / "framework" / "down").write_text("{}")
    assert app.is_down_for_maintenance()
