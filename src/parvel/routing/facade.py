"""The ``Route`` facade: the application's :class:`Router` (container key ``"router"``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.support.facade import Facade

if TYPE_CHECKING:
    from parvel.routing.router import Router
    from parvel.support.facade import FacadeMethods

    class _RouteFacade(Router, FacadeMethods[Router]): ...

    Route: _RouteFacade
else:
    Route = Facade("router")

__all__ = ["Route"]
