"""Input formats: page, plain text, JSONL, HTML; dates from metadata, the page, the URL and the option."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ROOT, load_cases

import xjextract
from xjextract.cli import main
from xjextract.metadata import normalize_published, url_date, url_publisher
from xjextract.pipeline import extract_article, read_article
from xjextract.readers.html import page_text, read_html
from xjextract.schema import Record

HTML = ROOT / "tests" / "fixtures" / "html"
PAGES = sorted(HTML.glob("*.html"))
#: Figures the fixtures hide in <script>, <style>, comments and <noscript>: none may become an item.
DECOYS = {917e9, 77.7, 66.6, 888e6, 44.4, 19.19, 2468e9, 81.8, 6.66e9, 27.27, 702e6, 31.9, 123.45e6, 73.1, 8.88e9,
          13.13, 4.35, 555e6, 42.42}
KINDS = ("money", "percentages", "periods", "quantities", "entities")


def _records(text: str) -> list[Record]:
    return [Record.model_validate_json(line) for line in text.split("\n") if line]


def _items(record: Record) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    return {k: [(i.text, i.model_dump(exclude={"start", "end", "text"})) for i in getattr(record, k)] for k in KINDS}


# --- URL dates and metadata dates ------------------------------------------------------------------------


@pytest.mark.parametrize("case", [c for _, c in load_cases("url_dates.json")], ids=[i for i, _ in load_cases("url_dates.json")])
def test_url_date_and_publisher(case: dict[str, Any]) -> None:
    got = url_date(case["url"])
    assert (got.isoformat() if got else None) == case["date"]
    assert url_publisher(case["url"]) == case["publisher"]


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-07-18", "2024-07-18"), ("2024-07-18T18:36:12+08:00", "2024-07-18T18:36"), ("2024-07-18 18:36", "2024-07-18T18:36"),
    ("2024/07/18", "2024-07-18"), ("July 18, 2024", "2024-07-18"), ("Thu, 18 Jul 2024 10:36:00 GMT", "2024-07-18T10:36"),
    (date(2024, 7, 18), "2024-07-18"), (None, None), ("", None),
])
def test_metadata_dates(value: object, expected: str | None) -> None:
    assert normalize_published(value) == expected


def test_a_metadata_date_that_is_not_a_date_is_refused() -> None:
    with pytest.raises(ValueError, match="not a date"):
        normalize_published("last Tuesday")


@pytest.mark.parametrize(("metadata", "page", "url", "option", "published", "source"), [
    ("2024-07-01", True, True, True, "2024-07-01", "metadata"),
    (None, True, True, True, "2024-07-18T18:36", "page"),
    (None, False, True, True, "2024-07-20", "url"),
    (None, False, False, True, "2024-07-21", "option"),
    (None, False, False, False, None, None),
    ("2024-07-18", True, False, False, "2024-07-18T18:36", "page"),  # the page gives the time of that day
])
def test_publication_date_precedence(metadata: str | None, page: bool, url: bool, option: bool,
                                     published: str | None, source: str | None) -> None:
    body = "URUMQI, July 18 (Xinhua) -- Trade in Xinjiang grew 5 percent in the first half, officials said."
    text = ("Xinjiang trade grows fast\n\n2024-07-18 18:36 Last Updated At:19:07\n\n" if page else "") + body
    record = xjextract.extract_text(text, published=metadata, publication="2024-07-21" if option else None,
                                    url="https://news.cgtn.com/news/2024-07-20/x/p.html" if url else None)
    assert (record.published, record.published_from) == (published, source)
    assert (record.published is None) == any(w.startswith("no publication date") for w in record.warnings)


@pytest.mark.parametrize("case", [c for _, c in load_cases("formats.json")], ids=[i for i, _ in load_cases("formats.json")])
def test_format_case(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / case["name"]
    path.write_text(case["input"], encoding="utf-8")
    assert main(["extract", str(path), "-q", *case["args"]]) == 0
    records = _records(capsys.readouterr().out)
    assert [r.id for r in records] == [e["id"] for e in case["expect"]]
    for record, expect in zip(records, case["expect"]):
        for key in ("title", "published", "published_from", "publisher"):
            if key in expect:
                assert getattr(record, key) == expect[key], key
        for kind, value in (("money", "text"), ("percentages", "text"), ("periods", "timex"), ("entities", "canonical")):
            if kind in expect:
                assert [getattr(i, value) for i in getattr(record, kind)] == expect[kind], kind


# --- plain text --------------------------------------------------------------------------------------------


PASTES = {
    "one line": "Exports rose 5 percent to 3 billion yuan in the first half of 2023",
    "PDF paste": "Exports rose 5 percent to 3 billion\nyuan in the first half of the year,\naccording to the "
                 "customs office of the\nregion, which said trade would keep growing",
    "two lines": "Exports rose 5 percent to 3 billion yuan in the first half\nof the year, the customs said",
}


@pytest.mark.parametrize("name", PASTES)
def test_pastes_as_plain_text(name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PASTES[name].encode())))
    assert main(["extract", "-", "--format", "text", "--published", "2023-07-15", "-q"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert [(m.text, m.amount, m.currency) for m in record.money] == [("3 billion yuan", 3e9, "CNY")]
    assert [(p.value, p.kind, p.direction) for p in record.percentages] == [(5.0, "change", "up")]
    assert [(p.first_day, p.last_day) for p in record.periods] == [(date(2023, 1, 1), date(2023, 6, 30))]
    assert record.title is None and record.published_from == "option" and record.source.format == "text"
    assert len(record.sentences) >= 1 and "\n" not in record.text  # hard-wrapped lines joined into one paragraph
    for item in [*record.money, *record.percentages, *record.periods]:
        start, end = record.raw_span(item.start, item.end)
        assert " ".join(PASTES[name][start:end].split()) == " ".join(item.text.split())


def test_plain_text_keeps_a_page_headline_as_body() -> None:
    record = xjextract.extract_text("Xinjiang trade grows fast\n\nTrade rose 5 percent in 2023.", format="text")
    assert record.title is None and record.text.startswith("Xinjiang trade grows fast")


def test_a_one_line_page_without_a_full_stop_keeps_its_line_as_body() -> None:
    record = xjextract.extract_text(PASTES["one line"], format="page", publication="2023-07-15")
    assert record.text == PASTES["one line"] and [m.text for m in record.money] == ["3 billion yuan"]


# --- JSONL ---------------------------------------------------------------------------------------------------


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "scraped.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_lines_take_their_date_from_the_url_or_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = (CORPUS / "000_0e780ba2c3dffdc5.txt").read_text(encoding="utf-8")
    body = "URUMQI, Aug. 20 (Xinhua) -- Trade in Xinjiang grew 5 percent in the first seven months, officials said."
    path = _jsonl(tmp_path, [
        json.dumps({"id": "a", "url": "http://en.people.cn/n3/2024/0821/c90000-20209130.html", "text": body}),
        json.dumps({"id": "b", "url": "https://www.globaltimes.cn/page/202407/1300001.shtml", "text": page}),
        json.dumps({"id": "c", "url": "https://english.news.cn/20231109/abc/c.html", "text": body,
                    "published": "2023-11-10", "source_domain": "news.cn", "authors": ["A"]}),
    ])
    assert main(["extract", str(path), "-q"]) == 0
    a, b, c = _records(capsys.readouterr().out)
    assert (a.published, a.published_from, a.url, a.publisher) == ("2024-08-21", "url", json.loads(
        path.read_text().splitlines()[0])["url"], "People's Daily")
    assert (b.published, b.published_from) == ("2024-07-18T18:36", "page")
    assert (c.published, c.published_from, c.meta) == ("2023-11-10", "metadata", {"source_domain": "news.cn", "authors": ["A"]})
    assert [p.timex for p in a.periods] == ["2024-01/2024-07"]
    assert a.source.path.endswith("scraped.jsonl:1") and c.source.path.endswith("scraped.jsonl:3")


def test_a_bad_jsonl_line_names_file_and_line_and_the_others_go_on(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    good = json.dumps({"text": "URUMQI (Xinhua) -- Trade rose 5 percent in 2023, officials said on Monday."})
    path = _jsonl(tmp_path, [good, "{not json", json.dumps({"title": "no text"}), json.dumps({"text": 5}),
                             json.dumps({"text": "x", "published": "someday"}), good])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert [r.id for r in _records(out.read_text(encoding="utf-8"))] == ["scraped:1", "scraped:6"]
    for line in (2, 3, 4, 5):
        assert f"scraped.jsonl:{line}: " in err
    assert "not JSON" in err and 'with a "text" string' in err and "not a date" in err and "Traceback" not in err


def test_jsonl_text_format_and_stdin_with_many_articles(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    lines = [json.dumps({"id": str(i), "text": "Trade report\n\nTrade rose 5 percent in 2023."}) for i in range(3)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(lines).encode())))
    assert main(["extract", "-", "--format", "jsonl", "--text-format", "text", "-q"]) == 0
    records = _records(capsys.readouterr().out)
    assert [r.id for r in records] == ["0", "1", "2"]
    assert all(r.text.startswith("Trade report") and r.title is None for r in records)  # text: no headline


def test_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    """A JSONL file is never read whole: the reader yields its first article before the file has an end."""
    from xjextract.readers.jsonl import iter_jsonl_lines

    def endless() -> Any:
        n = 0
        while True:
            n += 1
            yield json.dumps({"id": str(n), "text": "Trade rose."}) + "\n"

    stream = iter_jsonl_lines(endless(), "x.jsonl", "x")  # type: ignore[arg-type]
    assert [next(stream).id for _ in range(3)] == ["1", "2", "3"]  # type: ignore[union-attr]


# --- HTML ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_html_page_gives_the_items_of_its_text_scrape(page: Path) -> None:
    scrape = extract_article(read_article(CORPUS / f"{page.stem}.txt"))
    record = xjextract.extract_file(page)
    assert _items(record) == _items(scrape)
    assert record.title == scrape.title and record.published == scrape.published and record.url
    assert record.source.format == "html"
    values = {m.amount for m in record.money} | {p.value for p in record.percentages}
    assert not values & DECOYS
    visible = page_text(page.read_text(encoding="utf-8"))
    assert "gtag" not in visible and "var " not in visible and "<" not in visible  # no script, style or tag
    for item in [*record.money, *record.entities]:  # offsets index the visible text
        start, end = record.raw_span(item.start, item.end)
        assert visible[start:end] == item.text


def test_html_without_a_known_layout_uses_trafilatura(tmp_path: Path) -> None:
    html = ("<html><head><title>Port traffic grows</title></head><body><nav><a>Home</a> <a>World</a></nav>"
            "<article><h1>Port traffic grows</h1><p>The port handled 5 million TEUs in 2023, up 7 percent from a "
            "year earlier, the operator said.</p><p>Exports through it reached 3 billion yuan, an increase of 12 "
            "percent, the operator added in a statement.</p></article>"
            "<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer>"
            "<script>var x = '900 billion yuan';</script></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    record = xjextract.extract_file(path)
    assert [m.text for m in record.money] == ["3 billion yuan"]
    assert "Copyright" not in record.text and "Home" not in record.text
    assert any(r.reason.endswith("(trafilatura)") for r in record.removed)


def test_a_txt_that_is_html_is_read_as_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = PAGES[0]
    saved = tmp_path / "page.txt"
    saved.write_bytes(page.read_bytes())
    assert main(["extract", str(saved), "-q"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert record.source.format == "html" and record.money
    assert "looks like an HTML page: read as html" in " ".join(record.warnings)


def test_every_format_through_two_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, page in enumerate(PAGES):
        (folder / f"{i}.html").write_bytes(page.read_bytes())
        (folder / f"{i}.txt").write_bytes((CORPUS / f"{page.stem}.txt").read_bytes())
    (folder / "x.jsonl").write_text("\n".join(json.dumps({"id": f"j{i}", "text": (CORPUS / f"{p.stem}.txt").read_text()})
                                              for i, p in enumerate(PAGES * 4)) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(folder), "-o", str(one), "--workers", "1", "-q"]) == 0
    assert main(["extract", str(folder), "-o", str(two), "--workers", "2", "-q"]) == 0
    assert one.read_bytes() == two.read_bytes() and len(_records(one.read_text())) == 30


def test_python_dash_m_is_the_console_script() -> None:
    done = subprocess.run([sys.executable, "-m", "xjextract", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and xjextract.__version__ in done.stdout


def test_extract_file_refuses_jsonl_and_iter_records_reads_it(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"id": "a", "text": "Trade rose 5 percent."}), "oops"])
    with pytest.raises(ValueError, match="iter_records"):
        xjextract.extract_file(path)
    got = list(xjextract.iter_records([path]))
    assert isinstance(got[0], Record) and isinstance(got[1], xjextract.ArticleError)
