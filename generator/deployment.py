"""What a host needs beside the pages: the browser editor and the `_headers` file."""

from __future__ import annotations

from pathlib import Path

from .admin import publish_admin
from .dataset import Dataset
from .headers import write_headers_file
from .settings import SiteConfig


def add_deployment_files(root: Path, site: Path, config: SiteConfig, data: Dataset) -> None:
    """Added after the sitemap and search index are written, so neither lists the admin."""
    publish_admin(root, site, config, data)
    write_headers_file(site)
