from __future__ import annotations

import parvel.database.migrations as migrations


def test_all_is_exactly_the_public_set() -> None:
    public = {
        name for name in vars(migrations) if name.isidentifier() and not name.startswith("_")
    } - {"annotations"}
    modules = {"creator", "exceptions", "loader", "migration", "migrator", "repository"}
    assert set(migrations.__all__) == public - modules
    assert migrations.__all__ == sorted(migrations.__all__)
