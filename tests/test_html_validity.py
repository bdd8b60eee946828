"""Every page of the example site is valid HTML, by the Nu HTML Checker (the W3C's
validator, npm `vnu-jar`, run with Java). scripts/test.sh installs both (`npm ci`, and
Debian's default-jre-headless when java is missing)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PROJECT_ROOT

VNU = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(example_site: Path) -> None:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("The Nu HTML Checker needs java and node_modules/vnu-jar: run "
                    "`bash scripts/test.sh` (it runs `npm ci` and installs a Java runtime).",
                    pytrace=False)
    pages = sorted(str(p) for p in example_site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    found = [f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
             for m in messages if m["type"] in ("error", "non-document-error")]
    assert not found, "\n".join(found[:20])
