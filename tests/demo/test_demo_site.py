"""The demo-site command: what a newcomer sees after `make run`."""

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from icalendar import Calendar
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo import builder
from events.models import Registration
from home.models import (
    HomePage,
    Organisation,
    Person,
    SiteContent,
    SocialLink,
    StandardPage,
    Tag,
)
from members.models import GoverningBody, MemberPillarLink, Term
from tests.events.registration_helpers import form_data
from tests.factories import PAGE_FACTORIES
from tests.markup import HtmlAssertions

COUNTED = [
    Page,
    Revision,
    Site,
    Locale,
    get_user_model(),
    SiteContent,
    SocialLink,
    Tag,
    TranslationSource,
    Translation,
    StringTranslation,
    Redirect,
    Organisation,
    MemberPillarLink,
    Person,
    GoverningBody,
    Term,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


class DemoSiteTests(HtmlAssertions, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.credentials = builder.CREDENTIALS_FILE
        cls.outputs = [cls.build(), cls.build()]

    @classmethod
    def build(cls):
        out = StringIO()
        call_command("build_demo_site", base_url="http://127.0.0.1:8000", stdout=out)
        return out.getvalue()

    def test_running_twice_changes_nothing(self):
        before = counts()
        self.build()
        self.assertEqual(counts(), before)

    def test_each_run_prints_the_same_local_credentials(self):
        password = self.credentials.read_text().strip()
        for output in self.outputs:
            self.assertIn("admin", output)
            self.assertIn(password, output)
        user = get_user_model().objects.get(username="admin")
        self.assertTrue(user.is_superuser)
        self.assertTrue(user.check_password(password))

    def test_site_matches_the_local_address(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("127.0.0.1", 8000))
        self.assertEqual(site.root_page.specific.locale.language_code, "it")

    def test_english_pages_are_wagtail_localize_translations(self):
        it_home = HomePage.objects.get(locale__language_code="it")
        en_home = it_home.get_translation(Locale.objects.get(language_code="en"))
        self.assertTrue(en_home.live)
        source = TranslationSource.objects.get(object_id=it_home.translation_key)
        self.assertTrue(
            Translation.objects.filter(source=source, target_locale=en_home.locale).exists()
        )
        italian_pages = StandardPage.objects.filter(locale__language_code="it")
        english_pages = StandardPage.objects.filter(locale__language_code="en")
        self.assertEqual(
            set(english_pages.values_list("translation_key", flat=True)),
            set(italian_pages.values_list("translation_key", flat=True)),
        )

    def test_demo_pages_read_in_both_languages(self):
        for url, lang, text in [
            ("/it/", "it", "Chi siamo"),
            ("/en/", "en", "Who we are"),
            ("/it/chi-siamo/", "it", "ALISEI"),
            ("/en/about/", "en", "national technology cluster"),
            ("/it/notizie/", "it", "Approvato il piano operativo 2018 del Cluster"),
            ("/en/news/", "en", "The Cluster&#x27;s 2018 operating plan is approved"),
            ("/it/notizie/piano-operativo-2018/", "it", "9 luglio 2018"),
            ("/en/news/operating-plan-2018/", "en", "9 July 2018"),
            ("/en/news/tag/operating-plan/", "en", "operating plan is approved"),
            ("/it/notizie/2018/", "it", "Approvato il piano operativo"),
            ("/it/eventi/2018/", "it", "10–12 ottobre 2018"),
            ("/en/events/2018/", "en", "10–12 October 2018"),
            ("/en/events/", "en", "Example: a meeting with registration on the site"),
            ("/it/eventi/", "it", "Iscrizioni aperte"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url, HTTP_HOST="127.0.0.1:8000")
                self.assertEqual(response.status_code, 200)
                self.assertHtmlContains(
                    response.content.decode(),
                    present=[
                        f'<html lang="{lang}"',
                        text,
                        'hreflang="x-default" href="http://127.0.0.1:8000/it/',
                    ],
                )

    def test_members_directory_filters_without_javascript_in_both_languages(self):
        for home, directory, filtered, shown, hidden in [
            ("/it/", "/it/soci/", "?type=hospital", "Ospedale Delta (demo)", "Alfa Biotech"),
            (
                "/en/",
                "/en/members/",
                "?province=MI",
                "Associazione Epsilon (demo)",
                "Ospedale Delta",
            ),
        ]:
            with self.subTest(directory=directory):
                self.assertIn(f'href="{directory}"', self.client.get(home).content.decode())
                html = self.client.get(directory + filtered).content.decode()
                self.assertHtmlContains(html, present=[shown, 'content="noindex"'])
                self.assertNotIn(hidden, html)
        # Seven of the eight example members are listed; one asked not to be.
        self.assertIn("7 soci", self.client.get("/it/").content.decode())
        self.assertEqual(self.client.get("/it/soci/theta-diagnostica-demo/").status_code, 404)
        self.assertNotIn("Theta Diagnostica", self.client.get("/en/members/").content.decode())

    def test_the_homes_link_the_directory_and_a_governance_page_of_example_people(self):
        for home, directory, governance, words in [
            ("/it/", "/it/soci/", "/it/organi-sociali/", ["Consiglio direttivo", "Presidente"]),
            ("/en/", "/en/members/", "/en/governance/", ["Board of directors", "President"]),
        ]:
            with self.subTest(home=home):
                html = self.client.get(home).content.decode()
                self.assertIn(f'href="{directory}"', html)
                self.assertIn(f'href="{governance}"', html)
                page = self.client.get(governance).content.decode()
                self.assertHtmlContains(page, present=[*words, "Anna Esempio (demo)"])
        # Nobody the seed does not name: every person the demo holds says it is an example.
        names = Person.objects.values_list("name", flat=True)
        self.assertTrue(names)
        self.assertTrue(all(name.endswith("Esempio (demo)") for name in names), list(names))
        self.assertTrue(Term.objects.filter(end__isnull=False).exists())

    def test_the_members_come_from_the_example_file_of_the_import(self):
        # The first build created them through the command, the second found them unchanged.
        self.assertEqual(self.outputs[0].count(": creato"), 8)
        self.assertEqual(self.outputs[1].count(": invariato"), 8)
        members = Organisation.objects.filter(kind="member")
        self.assertEqual(members.filter(locale__language_code="it").count(), 8)
        for member in members.filter(locale__language_code="en"):
            self.assertTrue(member.live)
            self.assertTrue(member.name.endswith("(demo)"))
            self.assertTrue(member.description.startswith("An example member"))
        revisions = Revision.objects.count()
        output = StringIO()
        call_command("import_members", builder.MEMBERS_FILE, stdout=output)
        self.assertEqual(output.getvalue().count(": invariato"), 8)
        self.assertEqual(Revision.objects.count(), revisions)

    def test_meet_in_italy_imports_as_an_all_day_event(self):
        response = self.client.get("/en/events/meet-in-italy-for-life-sciences-2018/ics/")
        calendar = Calendar.from_ical(response.content)
        (event,) = calendar.walk("VEVENT")
        self.assertEqual(event.decoded("dtstart"), datetime.date(2018, 10, 10))
        self.assertEqual(event.decoded("dtend"), datetime.date(2018, 10, 13))
        self.assertEqual(str(event["location"]), "Bologna, Italy")

    def test_one_local_user_per_role_with_printed_credentials(self):
        for username, group in [
            ("redattore", "Redattori"),
            ("responsabile", "Responsabili della comunicazione"),
            ("traduttore", "Traduttori"),
        ]:
            user = get_user_model().objects.get(username=username)
            self.assertEqual(list(user.groups.values_list("name", flat=True)), [group])
            self.assertIn(f"“{username}”", self.outputs[1])

    def test_every_page_type_previews_in_both_languages(self):
        previewed = set()
        for page in Page.objects.filter(depth__gt=1).specific():
            response = page.make_preview_request()
            self.assertEqual(response.status_code, 200, page.url)
            previewed.add((type(page).__name__, page.locale.language_code))
        for model in PAGE_FACTORIES:
            for language in ("it", "en"):
                self.assertIn((model.__name__, language), previewed)

    @override_settings(PUBLIC_FORM_RATE_LIMIT=100)
    def test_the_example_event_takes_registrations_in_both_languages(self):
        it_url = "/it/eventi/esempio-incontro-con-iscrizione/iscrizione/"
        en_url = "/en/events/example-meeting-with-registration/register/"
        for n, url in enumerate([it_url, en_url] * 3):
            data = form_data(f"person{n}@example.org")
            data["q_che_cosa_vi_interessa_di_piu"] = data.pop("q_esigenze_alimentari")
            response = self.client.post(url, data, HTTP_HOST="127.0.0.1:8000")
            self.assertEqual(response.status_code, 200, url)
        self.assertEqual(Registration.objects.confirmed().count(), 5)
        self.assertEqual(Registration.objects.waiting().count(), 1)
        self.assertEqual(Registration.objects.filter(language="en").count(), 3)
