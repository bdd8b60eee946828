"""Agencies written once: cells read through names and aliases, shown as written with links."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build
from generator.data.dataset import load_dataset
from generator.data.models import Level, Organisation
from generator.errors import InvalidProject
from generator.reading.agency_names import NameIndex, Span, cell_spans

ORGS = [
    Organisation(id="x-so-noi-vu", name="Sở Nội vụ tỉnh X", short_name="Sở Nội vụ", level=Level.SO,
                 aliases=["SNV"]),
    Organisation(id="x-so-tu-phap", name="Sở Tư pháp tỉnh X", short_name="Sở Tư pháp",
                 level=Level.SO),
    Organisation(id="x-ubnd-huyen", name="Ủy ban nhân dân các huyện, thành phố",
                 short_name="UBND cấp huyện", level=Level.NHOM,
                 aliases=["UBND các huyện, thành phố"]),
]
BY_ID = {o.id: o for o in ORGS}
PROVINCES = dict.fromkeys(BY_ID, "Tỉnh X")


def test_a_cell_is_read_through_names_and_aliases_in_order() -> None:
    reading = NameIndex(ORGS).read("Sở Nội vụ; UBND các huyện, thành phố")
    assert reading.orgs == ["x-so-noi-vu", "x-ubnd-huyen"]
    assert not reading.unknown and not reading.ambiguous
    assert reading.spans == (Span("Sở Nội vụ", "x-so-noi-vu"), Span("; "),
                             Span("UBND các huyện, thành phố", "x-ubnd-huyen"))


@pytest.mark.parametrize("text", ["so noi vu", "SỞ NỘI VỤ", "Sở  Nội\nvụ", "snv", "Sở Nội vụ tỉnh",
                                  "sở nội vụ tỉnh x"])
def test_matching_ignores_accents_case_and_spacing(text: str) -> None:
    reading = NameIndex(ORGS, PROVINCES).read(text)
    assert reading.orgs == ["x-so-noi-vu"] and not reading.unknown
    assert "".join(s.text for s in reading.spans) == text  # the text as written, whole


def test_the_longest_name_wins_and_joiners_name_nobody() -> None:
    reading = NameIndex(ORGS, PROVINCES).read("Sở Nội vụ tỉnh và Sở Tư pháp")
    assert [s for s in reading.spans if s.org] == [Span("Sở Nội vụ tỉnh", "x-so-noi-vu"),
                                                   Span("Sở Tư pháp", "x-so-tu-phap")]
    assert not reading.unknown


def test_unknown_words_are_grouped_with_suggestions() -> None:
    reading = NameIndex(ORGS).read("Sở Nội vụ, Sở Tư phap tinh Y, Báo tỉnh")
    assert [u.text for u in reading.unknown] == ["tinh Y", "Báo tỉnh"]
    assert NameIndex(ORGS).suggest("So Tu phao")[0] == "Sở Tư pháp"


def test_a_name_shared_by_two_bodies_is_ambiguous() -> None:
    twin = Organisation(id="x-so-noi-vu-2", name="Sở Nội vụ mới", short_name="Sở Nội vụ",
                        level=Level.SO)
    reading = NameIndex([*ORGS, twin]).read("Sở Nội vụ")
    assert reading.ambiguous == (("Sở Nội vụ", ("x-so-noi-vu", "x-so-noi-vu-2")),)
    assert reading.orgs == []


def test_cell_spans_link_listed_bodies_inside_the_text_and_append_the_rest() -> None:
    spans = cell_spans(["x-so-tu-phap", "x-so-noi-vu"], "Sở Tư pháp (chủ trì)", BY_ID, PROVINCES)
    assert spans == [Span("Sở Tư pháp", "x-so-tu-phap"), Span(" (chủ trì)"), Span("; "),
                     Span("Sở Nội vụ", "x-so-noi-vu")]
    assert cell_spans(["x-so-noi-vu"], None, BY_ID, PROVINCES) == [Span("Sở Nội vụ", "x-so-noi-vu")]
    # A body the text names but the ids do not list stays plain text.
    assert cell_spans(["x-so-noi-vu"], "Sở Nội vụ, Sở Tư pháp", BY_ID, PROVINCES) == [
        Span("Sở Nội vụ", "x-so-noi-vu"), Span(", Sở Tư pháp")]


def _rewrite(site: Path, old: str, new: str) -> None:
    path = site / "data/plans/tn-10-kh-ubnd-2024.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_text_alone_resolves_to_ids_when_loading(site: Path) -> None:
    _rewrite(site, "        lead: [tn-so-noi-vu]\n        lead_text: Sở Nội vụ\n"
             "        coordinating: [tn-cac-so-nganh]\n        coordinating_text: Các sở, ban, ngành\n",
             "        lead_text: so noi vu\n"
             "        coordinating_text: Các sở, ban, ngành tỉnh, Sở Tư pháp\n")
    task = next(t for _, t in load_dataset(site).plans["tn-10-kh-ubnd-2024"].tasks() if t.id == "i-1")
    assert task.lead == ["tn-so-noi-vu"] and task.lead_text == "so noi vu"
    # A group phrase is an organisation of the group kind, like any other body.
    assert task.coordinating == ["tn-cac-so-nganh", "tn-so-tu-phap"]


def test_unresolvable_text_is_a_located_error_with_suggestions(site: Path) -> None:
    _rewrite(site, "        lead: [tn-so-noi-vu]\n        lead_text: Sở Nội vụ\n",
             "        lead_text: Sở Nội vu; Sở Tư phá\n")
    with pytest.raises(InvalidProject) as raised:
        load_dataset(site)
    [problem] = raised.value.problems.sorted()
    assert str(problem.location).startswith("data/plans/tn-10-kh-ubnd-2024.yaml:")
    assert problem.location.line > 0
    assert "không nhận ra cơ quan “Sở Tư phá”" in problem.message
    assert "có phải: Sở Tư pháp" in problem.message


def test_the_page_shows_the_text_once_with_links_inside(site: Path) -> None:
    _rewrite(site, "        lead: [tn-so-noi-vu]\n        lead_text: Sở Nội vụ\n",
             "        lead_text: Sở Nội vụ (chủ trì) và Sở Tư pháp\n")
    build(site, site / "output")
    page = (site / "output/ke-hoach/tn-10-kh-ubnd-2024/index.html").read_text(encoding="utf-8")
    assert ('<span class="as-written"><a href="/co-quan/tn-so-noi-vu/">Sở Nội vụ</a> (chủ trì) và '
            '<a href="/co-quan/tn-so-tu-phap/">Sở Tư pháp</a></span>') in page


def test_lists_that_leave_out_the_kind_word_after_the_first_body() -> None:
    index = NameIndex(ORGS, PROVINCES)
    reading = index.read("Sở Nội vụ, Tư pháp")
    assert reading.orgs == ["x-so-noi-vu", "x-so-tu-phap"] and not reading.unknown
    assert reading.spans[-1] == Span("Tư pháp", "x-so-tu-phap")
    assert index.read("Các sở: Nội vụ, Tư pháp").orgs == ["x-so-noi-vu", "x-so-tu-phap"]
    # The kind word is carried only to the names of that kind.
    assert [u.text for u in index.read("Phòng Tư pháp").unknown] == ["Phòng Tư pháp"]
