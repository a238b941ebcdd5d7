from __future__ import annotations

import pytest

from parvel.view import TemplateError


class Bag:
    def __init__(self, messages: dict[str, list[str]]) -> None:
        self.messages = messages

    def has(self, key: str) -> bool:
        return bool(self.messages.get(key))

    def first(self, key: str) -> str | None:
        return (self.messages.get(key) or [None])[0]

    def get(self, key: str) -> list[str]:
        return self.messages.get(key, [])


def test_csrf_uses_the_resolver(blade):
    blade.hooks.csrf_token = lambda: "tok<>"
    assert blade.render_string("@csrf") == (
        '<input type="hidden" name="_token" value="tok&lt;&gt;" autocomplete="off">'
    )


def test_csrf_without_resolver_is_a_clear_error(blade):
    with pytest.raises(TemplateError, match="csrf_token"):
        blade.render_string("@csrf")


def test_method(render):
    assert render("@method('put')") == '<input type="hidden" name="_method" value="PUT">'


def test_error_directive(blade):
    bags = {"default": Bag({"title": ["The title is required."]}), "login": Bag({"email": ["Bad"]})}
    blade.hooks.errors = lambda name: bags.get(name)
    source = "@error('title')<p>{{ message }}</p>@else\nok @enderror"
    assert blade.render_string(source) == "<p>The title is required.</p>"
    assert blade.render_string("@error('body')x @else\nok @enderror") == "ok "
    assert blade.render_string("@error('email', 'login'){{ message }}@enderror") == "Bad"


def test_error_without_resolver_never_matches(render):
    assert render("@error('title')bad @enderror") == ""
