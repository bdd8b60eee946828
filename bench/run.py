"""Province-scale benchmark: Minh Bạch against Hugo and plain Pelican on as many pages.

    .venv/bin/python bench/run.py S M          # sizes to run (S ≈ 1,000, M ≈ 10,000, L ≈ 50,000)
    .venv/bin/python bench/run.py S --repeat 3 # best of three

For each size it generates the corpus (bench/corpus.py) in a temporary folder, then
prints: `minhbach check` time; full builds (`--full`) with the search index off and on:
wall time, pages/s, peak memory, CPU seconds, output bytes; the index's size, the
documents indexed and Pagefind's own peak memory (bench/measuring.py); page weight by
kind of page (bench/page_weight.py); the bytes of a first search in Chromium
(bench/search_bytes.py); incremental rebuilds after one edit, with search on and off
(bench/rebuilds.py); then Hugo (Debian's `hugo`) and plain Pelican (with
Python-Markdown, the `bench` extra) building the same number of comparable Markdown
pages, and the ratios. Our figures are printed and flushed before Hugo and Pelican run.
Nothing here is a test: it only prints numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the modules beside this one

import page_weight
import rebuilds
from corpus import SIZES, generate
from measuring import Run, best

BENCH = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
MINHBACH = VENV_BIN / "minhbach"


def tree_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def html_pages(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*.html") if "pagefind" not in p.parts)


def set_search(project: Path, on: bool) -> None:
    config = project / "minhbach.toml"
    text = re.sub(r"(?m)^search = .*\n", "", config.read_text(encoding="utf-8"))
    text = text.replace("[site]\n", f"[site]\nsearch = {'true' if on else 'false'}\n", 1)
    config.write_text(text, encoding="utf-8")


# One Markdown page comparable to a plan-like page (≈ 13 KB): prose and a 40-row table.
_ROW = "| {n} | Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực {n} | Sở Nội vụ | Quý II/2024 |\n"
_BODY = ("Triển khai công tác cải cách hành chính, nâng cao chỉ số hài lòng của người dân "
         "và doanh nghiệp; đẩy mạnh chuyển đổi số trong cơ quan nhà nước. ") * 12


def markdown_page(index: int) -> str:
    table = "| STT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n"
    table += "".join(_ROW.format(n=n) for n in range(1, 41))
    return (f"## Phần {index}\n\n{_BODY}\n\n{table}\n\n### Tổ chức thực hiện\n\n{_BODY}\n")


def hugo_site(folder: Path, pages: int) -> Path:
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "layouts" / "_default" / "single.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}'
        "</title></head><body><main>{{ .Content }}</main></body></html>\n")
    (folder / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html lang=\"vi\"><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">"
        "{{ .Title }}</a>{{ end }}</body></html>\n")
    (folder / "config.toml").write_text(
        'baseURL = "http://localhost/"\nlanguageCode = "vi"\ntitle = "Hugo"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    content = folder / "content" / "posts"
    content.mkdir(parents=True)
    for n in range(pages):
        (content / f"trang-{n}.md").write_text(
            f'---\ntitle: "Trang {n}"\ndate: 2024-01-01\n---\n{markdown_page(n)}', encoding="utf-8")
    return folder


def pelican_site(folder: Path, pages: int) -> Path:
    content = folder / "content"
    content.mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(
        "AUTHOR = 'bench'\nSITENAME = 'Pelican'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "DEFAULT_LANG = 'vi'\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
        "DEFAULT_PAGINATION = 10\nLOAD_CONTENT_CACHE = False\n")
    for n in range(pages):
        (content / f"trang-{n}.md").write_text(
            f"Title: Trang {n}\nDate: 2024-01-01\n\n{markdown_page(n)}", encoding="utf-8")
    return folder


def minhbach_figures(project: Path, repeat: int) -> dict[str, float]:
    """Full builds (`--full`: the incremental cache would otherwise reuse the pages)."""
    check = best([str(MINHBACH), "check"], project, repeat)
    set_search(project, False)
    without = best([str(MINHBACH), "build", "--full"], project, repeat)
    set_search(project, True)
    with_index = best([str(MINHBACH), "build", "--full"], project, repeat)
    output = project / "output"
    files, size = tree_bytes(output)
    index_files, index_bytes = tree_bytes(output / "pagefind")
    indexed_pages, records = rebuilds.indexed(with_index.output)
    return {"pages": html_pages(output), "check": check.seconds, "check_mb": check.peak_mb,
            "check_cpu": check.cpu, "build": with_index.seconds, "build_mb": with_index.peak_mb,
            "build_cpu": with_index.cpu, "build_no_search": without.seconds,
            "build_no_search_mb": without.peak_mb, "build_no_search_cpu": without.cpu,
            "files": files, "bytes": size, "index_files": index_files, "index_bytes": index_bytes,
            "pagefind_mb": with_index.pagefind_mb, "indexed_pages": indexed_pages,
            "records": records,
            "search_phase": sum(p.seconds for p in rebuilds.phases(with_index.output)
                                if p.name == rebuilds.SEARCH_PHASE)}


def incremental_figures(project: Path) -> None:
    """Edits and incremental builds, search on, then the same with search off."""
    rebuilds.report(rebuilds.rebuild_all(project, MINHBACH, search=True))
    set_search(project, False)
    # The search setting is an input of every page: this build renders the site again.
    rebuilds.report([rebuilds.measure(project, MINHBACH, "search turned off", search=False)])
    rebuilds.report(rebuilds.rebuild_all(project, MINHBACH, search=False))


def engine_figures(folder: Path, pages: int, repeat: int) -> dict[str, Run | None]:
    figures: dict[str, Run | None] = {"hugo": None, "plain pelican": None}
    if shutil.which("hugo"):
        site = hugo_site(folder / "hugo", pages)
        figures["hugo"] = best(["hugo", "--quiet", "--destination", "public"], site, repeat)
    try:
        import markdown  # noqa: F401
    except ImportError:
        print("  (plain Pelican skipped: install the `bench` extra for Python-Markdown)")
    else:
        site = pelican_site(folder / "pelican", pages)
        figures["plain pelican"] = best([str(VENV_BIN / "pelican"), "content", "-o", "output", "-s",
                                   "pelicanconf.py", "-q"], site, repeat)
    return figures


def ratio(ours: float, theirs: Run | None) -> str:
    return f"{ours / theirs.seconds:.2f}×" if theirs else "—"


def report_ours(size: str, m: dict[str, float]) -> None:
    """Printed before the other engines run: at M and L they take minutes and Hugo's memory
    can kill the run, which must not lose figures already measured."""
    pagefind = m["build"] - m["build_no_search"]
    print(f"\n## {size}: {int(m['pages'])} HTML pages, {m['files']:.0f} files, "
          f"{m['bytes'] / 2**20:.1f} MB ({m['bytes'] / m['pages'] / 1024:.1f} KB a page)")
    print(f"minhbach check             {m['check']:8.1f} s   {m['check_mb']:7.0f} MB   "
          f"cpu {m['check_cpu']:.1f} s")
    print(f"minhbach build, no search  {m['build_no_search']:8.1f} s   "
          f"{m['build_no_search_mb']:7.0f} MB   {m['pages'] / m['build_no_search']:7.0f} pages/s"
          f"   cpu {m['build_no_search_cpu']:.1f} s")
    print(f"minhbach build, search     {m['build']:8.1f} s   {m['build_mb']:7.0f} MB   "
          f"{m['pages'] / m['build']:7.0f} pages/s   cpu {m['build_cpu']:.1f} s")
    print(f"  search share (on − off)  {pagefind:8.1f} s   index {m['index_bytes'] / 2**20:.1f} MB"
          f" in {m['index_files']:.0f} files")
    documents = m["indexed_pages"] + m["records"]
    print(f"  search phase {m['search_phase']:.1f} s for {documents:.0f} documents"
          f" ({m['indexed_pages']:.0f} pages + {m['records']:.0f} row records); Pagefind's own"
          f" peak {m['pagefind_mb']:.0f} MB ({m['pagefind_mb'] / documents * 1024:.0f} KB a"
          f" document)", flush=True)


def report_engines(m: dict[str, float], engines: dict[str, Run | None]) -> None:
    for name, run in engines.items():
        if run:
            print(f"{name:<27}{run.seconds:8.1f} s   {run.peak_mb:7.0f} MB   "
                  f"{m['pages'] / run.seconds:7.0f} pages/s   cpu {run.cpu:.1f} s   "
                  f"minhbach without search takes {ratio(m['build_no_search'], run)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", default=["S"], choices=sorted(SIZES))
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs")
    parser.add_argument("--keep", type=Path, help="generate here and keep it")
    args = parser.parse_args()
    print(f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.machine()}; best of {args.repeat}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"minhbach-bench-{size}-") as scratch:
            base = args.keep or Path(scratch)
            project = generate(size, base / "project")
            figures = minhbach_figures(project, args.repeat)
            report_ours(size, figures)
            page_weight.report(project / "output")
            subprocess.run([sys.executable, "-u", str(BENCH / "search_bytes.py"),
                            str(project / "output")], check=False)
            incremental_figures(project)
            report_engines(figures, engine_figures(base, int(figures["pages"]), args.repeat))


if __name__ == "__main__":
    main()
