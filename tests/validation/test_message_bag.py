from __future__ import annotations

from parvel.validation import MessageBag


def test_message_bag_api() -> None:
    bag = MessageBag({"email": ["Bad email."], "items.0.qty": ["Too few."], "items.1.qty": ["No."]})
    bag.add("email", "Taken.").add("email", "Taken.")
    assert bag.get("email") == ["Bad email.", "Taken."]
    assert bag.first("email") == "Bad email."
    assert bag.first() == "Bad email."
    assert bag.first("nope") == ""
    assert bag.has("email")
    assert bag.has(["email", "items.0.qty"])
    assert not bag.has(["email", "name"])
    assert bag.has_any(["name", "email"])
    assert bag.has("items.*.qty")
    assert bag.get("items.*") == ["Too few.", "No."]
    assert bag.all() == ["Bad email.", "Taken.", "Too few.", "No."]
    assert bag.all("<p>:message</p>")[0] == "<p>Bad email.</p>"
    assert bag.first("email", ":key: :message") == "email: Bad email."
    assert bag.count() == len(bag) == 4
    assert bag.keys() == ["email", "items.0.qty", "items.1.qty"]
    assert bag.missing("name")
    assert "email" in bag
    assert bag.is_not_empty()
    assert bag.any()
    assert not bag.is_empty()
    assert bag.to_dict()["email"] == ["Bad email.", "Taken."]
    assert bag.to_json().startswith('{"email":["Bad email.","Taken."]')
    bag.forget("email")
    assert not bag.has("email")
    merged = MessageBag().merge(bag).merge({"x": ["y"]})
    assert merged == {"items.0.qty": ["Too few."], "items.1.qty": ["No."], "x": ["y"]}
    assert MessageBag().first() == ""
    assert not MessageBag()
    assert MessageBag({"a": ["b", "b"]}).unique() == ["b"]
    assert list(MessageBag({"a": ["b"]})) == ["b"]
    assert "MessageBag" in repr(bag)
