import re

from babel.messages.pofile import read_po

from generator.site.i18n import catalogue_path, translations

from .conftest import PROJECT_ROOT

THEME = PROJECT_ROOT / "themes" / "minhbach"


def _msgids_in_templates() -> set[str]:
    found: set[str] = set()
    for template in (THEME / "templates").glob("*.html"):
        found |= set(re.findall(r"_\('([^']*)'\)", template.read_text(encoding="utf-8")))
    return found


def test_every_theme_string_has_a_vietnamese_translation() -> None:
    with catalogue_path(THEME).open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id for m in catalog if m.id and m.string}
    assert not _msgids_in_templates() - translated


def test_catalogue_compiles_and_translates() -> None:
    vi = translations(catalogue_path(THEME))
    assert vi.gettext("Plans") == "Kế hoạch"
    assert vi.gettext("Skip to content") == "Bỏ qua, đến nội dung chính"
