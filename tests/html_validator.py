"""The Nu Html Checker (npm vnu-jar, run on the system's Java) over many documents at once."""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / ".local/node/node_modules/vnu-jar/build/dist/vnu.jar")
)

# Warnings judged and kept on purpose (none today); docs/validators.md says why for each.
ACCEPTED_WARNINGS = ()


def require_checker():
    """Skip (or fail on CI) when Java or the vnu.jar that `make node-tools` installs is missing."""
    missing = []
    if not shutil.which("java"):
        missing.append("Java (Debian: default-jre-headless; `make system-deps` as root)")
    if not VNU_JAR.is_file():
        missing.append(f"the Nu Html Checker at {VNU_JAR} (`make node-tools` installs it)")
    if missing:
        message = "Nu Html Checker cannot run, missing: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def validate(documents: dict[str, str]) -> list[dict]:
    """Check every {url: html} document in one run of the checker; return its messages.

    A URL ending in .css is checked as a style sheet.

    One Java start for all documents: a crawl of a hundred pages costs one JVM, not a
    hundred. Each message is a dict with url, type ("error" or "info-warning"), message,
    line and extract. Accepted warnings (ACCEPTED_WARNINGS) are left out.
    """
    require_checker()
    if not documents:
        return []
    with tempfile.TemporaryDirectory() as tmp_dir:
        url_of = {}
        for index, (url, html) in enumerate(documents.items()):
            suffix = ".css" if url.split("?")[0].endswith(".css") else ".html"
            path = Path(tmp_dir) / f"{index:05d}{suffix}"
            path.write_text(html, encoding="utf-8")
            url_of[path.name] = url
        result = subprocess.run(
            [
                shutil.which("java"),
                "-Xss1024k",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--exit-zero-always",
                "--also-check-css",
                *sorted(str(path) for path in Path(tmp_dir).iterdir()),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        raw = json.loads(result.stderr)["messages"]
    messages = []
    for item in raw:
        kind = item["type"]
        if kind == "info" and item.get("subType") == "warning":
            kind = "info-warning"
        elif kind == "non-document-error" or item.get("subType") == "fatal":
            kind = "error"
        elif kind != "error":
            continue
        if kind == "info-warning" and any(text in item["message"] for text in ACCEPTED_WARNINGS):
            continue
        messages.append(
            {
                "url": url_of.get(item.get("url", "").rsplit("/", 1)[-1], item.get("url")),
                "type": kind,
                "message": item["message"],
                "line": item.get("lastLine"),
                "extract": item.get("extract", ""),
            }
        )
    return messages


def format_messages(messages: list[dict]) -> str:
    """One line per message, for assertion output."""
    return "\n".join(
        f"{m['url']}:{m['line']}: {m['type']}: {m['message']} [{m['extract'].strip()[:120]}]"
        for m in messages
    )
