from __future__ import annotations

import parvel.testing


def test_all_is_the_public_set() -> None:
    public = {
        name
        for name in vars(parvel.testing)
        if not name.startswith(("_", "@"))  # "@py_builtins": pytest rewrites plugin packages
        and name
        not in {
            "annotations",
            "browser",
            "client",
            "console",
            "database",
            "fakes",
            "live_server",
            "plugin",
            "response",
            "time",
            "views",
        }
    }
    assert sorted(parvel.testing.__all__) == parvel.testing.__all__
    assert set(parvel.testing.__all__) == public
