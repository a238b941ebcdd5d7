import parvel.http as http
import parvel.http.middleware as middleware


def test_http_public_names() -> None:
    assert http.__all__ == sorted(http.__all__)
    assert set(http.__all__) == set(http._LAZY)
    for name in http.__all__:
        assert getattr(http, name) is not None
    assert set(http.__all__) <= set(dir(http))


def test_unknown_http_name_is_an_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        http.Nope  # noqa: B018


def test_middleware_public_names() -> None:
    assert middleware.__all__ == sorted(middleware.__all__)
    public = {n for n in dir(middleware) if not n.startswith(("_", "@"))}
    modules = {
        "body_limit",
        "cookies",
        "cors",
        "defaults",
        "gzip",
        "hooks",
        "input",
        "maintenance",
        "request_id",
        "security",
        "session",
        "csrf",
        "signed",
        "throttle",
        "trust_proxies",
    }
    assert set(middleware.__all__) == public - modules


def test_request_helper_shadows_the_module_name() -> None:
    # ``parvel.http.request`` is the ``request()`` helper; the class lives in ``requests``
    assert callable(http.request)
    assert http.Request.__module__ == "parvel.http.requests"


def test_request_helper_survives_importing_the_module() -> None:
    import importlib

    importlib.import_module("parvel.http.requests")
    from parvel.http import request

    assert callable(request)
    assert request.__module__ == "parvel.http.helpers"
