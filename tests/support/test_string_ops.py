"""Laravel's everyday Str operations and the fluent ``Str.of()``."""

from __future__ import annotations

import pytest

from parvel import Str
from parvel.support.stringable import Stringable


def test_cutting() -> None:
    assert Str.after("user@example.com", "@") == "example.com"
    assert Str.after("user", "@") == "user"
    assert Str.after_last("App.Http.Controllers", ".") == "Controllers"
    assert Str.before("user@example.com", "@") == "user"
    assert Str.before_last("a.b.c", ".") == "a.b"
    assert Str.between("This is my name", "This", "name") == " is my "
    assert Str.between_first("[a] bb [c]", "[", "]") == "a"
    assert Str.substr("The Laravel Framework", 4, 7) == "Laravel"
    assert Str.substr("Laravel", -3) == "vel"
    assert Str.substr("Laravel", 1, -1) == "arave"
    assert Str.take("Build something amazing!", 5) == "Build"
    assert Str.words("Perfectly balanced, as all things should be.", 3, " >>>") == (
        "Perfectly balanced, as >>>"
    )


def test_testing() -> None:
    assert Str.contains("This is my name", "my")
    assert Str.contains("This is my name", ["nope", "my"])
    assert Str.contains("This is my name", "MY", ignore_case=True)
    assert not Str.contains("abc", "")
    assert Str.contains_all("This is my name", ["my", "name"])
    assert Str.doesnt_contain("This is name", "my")
    assert Str.starts_with("This is my name", "This")
    assert Str.ends_with("This is my name", ["nope", "name"])
    assert Str.is_("foo*", "foobar")
    assert Str.is_(["baz*", "foo*"], "foobar")
    assert not Str.is_("baz*", "foobar")
    assert Str.is_ascii("Taylor")
    assert not Str.is_ascii("ü")
    assert Str.is_json("[1,2,3]")
    assert not Str.is_json("{first: 'John'}")
    assert Str.is_url("http://example.com")
    assert not Str.is_url("laravel")
    assert Str.is_url("http://example.com", ["http", "https"])
    assert Str.length("Laravel") == 7
    assert Str.word_count("Hello, world!") == 2
    assert Str.substr_count("I like cars and cars", "car") == 2
    assert Str.match(r"bar", "foo bar") == "bar"
    assert Str.match(r"foo (.*)", "foo bar") == "bar"
    assert Str.match_all(r"f(\w*)", "bar fun bar fly") == ["un", "ly"]


def test_changing() -> None:
    assert Str.finish("this/string", "/") == "this/string/"
    assert Str.finish("this/string/", "/") == "this/string/"
    assert Str.start("this/string", "/") == "/this/string"
    assert Str.wrap("Laravel", '"') == '"Laravel"'
    assert Str.wrap("is", "This ", " Laravel!") == "This is Laravel!"
    assert Str.unwrap("-Laravel-", "-") == "Laravel"
    assert Str.pad_both("James", 10, "_") == "__James___"
    assert Str.pad_left("James", 10, "-=") == "-=-=-James"
    assert Str.pad_right("James", 10, "-") == "James-----"
    assert Str.mask("taylor@example.com", "*", 3) == "tay***************"
    assert Str.mask("taylor@example.com", "*", -15, 3) == "tay***@example.com"
    assert Str.ucfirst("foo bar") == "Foo bar"
    assert Str.lcfirst("Foo Bar") == "foo Bar"
    assert Str.squish("    laravel    framework    ") == "laravel framework"
    assert Str.reverse("Hello World") == "dlroW olleH"
    assert Str.repeat("a", 3) == "aaa"
    assert Str.upper("laravel") == "LARAVEL"
    assert Str.lower("LARAVEL") == "laravel"
    assert Str.trim("  x ") == "x"
    assert Str.trim("/x/", "/") == "x"


def test_replacing() -> None:
    assert Str.replace("9.x", "10.x", "Laravel 9.x") == "Laravel 10.x"
    assert Str.replace("framework", "Laravel", "Framework", case_sensitive=False) == "Laravel"
    assert Str.replace_first("the", "a", "the quick the lazy") == "a quick the lazy"
    assert Str.replace_last("the", "a", "the quick the lazy") == "the quick a lazy"
    assert Str.replace_start("Hello", "Laravel", "Hello World") == "Laravel World"
    assert Str.replace_end("World", "Laravel", "Hello World") == "Hello Laravel"
    assert Str.replace_array("?", ["8:30", "9:00"], "between ? and ?") == "between 8:30 and 9:00"
    assert Str.remove("e", "Peter Piper") == "Ptr Pipr"
    assert Str.swap({"Tacos": "Burritos", "great": "fantastic"}, "Tacos are great!") == (
        "Burritos are fantastic!"
    )


def test_fluent_strings() -> None:
    value = Str.of("  hello world ").squish().title().finish("!")
    assert value == "Hello World!"
    assert isinstance(value, Stringable)
    assert isinstance(value, str)
    assert Str.of("Laravel").append(" Framework").lower() == "laravel framework"
    assert Str.of("Framework").prepend("Laravel ") == "Laravel Framework"
    assert Str.of("a-b-c").replace("-", "_") == "a_b_c"
    assert Str.of("foobar").is_("foo*")
    assert Str.of("Laravel").length() == 7
    assert Str.of("Taylor").pipe(lambda s: s + "!") == "Taylor!"
    assert Str.of("").is_empty()
    assert Str.of(None).to_string() == ""
    assert Str.of("BlogPost").snake().upper() == "BLOG_POST"
    assert Str.of("x").startswith("x")  # str's own methods still work


@pytest.mark.parametrize("name", ["after", "contains", "mask", "replace", "swap", "of"])
def test_every_operation_is_a_static_method(name: str) -> None:
    assert callable(getattr(Str, name))
