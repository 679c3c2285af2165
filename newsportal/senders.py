"""Who sent a comment, without ever keeping their address.

Rate limits and moderators' bans work on a keyed hash of the sender's network prefix
(an IPv4 /32 or /24, an IPv6 /64). The raw address is read from the request, hashed
and forgotten: it is never stored or logged.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

UNKNOWN_SENDER = "unknown"
# Behind an onion service every visitor arrives from the same local address. Tor can
# instead hand each circuit an address of its own in this range
# (`HiddenServiceExportCircuitID haproxy`, passed on by nginx): each circuit is then
# one sender, so all onion visitors are neither locked out together nor unlimited.
TOR_CIRCUITS = ipaddress.ip_network("fc00:dead:beef:4dad::/64")


def client_address(request: HttpRequest) -> str:
    """The reader's address: the socket's, or a trusted proxy's header if configured."""
    header = settings.COMMENTS_CLIENT_IP_HEADER
    if header:
        value = request.headers.get(header, "")
        # A proxy appends the address it saw; the last entry is the one it vouches for.
        return value.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def network_prefix(address: str) -> str | None:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv4Address):
        length = settings.COMMENTS_IPV4_PREFIX
    elif ip in TOR_CIRCUITS:
        length = 128
    else:
        length = settings.COMMENTS_IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{length}", strict=False))


def sender_hash(address: str) -> str:
    prefix = network_prefix(address)
    if prefix is None:
        return UNKNOWN_SENDER
    return salted_hmac("comments.sender", prefix, algorithm="sha256").hexdigest()[:32]


def sender_hash_for(request: HttpRequest) -> str:
    return sender_hash(client_address(request))
