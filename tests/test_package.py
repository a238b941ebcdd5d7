import parvel


def test_version_is_exposed() -> None:
    assert parvel.__version__.count(".") == 2


def test_root_error_carries_hint() -> None:
    error = parvel.ParvelError("Something broke.", hint="Do this instead.")
    assert str(error) == "Something broke. Do this instead."
    assert error.code == "parvel-error"
