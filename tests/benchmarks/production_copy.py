"""A throwaway production-settings copy of the demo site, served by gunicorn on loopback.

Shared by `make bench` (bench.py) and `make lighthouse` (lighthouse.py): the
environment that production settings need without a proxy in front, the
manage.py calls that build the copy, and starting and stopping gunicorn.
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
VENV_BIN = PROJECT_DIR / ".venv" / "bin"
SETTINGS_MODULE = "site_clls.settings.production"
LOOPBACK = "127.0.0.1"


def production_environment(workdir, *, database_url, base_url, **extra):
    """Environment variables for production settings in `workdir` (media, static files)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=database_url,
        SECRET_KEY="throwaway-copy-secret",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # Plain HTTP on loopback: no TLS proxy in front to satisfy the redirect.
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        # Local-memory cache, so figures do not depend on the shell's CACHE_URL.
        CACHE_URL="",
        MEDIA_ROOT=str(Path(workdir) / "media"),
        STATIC_ROOT=str(Path(workdir) / "staticfiles"),
        SITE_BASE_URL=base_url,
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def run_manage(env, *args):
    # Output captured: build_demo_site prints the local passwords.
    command = [str(VENV_BIN / "python"), "manage.py", *args]
    result = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"`manage.py {' '.join(args)}` failed with code {result.returncode}.")


def build_site(env, *build_args):
    """Migrate, build the demo site (with `build_args`) and collect the static files."""
    run_manage(env, "migrate", "--noinput")
    run_manage(env, "build_demo_site", "--base-url", env["SITE_BASE_URL"], *build_args)
    run_manage(env, "collectstatic", "--noinput")


def start_gunicorn(env, port, log_file, workers=2):
    command = [
        str(VENV_BIN / "gunicorn"),
        "site_clls.wsgi:application",
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(workers),
        "--no-control-socket",
    ]
    return subprocess.Popen(
        command, cwd=PROJECT_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT
    )


def stop_gunicorn(process):
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_answers(process, url, headers=None, seconds=60):
    """Wait until gunicorn answers `url` (any HTTP status), or give up."""
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(url, headers=headers or {})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(request, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer within {seconds} s")
