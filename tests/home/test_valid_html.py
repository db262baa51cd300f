"""Every page type's HTML passes the current Nu Html Checker, in both languages."""

from io import StringIO

from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import TestCase

from tests.demo_pages import DEMO_PAGES
from tests.html_validator import format_messages, validate


class ValidHtmlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("build_demo_site", stdout=StringIO())

    def test_pages_have_no_error_and_no_warning(self):
        urls = ["/it/", "/en/", *(path for path, _lang in DEMO_PAGES)]
        documents = {url: self.client.get(url).content.decode() for url in urls}
        for name in ("css/site.css",):
            with open(finders.find(name), encoding="utf-8") as css:
                documents[f"/static/{name}"] = css.read()
        messages = validate(documents)
        self.assertEqual(messages, [], "\n" + format_messages(messages))

    def test_the_checker_reports_errors_and_warnings(self):
        broken = "<!DOCTYPE html><html lang=it><title>x</title><p><div></span>"
        skipped_level = (
            "<!DOCTYPE html><html lang=en><title>x</title><h1>Title</h1><h3>Sub</h3>"
            "<section><p>No heading</p></section>"
        )
        messages = validate({"/broken/": broken, "/levels/": skipped_level})
        kinds = {(m["url"], m["type"]) for m in messages}
        self.assertIn(("/broken/", "error"), kinds)
        self.assertIn(("/levels/", "info-warning"), kinds)
