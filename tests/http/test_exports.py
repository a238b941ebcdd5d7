import parvel.http as http
import parvel.http.middleware as middleware


def test_http_public_names() -> None:
    assert http.__all__ == sorted(http.__all__)
    public = {n for n in dir(http) if not n.startswith(("_", "@"))}
    modules = {
        "console",
        "contracts",
        "controller",
        "exceptions",
        "form_request",
        "handler",
        "helpers",
        "kernel",
        "middleware",
        "provider",
        "responses",
        "static",
        "stubs",
        "uploads",
    }
    assert set(http.__all__) == public - modules


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
    # ``parvel.http.request`` is the ``request()`` helper; the class lives in the module
    assert callable(http.request)
    assert http.Request.__module__ == "parvel.http.request"
