import time
from datetime import timedelta

import pytest

from parvel.routing import RouteNotDefined, Router, UrlGenerationError, UrlGenerator


def show() -> None: ...


class Post:
    def __init__(self, id: int, slug: str) -> None:
        self.id = id
        self.slug = slug

    def get_route_key(self) -> int:
        return self.id


@pytest.fixture
def urls() -> UrlGenerator:
    router = Router()
    router.get("/", show).name("home")
    router.get("/posts/{post}", show).name("posts.show")
    router.get("/p/{post:slug}", show).name("posts.slug")
    router.get("/users/{user}/posts/{post?}", show).name("user.posts")
    router.get("/n/{id}", show).name("number").where_number("id")
    router.get("/dash", show).name("dash").domain("{account}.example.com")
    return UrlGenerator(router.compile, root="https://app.test", key="base64:c2VjcmV0LWtleQ==")


def test_named_routes(urls: UrlGenerator) -> None:
    assert urls.route("home") == "https://app.test"
    assert urls.route("posts.show", 5) == "https://app.test/posts/5"
    assert urls.route("posts.show", Post(7, "hello")) == "https://app.test/posts/7"
    assert urls.route("posts.slug", Post(7, "hello")) == "https://app.test/p/hello"
    assert urls.route("posts.show", {"post": 1, "page": 2}) == "https://app.test/posts/1?page=2"
    assert urls.route("user.posts", user=3) == "https://app.test/users/3/posts"
    assert urls.route("posts.show", "a b/c", absolute=False) == "/posts/a%20b%2Fc"
    assert urls.route("dash", account="acme") == "https://acme.example.com/dash"


def test_named_route_errors(urls: UrlGenerator) -> None:
    with pytest.raises(RouteNotDefined, match=r"Route \[nope\] not defined"):
        urls.route("nope")
    with pytest.raises(UrlGenerationError, match="Missing parameter: post"):
        urls.route("posts.show")
    with pytest.raises(UrlGenerationError, match="does not match"):
        urls.route("number", "abc")


def test_to_and_previous(urls: UrlGenerator) -> None:
    assert urls.to("about", {"a": 1}) == "https://app.test/about?a=1"
    assert urls.to("https://x.org/y") == "https://x.org/y"
    assert urls.previous() == "https://app.test"
    assert urls.previous_path() == "/"
    assert urls.previous_path("/posts/1") == "/posts/1"


def test_path_segments_and_query(urls: UrlGenerator) -> None:
    assert urls.to("user/profile", [1]) == "https://app.test/user/profile/1"
    assert urls.to("user/profile/", ["a b", 2]) == "https://app.test/user/profile/a%20b/2"
    assert urls.to("user", []) == "https://app.test/user"
    assert urls.query("/posts?sort=new&page=1", {"page": 2}) == (
        "https://app.test/posts?sort=new&page=2"
    )


def test_signed_urls(urls: UrlGenerator) -> None:
    url = urls.signed_route("posts.show", 5)
    assert urls.has_valid_signature(url)
    assert not urls.has_valid_signature(url.replace("/5", "/6"))
    assert not urls.has_valid_signature(url[:-1] + ("0" if url[-1] != "0" else "1"))
    assert not urls.has_valid_signature("https://app.test/posts/5")
    temporary = urls.temporary_signed_route("posts.show", timedelta(minutes=5), 5)
    assert "expires=" in temporary
    assert urls.has_valid_signature(temporary)
    expired = urls.temporary_signed_route("posts.show", -10, 5)
    assert urls.has_correct_signature(expired)
    assert not urls.has_valid_signature(expired)
    assert int(temporary.split("expires=")[1].split("&")[0]) > time.time()


def test_signing_without_key_is_a_clear_error() -> None:
    router = Router()
    router.get("/a", show).name("a")
    with pytest.raises(UrlGenerationError, match=r"app\.key"):
        UrlGenerator(router.compile).signed_route("a")
