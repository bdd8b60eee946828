"""What a host needs beside the pages: the browser editor and the `_headers` file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..data.dataset import Dataset
from ..settings import SiteConfig
from .admin import DECAP_DIST, MISSING, publish_admin
from .headers import write_headers_file


def add_deployment_files(root: Path, site: Path, config: SiteConfig, data: Dataset,
                         kept: Iterable[str] = ()) -> str:
    """Added after the sitemap and search index are written, so neither lists the admin.
    `kept`: the site's files that are not in `site` (see `publishing`).

    Returns what was added, in Vietnamese, for the build's account of its phases."""
    admin = publish_admin(root, site, config, data)
    # A rule per top-level name: "ke-hoach/" stands for the folder and all in it.
    top = [f"{entry.name}/" if entry.is_dir() else entry.name for entry in site.iterdir()]
    write_headers_file(site, [*top, *kept])
    return "/admin/, _headers" if admin else "_headers. " + MISSING.format(
        dist=DECAP_DIST.as_posix())
