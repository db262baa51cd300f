"""Who is asking: the visitor's address behind the site's proxies, the one place that knows it.

Login throttling, rate limits and logs all call `client_address`. Behind the
documented proxy, `X-Forwarded-For` is read from the right, skipping only the
addresses of trusted proxies (`TRUSTED_PROXIES`, networks in CIDR notation):
the first address that is not a trusted proxy is the visitor. Without trusted
proxies the header is ignored, so a visitor cannot choose their own address.
"""

import ipaddress

from django.conf import settings


def trusted_networks():
    return [ipaddress.ip_network(network, strict=False) for network in settings.TRUSTED_PROXIES]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request):
    """The visitor's IP address as text ("" when the request carries none)."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = trusted_networks()
    if not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, networks):
            return _valid_or_empty(hop)
    return remote


def _valid_or_empty(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""
