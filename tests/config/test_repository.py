from __future__ import annotations

from pathlib import Path

import pytest

from parvel.config import (
    ConfigError,
    Repository,
    UnknownConfigKey,
    load_config_files,
    read_cache,
    write_cache,
)
from parvel.container import ServiceProvider


def test_dot_access_defaults_and_errors() -> None:
    repo = Repository({"app": {"name": "Blog", "providers": ["a", "b"]}, "db": {"port": 5432}})
    assert repo.get("app.name") == "Blog"
    assert repo["db.port"] == 5432
    assert repo.get("app.providers.1") == "b"
    assert repo.get("app.missing", "fallback") == "fallback"
    assert repo.get("app.missing") is None  # as Laravel's config() and dict.get()
    with pytest.raises(
        UnknownConfigKey, match=r"Unknown config key 'app.nmae'. Did you mean 'app.name'\?"
    ):
        repo["app.nmae"]
    with pytest.raises(UnknownConfigKey, match=r"Did you mean 'app\.name'"):
        repo.string("app.nmae")
    assert repo.string("app.nmae", "x") == "x"
    assert "app.name" in repo
    assert "app.nope" not in repo


def test_set_push_prepend() -> None:
    repo = Repository()
    repo.set("cache.stores.redis.driver", "redis")
    repo.set({"app.debug": True, "app.env": "local"})
    repo.push("app.providers", "B")
    repo.prepend("app.providers", "A")
    assert repo.all() == {
        "cache": {"stores": {"redis": {"driver": "redis"}}},
        "app": {"debug": True, "env": "local", "providers": ["A", "B"]},
    }


def test_load_config_files(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("config = {'name': 'X'}\n")
    (tmp_path / "_private.py").write_text("raise SystemExit\n")
    assert load_config_files(tmp_path) == {"app": {"name": "X"}}
    (tmp_path / "broken.py").write_text("value = 1\n")
    with pytest.raises(ConfigError, match=r"broken.py defines no `config` dict"):
        load_config_files(tmp_path)
    (tmp_path / "broken.py").write_text("x = 1\nconfig = {'a': 1 / 0}\n")
    with pytest.raises(ConfigError, match=r"broken.py:2: division by zero"):
        load_config_files(tmp_path)


class SampleProvider(ServiceProvider):
    pass


def test_cache_round_trip_keeps_class_references(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "config.json"
    write_cache(cache, {"app": {"providers": [SampleProvider], "path": tmp_path}})
    loaded = read_cache(cache)
    assert loaded == {"app": {"providers": [SampleProvider], "path": str(tmp_path)}}
    with pytest.raises(ConfigError, match="cannot store a value"):
        write_cache(cache, {"app": {"fn": lambda: 1}})
    cache.write_text("{not json")
    with pytest.raises(ConfigError, match="config:clear"):
        read_cache(cache)
    assert read_cache(tmp_path / "none.json") is None


def test_typed_getters() -> None:
    import pytest

    from parvel.config import ConfigError, Repository

    repo = Repository(
        {"app": {"name": "Blog", "port": 8000, "ratio": 0.5, "debug": True, "hosts": ["a"]}}
    )
    assert repo.string("app.name") == "Blog"
    assert repo.integer("app.port") == 8000
    assert repo.float("app.ratio") == 0.5
    assert repo.boolean("app.debug") is True
    assert repo.array("app.hosts") == ["a"]
    assert repo.string("app.missing", "x") == "x"
    with pytest.raises(ConfigError, match=r"\[app.port\] must be a string, int given"):
        repo.string("app.port")
    with pytest.raises(ConfigError, match="must be an integer"):
        repo.integer("app.debug")
