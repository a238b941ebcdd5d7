from __future__ import annotations

import pytest

from parvel.view import Component, TemplateError, TemplateSyntaxError


@pytest.fixture
def alert(views):
    views(
        **{
            "components.alert": (
                "@props(['type', {'message': 'none'}])\n"
                "<div {{ attributes.merge({'class': 'alert alert-' + type}) }}>"
                "{{ message }}|{{ slot }}</div>"
            )
        }
    )


def test_anonymous_component(blade, alert):
    html = blade.render_string(
        '<x-alert type="error" :message="msg" class="mt-4" id="a">Hi {{ who }}</x-alert>',
        {"msg": "<m>", "who": "<w>"},
    )
    assert html == '<div class="alert alert-error mt-4" id="a">&lt;m&gt;|Hi &lt;w&gt;</div>'


def test_self_closing_component_and_default_prop(blade, alert):
    assert (
        blade.render_string('<x-alert type="info"/>') == '<div class="alert alert-info">none|</div>'
    )


def test_nested_component_folder(blade, views):
    views(**{"components.forms.input": "<input {{ attributes }}>"})
    assert blade.render_string('<x-forms.input name="q" :required="True" :x="None"/>') == (
        '<input name="q" required="required">'
    )


def test_index_component(blade, views):
    views(**{"components.card.index": "card"})
    assert blade.render_string("<x-card/>") == "card"


def test_named_slots(blade, views):
    views(
        **{"components.panel": "<h1 {{ title.attributes }}>{{ title }}</h1>{{ slot }}|{{ footer }}"}
    )
    source = (
        '<x-panel>\n<x-slot:title class="big">T</x-slot>\nbody\n'
        '<x-slot name="footer">F</x-slot>\n</x-panel>'
    )
    assert blade.render_string(source) == '<h1 class="big">T</h1>body|F'


def test_slot_is_empty(blade, views):
    views(**{"components.box": "@if(slot.is_empty())empty @else\nfull @endif"})
    assert blade.render_string("<x-box></x-box><x-box>x</x-box>") == "empty full "


def test_attribute_values_are_escaped(blade, views):
    views(**{"components.a": "<a {{ attributes }}></a>"})
    html = blade.render_string('<x-a :title="t" data-x="{{ t }}!"/>', {"t": '"><script>'})
    assert html == '<a title="&quot;&gt;&lt;script&gt;" data-x="&quot;&gt;&lt;script&gt;!"></a>'


def test_attribute_bag_methods(blade, views):
    views(
        **{
            "components.b": (
                "{{ attributes.only(['id']) }}|{{ attributes.except_(['id']) }}|"
                "{{ attributes.has('id') }}{{ attributes.has_any('zz', 'id') }}|"
                "{{ attributes.class_(['p-4', {'hidden': hide}]) }}|"
                "{{ attributes.get('id') }}|{{ attributes.where_starts_with('wire:') }}"
            )
        }
    )
    html = blade.render_string('<x-b id="i" class="c" wire:model="m" :hide="False"/>')
    assert html == (
        'id="i"|class="c" wire:model="m"|TrueTrue|'
        'class="p-4 c" id="i" wire:model="m"|i|wire:model="m"'
    )


def test_short_attribute_syntax_and_escaped_colon(blade, views):
    views(**{"components.c": "{{ user_id }}|{{ attributes }}"})
    assert blade.render_string('<x-c :$user_id ::class="{ on: open }"/>', {"user_id": 7}) == (
        '7|user_id="7" :class="{ on: open }"'
    )


def test_class_based_component(blade, views):
    class Alert(Component):
        def __init__(self, alert_type: str, count: int = 1) -> None:
            self.alert_type = alert_type
            self.count = count

        def label(self) -> str:
            return self.alert_type.upper()

        def render(self) -> str:
            return "<p {{ attributes }}>{{ label() }} x{{ count }}: {{ slot }}</p>"

    blade.component("alert", Alert)
    html = blade.render_string('<x-alert alert-type="warn" :count="2" id="z">Hey</x-alert>')
    assert html == '<p id="z">WARN x2: Hey</p>'


def test_class_component_rendering_a_view_and_should_render(blade, views):
    views(**{"components.badge-view": "[{{ text }}]"})

    class Badge:
        def __init__(self, text: str) -> None:
            self.text = text

        def should_render(self) -> bool:
            return self.text != "skip"

        def render(self) -> str:
            return "components.badge-view"

    blade.component("badge", Badge)
    assert blade.render_string('<x-badge text="a"/><x-badge text="skip"/>') == "[a]"


def test_class_component_missing_argument(blade):
    class Needs:
        def __init__(self, value: str) -> None:
            self.value = value

        def render(self) -> str:
            return ""

    blade.component("needs", Needs)
    with pytest.raises(TemplateError, match="Cannot create component"):
        blade.render_string("<x-needs/>")


def test_aware(blade, views):
    views(
        **{
            "components.menu": "<ul>{{ slot }}</ul>",
            "components.menu.item": "@aware({'color': 'gray'})\n<li class=\"{{ color }}\">{{ slot }}</li>",
        }
    )
    assert blade.render_string('<x-menu color="purple"><x-menu.item>A</x-menu.item></x-menu>') == (
        '<ul><li class="purple">A</li></ul>'
    )
    assert blade.render_string("<x-menu><x-menu.item>A</x-menu.item></x-menu>") == (
        '<ul><li class="gray">A</li></ul>'
    )


def test_dynamic_component(blade, alert):
    html = blade.render_string(
        '<x-dynamic-component :component="name" type="x"/>', {"name": "alert"}
    )
    assert html == '<div class="alert alert-x">none|</div>'


def test_component_does_not_see_parent_variables(blade, views):
    views(**{"components.iso": "@isset(secret)leak @endisset ok"})
    assert blade.render_string("<x-iso/>", {"secret": 1}) == " ok"


def test_unknown_component(blade):
    with pytest.raises(TemplateError, match=r"component \[nope\]"):
        blade.render_string("<x-nope/>")


def test_mismatched_component_tags(blade):
    with pytest.raises(TemplateSyntaxError, match="Unexpected </x-b>"):
        blade.render_string("<x-a></x-b>")


def test_unclosed_component(blade):
    with pytest.raises(TemplateSyntaxError, match="Unclosed"):
        blade.render_string("<x-a>")


def test_slot_outside_component(blade):
    with pytest.raises(TemplateSyntaxError, match="outside a component"):
        blade.render_string("<x-slot:a>x</x-slot>")


def test_namespaced_component(blade, tmp_path):
    mail = tmp_path / "mail"
    (mail / "components").mkdir(parents=True)
    (mail / "components" / "button.blade.html").write_text("<b>{{ slot }}</b>")
    blade.add_namespace("mail", mail)
    assert blade.render_string("<x-mail::button>Go</x-mail::button>") == "<b>Go</b>"


def test_forwarding_an_attribute_bag_into_a_component(blade, views):
    views(
        **{
            "components.inner": "<i {{ attributes }}></i>",
            "components.outer": '<x-inner {{ attributes }} data-o="1"/>',
        }
    )
    assert blade.render_string('<x-outer id="a" :n="2"/>') == '<i id="a" n="2" data-o="1"></i>'


def test_echo_inside_attribute_value_accepts_any_type(blade, views):
    views(**{"components.row": "<tr {{ attributes }}></tr>"})
    html = blade.render_string(
        '<x-row data-id="row-{{ n }}" title="{{ none }}{{ s }}"/>', {"n": 5, "none": None, "s": "<"}
    )
    assert html == '<tr data-id="row-5" title="&lt;"></tr>'


def test_prepends_for_non_class_attributes(blade, views):
    views(
        **{
            "components.p": "<div {{ attributes.merge({'data-controller': attributes.prepends('profile')}) }}></div>"
        }
    )
    assert blade.render_string('<x-p data-controller="extra"/><x-p/>') == (
        '<div data-controller="profile extra"></div><div data-controller="profile"></div>'
    )


def test_layout_component_with_slot_and_prop_default(blade, views):
    views(
        **{
            "components.layout": "@props({'title': 'Todo Manager'})\n<title>{{ title }}</title>{{ slot }}"
        }
    )
    assert blade.render_string("<x-layout>body</x-layout>") == "<title>Todo Manager</title>body"
    assert blade.render_string("<x-layout><x-slot:title>Custom</x-slot>body</x-layout>") == (
        "<title>Custom</title>body"
    )


def test_anonymous_component_paths(blade, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "panel.blade.html").write_text("<panel>{{ slot }}</panel>")
    dashboard = tmp_path / "dashboard"
    (dashboard / "card").mkdir(parents=True)
    (dashboard / "card" / "index.blade.html").write_text("<card/>")
    blade.anonymous_component_path(shared)
    blade.anonymous_component_path(dashboard, "dashboard")
    assert (
        blade.render_string("<x-panel>p</x-panel><x-dashboard::card/>") == "<panel>p</panel><card/>"
    )


def test_component_namespace_discovers_classes(blade, tmp_path, monkeypatch):
    package = tmp_path / "pkg" / "shopui"
    (package / "forms").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "forms" / "__init__.py").write_text("")
    (package / "forms" / "user_card.py").write_text(
        "class UserCard:\n"
        "    def __init__(self, name):\n"
        "        self.name = name\n"
        "    def render(self):\n"
        "        return '<card>{{ name }}</card>'\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path / "pkg"))
    blade.component_namespace("shopui")
    blade.component_namespace("shopui", "shop")
    assert blade.render_string('<x-forms.user-card name="Ann"/>') == "<card>Ann</card>"
    assert blade.render_string('<x-shop::forms.user-card name="Bo"/>') == "<card>Bo</card>"
    with pytest.raises(TemplateError, match="component"):
        blade.render_string("<x-forms.missing/>")


def test_class_component_closure_render_and_hidden_members(blade):
    class Card(Component):
        except_ = ("secret",)

        def __init__(self, kind: str) -> None:
            self.kind = kind
            self.secret = "hidden"

        def render(self):
            def view(data):
                return (
                    f"<div data-name='{data['component_name']}'>{{{{ kind }}}} {data['slot']}</div>"
                )

            return view

    blade.component("card", Card)
    assert (
        blade.render_string('<x-card kind="k">body</x-card>')
        == "<div data-name='card'>k body</div>"
    )

    class Leaky(Card):
        def render(self):
            return "{{ secret }}"

    blade.component("leaky", Leaky)
    with pytest.raises(NameError, match="secret"):
        blade.render_string("<x-leaky kind='k'/>")
