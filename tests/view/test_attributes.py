from __future__ import annotations

from markupsafe import Markup

from parvel.view import ComponentAttributeBag, ComponentSlot


def test_rendering_escapes_and_skips_false_values():
    bag = ComponentAttributeBag({"a": '"x"', "b": True, "c": False, "d": None, "e": Markup("<ok>")})
    assert str(bag) == 'a="&quot;x&quot;" b="b" e="<ok>"'


def test_merge_appends_class_and_style_and_replaces_others():
    bag = ComponentAttributeBag({"class": "mine", "style": "color: red", "type": "submit"})
    merged = bag.merge({"class": "base", "style": "margin: 0", "type": "button", "id": "x"})
    assert merged.all() == {
        "class": "base mine",
        "style": "margin: 0; color: red",
        "type": "submit",
        "id": "x",
    }


def test_queries():
    bag = ComponentAttributeBag({"id": "i", "wire:model": "m", "class": "c"})
    assert bag.first() == "i"
    assert list(bag.filter(lambda value, key: value == "m")) == ["wire:model"]
    assert list(bag.where_doesnt_start_with("wire:")) == ["id", "class"]
    assert bag.has("id", "class")
    assert not bag.has("id", "x")
    assert len(bag) == 3
    assert "id" in bag
    assert bag["id"] == "i"
    assert ComponentAttributeBag().is_empty()


def test_slot():
    slot = ComponentSlot("<!-- c -->  ")
    assert slot.is_not_empty()
    assert not slot.has_actual_content()
    assert ComponentSlot("x") == "x"
    assert str(ComponentSlot("<b>")) == "<b>"
    assert not ComponentSlot()


def test_has_accepts_lists_and_bag_checks() -> None:
    bag = ComponentAttributeBag({"name": "n", "class": "c"})
    assert bag.has(["name", "class"])
    assert not bag.has(["name", "id"])
    assert bag.has_any(["id", "class"])
    assert bag.missing("id")
    assert not bag.missing("name")
    assert bag.is_not_empty()
    assert not ComponentAttributeBag().is_not_empty()
    assert bag.to_html() == 'name="n" class="c"'
