"""A temporary copy of the project with `decap-server` writing into it: the editor's setup
for the admin test and for the guide's screenshots (scripts/screenshots.py)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.build import build

from ..conftest import PROJECT_ROOT
from ..preview import wait_for

SERVER = PROJECT_ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
MISSING = "node_modules is missing: run `npm ci` (scripts/test.sh does)."


def copy_project(root: Path) -> Path:
    """The project's sources under `root`, built; the npm packages are linked, not copied."""
    root.mkdir()
    for name in ("content", "data", "themes"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    shutil.copy(PROJECT_ROOT / "minhbach.toml", root)
    (root / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    build(root, root / "output")
    return root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def decap_server(project: Path) -> Iterator[str]:
    """`decap-server` writing into `project`, on a free port; yields its API address."""
    port = _free_port()
    log = project.parent / "decap-server.log"
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(project)}
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(["node", str(SERVER)], env=env, stdout=sink,
                                   stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: "listening" in log.read_text(encoding="utf-8")
                     or process.poll() is not None, "decap-server to listen")
            assert process.poll() is None, log.read_text(encoding="utf-8")
            api = f"http://127.0.0.1:{port}/api/v1"
            # The generated config says `local_backend: true` (decap-server's usual port,
            # 8081); point it at this server, as Decap's `local_backend.url` allows.
            config = project / "output" / "admin" / "config.yml"
            text = config.read_text(encoding="utf-8")
            config.write_text(text.replace("local_backend: true", f"local_backend:\n  url: {api}"),
                              encoding="utf-8")
            yield api
        finally:
            process.terminate()
            process.wait(timeout=30)
