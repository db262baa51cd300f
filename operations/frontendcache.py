"""Front-end cache back-ends that can forget a whole site at once.

The page cache forgets every page on each public change (a new generation);
a CDN in front of the site must do the same, or listings would stay stale
there. Varnish does it with Wagtail's HTTPBackend and a VCL that bans the
whole host on PURGE (docs/performance.md); Cloudflare with this back-end.
"""

import logging

import requests
from wagtail.contrib.frontend_cache.backends import CloudflareBackend

logger = logging.getLogger(__name__)


class CloudflarePurgeAllBackend(CloudflareBackend):
    """Wagtail's Cloudflare back-end, plus `purge_all()`: the whole zone at once."""

    def purge_all(self):
        if self.cloudflare_token:
            headers = {"Authorization": f"Bearer {self.cloudflare_token}"}
        else:
            headers = {
                "X-Auth-Email": self.cloudflare_email,
                "X-Auth-Key": self.cloudflare_api_key,
            }
        response = requests.post(
            self.cloudflare_purge_endpoint_url,
            json={"purge_everything": True},
            headers=headers,
            timeout=30,
        )
        if response.status_code != 200 or not response.json().get("success"):
            logger.error("Cloudflare refused to purge the zone: %s", response.text[:500])
