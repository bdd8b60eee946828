from generator.site import urls
from generator.site.sitemap import page_urls


def test_urls_are_ascii_and_saved_as_index_files() -> None:
    assert urls.plan_url("ag-792-kh-ubnd-2018") == "/ke-hoach/ag-792-kh-ubnd-2018/"
    assert urls.task_url("p", "i-1") == "/ke-hoach/p/nhiem-vu/i-1/"
    assert urls.report_url("p", "2018-quy-1") == "/ke-hoach/p/bao-cao/2018-quy-1/"
    assert urls.save_as("/ke-hoach/p/") == "ke-hoach/p/index.html"
    assert urls.save_as("/") == "index.html"
    assert urls.save_as("/404.html") == "404.html"


def test_plan_link_marker() -> None:
    assert urls.PLAN_LINK.findall("[a]({plan}ag-1) và [b]({plan}bd-2)") == ["ag-1", "bd-2"]


def test_sitemap_lists_folders_sorted() -> None:
    files = ["b/index.html", "a/c/index.html", "index.html", "a/style.css", "404.html"]
    assert page_urls(files) == ["/", "/a/c/", "/b/"]
