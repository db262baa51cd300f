"""A backup restored onto an empty database gives back the same site (on this run's database)."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.subprocesses import ThrowawayDatabases, manage, run_script

PROJECT = Path(settings.BASE_DIR)
SCRIPTS = Path(__file__).parent / "scripts"


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    throwaway = ThrowawayDatabases(tmp_path_factory.mktemp("databases"))
    yield throwaway
    throwaway.drop_all()


def test_a_backup_restored_onto_an_empty_database_gives_back_pages_images_and_requests(
    databases, tmp_path
):
    source, target = databases.create("backup_source"), databases.create("backup_target")
    media = {"MEDIA_ROOT": str(tmp_path / "media")}
    manage(PROJECT, source, "migrate", "--noinput", env=media)
    manage(PROJECT, source, "build_demo_site", "--base-url", "http://testserver", env=media)
    run_script(PROJECT, source, SCRIPTS / "seed_for_backup.py", **media)
    before = run_script(PROJECT, source, SCRIPTS / "site_inventory.py", **media)
    folder = tmp_path / "backup"
    manage(PROJECT, source, "backup", str(folder), env=media)

    restored_media = {"MEDIA_ROOT": str(tmp_path / "restored-media")}
    manage(PROJECT, target, "restore", "--yes", str(folder), env=restored_media)
    after = run_script(PROJECT, target, SCRIPTS / "site_inventory.py", **restored_media)

    assert after == before
    assert before["english_pages"] > 0
    assert before["translations"] > 0
    assert before["images"] == ["Laboratorio"]
    assert after["image_files"] == [True]
    assert after["requests"] == ["anna@example.org"]
