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
from .deployment import add_deployment_files
from .errors import InvalidProject, Location, Problems
from .facts import Facts, derive
from .pagefind_client import PagefindError
from .schemas import write_schemas
from .search_index import write_index
from .settings import SiteConfig, load_config, pelican_settings


def check(root: Path) -> tuple[SiteConfig, Dataset]:
    """Validate everything; raises InvalidProject listing every problem."""
    return load_config(root), load_dataset(root)


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


def _index(staging: Path, facts: Facts) -> None:
    try:
        write_index(staging, facts)
    except PagefindError as error:
        problems = Problems()
        problems.add(Location("pagefind"), f"không lập được chỉ mục tìm kiếm: {error}")
        raise InvalidProject(problems) from error


def build(root: Path, output: Path | None = None) -> Facts:
    root = root.resolve()
    output = (output or root / "output").resolve()
    config, data = check(root)
    facts = derive(data)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".minhbach-build-", dir=output.parent))
    try:
        render(root, staging, config, facts)
        write_schemas(staging / "schema")
        if config.search:
            _index(staging, facts)
        add_deployment_files(root, staging, config, data)
        publish(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return facts
