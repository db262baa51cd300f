"""Builds the demo site from `demo/content/`; each step is idempotent, so it can run again."""

import datetime
import io
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from demo.loader import CONTENT_DIR, in_language, load, stream_value, translation_pairs
from events.choices import RegistrationMode
from events.models import (
    EventIndexPage,
    EventPage,
    EventPagePillar,
    RegistrationQuestion,
    RegistrationSettings,
)
from home.localization import translate_object
from home.models import (
    FooterLink,
    HomePage,
    Organisation,
    Person,
    SiteContent,
    StandardPage,
    Tag,
)
from members.models import (
    GovernancePage,
    GoverningBody,
    MemberDirectoryPage,
    Term,
)
from news.models import NewsIndexPage, NewsPage, NewsPagePillar
from pillars.models import InitiativePage, InitiativeRelatedPage, PillarPage
from services.models import ServiceFormField, ServiceIndexPage, ServicePage
from staff.roles import EDITORS, MANAGERS, TRANSLATORS, apply_roles

CREDENTIALS_FILE = Path(settings.BASE_DIR) / ".local" / "demo-admin-password"
# The example file of the members import (docs/editing.md), which the demo imports.
MEMBERS_FILE = CONTENT_DIR / "members.csv"
ROLE_USERS = [("redattore", EDITORS), ("responsabile", MANAGERS), ("traduttore", TRANSLATORS)]


def events_index(home):
    return EventIndexPage.objects.child_of(home).get()


class DemoSiteBuilder:
    def __init__(self, base_url, stdout=None):
        self.base_url = base_url
        self.log = stdout.write if stdout else (lambda message: None)

    def build(self):
        self.italian = Locale.objects.get_or_create(language_code="it")[0]
        self.english = Locale.objects.get_or_create(language_code="en")[0]
        # Tag names are strings of the pages that carry them, translated with them.
        self.tag_pairs = {}
        self.user, self.password = self.ensure_user("admin", superuser=True)
        pages = load("home")
        home = self.ensure_home(pages["home"])
        self.ensure_site(home)
        self.translate(home, pages["home"])
        organisations = load("organisations")
        for organisation in organisations["organisations"]:
            self.ensure_snippet(Organisation, organisation)
        about = self.ensure_page(home, StandardPage, pages["about"], show_in_menus=True)
        pillars = load("pillars")
        pillar_pages = self.build_pillars(home, pillars["pillars"])
        self.build_news(home, pillar_pages, load("news"))
        events = self.build_events(home, pillar_pages, load("events"))
        # The plan does not say which pillar each action belongs to: they have their own page.
        actions = self.ensure_page(about, StandardPage, pillars["actions"])
        self.build_initiatives(actions, events, pillars["initiatives"])
        site = load("site")
        privacy = self.ensure_page(home, StandardPage, site["privacy"])
        accessibility = self.ensure_page(home, StandardPage, site["accessibility"])
        membership_request = self.build_services(home, privacy, load("services"))
        self.build_registration_example(events_index(home), privacy, load("events"))
        self.build_members(home, load("members"), membership_request)
        self.build_governance(home, load("governance"))
        site_content = self.ensure_site_content(
            site["site_content"], footer_pages=[privacy, accessibility]
        )
        self.translate(site_content, site["site_content"])
        self.ensure_role_users(apply_roles())
        return self.user

    def build_pillars(self, home, entries):
        """The pillar pages, by Italian slug."""
        return {
            entry["slug"]["it"]: self.ensure_page(home, PillarPage, entry, aims=entry["aims"]["it"])
            for entry in entries
        }

    def build_initiatives(self, parent, events, entries):
        """The actions of the plan under `parent`, with only the facts the plan gives."""
        for entry in entries:
            self.ensure_page(
                parent,
                InitiativePage,
                entry,
                related_pages=[
                    InitiativeRelatedPage(page=events[slug])
                    for slug in entry.get("related_events", [])
                ],
            )

    def build_services(self, home, privacy, content):
        """The service pages; returns the one marked `membership_request` (or None)."""
        index = self.ensure_page(home, ServiceIndexPage, content["index"], show_in_menus=True)
        membership_request = None
        for service in content["services"]:
            fields = [
                *content["contact_fields"],
                *service.get("fields", []),
                content["message_field"],
            ]
            page = self.ensure_page(
                index,
                ServicePage,
                {**service, "fields": fields},
                audience=service["audience"]["it"],
                how_it_works=service["how_it_works"]["it"],
                thank_you_text=service["thank_you_text"]["it"],
                privacy_page=privacy,
                form_fields=[
                    ServiceFormField(locale=self.italian, **in_language(field, "it"))
                    for field in fields
                ],
            )
            if service.get("membership_request"):
                membership_request = page
        return membership_request

    def build_members(self, home, content, membership_request=None):
        """The directory page, the example members through the import, their English records.

        The members come from the import's own example file, so the demo proves it:
        a second build imports it again and finds every row unchanged.
        """
        self.ensure_page(
            home,
            MemberDirectoryPage,
            content["directory"],
            show_in_menus=True,
            membership_page=membership_request,
        )
        report = io.StringIO()
        call_command("import_members", MEMBERS_FILE, user=self.user.username, stdout=report)
        self.log(report.getvalue().rstrip())
        english = content["descriptions"]
        for member in Organisation.objects.sources().filter(slug__in=english):
            if not member.has_translation(self.english):
                pairs = {member.description: english[member.slug]}
                translate_object(member, self.english, pairs.get, user=self.user)
                self.log(f"Translated “{member}” into English.")

    def build_governance(self, home, content):
        """The governance page, the example people and the bodies with their terms.

        People and bodies are found again by their Italian name; a body's terms are
        written only when the body is first made.
        """
        self.ensure_page(home, GovernancePage, content["page"])
        people = {entry["name"]: self.ensure_snippet(Person, entry) for entry in content["people"]}
        organisations = {
            organisation.name: organisation
            for organisation in Organisation.objects.filter(locale=self.italian)
        }
        for entry in content["bodies"]:
            values = in_language(entry, "it")
            terms = values.pop("terms")
            body = GoverningBody.objects.filter(locale=self.italian, name=values["name"]).first()
            if body is None:
                body = GoverningBody(locale=self.italian, **values)
                body.terms = [
                    Term(
                        person=people[term["person"]],
                        role=term["role"],
                        organisation=organisations.get(term.get("organisation")),
                        start=term["start"],
                        end=term.get("end"),
                    )
                    for term in terms
                ]
                body.save()
                body.save_revision(user=self.user).publish(user=self.user)
            if not body.has_translation(self.english):
                translate_object(body, self.english, translation_pairs(entry).get, user=self.user)

    def build_events(self, home, pillars, content):
        """The event pages, by Italian slug."""
        index = self.ensure_page(home, EventIndexPage, content["index"], show_in_menus=True)
        return {
            entry["slug"]["it"]: self.ensure_page(
                index,
                EventPage,
                entry,
                start_date=entry["start_date"],
                end_date=entry["end_date"],
                venue_city=entry["venue_city"]["it"],
                venue_country=entry["venue_country"]["it"],
                pillar_links=[
                    EventPagePillar(pillar=pillars[slug]) for slug in entry.get("pillars", [])
                ],
            )
            for entry in content["items"]
        }

    def build_registration_example(self, index, privacy, content):
        """An example event open for registration, always coming up (dated from today)."""
        entry = content["registration_example"]
        existing = EventPage.objects.child_of(index).filter(slug=entry["slug"]["it"]).first()
        if existing:
            return existing
        page = self.ensure_page(
            index,
            EventPage,
            entry,
            start_date=timezone.localdate() + datetime.timedelta(days=entry["days_ahead"]),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 30),
            venue_city=entry["venue_city"]["it"],
            venue_country=entry["venue_country"]["it"],
            registration_mode=RegistrationMode.ON_SITE,
            registration_message=entry["registration_message"]["it"],
            privacy_page=privacy,
            registration_questions=[
                RegistrationQuestion(locale=self.italian, **in_language(question, "it"))
                for question in entry["questions"]
            ],
        )
        RegistrationSettings.objects.get_or_create(
            event=page, defaults={"capacity": entry["capacity"], "waiting_list": True}
        )
        return page

    def build_news(self, home, pillars, content):
        for tag in content["tags"]:
            self.ensure_snippet(Tag, tag)
            self.tag_pairs.update(translation_pairs(tag))
        index = self.ensure_page(home, NewsIndexPage, content["index"], show_in_menus=True)
        for entry in content["items"]:
            self.ensure_page(
                index,
                NewsPage,
                entry,
                date=entry["date"],
                tags=entry["tags"],
                pillar_links=[NewsPagePillar(pillar=pillars[slug]) for slug in entry["pillars"]],
            )

    def ensure_user(self, username, *, superuser=False):
        """A local user and its password, which is reset to the one kept in `.local/`."""
        user_model = get_user_model()
        password = self.local_password(username)
        user = user_model.objects.filter(username=username).first()
        if user is None:
            create = (
                user_model.objects.create_superuser if superuser else user_model.objects.create_user
            )
            user = create(username, f"{username}@localhost", password)
            self.log(f"Created the local user “{username}”.")
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        return user, password

    def ensure_role_users(self, groups):
        """One local user per role, for trying the admin as each of them would."""
        self.role_users = []
        for username, group_name in ROLE_USERS:
            user, password = self.ensure_user(username)
            user.groups.set([groups[group_name]])
            self.role_users.append((username, group_name, password))

    @staticmethod
    def local_password(username="admin"):
        # Generated once per checkout and kept out of git (.local/ is ignored).
        path = (
            CREDENTIALS_FILE
            if username == "admin"
            else CREDENTIALS_FILE.with_name(f"demo-{username}-password")
        )
        if path.exists():
            return path.read_text().strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        password = secrets.token_urlsafe(12)
        path.write_text(password + "\n")
        path.chmod(0o600)
        return password

    def ensure_home(self, entry):
        home = HomePage.objects.filter(locale=self.italian).first()
        if home:
            return home
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=self.italian)
        )
        # Wagtail's migrations leave a placeholder "Welcome" page where the home belongs.
        for placeholder in root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            placeholder.delete()
        return self.ensure_child(root, HomePage, entry, locale=self.italian)

    def ensure_site(self, home):
        parts = urlsplit(self.base_url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first() or Site()
        wanted = {
            "hostname": parts.hostname,
            "port": port,
            "root_page_id": home.pk,
            "is_default_site": True,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if any(getattr(site, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(site, key, value)
            site.save()
            self.log(f"Site set to {self.base_url}.")

    def ensure_page(self, parent, model, entry, **fields):
        """The Italian page of `entry` under `parent`, and its English translation."""
        page = self.ensure_child(parent, model, entry, **fields)
        self.translate(page, entry)
        return page

    def ensure_child(self, parent, model, entry, **fields):
        data = in_language(entry, "it")
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing:
            return existing
        tags = fields.pop("tags", [])
        if data.get("body"):
            fields["body"] = stream_value(data["body"])
        page = model(title=data["title"], slug=data["slug"], summary=data["summary"], **fields)
        if tags:
            page.tags.set(Tag.objects.filter(locale=self.italian, name__in=tags))
        parent.add_child(instance=page)
        page.save_revision(user=self.user).publish(user=self.user)
        self.log(f"Created “{page.title}”.")
        return page

    def ensure_snippet(self, model, entry):
        """The Italian snippet named in `entry` (created with its other values), translated."""
        values = in_language(entry, "it")
        snippet = model.objects.get_or_create(
            locale=self.italian, name=values.pop("name"), defaults=values
        )[0]
        if not snippet.has_translation(self.english):
            translate_object(snippet, self.english, translation_pairs(entry).get)
        return snippet

    def ensure_site_content(self, entry, footer_pages):
        existing = SiteContent.objects.filter(locale=self.italian).first()
        if existing:
            return existing
        site_content = SiteContent(locale=self.italian, **in_language(entry, "it"))
        site_content.footer_links = [FooterLink(page=page) for page in footer_pages]
        site_content.save()
        return site_content

    def translate(self, instance, entry):
        """Create the English version through wagtail-localize, as a translator would."""
        if instance.has_translation(self.english):
            return
        pairs = {**self.tag_pairs, **translation_pairs(entry)}
        translate_object(instance, self.english, pairs.get, user=self.user, publish=True)
        self.log(f"Translated “{instance}” into English.")
