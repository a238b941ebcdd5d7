from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from typing import Protocol

import pytest

from parvel.container import BindingResolutionError, CircularDependencyError, Container


class Clock(Protocol):
    def now(self) -> int: ...


class FixedClock:
    def now(self) -> int:
        return 42


class Mailer:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock


class Store(ABC):
    @abstractmethod
    def get(self) -> str: ...


class FileStore(Store):
    def get(self) -> str:
        return "file"


class RedisStore(Store):
    def get(self) -> str:
        return "redis"


class ReportController:
    def __init__(self, store: Store, title: str = "report") -> None:
        self.store = store
        self.title = title


class NeedsPrimitive:
    def __init__(self, path: str) -> None:
        self.path = path


class Plain:
    pass


class Chicken:
    def __init__(self, egg: Egg) -> None:
        self.egg = egg


class Egg:
    def __init__(self, chicken: Chicken) -> None:
        self.chicken = chicken


def test_autowires_concrete_classes_from_type_hints() -> None:
    container = Container()
    container.bind(Clock, FixedClock)
    mailer = container.make(Mailer)
    assert isinstance(mailer, Mailer)
    assert mailer.clock.now() == 42


def test_bind_builds_a_new_instance_each_time_singleton_shares() -> None:
    container = Container()
    container.bind(Plain)
    assert container.make(Plain) is not container.make(Plain)
    container.singleton(Plain)
    assert container.make(Plain) is container.make(Plain)


def test_factory_receives_the_container() -> None:
    container = Container()
    container.instance("greeting", "hi")
    container.bind("message", lambda c: c.make("greeting") + "!")
    assert container.make("message") == "hi!"


def test_instance_and_alias() -> None:
    container = Container()
    store = FileStore()
    container.instance(Store, store)
    container.alias(Store, "cache.store")
    assert container.make("cache.store") is store
    assert container.bound("cache.store")


def test_abstract_without_binding_names_the_fix() -> None:
    container = Container()
    with pytest.raises(BindingResolutionError, match=r"Target \[Store\] is abstract"):
        container.make(Store)


def test_unresolvable_parameter_names_class_parameter_and_type() -> None:
    container = Container()
    with pytest.raises(BindingResolutionError) as caught:
        container.make(NeedsPrimitive)
    message = str(caught.value)
    assert "[path: str]" in message
    assert "NeedsPrimitive" in message


def test_parameters_override_by_name_and_defaults_apply() -> None:
    container = Container()
    container.bind(Store, FileStore)
    controller = container.make(ReportController)
    assert controller.title == "report"
    assert container.make(NeedsPrimitive, path="/x").path == "/x"


def test_contextual_binding() -> None:
    container = Container()
    container.bind(Store, FileStore)
    container.when(ReportController).needs(Store).give(RedisStore)
    container.when(NeedsPrimitive).needs("$path").give_value("/var/data")
    assert container.make(ReportController).store.get() == "redis"
    assert container.make(NeedsPrimitive).path == "/var/data"


def test_call_injects_into_any_callable_and_methods() -> None:
    container = Container()
    container.bind(Store, FileStore)

    def handler(store: Store, name: str) -> str:
        return f"{store.get()}:{name}"

    assert container.call(handler, {"name": "x"}) == "file:x"

    class Controller:
        def show(self, store: Store) -> str:
            return store.get()

    assert container.call(Controller().show) == "file"


async def test_call_returns_coroutine_for_async_callables() -> None:
    container = Container()
    container.bind(Store, RedisStore)

    async def handler(store: Store) -> str:
        return store.get()

    assert await container.call(handler) == "redis"


async def test_scoped_bindings_are_one_per_scope_and_isolated_between_tasks() -> None:
    container = Container()
    container.scoped(Plain)

    async def in_scope() -> tuple[Plain, Plain]:
        with container.scope():
            await asyncio.sleep(0)
            return container.make(Plain), container.make(Plain)

    (a1, a2), (b1, b2) = await asyncio.gather(in_scope(), in_scope())
    assert a1 is a2
    assert b1 is b2
    assert a1 is not b1


def test_circular_dependency_is_reported() -> None:
    container = Container()
    with pytest.raises(CircularDependencyError, match="Chicken -> Egg -> Chicken"):
        container.make(Chicken)


def test_resolving_callbacks_and_extend() -> None:
    container = Container()
    seen: list[object] = []
    container.resolving(Plain, lambda obj, _: seen.append(obj))
    made = container.make(Plain)
    assert seen == [made]
    container.singleton("name", lambda _: "parvel")
    container.extend("name", lambda value, _: value.upper())
    assert container.make("name") == "PARVEL"


def test_string_key_without_binding() -> None:
    container = Container()
    container.bind("mailer", "mailer")
    with pytest.raises(BindingResolutionError, match=r"Nothing is bound to \[mailer\]"):
        container.make("mailer")


def test_plans_are_cached_per_callable() -> None:
    from parvel.container import _plans

    container = Container()
    container.bind(Clock, FixedClock)
    container.make(Mailer)
    first = _plans.plan_for(Mailer)
    container.make(Mailer)
    assert _plans.plan_for(Mailer) is first


def test_class_alias_maps_a_class_without_importing_it() -> None:
    container = Container()
    container.singleton("store", lambda c: FileStore())
    container.class_alias("store", f"{FileStore.__module__}:FileStore")
    assert container.bound(FileStore)
    assert container.make(FileStore) is container.make("store")
