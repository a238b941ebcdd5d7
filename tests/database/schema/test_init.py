from __future__ import annotations

import parvel.database.schema as schema


def test_all_is_exactly_the_public_set() -> None:
    public = {name for name in vars(schema) if name.isidentifier() and not name.startswith("_")} - {
        "annotations"
    }
    modules = {"blueprint", "builder", "columns", "exceptions", "grammars"}
    assert set(schema.__all__) == public - modules
    assert schema.__all__ == sorted(schema.__all__)
