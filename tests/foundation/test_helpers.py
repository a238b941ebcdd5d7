"""The global helpers (app, resolve, encrypt, decrypt, now) and the Config/Session facades."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest

from parvel import Config, Crypt, Session, app, decrypt, encrypt, now, resolve
from parvel.console.discovery import load_application
from parvel.console.main import run
from parvel.encryption import DecryptError, DecryptException, Encrypter
from parvel.foundation import Application
from parvel.session import ArraySessionHandler, SessionError, Store, current_session


@pytest.fixture
def skeleton_app(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    isolated_app_modules: None,
    forget_modules: Callable[[], None],
) -> Application:
    monkeypatch.chdir(tmp_path)
    assert run(["new", "demo", "-q"]) == 0
    forget_modules()
    return load_application(tmp_path / "demo")


def test_app_and_resolve(skeleton_app: Application) -> None:
    assert app() is skeleton_app
    assert app("encrypter") is skeleton_app.make("encrypter")
    assert isinstance(resolve(Encrypter), Encrypter)
    assert resolve("encrypter") is app(Encrypter)


def test_encrypt_and_decrypt(skeleton_app: Application) -> None:
    assert decrypt(encrypt({"a": [1, 2]})) == {"a": [1, 2]}
    assert decrypt(encrypt("plain", False), False) == "plain"
    assert DecryptException is DecryptError
    with pytest.raises(DecryptException):
        Crypt.decrypt_string("garbage")


def test_now_is_aware_utc() -> None:
    assert now().tzinfo is UTC


def test_config_facade(skeleton_app: Application) -> None:
    assert Config.get("app.name") == skeleton_app.config.get("app.name")
    assert Config.has("app.name")
    Config.set("app.timezone_label", "UTC")
    assert Config.get("app.timezone_label") == "UTC"
    assert Config.get("app.missing", "default") == "default"


def test_session_facade_forwards_to_the_current_session() -> None:
    with pytest.raises(SessionError):
        Session.get("key")
    store = Store("parvel_session", ArraySessionHandler())
    token = current_session.set(store)
    try:
        Session.put("key", "value")
        assert Session.get("key") == "value"
        assert store.get("key") == "value"
    finally:
        current_session.reset(token)


def test_application_locale_version_and_paths(skeleton_app: Application) -> None:
    from parvel import __version__

    assert skeleton_app.version() == __version__
    assert skeleton_app.get_locale() == skeleton_app.current_locale()
    skeleton_app.set_locale("fr")
    assert skeleton_app.is_locale("fr")
    assert Config.get("app.locale") == "fr"
    assert skeleton_app.resource_path("views") == skeleton_app.resources_path("views")
    assert skeleton_app.has_debug_mode_enabled() is skeleton_app.debug
