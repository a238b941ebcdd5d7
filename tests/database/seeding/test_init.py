from __future__ import annotations

from types import ModuleType

import parvel.database.seeding as seeding


def test_all_is_exactly_the_public_set() -> None:
    public = {
        name
        for name, value in vars(seeding).items()
        if name.isidentifier() and not name.startswith("_") and not isinstance(value, ModuleType)
    } - {"annotations"}
    assert set(seeding.__all__) == public
    assert seeding.__all__ == sorted(seeding.__all__)
