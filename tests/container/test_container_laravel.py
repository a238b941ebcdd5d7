"""Container methods Laravel documents beyond bind/singleton/make."""

from __future__ import annotations

from parvel import Container


class Mailer:
    pass


class FakeMailer(Mailer):
    pass


class CpuReport:
    pass


class DiskReport:
    pass


def test_conditional_bindings_keep_an_existing_one() -> None:
    container = Container()
    container.singleton(Mailer, FakeMailer)
    container.singleton_if(Mailer, Mailer)
    container.bind_if(Mailer, Mailer)
    container.scoped_if(Mailer, Mailer)
    assert type(container.make(Mailer)) is FakeMailer
    container.bind_if("greeting", lambda c: "hi")
    assert container.make("greeting") == "hi"


def test_tags_resolve_in_order_and_accumulate() -> None:
    container = Container()
    container.singleton(CpuReport)
    container.tag([CpuReport], "reports", "cheap")
    container.tag(DiskReport, "reports")
    reports = container.tagged("reports")
    assert [type(r) for r in reports] == [CpuReport, DiskReport]
    assert container.tagged("reports")[0] is reports[0]  # the singleton stays shared
    assert [type(r) for r in container.tagged("cheap")] == [CpuReport]
    assert container.tagged("unknown") == []


def test_factory_get_and_introspection() -> None:
    container = Container()
    container.singleton(Mailer, FakeMailer)
    container.alias(Mailer, "mailer")
    make = container.factory(CpuReport)
    assert make() is not make()
    assert container.get("mailer") is container.make(Mailer)
    assert container.is_shared(Mailer)
    assert not container.is_shared(CpuReport)
    assert container.is_alias("mailer")
    assert not container.is_alias(Mailer)


def test_forget_instances_rebuilds_singletons() -> None:
    container = Container()
    container.singleton(Mailer, FakeMailer)
    registered = container.instance("settings", {"debug": True})
    first = container.make(Mailer)
    container.forget_instances()
    assert container.make(Mailer) is not first
    assert container.make("settings") is registered  # nothing to rebuild it from: kept
    assert container.make(Container) is container


def test_after_resolving_runs_for_each_build() -> None:
    container = Container()
    seen: list[str] = []
    container.after_resolving(CpuReport, lambda obj, c: seen.append(type(obj).__name__))
    container.make(CpuReport)
    container.make(CpuReport)
    assert seen == ["CpuReport", "CpuReport"]
