from __future__ import annotations


def test_auth_and_guest_default_to_logged_out(render):
    assert render("@auth\nin @else\nout @endauth|@guest\nguest @endguest") == "out |guest "


def test_auth_with_user_resolver_and_guards(blade):
    blade.hooks.user = lambda guard: "ann" if guard in (None, "web") else None
    source = "@auth\nin @endauth|@auth('admin')\nadmin @elseauth('web')\nweb @endauth|@guest\ng @endguest"
    assert blade.render_string(source) == "in |web |"


def test_can_cannot_canany(blade):
    allowed = {("edit", 1)}
    blade.hooks.gate = lambda ability, *args: (ability, *args) in allowed
    source = (
        "@can('edit', post)E @elsecan('view', post)V @else\nN @endcan|"
        "@cannot('edit', 2)X @endcannot|@canany(['delete', 'edit'], post)A @endcanany"
    )
    assert blade.render_string(source, {"post": 1}) == "E |X |A "


def test_can_without_gate_denies(render):
    assert render("@can('x')yes @else\nno @endcan") == "no "


def test_env_and_production(blade):
    assert blade.render_string("@production\nprod @endproduction") == "prod "
    blade.hooks.environment = lambda: "local"
    source = (
        "@env('local')L @endenv|@env(['staging', 'local'])SL @endenv|@production\nP @endproduction"
    )
    assert blade.render_string(source) == "L |SL |"


def test_session(blade):
    assert blade.render_string("@session('status'){{ value }}@endsession") == ""
    blade.hooks.session = lambda: {"status": "Saved!"}
    assert blade.render_string("@session('status')<p>{{ value }}</p>@endsession") == "<p>Saved!</p>"
