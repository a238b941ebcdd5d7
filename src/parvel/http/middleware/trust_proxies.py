"""``TrustProxies``: honour X-Forwarded-* headers sent by trusted proxies."""

from __future__ import annotations

import ipaddress
from typing import Any

from starlette.responses import Response

from parvel.container import Container
from parvel.http.middleware.hooks import HookMiddleware

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustProxies(HookMiddleware):
    """Honour ``X-Forwarded-For/-Proto/-Host/-Port`` when the direct peer is a trusted proxy.

    Configure with ``middleware.trust_proxies(at=["10.0.0.0/8"])`` or config
    ``http.trusted_proxies`` (``"*"`` trusts every peer). With none configured the middleware
    is skipped entirely at boot.
    """

    def __init__(self, container: Container) -> None:
        option = container.make("http.middleware").options.get("trusted_proxies")
        if option is None:
            option = container.make("config").get("http.trusted_proxies", None)
        if isinstance(option, str):
            option = [p.strip() for p in option.split(",") if p.strip()]
        self.trust_all = bool(option) and "*" in option
        self.networks: list[Network] = [
            ipaddress.ip_network(p, strict=False) for p in (option or []) if p != "*"
        ]
        self.active = bool(option)

    def trusts(self, address: str | None) -> bool:
        """Whether ``address`` is a trusted proxy."""
        if self.trust_all:
            return True
        if not address:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def before(self, request: Any) -> Response | None:
        """Rewrite the scope from forwarded headers when the peer is trusted."""
        scope = request.scope
        client = scope.get("client")
        if client and self.trusts(client[0]):
            headers = {
                k.decode("latin-1"): v.decode("latin-1")
                for k, v in scope["headers"]
                if k.startswith(b"x-forwarded-")
            }
            forwarded = headers.get("x-forwarded-for")
            if forwarded:
                chain = [ip.strip() for ip in forwarded.split(",") if ip.strip()]
                scope["parvel.forwarded_for"] = list(reversed(chain))
                client_ip = chain[0]
                for ip in reversed(chain):
                    if not self.trusts(ip):
                        client_ip = ip
                        break
                scope["client"] = (client_ip, client[1])
            proto = headers.get("x-forwarded-proto")
            if proto in ("http", "https"):
                scope["scheme"] = proto
            host = headers.get("x-forwarded-host")
            port = headers.get("x-forwarded-port")
            if host or port:
                value = (host or "").split(",")[0].strip()
                if port and port.isdigit() and ":" not in value and value:
                    value = f"{value}:{port}"
                if value:
                    scope["headers"] = [(k, v) for k, v in scope["headers"] if k != b"host"] + [
                        (b"host", value.encode("latin-1"))
                    ]
        return None
