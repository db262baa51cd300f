"""Lighthouse (mobile) scores of every public page type in both languages, run by `make lighthouse`.

Builds a throwaway production-settings copy of the demo site (SQLite and media in a
temporary folder, static files collected and compressed by WhiteNoise, as deployed),
serves it with gunicorn on 127.0.0.1:8102, runs the Lighthouse that `make node-tools`
installs (tests/tools/package.json) on Debian's Chromium, `--runs` times per page
(3 by default), and prints the median score of each category per page with the median
CLS. The search page is scored without SEO: it is rightly noindex. It asserts nothing;
docs/validators.md records the figures.

Usage (from the project root): .venv/bin/python tests/benchmarks/lighthouse.py
    [--runs N] [--only SUBSTRING] [--base-url URL (an already running site: no build)]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.benchmarks.production_copy import (
    PROJECT_DIR,
    build_site,
    production_environment,
    start_gunicorn,
    stop_gunicorn,
    wait_until_answers,
)

LIGHTHOUSE = PROJECT_DIR / ".local" / "node" / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
PORT = 8102
BASE_URL = f"http://127.0.0.1:{PORT}"
ALL = ("performance", "accessibility", "best-practices", "seo")
WITHOUT_SEO = ALL[:3]

PAGES = [
    ("home", "/it/", ALL),
    ("home", "/en/", ALL),
    ("news index", "/it/notizie/", ALL),
    ("news index", "/en/news/", ALL),
    ("news item", "/it/notizie/piano-operativo-2018/", ALL),
    ("news item", "/en/news/operating-plan-2018/", ALL),
    ("event", "/it/eventi/meet-in-italy-for-life-sciences-2018/", ALL),
    ("event", "/en/events/meet-in-italy-for-life-sciences-2018/", ALL),
    ("pillar", "/it/ricerca-e-open-innovation/", ALL),
    ("pillar", "/en/research-and-open-innovation/", ALL),
    ("service + form", "/it/servizi/sportello-europa/", ALL),
    ("service + form", "/en/services/sportello-europa/", ALL),
    ("members directory", "/it/soci/", ALL),
    ("members directory", "/en/members/", ALL),
    ("member", "/it/soci/alfa-biotech-demo/", ALL),
    ("member", "/en/members/alfa-biotech-demo/", ALL),
    ("governance", "/it/organi-sociali/", ALL),
    ("governance", "/en/governance/", ALL),
    ("search", "/it/cerca/?q=piano+operativo", WITHOUT_SEO),
    ("search", "/en/search/?q=operating+plan", WITHOUT_SEO),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median taken)")
    parser.add_argument("--only", default="", help="only the pages whose path contains this")
    parser.add_argument("--base-url", help="score an already running site instead of building one")
    parser.add_argument("--keep", help="folder to keep the JSON reports in")
    return parser.parse_args()


def site_environment(workdir):
    return production_environment(
        workdir,
        database_url=f"sqlite:///{workdir / 'db.sqlite3'}",
        base_url=BASE_URL,
        SERVE_MEDIA="true",
    )


def start_site(env, log_file):
    print("Building the demo site (production settings, SQLite)...", flush=True)
    build_site(env)
    process = start_gunicorn(env, PORT, log_file)
    wait_until_answers(process, f"{BASE_URL}/it/")
    return process


def lighthouse(url, categories, output):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(categories)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    # A run now and then fails to record its trace on a busy machine (NO_NAVSTART): try again.
    for attempt in range(3):
        if subprocess.run(command, env=env).returncode == 0:
            break
        print(f"  (Lighthouse failed on {url}, attempt {attempt + 1} of 3)", flush=True)
    else:
        raise SystemExit(f"Lighthouse failed three times on {url}")
    report = json.loads(Path(output).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in categories}
    cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
    failing = sorted(
        audit_id
        for category in categories
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"])
        and (score := report["audits"][audit_id]["score"]) is not None
        and score < 1
    )
    return scores, cls, failing, report["lighthouseVersion"]


def main():
    args = parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is missing at {LIGHTHOUSE}: run `make node-tools`.")
    pages = [page for page in PAGES if args.only in page[1]]
    with tempfile.TemporaryDirectory(prefix="clls-lighthouse-") as tmp:
        workdir = Path(tmp)
        server = None
        base_url = args.base_url
        if not base_url:
            log_file = open(workdir / "gunicorn.log", "w")  # noqa: SIM115
            server = start_site(site_environment(workdir), log_file)
            base_url = BASE_URL
        reports = Path(args.keep) if args.keep else workdir / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        rows = []
        version = "?"
        try:
            for kind, path, categories in pages:
                runs = []
                for run in range(args.runs):
                    name = path.strip("/").replace("/", "_").replace("?", "_") or "root"
                    output = reports / f"{name}-{run}.json"
                    runs.append(lighthouse(base_url + path, categories, output))
                version = runs[0][3]
                median = {name: statistics.median(r[0][name] for r in runs) for name in categories}
                cls = statistics.median(r[1] for r in runs)
                failing = sorted({audit for r in runs for audit in r[2]})
                rows.append((kind, path, median, cls, failing))
                print(f"  {path}: {median} CLS {cls:.3f} {' '.join(failing)}", flush=True)
        finally:
            if server:
                stop_gunicorn(server)
    print(f"\nLighthouse {version}, mobile, median of {args.runs} runs\n")
    print("| page | path | perf. | access. | best pr. | SEO | CLS |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for kind, path, median, cls, _failing in rows:
        cells = [f"{median[name]:.0f}" if name in median else "–" for name in ALL]
        print(f"| {kind} | `{path}` | {' | '.join(cells)} | {cls:.3f} |")
    unresolved = {audit for row in rows for audit in row[4]}
    if unresolved:
        print("\nAudits below full marks in some run:", ", ".join(sorted(unresolved)))


if __name__ == "__main__":
    if shutil.which("node") is None:
        raise SystemExit("Node is missing: Lighthouse needs it (Node 20 for Lighthouse 12).")
    main()
