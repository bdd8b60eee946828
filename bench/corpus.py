"""A deterministic, province-shaped Minh Bạch project for benchmarks, generated on demand.

The rows come from the example site itself (real task titles, products, timelines and
targets of the five seeds), recombined into many plans: 20–60 tasks and 10–20
indicators each, four reports per plan year (quý I, 6 tháng, quý III, năm) and news
posts. Timelines and targets are moved to the plan's year, so that lateness and
progress are computed on realistic dates. Same size and seed → byte-identical files.

    python bench/corpus.py S /tmp/minhbach-S     # ≈ 1,000 pages
    python bench/corpus.py M /tmp/minhbach-M     # ≈ 10,000 pages
    python bench/corpus.py L /tmp/minhbach-L     # ≈ 50,000 pages
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Plans per size: a plan and its reports make about 45 pages (plan, four reports, one
# history page per task), news posts add one page each.
SIZES = {"S": (20, 100), "M": (200, 1000), "L": (1000, 5000)}
YEARS = range(2016, 2026)
PERIODS = (("quy-1", date(1, 3, 10)), ("6-thang", date(1, 6, 10)),
           ("quy-3", date(1, 9, 10)), ("nam", date(1, 12, 10)))
STATUSES = ("hoan-thanh", "hoan-thanh", "dang-thuc-hien", "dang-thuc-hien", "chua-thuc-hien",
            "hoan-thanh-tre-han", "khong-thuc-hien")
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")


@dataclass
class Pools:
    """What the example site says, to recombine: rows, organisations, areas, full texts."""

    tasks: list[dict]
    indicators: list[dict]
    organisations: dict[str, list[dict]]  # file stem → its organisations
    areas: list[str]
    texts: list[str]


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_pools(root: Path = ROOT) -> Pools:
    tasks: list[dict] = []
    indicators: list[dict] = []
    for path in sorted((root / "data" / "plans").glob("*.yaml")):
        plan = _yaml(path)
        for section in plan.get("sections", []):
            tasks += [{**t, "_year": plan["year"]} for t in section.get("tasks", [])]
        indicators += [{**i, "_year": plan["year"]} for i in plan.get("indicators", [])]
    organisations = {p.stem: _yaml(p)["organisations"]
                     for p in sorted((root / "data" / "organisations").glob("*.yaml"))}
    areas = [a["id"] for a in _yaml(root / "data" / "areas.yaml")["areas"]]
    texts = [p.read_text(encoding="utf-8")
             for p in sorted((root / "content" / "plans").glob("*.md"))]
    return Pools(tasks, indicators, organisations, areas, texts)


def _move_year(text: str | None, source: int, year: int) -> str | None:
    """Shift the years a phrase names by the distance between the two plans' years."""
    if text is None:
        return None
    return _YEAR.sub(lambda m: str(int(m.group(1)) - source + year), text)


def _agencies(rng: random.Random, orgs: list[dict], count: int) -> tuple[list[str], str]:
    chosen = rng.sample(orgs, k=min(count, len(orgs)))
    return [o["id"] for o in chosen], "; ".join(o.get("short_name") or o["name"] for o in chosen)


def _task(rng: random.Random, pools: Pools, orgs: list[dict], year: int, tid: str,
          number: int) -> dict:
    row = rng.choice(pools.tasks)
    lead, lead_text = _agencies(rng, orgs, rng.choice((1, 1, 2)))
    coordinating, coordinating_text = _agencies(rng, orgs, rng.choice((0, 1, 2, 3)))
    task = {"id": tid, "number": str(number), "title": row["title"],
            "product": row.get("product"), "lead": lead, "lead_text": lead_text,
            "timeline": _move_year(row.get("timeline"), row["_year"], year)}
    if coordinating:
        task |= {"coordinating": coordinating, "coordinating_text": coordinating_text}
    return {k: v for k, v in task.items() if v is not None}


def _indicator(rng: random.Random, pools: Pools, year: int, number: int) -> dict:
    row = rng.choice([i for i in pools.indicators if i.get("target")])
    return {"id": f"ct-{number}", "number": str(number),
            "text": _move_year(row["text"], row["_year"], year),
            "target": _move_year(row["target"], row["_year"], year)}


def plan(rng: random.Random, pools: Pools, province: str, index: int, year: int) -> dict:
    orgs = [o for o in pools.organisations[province] if o["level"] != "nhom"] \
        or pools.organisations[province]
    issuer = rng.choice(orgs)
    sections = []
    task_count = rng.randint(20, 60)
    per_section = max(1, task_count // rng.randint(4, 8))
    numbered = 0
    for s, area in enumerate(rng.sample(pools.areas, k=min(len(pools.areas), 8)), start=1):
        if numbered >= task_count:
            break
        tasks = []
        for _ in range(min(per_section, task_count - numbered)):
            numbered += 1
            tasks.append(_task(rng, pools, orgs, year, f"nv-{numbered}", numbered))
        sections.append({"id": f"phan-{s}", "number": str(s), "title": f"Nhiệm vụ phần {s}",
                         "area": area, "tasks": tasks})
    prefix = orgs[0]["id"].split("-")[0]
    return {
        "id": f"{prefix}-{index}-kh-{year}", "number": f"{index}/KH-{prefix.upper()}", "type": "Kế hoạch",
        "title": f"Kế hoạch cải cách hành chính năm {year} (mẫu đo hiệu năng {index})",
        "issuer": issuer["id"], "place": province, "issued": date(year - 1, 12, 20),
        "year": year, "status": "con-hieu-luc",
        "indicators": [_indicator(rng, pools, year, n) for n in range(1, rng.randint(10, 20) + 1)],
        "sections": sections,
    }


def report(rng: random.Random, data: dict, period: str, cutoff: date) -> dict:
    year = data["year"]
    results = []
    for section in data["sections"]:
        for task in section["tasks"]:
            status = rng.choice(STATUSES)
            result = {"task": task["id"], "status": status}
            if status == "khong-thuc-hien":
                result["reason"] = "Nhiệm vụ được điều chỉnh theo chỉ đạo của cấp trên."
            results.append(result)
    indicators = [{"indicator": i["id"], "achieved": f"{rng.randint(60, 100)}%"}
                  for i in data["indicators"]]
    real_cutoff = cutoff.replace(year=year)
    return {"plan": data["id"], "period": f"{year}-{period}", "sample": True,
            "date": real_cutoff.replace(day=real_cutoff.day + 4), "cutoff": real_cutoff,
            "tasks": results, "indicators": indicators}


def news(rng: random.Random, index: int, plans: list[str]) -> str:
    year = rng.choice(YEARS)
    day = date(year, rng.randint(1, 12), rng.randint(1, 28))
    return (f"---\ntitle: Tin cải cách hành chính số {index}\n"
            f"date: {day.isoformat()} 08:{index % 60:02d}\n"
            f"category: Chương trình - báo cáo\nplan: {rng.choice(plans)}\n"
            f"slug: tin-cai-cach-hanh-chinh-{index}\n---\n"
            f"Đơn vị triển khai công tác cải cách hành chính, đẩy mạnh chuyển đổi số "
            f"và nâng cao chỉ số hài lòng của người dân (tin số {index}).\n")


def dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def _plans(rng: random.Random, pools: Pools, count: int) -> Iterator[dict]:
    provinces = sorted(pools.organisations)
    for index in range(1, count + 1):
        yield plan(rng, pools, provinces[index % len(provinces)], index, YEARS[index % len(YEARS)])


def generate(size: str, target: Path, seed: int = 2026) -> Path:
    """Write a whole project (config, data, content, theme link) into `target`."""
    plan_count, news_count = SIZES[size]
    rng = random.Random(seed)
    pools = load_pools()
    if target.exists():
        shutil.rmtree(target)
    for name in ("data/areas.yaml", "minhbach.toml"):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    (target / "content" / "pages").mkdir(parents=True)
    (target / "content" / "pages" / "gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\n---\nDự án mẫu cỡ tỉnh để đo hiệu năng Minh Bạch.\n",
        encoding="utf-8")
    # minhbach.toml names the publisher's logo, which must exist in content/files/.
    logo = Path("content") / "files" / "logo.png"
    (target / logo).parent.mkdir(parents=True)
    shutil.copy2(ROOT / logo, target / logo)
    shutil.copytree(ROOT / "data" / "organisations", target / "data" / "organisations")
    shutil.copytree(ROOT / "themes", target / "themes")
    ids = []
    for data in _plans(rng, pools, plan_count):
        ids.append(data["id"])
        dump(target / "data" / "plans" / f"{data['id']}.yaml", data)
        (target / "content" / "plans").mkdir(parents=True, exist_ok=True)
        (target / "content" / "plans" / f"{data['id']}.md").write_text(
            rng.choice(pools.texts), encoding="utf-8")
        for period, cutoff in PERIODS:
            dump(target / "data" / "reports" / data["id"] / f"{data['year']}-{period}.yaml",
                  report(rng, data, period, cutoff))
    for index in range(1, news_count + 1):
        path = target / "content" / "news" / f"tin-{index:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(news(rng, index, ids), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Sinh dự án mẫu cỡ tỉnh để đo hiệu năng.")
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(generate(args.size, args.target, args.seed))


if __name__ == "__main__":
    main()
