"""Importing and exporting the members spreadsheet: all or nothing, row by row, both ways."""

import io
import os
import tempfile
from io import StringIO

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook, load_workbook

from home.models import Organisation
from members.importer import import_members
from members.models import MemberDirectoryPage
from members.spreadsheet import COLUMNS
from pillars.models import PillarPage
from tests.admin import staff_team, superuser
from tests.sites import BilingualSiteTestCase

HEADER = ",".join(COLUMNS)
GOOD = [
    "alfa,Alfa Esempio,company,biotech,MI,Milano,2016,https://alfa.example/,,yes,ricerca,Un'impresa.",
    "beta,Beta Esempio,hospital,services,BG,Bergamo,2017,,info@beta.example,no,,Un ospedale.",
]


def csv_bytes(lines, delimiter=",", bom=False):
    text = "\n".join(line.replace(",", delimiter) for line in [HEADER, *lines]) + "\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


class ImportTests(BilingualSiteTestCase):
    @classmethod
    def build(cls, tree):
        tree.add_twins(MemberDirectoryPage)
        cls.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca")

    def import_file(self, content, filename="members.csv", **options):
        with translation.override("en"):
            return import_members(content, filename, **options)

    def test_creates_then_a_second_import_changes_nothing(self):
        outcomes, applied = self.import_file(csv_bytes(GOOD))
        self.assertTrue(applied)
        self.assertEqual([o.action for o in outcomes], ["created", "created"])
        alfa = Organisation.objects.get(slug="alfa")
        self.assertEqual(
            (alfa.kind, alfa.member_type, alfa.province, alfa.joined_year, alfa.live),
            ("member", "company", "MI", 2016, True),
        )
        self.assertEqual([link.pillar for link in alfa.member_pillars.all()], [self.pillar])
        self.assertFalse(Organisation.objects.get(slug="beta").listed)
        revisions = alfa.revisions.count()
        outcomes, _applied = self.import_file(csv_bytes(GOOD))
        self.assertEqual([o.action for o in outcomes], ["unchanged", "unchanged"])
        self.assertEqual(alfa.revisions.count(), revisions)

    def test_updates_by_slug(self):
        self.import_file(csv_bytes(GOOD))
        changed = GOOD[0].replace("Milano", "Sesto San Giovanni")
        outcomes, _applied = self.import_file(csv_bytes([changed]))
        self.assertEqual(outcomes[0].action, "updated")
        self.assertEqual(Organisation.objects.get(slug="alfa").city, "Sesto San Giovanni")
        self.assertEqual(Organisation.objects.filter(slug="alfa").count(), 1)

    def test_bad_rows_are_refused_with_reasons_and_nothing_is_imported(self):
        bad = [
            GOOD[0],
            "gamma,Gamma,spaceship,biotech,MI,Milano,2016,,,yes,,",
            "delta,Delta,company,biotech,MI,Milano,2016,not a url,,yes,,",
            "alfa,Alfa bis,company,biotech,MI,Milano,2016,,,yes,,",
            "epsilon,Epsilon,company,biotech,XX,Milano,20,,bad-mail,maybe,nessuno,",
        ]
        outcomes, applied = self.import_file(csv_bytes(bad))
        self.assertFalse(applied)
        self.assertFalse(Organisation.objects.filter(kind="member").exists())
        reasons = {o.line: " ".join(o.reasons) for o in outcomes}
        self.assertEqual(set(reasons), {3, 4, 5, 6})
        self.assertIn("spaceship", reasons[3])
        self.assertIn("not a url", reasons[4])
        self.assertIn("line 2", reasons[5])
        for word in ("XX", "20", "bad-mail", "maybe", "nessuno"):
            self.assertIn(word, reasons[6])
        # A refusal says what would be accepted.
        self.assertIn("company, university", reasons[3])
        self.assertIn("(the areas are: ricerca)", reasons[6])

    def test_bom_and_semicolons_are_read(self):
        _outcomes, applied = self.import_file(csv_bytes([GOOD[1]], delimiter=";", bom=True))
        self.assertTrue(applied)
        self.assertEqual(Organisation.objects.get(slug="beta").city, "Bergamo")

    def test_xlsx_is_read(self):
        workbook = Workbook()
        workbook.active.append(COLUMNS)
        workbook.active.append(
            ["gamma", "Gamma Esempio", "university", "other", "PV", "Pavia", 2015]
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
        _outcomes, applied = self.import_file(buffer.getvalue(), "soci.xlsx")
        self.assertTrue(applied)
        gamma = Organisation.objects.get(slug="gamma")
        self.assertEqual((gamma.joined_year, gamma.listed), (2015, True))

    def test_an_editors_import_leaves_drafts_a_managers_publishes(self):
        editor, manager, _translator = staff_team()
        self.import_file(csv_bytes([GOOD[0]]), user=editor)
        alfa = Organisation.objects.get(slug="alfa")
        self.assertFalse(alfa.live)
        self.assertNotIn("Alfa Esempio", self.page_html("/it/soci/"))
        self.import_file(csv_bytes([GOOD[0].replace("Milano", "Monza")]), user=editor)
        alfa.refresh_from_db()
        self.assertFalse(alfa.live)
        self.assertEqual(alfa.get_latest_revision_as_object().city, "Monza")
        self.import_file(csv_bytes([GOOD[0]]), user=manager)
        alfa.refresh_from_db()
        self.assertTrue(alfa.live)
        self.assertIn("Alfa Esempio", self.page_html("/it/soci/"))

    def test_command_reports_each_row_and_fails_on_bad_rows(self):
        path = self.write_tmp(csv_bytes(GOOD))
        out = StringIO()
        call_command("import_members", path, stdout=out)
        # Commands speak the site's language, Italian, as the staff do.
        self.assertIn("riga 2 (alfa): creato", out.getvalue())
        bad = self.write_tmp(csv_bytes(["x y,,company,,,,,,,,,"]))
        with self.assertRaises(CommandError):
            call_command("import_members", bad, stdout=StringIO())

    def write_tmp(self, content):
        descriptor, name = tempfile.mkstemp(suffix=".csv")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        self.addCleanup(os.unlink, name)
        return name

    def test_export_round_trip_changes_nothing(self):
        # A description a spreadsheet would run as a formula goes out behind an apostrophe.
        formula = "gamma,Gamma Esempio,other,,,,,,,,,=HYPERLINK(x)"
        self.import_file(csv_bytes([*GOOD, formula]))
        self.client.force_login(superuser())
        for file_format, name in (("csv", "export.csv"), ("xlsx", "export.xlsx")):
            with self.subTest(file_format=file_format):
                response = self.client.get("/admin/members/spreadsheet/", {"format": file_format})
                self.assertEqual(response.status_code, 200)
                outcomes, applied = self.import_file(response.content, name)
                self.assertTrue(applied)
                self.assertEqual({o.action for o in outcomes}, {"unchanged"})
                self.assertEqual(len(outcomes), 3)
        self.assertEqual(Organisation.objects.get(slug="gamma").description, "=HYPERLINK(x)")
        workbook = load_workbook(io.BytesIO(response.content))
        rows = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
        self.assertEqual(rows[0], COLUMNS)
        self.assertIn("'=HYPERLINK(x)", rows[-1] + rows[-2] + rows[-3])

    def test_export_needs_the_organisation_permission(self):
        _editor, _manager, translator = staff_team()
        self.client.force_login(translator)
        # Wagtail's admin turns a refusal into a redirect with a message.
        response = self.client.get("/admin/members/spreadsheet/", {"format": "csv"})
        self.assertIn(response.status_code, (302, 403))
        self.assertNotIn("Content-Disposition", response)
        with self.assertRaises(PermissionDenied):
            self.import_file(csv_bytes(GOOD), user=translator)


class ImportScreenTests(BilingualSiteTestCase):
    """The admin's import: a preview (a dry run) first, then exactly that file applied."""

    url = "/admin/members/spreadsheet/"
    import_url = "/admin/members/spreadsheet/import/"

    @classmethod
    def build(cls, tree):
        tree.add_twins(MemberDirectoryPage)
        cls.pillar = tree.add(PillarPage, title="Ricerca", slug="ricerca")

    def setUp(self):
        super().setUp()
        self.editor, self.manager, self.translator = staff_team()

    def upload(self, content, name="soci.csv"):
        upload = SimpleUploadedFile(name, content, content_type="text/csv")
        return self.client.post(self.import_url, {"file": upload})

    def apply(self, preview):
        return self.client.post(
            self.import_url, {"apply": "1", "digest": preview.context["digest"]}, follow=True
        )

    def test_preview_writes_nothing_then_apply_publishes_for_a_manager(self):
        self.client.force_login(self.manager)
        preview = self.upload(csv_bytes(GOOD))
        self.assertEqual(preview.status_code, 200)
        self.assertFalse(Organisation.objects.filter(kind="member").exists())
        self.assertContains(preview, "2 da creare")
        self.assertContains(preview, "Applica l'importazione")
        applied = self.apply(preview)
        self.assertContains(applied, "Importazione completata: 2 creati")
        self.assertTrue(Organisation.objects.get(slug="alfa").live)
        # The file is used once: a second "apply" finds nothing to apply.
        again = self.apply(preview)
        self.assertContains(again, "non è più disponibile")
        self.assertEqual(Organisation.objects.filter(kind="member").count(), 2)

    def test_preview_shows_what_an_update_changes(self):
        import_members(csv_bytes(GOOD), "soci.csv")
        self.client.force_login(self.manager)
        preview = self.upload(csv_bytes([GOOD[0].replace("Milano", "Monza"), GOOD[1]]))
        self.assertContains(preview, "1 da aggiornare")
        self.assertContains(preview, "1 riga non cambia nulla")
        self.assertContains(preview, "<del>Milano</del>")
        self.assertContains(preview, "<ins>Monza</ins>")
        self.assertEqual(Organisation.objects.get(slug="alfa").city, "Milano")

    def test_an_editors_import_waits_for_approval(self):
        self.client.force_login(self.editor)
        preview = self.upload(csv_bytes([GOOD[0]]))
        self.assertContains(preview, "in attesa")
        applied = self.apply(preview)
        self.assertContains(applied, "approvazione")
        alfa = Organisation.objects.get(slug="alfa")
        self.assertFalse(alfa.live)
        self.assertTrue(alfa.workflow_in_progress)
        self.assertNotIn("Alfa Esempio", self.page_html("/it/soci/"))

    def test_refused_rows_offer_no_apply_and_write_nothing(self):
        self.client.force_login(self.manager)
        preview = self.upload(csv_bytes([GOOD[0], "gamma,Gamma,spaceship,,,,,,,,,"]))
        self.assertContains(preview, "spaceship")
        self.assertContains(preview, "1 riga è rifiutata")
        self.assertNotContains(preview, 'name="apply"')
        self.assertIsNone(preview.context["digest"])
        self.assertFalse(Organisation.objects.filter(kind="member").exists())

    def test_a_file_that_cannot_be_read_is_refused_in_italian(self):
        self.client.force_login(self.manager)
        for content, name, message in (
            (b"\xff\xfe\x00bad", "soci.csv", "non è testo UTF-8"),
            (b"not a workbook", "soci.xlsx", "non è una cartella XLSX leggibile"),
            (b"slug,name", "soci.pdf", "Scegliete un file CSV o XLSX"),
            (b"a" * (1024 * 1024 + 1), "soci.csv", "più grande di 1 MB"),
        ):
            with self.subTest(name=name, message=message):
                response = self.upload(content, name)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assertNotContains(response, 'name="apply"')

    def test_apply_needs_the_previewed_file(self):
        self.client.force_login(self.manager)
        self.upload(csv_bytes(GOOD))
        response = self.client.post(
            self.import_url, {"apply": "1", "digest": "0" * 64}, follow=True
        )
        self.assertContains(response, "non è più disponibile")
        self.assertFalse(Organisation.objects.filter(kind="member").exists())

    def test_apply_checks_every_row_again(self):
        self.client.force_login(self.manager)
        preview = self.upload(csv_bytes([GOOD[0]]))
        # The area of work the file names goes away between the preview and "apply".
        PillarPage.objects.filter(slug="ricerca").delete()
        applied = self.apply(preview)
        self.assertContains(applied, "Il sito è cambiato dopo")
        self.assertContains(applied, "Ambito di lavoro sconosciuto")
        self.assertFalse(Organisation.objects.filter(kind="member").exists())

    def test_translators_neither_see_nor_use_it(self):
        self.client.force_login(self.translator)
        dashboard = self.client.get("/admin/").content.decode()
        self.assertNotIn(self.url, dashboard)
        response = self.upload(csv_bytes(GOOD))
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(Organisation.objects.filter(kind="member").exists())
        self.client.force_login(self.editor)
        self.assertIn(self.url, self.client.get("/admin/").content.decode())
