"""The translators' queue: a translator finds, starts, updates and submits translations alone."""

import datetime
import json
import re

from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.localization import fill_translation
from home.models import SiteContent, StandardPage, Tag
from news.models import NewsPage
from staff import translation_queue as queue
from tests.admin import make_user, staff_team
from tests.sites import BilingualSiteTestCase, english


class QueueTestCase(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        cls.editor, cls.manager, cls.translator = staff_team()

    def statuses(self):
        return {
            getattr(item.source, "slug", str(item.source)): item
            for item in queue.translation_queue(self.tree.english)
        }

    def start(self, page, user=None):
        self.client.force_login(user or self.translator)
        content_type = ContentType.objects.get_for_model(Page)
        url = reverse("translation_start", args=[content_type.pk, page.pk, "en"])
        return self.client.post(url)

    def record(self, page):
        return Translation.objects.get(
            source__object_id=page.translation_key, target_locale=self.tree.english
        )


class QueueStatesTests(QueueTestCase):
    def test_each_source_item_has_the_state_of_its_translation(self):
        self.tree.add(StandardPage, slug="senza-traduzione", translate=False)
        draft = self.tree.add(StandardPage, slug="in-bozza", translate=False)
        self.tree.translate(draft, publish=False)
        stale = self.tree.add(StandardPage, slug="cambiata", summary="Testo di prima.")
        TranslationSource.objects.filter(object_id=stale.translation_key).update(
            last_updated_at=timezone.now() - datetime.timedelta(days=1)
        )
        stale.summary = "Testo nuovo da tradurre."
        stale.save_revision().publish()
        items = self.statuses()
        self.assertEqual(items["senza-traduzione"].status, queue.MISSING)
        self.assertEqual(items["in-bozza"].status, queue.IN_PROGRESS)
        self.assertEqual(items["cambiata"].status, queue.OUT_OF_DATE)
        self.assertEqual(items["cambiata"].changed, ["Testo nuovo da tradurre."])
        self.assertEqual(items["chi-siamo"].status, queue.CURRENT)
        site_content = next(item for item in items.values() if isinstance(item.source, SiteContent))
        self.assertEqual(site_content.status, queue.CURRENT)

    def test_the_queue_and_the_dashboard_show_what_waits_for_the_translator(self):
        self.tree.add(StandardPage, title="Bando nuovo", slug="bando-nuovo", translate=False)
        self.client.force_login(self.translator)
        self.assertHtmlContains(
            self.page_html(reverse("translation_queue")),
            present=['<tr data-status="missing">', "Bando nuovo", "Chi siamo"],
        )
        dashboard = self.page_html(reverse("wagtailadmin_home"))
        self.assertHtmlContains(dashboard, present=["Bando nuovo", reverse("translation_queue")])

    def test_staff_without_the_translation_permission_see_no_queue(self):
        self.client.force_login(make_user("ospite"))
        self.assertNotEqual(self.client.get(reverse("translation_queue")).status_code, 200)


class StartAndSubmitTests(QueueTestCase):
    @classmethod
    def build(cls, tree):
        super().build(tree)
        cls.tag = tree.add_tag("Bandi europei", translate=False)
        cls.item = tree.add(
            NewsPage,
            title="Nuovo bando regionale",
            slug="nuovo-bando-regionale",
            summary="La Regione apre un bando.",
            tags=["Bandi europei"],
            translate=False,
        )

    def test_the_translator_starts_a_translation_without_the_italian_editor(self):
        self.client.force_login(self.translator)
        italian_edit = reverse("wagtailadmin_pages:edit", args=[self.item.pk])
        self.assertNotEqual(self.client.get(italian_edit).status_code, 200)
        response = self.start(self.item)
        target = self.item.get_translation(self.tree.english)
        self.assertRedirects(
            response, reverse("wagtailadmin_pages:edit", args=[target.pk]), target_status_code=200
        )
        self.assertFalse(target.live)
        editor = self.page_html(response["Location"])
        self.assertHtmlContains(
            editor,
            present=[reverse("translation_submit", args=[self.record(self.item).pk])],
        )
        props = json.loads(
            re.search(r'data-props="([^"]+)"', editor).group(1).replace("&quot;", '"')
        )
        self.assertIsNone(props["links"]["convertToAliasUrl"])
        self.assertFalse(props["perms"]["canDelete"])
        self.assertFalse(props["perms"]["canPublish"])
        segments = {segment["source"] for segment in props["segments"] if "source" in segment}
        self.assertIn("Bandi europei", segments)

    def test_the_manager_publishes_from_the_editor_and_sees_no_submit_button(self):
        self.start(self.item, user=self.manager)
        target = self.item.get_translation(self.tree.english)
        editor = self.page_html(reverse("wagtailadmin_pages:edit", args=[target.pk]))
        self.assertNotIn(reverse("translation_submit", args=[self.record(self.item).pk]), editor)

    def test_an_incomplete_translation_is_not_sent(self):
        self.start(self.item)
        response = self.client.post(reverse("translation_submit", args=[self.record(self.item).pk]))
        self.assertEqual(
            [str(message) for message in get_messages(response.wsgi_request)],
            ["3 testi non sono ancora tradotti: traduceteli prima di inviare la traduzione."],
        )
        target = self.item.get_translation(self.tree.english)
        self.assertIsNone(target.current_workflow_state)

    def test_a_submitted_translation_waits_for_the_managers_who_are_told(self):
        self.start(self.item)
        record = self.record(self.item)
        fill_translation(record, english)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(reverse("translation_submit", args=[record.pk]))
        self.assertRedirects(response, reverse("translation_queue"))
        target = self.item.get_translation(self.tree.english).specific
        self.assertEqual(target.current_workflow_state.status, "in_progress")
        self.assertEqual(self.statuses()["nuovo-bando-regionale"].status, queue.AWAITING_APPROVAL)
        self.assertIn(self.manager.email, [address for m in mail.outbox for address in m.to])
        self.assertEqual(
            Tag.objects.get(
                locale=self.tree.english, translation_key=self.tag.translation_key
            ).name,
            english("Bandi europei"),
        )

        self.client.force_login(self.manager)
        dashboard = self.page_html(reverse("wagtailadmin_home"))
        self.assertIn(english("Nuovo bando regionale"), dashboard)
        target.current_workflow_state.current_task_state.approve(user=self.manager)
        target.refresh_from_db()
        self.assertTrue(target.live)
        self.assertEqual(target.slug, english("nuovo-bando-regionale"))
        self.assertHtmlContains(
            self.page_html(target.url),
            present=[
                f"<h1>{english('Nuovo bando regionale')}</h1>",
                f">{english('Bandi europei')}<",
            ],
            absent=["<h1>Nuovo bando regionale</h1>", ">Bandi europei<"],
        )

    def test_an_untranslated_slug_is_made_from_the_english_title(self):
        self.start(self.item)
        record = self.record(self.item)
        fill_translation(record, english)
        StringTranslation.objects.filter(translation_of__data=self.item.slug).delete()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(reverse("translation_submit", args=[record.pk]))
        target = self.item.get_translation(self.tree.english)
        revision = target.get_latest_revision_as_object()
        self.assertEqual(revision.slug, "en-nuovo-bando-regionale")

    def test_a_translator_may_not_delete_a_translation_a_manager_may(self):
        self.start(self.item)
        target = self.item.get_translation(self.tree.english)
        self.assertFalse(target.permissions_for_user(self.translator).can_delete())
        self.assertTrue(target.permissions_for_user(self.manager).can_delete())

    def test_the_translator_brings_an_out_of_date_translation_up_to_date(self):
        self.tree.translate(self.item)
        TranslationSource.objects.filter(object_id=self.item.translation_key).update(
            last_updated_at=timezone.now() - datetime.timedelta(days=1)
        )
        self.item.summary = "Il bando è stato prorogato."
        self.item.save_revision().publish()
        self.assertEqual(
            self.statuses()["nuovo-bando-regionale"].changed, ["Il bando è stato prorogato."]
        )
        self.client.force_login(self.translator)
        self.client.post(reverse("translation_update", args=[self.record(self.item).pk]))
        self.assertEqual(self.statuses()["nuovo-bando-regionale"].status, queue.IN_PROGRESS)
        self.assertEqual(self.statuses()["nuovo-bando-regionale"].untranslated, 1)


class TagSuggestionTests(QueueTestCase):
    def test_the_page_editor_suggests_only_tags_of_the_source_language(self):
        self.tree.add_tag("Biobanche")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("home_tag_autocomplete"), {"term": "Bio"})
        self.assertEqual(response.json(), ["Biobanche"])
        self.assertEqual(self.client.get(reverse("home_tag_autocomplete"), {"term": ""}).json(), [])
