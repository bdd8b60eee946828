"""The build pipeline, top to bottom: load → validate → derive → render → index → publish.

The site is rendered into a temporary folder beside `output/` and swapped in only
when every step succeeded, so a failed build leaves the last good site untouched.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from .dataset import Dataset, load_dataset
from .errors import InvalidProject, Location, Problems
from .facts import Facts, derive
from .pagefind_client import PagefindError
from .phases import Phases, count_pages, describe_dataset
from .schemas import write_schemas
from .search_index import IndexSummary, write_index
from .settings import SiteConfig, load_config, pelican_settings


def check(root: Path, strict: bool = False) -> tuple[SiteConfig, Dataset]:
    """Validate everything; raises InvalidProject listing every problem.

    With `strict`, warnings fail too (CI's choice: nothing doubtful gets published).
    """
    config, data = load_config(root), load_dataset(root)
    if strict and data.warnings:
        raise InvalidProject(Problems(), data.warnings)
    return config, data


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render(root: Path, output: Path, config: SiteConfig, facts: Facts) -> None:
    settings = read_settings(None, override=pelican_settings(root, output, config))
    settings["MINHBACH_FACTS"] = facts
    counter = _ErrorCounter()
    logging.getLogger("pelican").addHandler(counter)
    try:
        Pelican(settings).run()
    finally:
        logging.getLogger("pelican").removeHandler(counter)
    if counter.messages:
        problems = Problems()
        for message in counter.messages:
            problems.add(Location("content"), f"lỗi khi dựng trang: {message}")
        raise InvalidProject(problems)


def publish(staging: Path, output: Path) -> None:
    """Swap the new site in with renames, so readers never see a half-built site."""
    retired = None
    if output.exists():
        retired = Path(tempfile.mkdtemp(prefix=".minhbach-old-", dir=output.parent))
        output.rename(retired / "site")
    staging.rename(output)
    if retired is not None:
        shutil.rmtree(retired)


def _index(staging: Path, facts: Facts) -> IndexSummary:
    try:
        return write_index(staging, facts)
    except PagefindError as error:
        problems = Problems()
        problems.add(Location("pagefind"), f"không lập được chỉ mục tìm kiếm: {error}")
        raise InvalidProject(problems) from error


def build(root: Path, output: Path | None = None, phases: Phases | None = None,
          strict: bool = False) -> Facts:
    """Build the site into `output`; `phases` tells what each phase did, when given."""
    phases = phases or Phases()
    root = root.resolve()
    output = (output or root / "output").resolve()
    config, data = phases.run("Kiểm tra dữ liệu", lambda: check(root, strict),
                              lambda checked: describe_dataset(checked[1]))
    facts = phases.run("Suy ra tiến độ, hạn và liên kết", lambda: derive(data))
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".minhbach-build-", dir=output.parent))
    try:
        phases.run("Dựng trang", lambda: render(root, staging, config, facts),
                   lambda _: count_pages(staging))
        write_schemas(staging / "schema")
        if config.search:
            phases.run("Lập chỉ mục tìm kiếm", lambda: _index(staging, facts),
                       lambda summary: f"{summary.pages} trang, {summary.records} mục")
        publish(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return facts
