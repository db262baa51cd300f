"""The members directory under the page cache: a member's change shows at once."""

from home.models import Organisation
from members.models import MemberDirectoryPage, MemberPillarLink
from pillars.models import PillarPage
from tests.members.test_directory import add_member
from tests.operations.test_pagecache import CachedSiteTestCase


class MemberPageCacheTests(CachedSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.directory, cls.en_directory = tree.add_twins(MemberDirectoryPage)
        cls.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca")
        cls.member = add_member(tree, "Alfa Esempio")

    def test_hiding_a_member_in_italian_purges_both_directories_and_the_homes(self):
        urls = ["/it/soci/", "/en/members/", "/it/", "/en/", "/it/soci/?type=company"]
        self.warm(*urls)
        with self.change():
            member = Organisation.objects.get(pk=self.member.pk)
            member.listed = False
            member.save()
        self.assertShows(urls, absent=["Alfa Esempio"])

    def test_a_new_area_of_work_shows_in_the_filters(self):
        self.warm("/it/soci/")
        with self.change():
            MemberPillarLink.objects.create(organisation=self.member, pillar=self.pillar)
        self.assertShows(["/it/soci/"], present=['href="?pillar=ricerca"'])
