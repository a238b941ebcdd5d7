"""The ``Route`` and ``URL`` facades.

``Route`` is the application's :class:`Router` (container key ``"router"``); ``URL`` its
:class:`UrlGenerator` (container key ``"url"``): ``URL.signed_route("unsubscribe", {"user": 1})``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parvel.support.facade import Facade

if TYPE_CHECKING:
    from parvel.routing.router import Router
    from parvel.routing.url import UrlGenerator
    from parvel.support.facade import FacadeMethods

    class _RouteFacade(Router, FacadeMethods[Router]): ...

    class _UrlFacade(UrlGenerator, FacadeMethods[UrlGenerator]): ...

    Route: _RouteFacade
    URL: _UrlFacade
else:
    Route = Facade("router")
    URL = Facade("url")

__all__ = ["URL", "Route"]
