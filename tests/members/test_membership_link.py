"""The directory's "Become a member" link: the request page in the directory's language only."""

from members.models import MemberDirectoryPage
from services.models import ServicePage
from tests.sites import BilingualSiteTestCase


class MembershipLinkTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.service = tree.add(
            ServicePage, title="Diventare socio", slug="diventare-socio", translate=False
        )
        cls.directory = tree.add(MemberDirectoryPage, membership_page=cls.service)

    def test_the_link_shows_in_the_directory_s_language_only(self):
        self.assertIn(
            '<a class="button" href="/it/servizi/diventare-socio/">Diventare socio</a>',
            self.page_html("/it/soci/"),
        )
        # No English request page yet: no link, rather than the Italian page.
        english_url = self.tree.english_of(self.directory).url
        self.assertNotIn("Become a member", self.page_html(english_url))
        self.assertNotIn("diventare-socio", self.page_html(english_url))
        english_service = self.tree.translate(self.service)
        self.assertIn(
            f'<a class="button" href="{english_service.url}">Become a member</a>',
            self.page_html(english_url),
        )

    def test_an_unpublished_request_page_is_not_linked(self):
        self.service.unpublish()
        self.assertNotIn("diventare-socio", self.page_html("/it/soci/"))

    def test_no_link_without_a_request_page(self):
        self.directory.membership_page = None
        self.directory.save_revision().publish()
        self.assertNotIn("Diventare socio", self.page_html("/it/soci/"))
