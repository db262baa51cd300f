"""Production settings, configured from the environment as README.md documents."""

import os
import re
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from site_clls.settings.base import cache_from_url

PROJECT = Path(settings.BASE_DIR)

# The production environment documented in README.md ("Environment variables").
DOCUMENTED_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_clls.settings.production",
    "SECRET_KEY": "a-long-random-value-used-only-by-this-test-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "www.clls.example",
    "WAGTAILADMIN_BASE_URL": "https://www.clls.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_HOST": "smtp.clls.example",
    "DEFAULT_FROM_EMAIL": "sito@clls.example",
}


def run_python(code, env):
    """Run `code` in a fresh interpreter with exactly `env` on top of PATH."""
    full_env = {"PATH": os.environ["PATH"], **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=PROJECT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {key: value for key, value in DOCUMENTED_ENV.items() if key != "SECRET_KEY"}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_with_the_documented_environment_prints_no_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], **DOCUMENTED_ENV},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_environment_selects_database_and_cache():
    code = """
        import django; django.setup()
        from django.conf import settings
        print(settings.DATABASES["default"]["ENGINE"], settings.CACHES["default"]["BACKEND"])
    """
    production = run_python(code, DOCUMENTED_ENV)
    assert production.stdout.split() == [
        "django.db.backends.postgresql",
        "operations.cache.FailSoftRedisCache",
    ], production.stderr
    embedded = {k: v for k, v in DOCUMENTED_ENV.items() if k not in {"DATABASE_URL", "CACHE_URL"}}
    default = run_python(code, embedded)
    assert default.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ], default.stderr


def test_cache_url_must_be_redis():
    with pytest.raises(Exception, match="redis://"):
        cache_from_url("memcached://127.0.0.1:11211")


def _redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def test_production_cache_talks_to_redis():
    if not _redis_reachable():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379, and CI needs it.")
        pytest.skip("Redis is not running on 127.0.0.1:6379 on this machine.")
    code = """
        import django; django.setup()
        from django.core.cache import cache
        cache.set("clls-test-key", "valore", 30)
        print(cache.get("clls-test-key"))
        cache.delete("clls-test-key")
    """
    result = run_python(code, DOCUMENTED_ENV)
    assert result.stdout.strip() == "valore", result.stderr


def test_gunicorn_alone_serves_compressed_hashed_static_files(tmp_path):
    env = {k: v for k, v in DOCUMENTED_ENV.items() if k not in {"DATABASE_URL", "CACHE_URL"}}
    env |= {"STATIC_ROOT": str(tmp_path / "static"), "ALLOWED_HOSTS": "testserver"}
    code = """
        import django; django.setup()
        from django.core.management import call_command
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.templatetags.static import static
        from django.test import Client
        from whitenoise.middleware import WhiteNoiseMiddleware
        url = static("css/site.css")
        response = Client().get(url, secure=True, headers={"accept-encoding": "gzip, br"})
        print(url)
        print(response.status_code, response.get("Content-Encoding"), response["Cache-Control"])
    """
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    url, status_line = result.stdout.strip().splitlines()[-2:]
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    status, encoding, cache_control = status_line.split(" ", 2)
    assert status == "200"
    assert encoding in {"gzip", "br"}
    assert "immutable" in cache_control
    assert "max-age=315360000" in cache_control


@pytest.mark.postgres
def test_the_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"


def test_check_deploy_prints_no_warning_with_the_policy_in_report_only_mode():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], **DOCUMENTED_ENV, "CSP_REPORT_ONLY": "true"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
