"""Where rendering spends its time: CPU per template, and the calls the theme makes.

    .venv/bin/python bench/render_profile.py S             # generate the S corpus, build it
    .venv/bin/python bench/render_profile.py S --calls     # count calls instead of timing

Generates the corpus (bench/corpus.py) in a temporary folder and builds it once, in this
process, with the search index off; prints either the CPU seconds spent rendering each
template (and building the open data), or how many macro calls, calls of any kind from a
template, `_()` calls and Babel formats the build made.
Counts are exact and repeatable; CPU seconds move with the machine's load. To measure an
older commit, put its `generator/` first on PYTHONPATH (see RESULTS.md). Nothing here is a
test: it only prints numbers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import babel.dates
import babel.numbers
import jinja2.environment
import jinja2.ext
import jinja2.runtime

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SIZES, generate
from run import set_search

seconds: Counter[str] = Counter()
pages: Counter[str] = Counter()
calls: Counter[str] = Counter()


def _timed_render(render: Callable[..., str]) -> Callable[..., str]:
    def timed(template: jinja2.environment.Template, *args: Any, **kwargs: Any) -> str:
        start = time.process_time()
        try:
            return render(template, *args, **kwargs)
        finally:
            seconds[template.name or "?"] += time.process_time() - start
            pages[template.name or "?"] += 1
    return timed


def _counted(owner: Any, name: str, label: str) -> None:
    """Count calls of owner.name, keeping the marks Jinja reads (pass_context…)."""
    original = getattr(owner, name)
    calls[label] = 0  # printed even when never called

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[label] += 1
        return original(*args, **kwargs)
    if hasattr(original, "jinja_pass_arg"):
        counting.jinja_pass_arg = original.jinja_pass_arg  # type: ignore[attr-defined]
    setattr(owner, name, counting)


def _instrument(count: bool) -> None:
    if not count:
        jinja2.environment.Template.render = _timed_render(  # type: ignore[method-assign]
            jinja2.environment.Template.render)
        return
    _counted(jinja2.runtime.Macro, "__call__", "macro calls")
    _counted(jinja2.runtime.Context, "call", "calls from templates (macros, functions, _())")
    _counted(jinja2.ext, "_gettext_alias", "_() calls at run time")
    _counted(babel.numbers, "format_decimal", "Babel number formats")
    _counted(babel.dates, "format_date", "Babel date formats")


def _report(count: bool) -> None:
    if count:
        for label, n in sorted(calls.items()):
            print(f"{n:>10,d}  {label}")
        return
    for name, spent in seconds.most_common():
        print(f"{spent:8.2f} s  {pages[name]:6d}  {name}")
    print(f"{sum(seconds.values()):8.2f} s  {sum(pages.values()):6d}  in all")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", nargs="?", default="S", choices=sorted(SIZES))
    parser.add_argument("--calls", action="store_true", help="count calls, do not time")
    args = parser.parse_args()
    _instrument(args.calls)
    # Imported after instrumenting, so that the i18n extension installs the counted `_`.
    from generator.build import build
    from generator.opendata import opendata
    from generator.site import pages as site_pages
    if not args.calls:
        build_files = opendata.build_files

        def timed_build_files(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return build_files(*a, **k)
            finally:
                seconds["(open data: build_files)"] += time.process_time() - start
        site_pages.build_files = timed_build_files  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="minhbach-render-") as scratch:
        project = generate(args.size, Path(scratch) / "project")
        set_search(project, False)
        build(project, Path(scratch) / "output")
    _report(args.calls)


if __name__ == "__main__":
    main()
