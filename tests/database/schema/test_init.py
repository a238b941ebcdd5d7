from __future__ import annotations

from types import ModuleType

import parvel.database.schema as schema


def test_all_is_exactly_the_public_set() -> None:
    public = {
        name
        for name, value in vars(schema).items()
        if name.isidentifier() and not name.startswith("_") and not isinstance(value, ModuleType)
    } - {"annotations"}
    assert set(schema.__all__) == public
    assert schema.__all__ == sorted(schema.__all__)
