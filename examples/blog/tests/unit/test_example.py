"""A first unit test."""


def test_that_true_is_true() -> None:
    assert True
