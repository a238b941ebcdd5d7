from __future__ import annotations

from typing import Any

import pytest

from parvel.container import Container
from parvel.support.facade import Facade
from parvel.testing.fakes import Fake, require_fake, restore_all, swap, swapped


class Mailer:
    def send(self, to: str) -> str:
        return f"sent to {to}"


class MailFake(Fake):
    facade_name = "Mail"

    def send(self, to: str) -> str:
        self.record("sent", to)
        return "faked"

    def assert_sent(self, to: str, times: int | None = None) -> None:
        self.assert_recorded("sent", to, lambda item: item == to, times)

    def assert_not_sent(self, to: str) -> None:
        self.assert_not_recorded("sent", to, lambda item: item == to)


@pytest.fixture
def container() -> Any:
    app = Container()
    app.singleton("mailer", lambda c: Mailer())
    saved = Facade._application
    Facade.set_application(app)
    yield app  # the plugin's restore_all() runs after each test
    Facade.set_application(saved)


def test_swap_replaces_the_service_and_restore_puts_it_back(container: Container) -> None:
    mail = Facade("mailer")
    real = container.make("mailer")
    fake = swap(mail, MailFake())
    assert swapped(mail)
    assert mail.send("ann@example.com") == "faked"
    assert container.make("mailer") is fake
    fake.assert_sent("ann@example.com")
    fake.assert_sent("ann@example.com", times=1)
    fake.assert_not_sent("bob@example.com")
    restore_all()
    assert not swapped(mail)
    assert container.make("mailer") is real
    assert mail.send("ann@example.com") == "sent to ann@example.com"


def test_a_service_never_built_is_rebuilt_after_restore(container: Container) -> None:
    swap("mailer", MailFake())
    restore_all()
    assert isinstance(container.make("mailer"), Mailer)


def test_assertion_messages(container: Container) -> None:
    fake = swap(Facade("mailer"), MailFake())
    fake.send("ann@example.com")
    with pytest.raises(AssertionError, match=r"\[bob@example.com\] was not sent\.\nSent: 'ann"):
        fake.assert_sent("bob@example.com")
    with pytest.raises(AssertionError, match="was sent 1 times instead of 2 times"):
        fake.assert_sent("ann@example.com", times=2)
    with pytest.raises(AssertionError, match=r"The unexpected \[ann@example.com\] was sent"):
        fake.assert_not_sent("ann@example.com")
    with pytest.raises(AssertionError, match="Something was sent unexpectedly"):
        fake.assert_nothing_recorded("sent")


def test_asserting_before_faking_fails_clearly(container: Container) -> None:
    mail = Facade("mailer")
    with pytest.raises(
        AssertionError,
        match=r"Mail.assert_sent\(\) was called, but Mail is not faked: call Mail.fake\(\)",
    ):
        require_fake(mail, MailFake, "assert_sent")
    swap(mail, MailFake())
    assert isinstance(require_fake(mail, MailFake, "assert_sent"), MailFake)
    assert isinstance(require_fake("mailer", MailFake, "assert_sent"), MailFake)


SHARED = Container()
SHARED.instance("mailer", Mailer())


def test_the_plugin_restores_fakes_after_each_test_part_one() -> None:
    swap("mailer", MailFake(), app=SHARED)
    assert isinstance(SHARED.make("mailer"), MailFake)


def test_the_plugin_restores_fakes_after_each_test_part_two() -> None:
    # runs after part one (file order): the plugin's teardown put the real mailer back
    assert isinstance(SHARED.make("mailer"), Mailer)
    assert not swapped("mailer", app=SHARED)
