from __future__ import annotations

import os
import time

import pytest

from parvel.view import Blade


def test_compiles_once_for_two_renders(blade, views):
    views("page", "{{ x }}")
    before = blade.compiler.compiled_count
    assert blade.render("page", {"x": 1}) == "1"
    assert blade.render("page", {"x": 2}) == "2"
    assert blade.compiler.compiled_count == before + 1


def test_disk_cache_is_reused_by_a_new_engine(blade, views, view_path, tmp_path):
    views("page", "{{ x }}")
    blade.render("page", {"x": 1})
    assert list((tmp_path / "cache").glob("*.bin"))
    fresh = Blade(paths=[view_path], cache_path=tmp_path / "cache")
    assert fresh.render("page", {"x": 3}) == "3"
    assert fresh.compiler.compiled_count == 0


def test_changed_content_gets_a_new_cache_entry(views, view_path, tmp_path):
    path = views("page", "one")
    Blade(paths=[view_path], cache_path=tmp_path / "cache").render("page")
    path.write_text("two")
    fresh = Blade(paths=[view_path], cache_path=tmp_path / "cache")
    assert fresh.render("page") == "two"
    assert fresh.compiler.compiled_count == 1


def test_debug_mode_recompiles_changed_files(views, view_path, tmp_path):
    path = views("page", "one")
    blade = Blade(paths=[view_path], cache_path=tmp_path / "cache", debug=True)
    assert blade.render("page") == "one"
    path.write_text("two!")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert blade.render("page") == "two!"
    assert blade.compiler.compiled_count == 2


def test_production_mode_keeps_the_compiled_template(views, view_path):
    path = views("page", "one")
    blade = Blade(paths=[view_path])
    assert blade.render("page") == "one"
    path.write_text("two!")
    time.sleep(0.01)
    assert blade.render("page") == "one"


def test_precompile_and_clear(blade, views, tmp_path):
    views(**{"a": "a", "b.c": "@if(True)c @endif"})
    assert blade.precompile() == 2
    cache = tmp_path / "cache"
    assert len(list(cache.glob("*.bin"))) == 2
    assert len(list(cache.glob("*.py"))) == 2
    (cache / "keep.txt").write_text("not ours")
    assert blade.clear_cache() == 4
    assert [p.name for p in cache.iterdir()] == ["keep.txt"]


def test_corrupt_cache_entry_is_recompiled(blade, views, view_path, tmp_path):
    views("page", "ok")
    blade.render("page")
    for entry in (tmp_path / "cache").glob("*.bin"):
        entry.write_bytes(b"garbage")
    fresh = Blade(paths=[view_path], cache_path=tmp_path / "cache")
    assert fresh.render("page") == "ok"
    assert fresh.compiler.compiled_count == 1


def test_render_string_is_cached_in_memory(blade):
    blade.render_string("{{ 1 }}")
    blade.render_string("{{ 1 }}")
    assert blade.compiler.compiled_count == 1


def test_changing_a_custom_directive_invalidates_the_disk_cache(views, view_path, tmp_path):
    views("page", "@shout(1)")
    first = Blade(paths=[view_path], cache_path=tmp_path / "cache")
    first.directive("shout", lambda e: f"'A' * ({e})")
    assert first.render("page") == "A"
    second = Blade(paths=[view_path], cache_path=tmp_path / "cache")
    second.directive("shout", lambda e: f"'B' * ({e})")
    assert second.render("page") == "B"


def test_debug_mode_notices_deleted_and_new_files(views, view_path, tmp_path):
    from parvel.view import TemplateNotFound

    path = views("page", "one")
    blade = Blade(paths=[view_path], debug=True)
    assert blade.render("page") == "one"
    path.unlink()
    with pytest.raises(TemplateNotFound):
        blade.render("page")
