"""The Pelican generator that turns derived facts into pages.

Pelican calls every generator's `generate_context` before any `generate_output`,
so cross-page facts are already complete (see `facts.derive`) when we render.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from . import urls
from .facts import Facts
from .markdown import render_markdown


def _page(writer: Any, generator: Generator, url: str, template: str, **context: Any) -> None:
    writer.write_file(urls.save_as(url), generator.get_template(template), generator.context,
                      relative_urls=False, page_url=url, **context)


class MinhBachGenerator(Generator):
    """Writes the plan, agency, area, index and utility pages."""

    def generate_context(self) -> None:
        facts: Facts = self.settings["MINHBACH_FACTS"]
        self.facts = facts
        self.plan_html = {
            plan_id: render_markdown(path.read_text(encoding="utf-8"))
            for plan_id, path in sorted(facts.data.plan_texts.items())
        }
        self.context["facts"] = facts
        self.context["plan_nav"] = facts.plans_by_year()

    def generate_output(self, writer: Any) -> None:
        facts = self.facts
        news = self.context.get("articles", [])
        news_by_plan: dict[str, list[Any]] = {}
        for article in news:
            plan = getattr(article, "plan", None)
            if plan:
                news_by_plan.setdefault(plan, []).append(article)
        _page(writer, self, urls.HOME, "home", plans_by_year=facts.plans_by_year(),
              latest_news=news[:5])
        _page(writer, self, urls.PLANS, "plans", plans_by_year=facts.plans_by_year(),
              issuers=facts.plans_by_issuer())
        for plan_id, plan_facts in sorted(facts.plans.items()):
            _page(writer, self, urls.plan_url(plan_id), "plan", p=plan_facts,
                  text_html=self.plan_html.get(plan_id, ""), news=news_by_plan.get(plan_id, []))
        _page(writer, self, urls.AGENCIES, "agencies", provinces=facts.organisations_by_province())
        for org in facts.organisations_sorted():
            children = [o for o in facts.organisations_sorted() if o.parent == org.id]
            _page(writer, self, urls.agency_url(org.id), "agency", org=org,
                  province=facts.data.provinces[org.id],
                  parent=facts.data.organisations.get(org.parent or ""),
                  children=children, involvement=facts.involvement.get(org.id, []))
        _page(writer, self, urls.AREAS, "areas", areas=facts.areas_sorted())
        for area in facts.areas_sorted():
            _page(writer, self, urls.area_url(area.id), "area", area=area,
                  tasks=facts.areas.get(area.id, []))
        _page(writer, self, urls.SEARCH, "search")
        _page(writer, self, "/404.html", "404")
