from __future__ import annotations

from types import ModuleType

import parvel.database.migrations as migrations


def test_all_is_exactly_the_public_set() -> None:
    public = {
        name
        for name, value in vars(migrations).items()
        if name.isidentifier() and not name.startswith("_") and not isinstance(value, ModuleType)
    } - {"annotations"}
    assert set(migrations.__all__) == public
    assert migrations.__all__ == sorted(migrations.__all__)
