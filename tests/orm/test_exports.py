"""The ORM's public face is exactly ``__all__``."""

from __future__ import annotations

import parvel.orm


def test_all_is_exactly_the_public_set() -> None:
    public = {
        name
        for name, value in vars(parvel.orm).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("parvel.orm")
    }
    assert sorted(parvel.orm.__all__) == parvel.orm.__all__
    assert set(parvel.orm.__all__) == public


def test_errors_carry_codes_and_status() -> None:
    from parvel.exceptions import ParvelError

    for name in parvel.orm.__all__:
        value = getattr(parvel.orm, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, ParvelError)
            assert value.code != ParvelError.code
    assert parvel.orm.ModelNotFound.status_code == 404
