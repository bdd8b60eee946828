"""The Decap CMS `config.yml`: collections over the project's files, fields from the models.

Values an id field may take come from the validated data: areas from data/areas.yaml,
agencies from the plan's province, tasks and indicators from the report's plan. Decap
cannot make one select depend on another, so plans are a file collection (one entry per
plan, each with its own province's agencies) and reports one folder per plan.
"""

from __future__ import annotations

from typing import Any

from ..data.dataset import Dataset
from ..data.models import NewsMeta, Plan, Report
from ..reading.vietnamese import sort_key
from ..settings import SiteConfig
from .decap_fields import Choices, fields_for
from .decap_labels import label

AGENCY_FIELDS = ("issuer", "lead", "coordinating", "monitoring", "implementing", "agencies")
BODY = {"name": "body", "label": label("body"), "widget": "markdown", "required": True}


def _province_agencies(data: Dataset, plan: Plan) -> Choices:
    province = data.provinces.get(plan.issuer)
    used = {plan.issuer} | {org for _, task in plan.tasks() for org in task.lead + task.coordinating}
    ids = {o for o, p in data.provinces.items() if p == province} | (used & data.organisations.keys())
    orgs = sorted((data.organisations[i] for i in ids), key=lambda o: sort_key(o.name))
    return [(o.id, o.name) for o in orgs]


def _areas(data: Dataset) -> Choices:
    return [(a.id, a.name) for a in sorted(data.areas.values(), key=lambda a: a.order)]


def plan_choices(data: Dataset, plan: Plan) -> dict[str, Choices]:
    agencies = _province_agencies(data, plan)
    return {"area": _areas(data), **{name: agencies for name in AGENCY_FIELDS}}


def report_choices(data: Dataset, plan: Plan) -> dict[str, Choices]:
    tasks = [(t.id, f"{t.number or t.id}. {t.title}"[:120]) for _, t in plan.tasks()]
    indicators = [(i.id, f"{i.number or i.id}. {i.text}"[:120]) for i in plan.indicators]
    return {"task": tasks, "indicator": indicators, "plan": [(plan.id, plan.title)],
            "issuer": _province_agencies(data, plan)}


def _news(data: Dataset) -> dict[str, Any]:
    plans = [(p.id, p.title) for p in sorted(data.plans.values(), key=lambda p: p.id)]
    return {"name": "tin-tuc", "label": "Tin tức", "label_singular": "tin",
            "folder": "content/news", "extension": "md", "format": "frontmatter",
            "create": True, "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
            "summary": "{{date}} — {{title}}", "sortable_fields": ["date", "title"],
            "fields": [*fields_for(NewsMeta, {"plan": plans}), BODY]}


def _plan_texts(data: Dataset) -> dict[str, Any]:
    return {"name": "toan-van", "label": "Toàn văn kế hoạch", "format": "frontmatter",
            "files": [{"name": plan_id, "label": data.plans[plan_id].title,
                       "file": f"content/plans/{plan_id}.md", "fields": [BODY]}
                      for plan_id in sorted(data.plan_texts) if plan_id in data.plans]}


def _plans(data: Dataset) -> dict[str, Any]:
    return {"name": "ke-hoach", "label": "Kế hoạch (thuộc tính, chỉ tiêu, nhiệm vụ)",
            "format": "yaml", "editor": {"preview": False},
            "files": [{"name": plan.id, "label": plan.title, "file": f"data/plans/{plan.id}.yaml",
                       "fields": fields_for(Plan, plan_choices(data, plan))}
                      for plan in sorted(data.plans.values(), key=lambda p: p.id)]}


def _reports(data: Dataset, plan: Plan) -> dict[str, Any]:
    return {"name": f"bao-cao-{plan.id}", "label": f"Báo cáo — {plan.number or plan.title}",
            "label_singular": "báo cáo", "folder": f"data/reports/{plan.id}",
            "extension": "yaml", "format": "yaml", "editor": {"preview": False},
            "create": True, "identifier_field": "period",
            "slug": "{{period}}", "summary": "{{period}} — {{title}}",
            "fields": [{**f, "default": plan.id} if f["name"] == "plan" else f
                       for f in fields_for(Report, report_choices(data, plan))]}


def _backend(config: SiteConfig) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": config.admin_backend, "branch": config.admin_branch,
                               "commit_messages": {"update": "Cập nhật {{collection}} “{{slug}}”",
                                                   "create": "Thêm {{collection}} “{{slug}}”"}}
    if config.admin_repo:
        backend["repo"] = config.admin_repo
    return backend


def decap_config(data: Dataset, config: SiteConfig) -> dict[str, Any]:
    plans = sorted(data.plans.values(), key=lambda p: p.id)
    return {
        "backend": _backend(config),
        # On localhost Decap talks to `npx decap-server` (port 8081) and writes the working tree.
        "local_backend": True,
        "locale": "vi",
        "media_folder": "content/files/minh-chung",
        "public_folder": "/files/minh-chung",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_news(data), _plan_texts(data), _plans(data),
                        *(_reports(data, plan) for plan in plans)],
    }

