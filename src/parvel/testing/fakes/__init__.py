"""Fakes: swap a service in the container for a recording double, restored after the test.

Every fake (``Event.fake()``, ``Queue.fake()``, ``Mail.fake()`` ... as those components land)
builds on :class:`Fake` and :func:`swap`. The pytest plugin calls :func:`restore_all` after
each test, so a fake never leaks into the next one. See docs/testing.md.
"""

from parvel.testing.fakes.base import Fake, require_fake, restore_all, swap, swapped

__all__ = ["Fake", "require_fake", "restore_all", "swap", "swapped"]
