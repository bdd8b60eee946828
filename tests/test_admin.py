"""The Decap CMS config matches the models and the data; the admin is published but hidden."""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
import yaml
from pydantic import BaseModel

from generator.data.dataset import Dataset, load_dataset
from generator.data.models import NewsMeta, Plan, PlanStatus, Report, TaskStatus
from generator.editor.decap_config import decap_config
from generator.facts.derive import derive
from generator.search.search_index import indexed_documents
from generator.settings import SiteConfig, load_config

from .conftest import PROJECT_ROOT

Field = dict[str, Any]


@pytest.fixture(scope="module")
def data() -> Dataset:
    return load_dataset(PROJECT_ROOT)


@pytest.fixture(scope="module")
def config(data: Dataset) -> dict[str, Any]:
    return decap_config(data, load_config(PROJECT_ROOT))


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def by_name(fields: list[Field]) -> dict[str, Field]:
    return {f["name"]: f for f in fields}


def options(field: Field) -> list[str]:
    assert field["widget"] == "select", field["name"]
    return [o["value"] for o in field["options"]]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The nested model of `Model`, `Model | None` or `list[Model]`, if any."""
    if get_origin(annotation) in (Union, types.UnionType, list):
        return next(filter(None, map(_model_of, get_args(annotation))), None)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) \
        else None


def assert_matches(model: type[BaseModel], fields: list[Field], where: str) -> None:
    """Every model field has a widget, required exactly when the model requires it."""
    found = by_name(fields)
    assert list(found) == list(model.model_fields), where
    for name, info in model.model_fields.items():
        field = found[name]
        assert field.get("widget"), f"{where}.{name}"
        assert field["required"] is info.is_required(), f"{where}.{name}"
        base = next((a for a in get_args(info.annotation) if a is not type(None)),
                    info.annotation)
        if base is dt.date:
            assert field["widget"] == "datetime" and field["time_format"] is False, name
            assert field["format"] == "YYYY-MM-DD", name
        nested = _model_of(info.annotation)
        if nested is not None and field["widget"] != "select":
            assert field["widget"] in ("list", "object"), f"{where}.{name}"
            assert_matches(nested, field["fields"], f"{where}.{name}")


def test_news_fields_match_the_front_matter_model(config: dict[str, Any]) -> None:
    news = collection(config, "tin-tuc")
    assert news["folder"] == "content/news" and news["create"] is True
    assert_matches(NewsMeta, news["fields"][:-1], "tin-tuc")
    assert news["fields"][-1]["name"] == "body"
    date = by_name(news["fields"])["date"]
    assert (date["widget"], date["format"]) == ("datetime", "YYYY-MM-DD HH:mm")


def test_every_plan_is_editable_with_all_plan_fields(config: dict[str, Any],
                                                      data: Dataset) -> None:
    plans = collection(config, "ke-hoach")
    assert [f["file"] for f in plans["files"]] == [f"data/plans/{i}.yaml" for i in sorted(data.plans)]
    for entry in plans["files"]:
        assert_matches(Plan, entry["fields"], entry["name"])
    texts = collection(config, "toan-van")
    assert {f["file"] for f in texts["files"]} == {f"content/plans/{i}.md" for i in data.plans}


def test_a_report_folder_per_plan_with_all_report_fields(config: dict[str, Any],
                                                          data: Dataset) -> None:
    for plan_id in data.plans:
        reports = collection(config, f"bao-cao-{plan_id}")
        assert reports["folder"] == f"data/reports/{plan_id}"
        assert_matches(Report, reports["fields"], reports["name"])
        plan_field = by_name(reports["fields"])["plan"]
        assert options(plan_field) == [plan_id] and plan_field["default"] == plan_id


def test_selects_offer_exactly_the_allowed_values(config: dict[str, Any], data: Dataset) -> None:
    plans = by_name(collection(config, "ke-hoach")["files"])
    for plan in data.plans.values():
        fields = by_name(plans[plan.id]["fields"])
        province = data.provinces[plan.issuer]
        agencies = {o for o, p in data.provinces.items() if p == province}
        assert set(options(fields["issuer"])) == agencies, plan.id
        assert options(fields["status"]) == [s.value for s in PlanStatus]
        sections = by_name(fields["sections"]["fields"])
        assert set(options(sections["area"])) == set(data.areas)
        tasks = by_name(sections["tasks"]["fields"])
        for name in ("lead", "coordinating"):
            assert set(options(tasks[name])) == agencies and tasks[name]["multiple"], name

        report = by_name(collection(config, f"bao-cao-{plan.id}")["fields"])
        results = by_name(report["tasks"]["fields"])
        assert options(results["status"]) == [s.value for s in TaskStatus]
        assert options(results["task"]) == [t.id for _, t in plan.tasks()]
        indicators = by_name(report["indicators"]["fields"])
        assert options(indicators["indicator"]) == [i.id for i in plan.indicators]


def test_backend_follows_the_site_settings(data: Dataset) -> None:
    default = decap_config(data, SiteConfig())
    assert default["backend"]["name"] == "git-gateway" and default["local_backend"] is True
    github = decap_config(data, SiteConfig(admin_backend="github", admin_repo="so/trang",
                                           admin_branch="xuat-ban"))
    assert github["backend"] | {"commit_messages": None} == {
        "name": "github", "repo": "so/trang", "branch": "xuat-ban", "commit_messages": None}


def test_built_admin_is_published_but_hidden(example_site: Path, data: Dataset,
                                             config: dict[str, Any]) -> None:
    admin = example_site / "admin"
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == config
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page and "http" not in page.split("<body>")[1]
    assert "/admin/" not in (example_site / "sitemap.xml").read_text(encoding="utf-8")
    for html in example_site.rglob("*.html"):
        if admin not in html.parents:
            assert 'href="/admin' not in html.read_text(encoding="utf-8"), html
    urls = [d.url for d in indexed_documents(example_site, derive(data))]
    assert urls and not any(u.startswith("/admin") for u in urls)
    headers = (example_site / "_headers").read_text(encoding="utf-8")
    assert headers.count("/admin/*\n") == 1 and "'unsafe-eval'" in headers.split("/admin/*")[1]


def test_site_builds_without_the_admin_when_npm_packages_are_missing(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.build import build
    from generator.phases import Phases

    build(site, site / "output", Phases(say=print))
    assert not (site / "output" / "admin").exists()
    assert (site / "output" / "index.html").is_file()
    assert "Chưa có trình soạn thảo /admin/" in capsys.readouterr().out
