"""The search index split by year, so that a first search loads the newest years only.

Every search starts by loading Pagefind's meta file (about 9 bytes per indexed document)
and the index chunks of its words, whose postings grow with the documents: one index for
a province's ten years made a first search fetch 300–400 KB at 13,000 documents. Readers
mostly look for this year's plans, so the documents are grouped by their year (the plan's
year for a plan, its reports, tasks and indicators; the year of a news post) into
**shards**, each a Pagefind index of its own:

* the newest shard is the bundle's own folder (`/pagefind/`): it holds `pagefind.js`, the
  WebAssembly and the pages that have no year (agencies, reform areas, static pages), and
  it is the only one a first search loads;
* older shards sit in sub-folders (`/pagefind/nam-2018/`, `/pagefind/nam-2016-2017/`)
  without a runtime of their own: the search page merges them into the first with
  Pagefind's `mergeIndex`, which reuses the first shard's WebAssembly, when the reader
  asks for older years or picks one in the year filter.

Years are taken newest first and a shard is closed once it holds `SHARD_DOCUMENTS`
documents (the first counts the undated pages too); older years left over join the last
shard. A year is never split, so choosing a year loads exactly one shard. A site smaller
than `SHARD_DOCUMENTS` — the example site — keeps one index, searched whole as before.

`MANIFEST` (in the first shard's folder) tells the search page each shard's folder and
how many documents each of its years has (the year filter lists every year from it);
`DIGESTS` beside it lets the next build keep a shard made from the same documents.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# About 9 KB of meta file per shard. Measured at size M (bench/RESULTS.md, "Search split
# by year"): a year of a 20-plan-a-year province is ≈ 1,300 documents.
SHARD_DOCUMENTS = 1000
MANIFEST = "minhbach-shards.json"
DIGESTS = "minhbach-shard-digests.json"
SHARD_PREFIX = "nam-"  # no folder of Pagefind's own starts so


@dataclass(frozen=True)
class Shard:
    """One Pagefind index: its folder inside the bundle ("" for the first) and the number
    of documents of each of its years, newest first."""

    folder: str
    years: dict[str, int]


def _folder(years: list[str]) -> str:
    return SHARD_PREFIX + "-".join(sorted({years[-1], years[0]}))


def plan_shards(years: Iterable[str | None], least: int | None = None) -> list[Shard]:
    """The shards for documents of these years (one item per document, None if undated),
    each closed at `least` documents (default: SHARD_DOCUMENTS, read at each call)."""
    least = SHARD_DOCUMENTS if least is None else least
    every = Counter(years)
    undated = every.pop(None, 0)
    counts = {year: n for year, n in every.items() if year is not None}
    groups: list[list[str]] = []
    current: list[str] = []
    size = undated
    for year in sorted(counts, key=int, reverse=True):
        current.append(year)
        size += counts[year]
        if size >= least:
            groups.append(current)
            current, size = [], 0
    if current and groups:
        groups[-1] += current
    elif current or not groups:
        groups.append(current)
    return [Shard("" if i == 0 else _folder(group), {y: counts[y] for y in group})
            for i, group in enumerate(groups)]


def shard_of_year(shards: list[Shard]) -> Mapping[str | None, Shard]:
    found: dict[str | None, Shard] = {None: shards[0]}
    for shard in shards:
        found |= dict.fromkeys(shard.years, shard)
    return found


def manifest(shards: list[Shard]) -> str:
    """What search.js reads: folders relative to the bundle, and documents per year."""
    return json.dumps({"shards": [{"folder": s.folder + "/" if s.folder else "",
                                   "years": s.years} for s in shards]},
                      ensure_ascii=False, separators=(",", ":"))


def digests(shards: list[Shard], made_from: list[str]) -> str:
    """What the next build compares: a digest of what each shard was made from. A file of
    its own, so that readers do not download it."""
    return json.dumps({s.folder: d for s, d in zip(shards, made_from, strict=True)},
                      separators=(",", ":"))
