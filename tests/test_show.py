"""xjextract show: a static page with the items highlighted, escaped, checked in a real headless browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CORPUS

from xjextract.cli import main
from xjextract.pipeline import extract_article
from xjextract.writers.html import KINDS, render_page

SEED = CORPUS / "003_d62f2ae918e7ea18.txt"


class _Marks(HTMLParser):
    """The highlighted items of a page (and any script element) as the DOM holds them."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.scripts = 0
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag == "mark" and dict(attrs).get("data-kind"):
            self._open = dict(attrs)["data-kind"]
            self.marks.append((self._open or "", ""))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            kind, text = self.marks[-1]
            self.marks[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open = None


def _marks(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


def test_article_text_is_escaped() -> None:
    raw = "Trade grows\n\nURUMQI, July 18 (Xinhua) -- <script>alert(1)</script> Trade rose 5 percent to 3 billion yuan.\n"
    page = render_page([extract_article(raw, "x")])
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert _marks(page).scripts == 0


def test_every_item_is_highlighted_once(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    assert main(["show", str(SEED), "-o", str(out)]) == 0
    record = extract_article(SEED.read_text(encoding="utf-8"), SEED.stem)
    marks = _marks(out.read_text(encoding="utf-8")).marks
    expected = sorted((kind, item.text) for kind in KINDS for item in getattr(record, kind))
    assert sorted(marks) == expected
    assert "83.68 billion yuan" in [t for k, t in marks if k == "money"]


def test_facts_are_drawn_with_links_to_their_items(tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    assert main(["show", str(SEED), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    record = extract_article(SEED.read_text(encoding="utf-8"), SEED.stem)
    assert page.count('<tr class="fact">') == len(record.facts) > 0
    first = next(f for f in record.facts if f.money is not None)
    assert f'href="#{record.id}-money-{first.money}"' in page.split('<table class="facts">')[1]


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_page_in_a_headless_browser(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium on this machine (.ci/run installs Debian's chromium when it can)")
    out = tmp_path / "view.html"
    assert main(["show", str(SEED), "-o", str(out)]) == 0
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400"]
    dom = subprocess.run([browser, *flags, "--dump-dom", out.as_uri()], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    marks = _marks(dom).marks
    record = extract_article(SEED.read_text(encoding="utf-8"), SEED.stem)
    assert len(marks) == sum(len(getattr(record, k)) for k in KINDS)
    assert ("money", "83.68 billion yuan") in marks and ("periods", "November 2023") in marks
    assert dom.count('<tr class="fact">') == len(record.facts) > 0  # the facts table, as the browser built it
    shot = tmp_path / "view.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", out.as_uri()], capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
