"""The admin's forms as the staff type into them: Italian dates, pillars ticked from a list."""

import datetime

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage
from pillars.models import PillarPage
from tests.admin import EditorTestCase
from tests.sites import english


class ItalianDateTests(EditorTestCase):
    def test_a_date_typed_the_italian_way_is_stored_as_typed(self):
        item = self.create_in_admin(
            self.tree.index(NewsIndexPage),
            NewsPage,
            title="Bando di gennaio",
            slug="bando-gennaio",
            date="15/01/2025",
        )
        self.assertEqual(item.date, datetime.date(2025, 1, 15))

    def test_an_event_start_is_typed_as_day_month_year_and_hours_minutes(self):
        event = self.create_in_admin(
            self.tree.index(EventIndexPage),
            EventPage,
            title="Workshop di febbraio",
            slug="workshop-febbraio",
            registration_mode="external",
            start_date="03/02/2025",
            start_time="09:30",
            end_time="13:00",
            venue_city="Milano",
            status="scheduled",
            attendance_mode="in_person",
        )
        self.assertEqual(
            (event.start_date, event.start_time), (datetime.date(2025, 2, 3), datetime.time(9, 30))
        )

    def test_an_unreadable_date_is_refused_on_its_field_not_replaced(self):
        for typed in ("32/13/2025", "domani", "2025-15-01"):
            with self.subTest(typed=typed):
                response = self.post_page_form(
                    self.tree.index(NewsIndexPage),
                    NewsPage,
                    title="Bando illeggibile",
                    slug="bando-illeggibile",
                    date=typed,
                )
                self.assertEqual(response.status_code, 200)
                self.assertFormError(response.context["form"], "date", "Inserisci una data valida.")
                self.assertFalse(NewsPage.objects.filter(slug="bando-illeggibile").exists())

    def test_the_date_pickers_show_italian_dates_and_keep_what_is_typed(self):
        item = self.tree.add(NewsPage, date=datetime.date(2018, 7, 9))
        html = self.page_html(f"/admin/pages/{item.pk}/edit/")
        self.assertHtmlContains(
            html, present=['value="09/07/2018"', '"format": "d/m/Y", "validateOnBlur": false']
        )


class PillarChoiceTests(EditorTestCase):
    @classmethod
    def build(cls, tree):
        cls.research = tree.add(PillarPage, title="Ricerca")
        cls.community = tree.add(PillarPage, title="Community")

    def test_the_editor_ticks_the_pillars_of_a_news_item(self):
        item = self.create_in_admin(
            self.tree.index(NewsIndexPage),
            NewsPage,
            title="Notizia della community",
            slug="notizia-community",
            pillars=str(self.community.pk),
        )
        self.assertEqual([link.pillar_id for link in item.pillar_links.all()], [self.community.pk])
        html = self.page_html(f"/admin/pages/{item.pk}/edit/")
        self.assertHtmlContains(
            html,
            present=[
                f'type="checkbox" name="pillars" value="{self.research.pk}"',
                f'type="checkbox" name="pillars" value="{self.community.pk}"',
                "checked",
            ],
            absent=["wagtailadmin_choose_page", 'id="id_pillar_links-TOTAL_FORMS"'],
        )

    def test_the_choices_are_the_pillars_of_the_source_language_in_both_languages(self):
        item = self.tree.add(NewsPage)
        form_class = NewsPage.get_edit_handler().get_form_class()
        for page in (item, self.tree.english_of(item)):
            with self.subTest(language=page.locale.language_code):
                form = form_class(instance=page, for_user=self.editor)
                self.assertEqual(
                    list(form.fields["pillars"].queryset), [self.research, self.community]
                )


class SnippetListingTests(EditorTestCase):
    @classmethod
    def build(cls, tree):
        tree.add_tag("Biobanche")
        tree.add_tag("Bandi europei", translate=False)

    def test_tags_are_listed_once_in_italian_with_their_english_name_or_what_is_missing(self):
        html = self.page_html("/admin/snippets/home/tag/")
        self.assertHtmlContains(
            html,
            present=["Biobanche", english("Biobanche"), "Bandi europei", "Non ancora tradotto"],
        )
        self.assertEqual(html.count(english("Biobanche")), 1)
        english_listing = self.page_html("/admin/snippets/home/tag/", {"locale": "en"})
        self.assertNotIn("Bandi europei", english_listing)
