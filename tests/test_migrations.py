"""Migrations: they depend one way like the imports, and the services' move keeps every row."""

import json
import subprocess
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from tests.project import project_app_labels
from tests.subprocesses import ThrowawayDatabases, manage, run_script

PROJECT = Path(settings.BASE_DIR)
SCRIPTS = Path(__file__).parent / "migration_scripts"
# The last main with the service models in the home app (before services/).
PREVIOUS_MAIN = "cea0917612a7ba6f23e0bd1e8b619cff6e47493d"
SERVICE_MODELS = ["serviceindexpage", "servicepage", "servicerequest", "serviceformfield"]
# Top first, as in docs/architecture.md; the apps of one layer are independent sections.
LAYERS = [
    {"site_clls"},
    {"demo"},
    {"news", "events", "services", "search", "staff", "members"},
    {"pillars", "operations"},
    {"home"},
]


def import_layers():
    """The layers of the import-linter contract, top first, each a set of app labels."""
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    (contract,) = (
        contract
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    )
    return [{name.strip() for name in layer.split("|")} for layer in contract["layers"]]


def wrong_way_dependencies(edges, layers):
    """The (migration, dependency) pairs that point at a higher layer or a sibling section."""
    rank = {app: position for position, layer in enumerate(layers) for app in layer}
    return [
        f"{migration[0]}.{migration[1]} depends on {dependency[0]}.{dependency[1]}, "
        + (
            "an app beside it in the same layer"
            if rank[dependency[0]] == rank[migration[0]]
            else "an app of a higher layer"
        )
        for migration, dependency in edges
        if migration[0] in rank
        and dependency[0] in rank
        and migration[0] != dependency[0]
        and rank[dependency[0]] <= rank[migration[0]]
    ]


@pytest.mark.parametrize(
    ("migration", "dependency", "reason"),
    [
        (("home", "0009_x"), ("services", "0001_y"), "an app of a higher layer"),
        (("pillars", "0009_x"), ("news", "0001_y"), "an app of a higher layer"),
        (("news", "0009_x"), ("events", "0001_y"), "an app beside it in the same layer"),
    ],
)
def test_wrong_way_dependency_is_reported_with_both_migrations(migration, dependency, reason):
    problems = wrong_way_dependencies([(migration, dependency)], LAYERS)
    assert problems == [
        f"{migration[0]}.{migration[1]} depends on {dependency[0]}.{dependency[1]}, {reason}"
    ]


@pytest.mark.parametrize(
    ("migration", "dependency"),
    [
        (("news", "0009_x"), ("home", "0001_y")),
        (("events", "0009_x"), ("pillars", "0001_y")),
        (("home", "0009_x"), ("home", "0001_y")),
        (("services", "0009_x"), ("wagtailcore", "0098_apitoken")),
    ],
)
def test_dependency_downwards_within_an_app_or_outside_the_project_is_fine(migration, dependency):
    assert wrong_way_dependencies([(migration, dependency)], LAYERS) == []


def test_migrations_and_imports_follow_the_same_layers():
    assert import_layers() == LAYERS


def test_every_app_of_the_project_has_a_layer():
    assert project_app_labels() <= set().union(*LAYERS), "Add the new app to LAYERS."


# wagtail-localize's first migration queries the database when it is imported.
@pytest.mark.django_db
def test_migrations_depend_only_on_lower_layers():
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    # The graph's parents include run_before, which reverses a dependency's direction.
    edges = [
        (key, parent.key)
        for key, node in graph.node_map.items()
        if key[0] in project_app_labels()
        for parent in node.parents
    ]
    # A dependency the move itself needs, so cross-app edges are surely seen.
    assert (
        ("services", "0001_services_from_home"),
        ("home", "0003_services_move_to_their_app"),
    ) in edges
    problems = wrong_way_dependencies(edges, LAYERS)
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def previous_main(tmp_path_factory):
    """The previous main's tree, with its messages compiled as `make demo` does."""
    known = subprocess.run(
        ["git", "-C", str(PROJECT), "cat-file", "-e", f"{PREVIOUS_MAIN}^{{commit}}"],
        capture_output=True,
    )
    if known.returncode != 0:
        pytest.skip(
            f"Commit {PREVIOUS_MAIN} (the previous main) is not in the git history of "
            f"{PROJECT} (a shallow clone?); `git fetch --unshallow` brings it."
        )
    tree = tmp_path_factory.mktemp("previous-main")
    archive = subprocess.run(
        ["git", "-C", str(PROJECT), "archive", PREVIOUS_MAIN], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    throwaway = ThrowawayDatabases(tmp_path_factory.mktemp("databases"))
    yield throwaway
    throwaway.drop_all()


@pytest.fixture(scope="module")
def moved(previous_main, databases):
    """A demo site built and used with the previous main, then migrated by the current code.

    Returns the database URL and what the seed script made.
    """
    url = databases.create("moved")
    manage(previous_main, url, "compiletranslations")
    manage(previous_main, url, "migrate", "--noinput")
    manage(previous_main, url, "build_demo_site", "--base-url", "http://testserver")
    seeded = run_script(previous_main, url, SCRIPTS / "seed_services_in_home.py")
    manage(PROJECT, url, "migrate", "--noinput")
    return url, seeded


def expected_service_data(seeded, app_label):
    """What check_service_data.py should find when `app_label` owns the service models."""
    return {
        "service_pages": {
            pk: f"{app_label}.{model}" for pk, model in seeded["service_pages"].items()
        },
        "revisions": {pk: f"{app_label}.{model}" for pk, model in seeded["revisions"].items()},
        "draft_title": seeded["draft_title"],
        "latest_revision": seeded["revision"],
        "translation_sources": {
            pk: {
                "source": [f"{app_label}.{model}", page],
                "as_instance": [f"{app_label}.{model}", page],
            }
            for pk, (model, page) in seeded["translation_sources"].items()
        },
        "workflow": {
            "object": [f"{app_label}.servicepage", seeded["page"]],
            "status": "in_progress",
            "page_in_progress": True,
            "task_revision": seeded["revision"],
        },
        "form_fields": sorted(seeded["form_data"]),
        "submissions": {str(seeded["request"]): seeded["form_data"]},
        "english_submissions": [seeded["request"]],
        "group_permissions": [
            f"{app_label}.change_servicepage",
            f"{app_label}.view_servicerequest",
        ],
        "content_types": sorted(f"{app_label}.{model}" for model in SERVICE_MODELS),
        "tables": sorted(f"{app_label}_{model}" for model in SERVICE_MODELS),
    }


def test_service_data_made_in_home_belongs_to_services_after_migrating(moved):
    url, seeded = moved
    assert seeded["group_permissions"] == ["home.change_servicepage", "home.view_servicerequest"]
    assert set(seeded["service_pages"].values()) == {"serviceindexpage", "servicepage"}
    assert seeded["translation_sources"], "The demo site has no translated service page."

    found = run_script(
        PROJECT,
        url,
        SCRIPTS / "check_service_data.py",
        SEEDED=json.dumps(seeded),
        SERVICES_APP="services",
    )

    assert found == expected_service_data(seeded, "services")


def test_unapplying_the_move_gives_the_previous_main_its_data_back(previous_main, moved, databases):
    _, seeded = moved
    url = databases.create("reversed", copy_of="moved")
    # services.0001 depends on home.0003, so this unapplies services too.
    manage(PROJECT, url, "migrate", "home", "0002", "--noinput")

    found = run_script(
        previous_main,
        url,
        SCRIPTS / "check_service_data.py",
        SEEDED=json.dumps(seeded),
        SERVICES_APP="home",
    )

    assert found == expected_service_data(seeded, "home")
