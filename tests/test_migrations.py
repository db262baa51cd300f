"""Migrations: the layers hold in the migration graph, and moving apps keeps the data."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

# Top layer first; apps of one layer never depend on each other.
LAYERS = [{"demo"}, {"news", "events", "services", "search"}, {"pillars"}, {"home"}]
# The last main before services and the demo builder left home.
PREVIOUS_MAIN = "cea0917612a7ba6f23e0bd1e8b619cff6e47493d"
REPO = Path(settings.BASE_DIR)


def layer_of(app_label):
    return next((i for i, apps in enumerate(LAYERS) if app_label in apps), None)


def wrong_way_dependencies(graph_edges):
    """(migration, dependency) pairs where an app depends on its own layer or a higher one."""
    wrong = []
    for (app, name), (dep_app, dep_name) in graph_edges:
        mine, theirs = layer_of(app), layer_of(dep_app)
        if app == dep_app or mine is None or theirs is None:
            continue
        if theirs <= mine:
            wrong.append((f"{app}.{name}", f"{dep_app}.{dep_name}"))
    return wrong


@pytest.mark.django_db
def test_no_migration_depends_on_a_higher_or_sibling_app():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    edges = [
        (key, dependency)
        for key, migration in loader.disk_migrations.items()
        for dependency in migration.dependencies
        if dependency[0] != "__setting__"
    ]
    assert wrong_way_dependencies(edges) == []


def test_the_layer_check_catches_a_wrong_way_dependency():
    edges = [(("home", "0009_x"), ("services", "0001")), (("news", "0009_x"), ("events", "0001"))]
    assert wrong_way_dependencies(edges) == [
        ("home.0009_x", "services.0001"),
        ("news.0009_x", "events.0001"),
    ]


OLD_DATA = """
import json
from django.contrib.auth.models import Group, Permission
from home.models import ServicePage, ServiceRequest
page = ServicePage.objects.get(locale__language_code="it", slug="sportello-europa")
request = ServiceRequest.objects.create(
    page=page, form_data={"nome": "Anna"}, language="it",
    consent_given_at="2026-01-01T10:00:00+01:00", consent_text="Acconsento",
)
page.title = "Sportello Europa (rivisto)"
revision = page.save_revision()
group = Group.objects.create(name="Lettori delle richieste")
group.permissions.add(Permission.objects.get(codename="view_servicerequest"))
print(json.dumps({"page": page.pk, "request": request.pk, "revision": revision.pk}))
"""

NEW_CHECK = """
import json, sys
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page, Revision
from wagtail_localize.models import TranslationSource
from services.models import ServiceIndexPage, ServicePage
made = json.loads(sys.argv[-1])
page = ServicePage.objects.get(pk=made["page"])
tables = connection.introspection.table_names()
print(json.dumps({
    "specific": sorted({type(p.specific).__name__ for p in Page.objects.filter(
        content_type__app_label="services")}),
    "index_pages": ServiceIndexPage.objects.count(),
    "revision_title": Revision.objects.get(pk=made["revision"]).as_object().title,
    "requests": list(page.get_submissions().values_list("pk", flat=True)),
    "group_perms": sorted(Group.objects.get(name="Lettori delle richieste")
        .permissions.values_list("content_type__app_label", "codename")),
    "sources": [type(s.get_source_instance()).__name__ for s in TranslationSource.objects.filter(
        specific_content_type__app_label="services")],
    "home_service_types": ContentType.objects.filter(
        app_label="home", model__startswith="service").count(),
    "old_tables": sorted(t for t in tables if t.startswith("home_service")),
    "new_tables": sorted(t for t in tables if t.startswith("services_service")),
}))
"""


def run(cwd, *args, database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_clls.settings.dev",
        "DATABASE_URL": database_url,
    }
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def test_pages_requests_revisions_and_permissions_survive_the_move_to_services(tmp_path):
    known = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", f"{PREVIOUS_MAIN}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if known.returncode != 0:
        pytest.skip(f"the previous main {PREVIOUS_MAIN[:7]} is not in this clone's history")
    old = tmp_path / "previous-main"
    old.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", PREVIOUS_MAIN],
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    database_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    run(old, "compiletranslations", database_url=database_url)
    run(old, "migrate", "--noinput", database_url=database_url)
    run(old, "build_demo_site", "--base-url", "http://testserver", database_url=database_url)
    made = run(old, "shell", "-c", OLD_DATA, database_url=database_url)

    run(REPO, "migrate", "--noinput", database_url=database_url)
    script = NEW_CHECK.replace("sys.argv[-1]", repr(made))
    found = json.loads(run(REPO, "shell", "-c", script, database_url=database_url))

    assert found["specific"] == ["ServiceIndexPage", "ServicePage"]
    assert found["index_pages"] == 2
    assert found["revision_title"] == "Sportello Europa (rivisto)"
    assert found["requests"] == [json.loads(made)["request"]]
    assert found["group_perms"] == [["services", "view_servicerequest"]]
    assert found["sources"]
    assert set(found["sources"]) <= {"ServiceIndexPage", "ServicePage"}
    assert found["home_service_types"] == 0
    assert found["old_tables"] == []
    assert "services_servicepage" in found["new_tables"]
