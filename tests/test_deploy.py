"""Deployment files: valid, running the README's own commands, and the headers hosts get."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import yaml

from generator.editor.headers import ADMIN, SITE_CSP, rules
from generator.publishing import staged_files

from .conftest import PROJECT_ROOT

SITE_COMMAND = "bash scripts/site.sh"
TEST_COMMAND = "bash scripts/test.sh"


def _text(name: str) -> str:
    return (PROJECT_ROOT / name).read_text(encoding="utf-8")


def test_readme_quick_start_names_the_commands_ci_runs() -> None:
    quick_start = _text("README.md").split("## Bắt đầu nhanh")[1].split("\n## ")[0]
    assert SITE_COMMAND in quick_start and TEST_COMMAND in quick_start
    script = _text("scripts/site.sh")
    assert script.index("minhbach check") < script.index("minhbach build")


def test_netlify_builds_every_context_with_the_readme_command() -> None:
    config = tomllib.loads(_text("netlify.toml"))
    assert (config["build"]["command"], config["build"]["publish"]) == (SITE_COMMAND, "output")
    assert re.fullmatch(r"3\.\d+", config["build"]["environment"]["PYTHON_VERSION"])
    for context in ("deploy-preview", "branch-deploy"):
        assert config["context"][context]["command"] == SITE_COMMAND
    assert {"from": "/*", "to": "/404.html", "status": 404} in config["redirects"]
    assert "headers" not in config, "headers come from the generated _headers file only"


def test_github_workflow_tests_checks_builds_and_publishes_with_pip_cache() -> None:
    workflows = list((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    for path in workflows:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        steps = [s for job in workflow["jobs"].values() for s in job.get("steps", [])]
        runs = [s.get("run", "") for s in steps]
        assert TEST_COMMAND in runs and SITE_COMMAND in runs, path
        pythons = [s["with"] for s in steps if s.get("uses", "").startswith("actions/setup-python")]
        assert pythons and all(p["cache"] == "pip" for p in pythons)
        upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
        assert upload["with"]["path"] == "output"
        assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in steps)


def test_gitlab_ci_tests_checks_builds_and_publishes_with_pip_cache() -> None:
    ci = yaml.safe_load(_text(".gitlab-ci.yml"))
    assert ci["test"]["script"] == [TEST_COMMAND]
    assert SITE_COMMAND in ci["pages"]["script"]
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    assert ".cache/pip" in ci["cache"]["paths"] and ci["variables"]["PIP_CACHE_DIR"]


def test_headers_give_each_path_one_complete_rule(example_site: Path) -> None:
    found = rules(staged_files(example_site))
    patterns = [pattern for pattern, _ in found]
    assert len(patterns) == len(set(patterns))
    assert all(p == "/" or p.count("/") == 1 or p.endswith("/*") and p.count("/") == 2
               for p in patterns), "only top-level rules, so no two match one path"
    for pattern, headers in found:
        assert headers["X-Content-Type-Options"] == "nosniff", pattern
        assert headers["Strict-Transport-Security"].startswith("max-age="), pattern
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], pattern
        assert {"Referrer-Policy", "Permissions-Policy"} <= headers.keys(), pattern
    pages = dict(found)
    assert pages["/"]["Content-Security-Policy"] == SITE_CSP
    assert "'wasm-unsafe-eval'" in SITE_CSP and "worker-src 'self' blob:" in SITE_CSP
    assert "'unsafe-eval'" not in SITE_CSP and "'unsafe-inline'" not in SITE_CSP
    assert "'unsafe-eval'" in pages[f"/{ADMIN}/*"]["Content-Security-Policy"]
    assert "immutable" in pages["/theme/*"]["Cache-Control"]
    written = (example_site / "_headers").read_text(encoding="utf-8")
    assert written.count("Content-Security-Policy:") == len(found)


def test_theme_assets_are_fingerprinted_by_content(example_site: Path) -> None:
    page = (example_site / "index.html").read_text(encoding="utf-8")
    for name in ("css/site.css", "img/favicon.svg"):
        digest = hashlib.sha256((example_site / "theme" / name).read_bytes()).hexdigest()[:12]
        assert f'href="/theme/{name}?v={digest}"' in page, name
