from __future__ import annotations

import re

import pytest

from parvel.support import Str


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("post", "posts"),
        ("category", "categories"),
        ("person", "people"),
        ("child", "children"),
        ("box", "boxes"),
        ("status", "statuses"),
        ("news", "news"),
        ("BlogPost", "BlogPosts"),
        ("user_role", "user_roles"),
        ("leaf", "leaves"),
        ("day", "days"),
        ("Person", "People"),
    ],
)
def test_plural(value: str, expected: str) -> None:
    assert Str.plural(value) == expected
    assert Str.plural(value, 1) == value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("posts", "post"),
        ("categories", "category"),
        ("people", "person"),
        ("statuses", "status"),
        ("boxes", "box"),
        ("analyses", "analysis"),
        ("news", "news"),
        ("Comments", "Comment"),
    ],
)
def test_singular(value: str, expected: str) -> None:
    assert Str.singular(value) == expected


def test_case_helpers() -> None:
    assert Str.snake("BlogPost") == "blog_post"
    assert Str.snake("HTTPServerError") == "http_server_error"
    assert Str.snake("blog-post title") == "blog_post_title"
    assert Str.kebab("BlogPost") == "blog-post"
    assert Str.studly("blog_post") == "BlogPost"
    assert Str.studly("create-posts table") == "CreatePostsTable"
    assert Str.camel("blog_post") == "blogPost"
    assert Str.headline("email_address") == "Email Address"
    assert Str.title("hello world") == "Hello World"


def test_slug_folds_accents_and_punctuation() -> None:
    assert Str.slug("Héllo Wörld! It's 2026") == "hello-world-it-s-2026"
    assert Str.slug("a@b", "_") == "a_at_b"


def test_identifiers() -> None:
    ulid = Str.ulid()
    assert Str.is_ulid(ulid)
    assert len(ulid) == 26
    assert Str.is_uuid(Str.uuid())
    ordered = Str.ordered_uuid()
    assert Str.is_uuid(ordered)
    assert ordered[14] == "7"
    assert not Str.is_uuid("not-a-uuid")
    assert re.fullmatch(r"[A-Za-z0-9]{20}", Str.random(20))


def test_limit() -> None:
    assert Str.limit("The quick brown fox", 9) == "The quick..."
    assert Str.limit("short", 10) == "short"
