"""Builds the demo site; every step is idempotent so the command can run again."""

import datetime
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from demo import content
from demo import content_programme as programme
from events.choices import OrganiserRole
from events.models import EventIndexPage, EventOrganiser, EventPage, EventPagePillar
from home.localization import translate_object
from home.models import FooterLink, HomePage, Organisation, SiteContent, StandardPage, Tag
from home.roles import EDITORS, MANAGERS, TRANSLATORS, apply_roles
from news.models import NewsIndexPage, NewsPage, NewsPagePillar
from pillars.models import InitiativePage, InitiativeRelatedPage, PillarPage
from services.models import ServiceFormField, ServiceIndexPage, ServicePage

CREDENTIALS_FILE = Path(settings.BASE_DIR) / ".local" / "demo-admin-password"
ROLE_USERS = [("redattore", EDITORS), ("responsabile", MANAGERS), ("traduttore", TRANSLATORS)]


class DemoSiteBuilder:
    def __init__(self, base_url, stdout=None):
        self.base_url = base_url
        self.log = stdout.write if stdout else (lambda message: None)

    def build(self):
        self.italian = Locale.objects.get_or_create(language_code="it")[0]
        self.english = Locale.objects.get_or_create(language_code="en")[0]
        self.user = self.ensure_superuser()
        home = self.ensure_home()
        self.ensure_site(home)
        self.translate(home, content.HOME)
        self.build_organisations()
        about = self.ensure_child(home, StandardPage, content.ABOUT, show_in_menus=True)
        self.translate(about, content.ABOUT)
        pillars = self.build_pillars(home)
        self.build_news(home, pillars)
        event = self.build_events(home, pillars)
        self.build_initiatives(pillars, event)
        privacy = self.ensure_child(home, StandardPage, programme.PRIVACY)
        self.translate(privacy, programme.PRIVACY)
        accessibility = self.ensure_child(home, StandardPage, programme.ACCESSIBILITY)
        self.translate(accessibility, programme.ACCESSIBILITY)
        self.build_services(home, privacy)
        site_content = self.ensure_site_content(footer_pages=[privacy, accessibility])
        self.translate(site_content, content.SITE_CONTENT)
        self.ensure_role_users(apply_roles())
        return self.user

    def build_organisations(self):
        for kind, italian, english, description_it, description_en in programme.ORGANISATIONS:
            organisation = Organisation.objects.get_or_create(
                locale=self.italian,
                name=italian,
                defaults={"kind": kind, "description": description_it},
            )[0]
            if not organisation.has_translation(self.english):
                names = {italian: english, description_it: description_en}
                translate_object(organisation, self.english, names.get)

    def build_pillars(self, home):

        pillars = []
        for texts in programme.PILLARS:
            pillar = self.ensure_child(home, PillarPage, texts, aims=texts["it"]["aims"])
            self.translate(pillar, {"it": _texts(texts["it"]), "en": _texts(texts["en"])})
            pillars.append(pillar)
        return pillars

    def build_initiatives(self, pillars, event):

        for pillar, texts in zip(pillars, programme.PILLARS, strict=True):
            for sheet in texts["initiatives"]:
                fields = {
                    "start_year": sheet.get("start_year"),
                    "end_year": sheet.get("end_year"),
                }
                if sheet.get("related_event"):
                    fields["related_pages"] = [InitiativeRelatedPage(page=event)]
                sheet_texts = {
                    "it": {**sheet["it"], "body": []},
                    "en": {**sheet["en"], "body": []},
                }
                initiative = self.ensure_child(pillar, InitiativePage, sheet_texts, **fields)
                self.translate(initiative, sheet_texts)

    def build_services(self, home, privacy):

        index = self.ensure_child(
            home, ServiceIndexPage, programme.SERVICE_INDEX, show_in_menus=True
        )
        self.translate(index, programme.SERVICE_INDEX)
        for service in programme.SERVICES:
            fields = [
                ServiceFormField(
                    label=label_it,
                    field_type=field_type,
                    required=required,
                    choices=choices_it,
                    locale=self.italian,
                )
                for label_it, _label_en, field_type, required, choices_it, _choices_en in service[
                    "fields"
                ]
            ]
            italian = {**service["it"], "body": []}
            page = self.ensure_child(
                index,
                ServicePage,
                {"it": italian},
                audience=italian["audience"],
                how_it_works=italian["how_it_works"],
                thank_you_text=italian["thank_you_text"],
                privacy_page=privacy,
                form_fields=fields,
            )
            pairs = content.translation_pairs(service["it"], service["en"])
            for label_it, label_en, _type, _required, choices_it, choices_en in service["fields"]:
                pairs[label_it] = label_en
                if choices_it:
                    pairs[choices_it] = choices_en
            if not page.has_translation(self.english):
                translate_object(page, self.english, pairs.get, user=self.user)
                self.log(f"Translated “{page}” into English.")

    def build_events(self, home, pillars):

        data = content.CLUSTER_ORGANISATION
        cluster = Organisation.objects.get_or_create(
            locale=self.italian, name=data["it"]["name"], defaults={"kind": "institution"}
        )[0]
        if not cluster.has_translation(self.english):
            translate_object(cluster, self.english, {data["it"]["name"]: data["en"]["name"]}.get)
        index = self.ensure_child(home, EventIndexPage, content.EVENT_INDEX, show_in_menus=True)
        self.translate(index, content.EVENT_INDEX)
        texts = content.MEET_IN_ITALY_2018
        event = self.ensure_child(
            index,
            EventPage,
            texts,
            start_date=datetime.date.fromisoformat(texts["start_date"]),
            end_date=datetime.date.fromisoformat(texts["end_date"]),
            venue_city=texts["it"]["venue_city"],
            venue_country=texts["it"]["venue_country"],
            organisers=[EventOrganiser(organisation=cluster, role=OrganiserRole.ORGANISER)],
            pillar_links=[EventPagePillar(pillar=pillars[-1])],
        )
        self.translate(event, texts)
        return event

    def build_news(self, home, pillars):

        for italian, english in content.TAGS:
            tag = Tag.objects.get_or_create(locale=self.italian, name=italian)[0]
            if not tag.has_translation(self.english):
                translate_object(tag, self.english, {italian: english}.get)
        index = self.ensure_child(home, NewsIndexPage, content.NEWS_INDEX, show_in_menus=True)
        self.translate(index, content.NEWS_INDEX)
        item = self.ensure_child(
            index,
            NewsPage,
            content.OPERATING_PLAN_NEWS,
            date=datetime.date.fromisoformat(content.OPERATING_PLAN_NEWS["date"]),
            tags=content.OPERATING_PLAN_NEWS["tags"],
            pillar_links=[NewsPagePillar(pillar=pillar) for pillar in pillars],
        )
        self.translate(item, content.OPERATING_PLAN_NEWS)
        return item

    def ensure_superuser(self):
        user_model = get_user_model()
        password = self.local_password()
        user = user_model.objects.filter(username="admin").first()
        if user is None:
            user = user_model.objects.create_superuser("admin", "admin@localhost", password)
            self.log("Created the local superuser.")
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        self.password = password
        return user

    def ensure_role_users(self, groups):
        """One local user per role, for trying the admin as each of them would."""
        user_model = get_user_model()
        self.role_users = []
        for username, group_name in ROLE_USERS:
            password = self.local_password(username)
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model.objects.create_user(
                    username, f"{username}@localhost", password, is_staff=False
                )
                self.log(f"Created the local user “{username}”.")
            elif not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
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

    def ensure_home(self):
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
        data = content.HOME["it"]
        home = HomePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=content.stream_value(data["body"]),
            locale=self.italian,
        )
        root.add_child(instance=home)
        home.save_revision(user=self.user).publish(user=self.user)
        self.log("Created the Italian home page.")
        return home

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

    def ensure_child(self, parent, model, texts, **fields):
        data = texts["it"]
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing:
            return existing
        tags = fields.pop("tags", [])
        if data["body"]:
            fields["body"] = content.stream_value(data["body"])
        page = model(title=data["title"], slug=data["slug"], summary=data["summary"], **fields)
        if tags:
            page.tags.set(Tag.objects.filter(locale=self.italian, name__in=tags))
        parent.add_child(instance=page)
        page.save_revision(user=self.user).publish(user=self.user)
        self.log(f"Created “{page.title}”.")
        return page

    def ensure_site_content(self, footer_pages):
        existing = SiteContent.objects.filter(locale=self.italian).first()
        if existing:
            return existing
        site_content = SiteContent(locale=self.italian, **content.SITE_CONTENT["it"])
        site_content.footer_links = [FooterLink(page=page) for page in footer_pages]
        site_content.save()
        return site_content

    def translate(self, instance, texts):
        """Create the English version through wagtail-localize, as a translator would."""
        if instance.has_translation(self.english):
            return
        pairs = content.translation_pairs(texts["it"], texts["en"])
        translate_object(instance, self.english, pairs.get, user=self.user, publish=True)
        self.log(f"Translated “{instance}” into English.")


def _texts(texts):
    """A pillar's texts as translation_pairs reads them (aims included)."""
    return {key: value for key, value in texts.items() if key != "initiatives"}
