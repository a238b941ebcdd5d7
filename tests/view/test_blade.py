from __future__ import annotations

import pytest

import parvel.view
from parvel.view import Blade, TemplateError


def test_public_names():
    assert parvel.view.__all__ == sorted(parvel.view.__all__)
    assert set(parvel.view.__all__) == {
        "Blade",
        "Component",
        "ComponentAttributeBag",
        "ComponentSlot",
        "Directive",
        "Loop",
        "TemplateError",
        "TemplateNotFound",
        "TemplateSyntaxError",
        "View",
        "ViewData",
        "ViewHooks",
        "escape",
        "view",
    }


def test_render_dotted_name_and_kwargs(blade, views):
    views(**{"posts.index": "{{ title }}-{{ n }}"})
    assert blade.render("posts.index", {"title": "T"}, n=2) == "T-2"


def test_exists(blade, views):
    views(**{"posts.show": ""})
    assert blade.exists("posts.show")
    assert not blade.exists("posts.edit")
    assert not blade.exists("../etc/passwd")


def test_invalid_view_name(blade):
    with pytest.raises(TemplateError, match="Invalid view name"):
        blade.render("../secret")


def test_namespaces(blade, tmp_path):
    mail = tmp_path / "mail"
    mail.mkdir()
    (mail / "layout.blade.html").write_text("mail {{ x }}")
    blade.add_namespace("mail", mail)
    assert blade.render("mail::layout", {"x": 1}) == "mail 1"
    with pytest.raises(TemplateError, match="namespace"):
        blade.render("shop::x")


def test_share_and_context_wins(blade):
    blade.share("app", "Parvel")
    blade.share({"year": 2025})
    assert blade.render_string("{{ app }} {{ year }}") == "Parvel 2025"
    assert blade.render_string("{{ app }}", {"app": "mine"}) == "mine"


def test_shared_data_reaches_components(blade, views):
    views(**{"components.c": "{{ app }}"})
    blade.share("app", "P")
    assert blade.render_string("<x-c/>") == "P"


def test_composers(blade, views):
    views(**{"posts.index": "{{ count }}", "posts.show": "{{ count }}", "home": "{{ count }}"})
    blade.composer("posts.*", lambda view: view.with_("count", view.name))
    blade.composer(["home"], lambda view: view.with_({"count": 7}))
    assert blade.render("posts.index") == "posts.index"
    assert blade.render("home") == "7"


def test_composer_runs_for_included_views(blade, views):
    views(**{"nav": "{{ links }}", "page": "@include('nav')"})
    blade.composer("nav", lambda view: view.with_("links", 3))
    assert blade.render("page") == "3"


def test_standalone_without_paths():
    assert Blade().render_string("{{ 1 + 1 }}") == "2"


def test_undefined_variable_is_a_name_error(render):
    with pytest.raises(NameError, match="missing"):
        render("{{ missing }}")


def test_builtins_are_available(render):
    assert render("{{ len(items) }} {{ ', '.join(items) }}", items=["a", "b"]) == "2 a, b"


def test_first(blade, views):
    from parvel.view import TemplateNotFound

    views("admin", "admin {{ x }}")
    assert blade.first(["custom.admin", "admin"], {"x": 1}) == "admin 1"
    with pytest.raises(TemplateNotFound):
        blade.first(["a", "b"])


def test_a_single_path_is_accepted(view_path, views):
    views("one", "1")
    assert Blade(paths=str(view_path)).render("one") == "1"
    assert Blade(paths=view_path).render("one") == "1"
