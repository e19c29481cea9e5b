from __future__ import annotations

from typing import Any

import pytest
from conftest import CORPUS, load_cases

from xjextract.clean import clean_article

CASES = load_cases("clean.json")


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_cleaning_case(case: dict[str, Any]) -> None:
    raw = (CORPUS / case["file"]).read_text(encoding="utf-8") if "file" in case else case["raw"]
    art = clean_article(raw)
    for field in ("title", "publisher", "published"):
        if field in case:
            assert getattr(art, field) == case[field], field
    if "dateline" in case:
        got = art.dateline.model_dump(mode="json") if art.dateline else None
        assert got == case["dateline"]
    body = art.text[art.headline[1] :] if art.headline else art.text  # the headline is the first paragraph
    if art.headline:
        assert art.text[: art.headline[1]] == art.title or art.title is None
    if "paragraphs" in case:
        paragraphs = art.paragraphs[1:] if art.headline else art.paragraphs
        assert len(paragraphs) == case["paragraphs"], [art.text[s:e][:40] for s, e in paragraphs]
    for kept in case["kept"]:
        assert kept in body
    for gone in case["gone"]:
        assert gone not in body
    _assert_audit_complete(raw, case["name"])


def _assert_audit_complete(raw: str, name: str) -> None:
    """What is not kept is recorded as removed (white space aside), and nothing is both."""
    art = clean_article(raw)
    covered = [False] * len(raw)
    for p in art.pieces:
        assert art.text[p.start : p.start + p.length] == raw[p.raw_start : p.raw_start + p.length]
        for i in range(p.raw_start, p.raw_start + p.length):
            covered[i] = True
    for r in art.removed:
        assert r.start < r.end, f"{name}: an empty removal {r}"
        assert r.preview == raw[r.start : r.end][: len(r.preview)]
        for i in range(r.start, r.end):
            assert not covered[i], f"{name}: offset {i} both kept and removed"
            covered[i] = True
    missing = [i for i, c in enumerate(covered) if not c and not raw[i].isspace() and raw[i] != "\ufeff"]
    assert not missing, f"{name}: {raw[missing[0]:missing[0] + 40]!r} neither kept nor removed"


def test_every_raw_character_is_kept_removed_or_blank() -> None:
    """The audit trail is complete on every corpus page."""
    for path in sorted(CORPUS.glob("*.txt")):
        _assert_audit_complete(path.read_text(encoding="utf-8"), path.name)


def test_no_body_means_a_warning_not_a_crash() -> None:
    art = clean_article("Skip to Content Facebook Feature Image\n\nChina\n")
    assert art.text == ""
    assert any("no article body" in w for w in art.warnings)


def test_supplied_publication_date_fills_only_a_missing_one() -> None:
    from datetime import date

    raw = "Trade up\n\nTrade in the region grew by 5 percent last year, officials said.\n"
    assert clean_article(raw, date(2024, 3, 1)).published == "2024-03-01"
    assert clean_article(raw).published is None
    assert clean_article("Trade up\n\n2023-05-06\n\n" + raw.split("\n\n", 1)[1], date(2024, 3, 1)).published == "2023-05-06"


def test_a_home_breadcrumb_with_one_section_is_navigation_not_the_title() -> None:
    raw = ("xi's moments\nHome | Macro\n\nGuizhou growers boost cultivation, processing, sales\n\nBy ZHU WENQIAN in "
           "Beijing | China Daily | Updated: 2022-04-14 08:59\n\nLiupanshui grew 1,000 tonnes of kiwifruit in 2021.\n")
    cleaned = clean_article(raw)
    assert cleaned.title == "Guizhou growers boost cultivation, processing, sales"
    assert any(r.reason == "navigation" and raw[r.start:r.end] == "Home | Macro" for r in cleaned.removed)


def test_a_city_sites_widget_lines_are_navigation_not_the_title() -> None:
    raw = ("Date: Tmp: 中文版 Easy Web Browsing\nFront page big pictures recommended\n\n\nDate:2017-09-29 14:09:00\n\n"
           "  The total industrial output of Suzhou reached 3.5767 trillion yuan.\n")
    cleaned = clean_article(raw)
    assert cleaned.title is None
    removed = " ".join(raw[r.start:r.end] for r in cleaned.removed if r.reason == "navigation")
    assert "Easy Web Browsing" in removed and "Front page big pictures recommended" in removed


def test_a_graphics_title_is_the_headline_and_a_short_credit_stays_a_caption() -> None:
    raw = ("Download\nGraphics: A look at Hainan's duty-free shopping\nCGTN\n\n"
           "Duty-free sales on Hainan Island reached 43.7 billion yuan in 2023, the provincial department said.\n\n"
           "Graphics: A look at Hainan's duty-free shopping\n\nGraphic: Li Na/CGTN\n\n"
           "The island received 9.1 million shoppers in the year.\n")
    cleaned = clean_article(raw)
    assert cleaned.title == "Graphics: A look at Hainan's duty-free shopping"
    reasons = {raw[r.start:r.end]: r.reason for r in cleaned.removed}
    assert reasons["Graphics: A look at Hainan's duty-free shopping"] == "repeated headline"
    assert reasons["Graphic: Li Na/CGTN"] == "photo caption"


def test_a_photo_story_keeps_its_caption_as_the_body_without_the_credit() -> None:
    # a gallery page whose only text is its caption (devset d307's shape, own words): the caption is the story
    caption = ("Workers pack tea leaves at a factory in Wuyishan, southeast China's Fujian Province, May 8, 2023. The "
               "city's tea exports reached 312 million yuan in 2022, and its tea went to 48 countries and regions.")
    raw = (f"Wuyishan tea sold to 48 countries\n\nSource: Xinhua| 2023-05-09 10:12:40|Editor: LJ\n\n"
           f"{caption} (Xinhua/Zhang Wei)\n\nPrev 1 2 3 4 5\n")
    cleaned = clean_article(raw)
    assert cleaned.text.split("\n\n")[1:] == [caption]
    reasons = {raw[r.start:r.end].strip(): r.reason for r in cleaned.removed}
    assert reasons["(Xinhua/Zhang Wei)"] == "photo credit (a photo story: its caption is the body)"
    # with a story of its own, the same caption is still a caption
    story = raw.replace("Prev 1 2 3 4 5", "FUZHOU, May 9 (Xinhua) -- Fujian's tea exports rose 8 percent last year.")
    assert caption not in clean_article(story).text


def test_a_provincial_sites_banner_stray_date_and_widget_date_line() -> None:
    raw = ("The Official Website of the People's Government of Anhui Province Mobile 中文 Français 한국어 日本語\n\n"
           "3 March 2016\n\nHome>News>Business\n\nAnhui Car Exports Climb Again\n\n"
           "2019-06-11 Download Print Comment\n"
           "Between January and May this year, Anhui exported 61,000 cars, up 12 percent, the provincial customs said.\n")
    cleaned = clean_article(raw)
    assert cleaned.title == "Anhui Car Exports Climb Again"
    assert cleaned.published == "2019-06-11"
    reasons = {raw[r.start:r.end][:20]: r.reason for r in cleaned.removed}
    assert reasons["The Official Website"] == "site banner"
    assert reasons["2019-06-11 Download "] == "timestamp line"
    assert "3 March 2016" not in cleaned.text


@pytest.mark.parametrize("line", ["English Français Español Deutsch", "Русский Deutsch العربية"])
def test_a_row_of_language_links_is_dropped(line: str) -> None:
    raw = f"{line}\n\nHainan Tourism Grows\n\nHainan received 9 million visitors in May, up 8 percent, officials said.\n"
    cleaned = clean_article(raw)
    assert any(r.reason == "language links" for r in cleaned.removed)
    assert cleaned.title == "Hainan Tourism Grows"


def test_a_xinhua_pages_home_page_and_most_searched_lines_are_not_the_title() -> None:
    raw = ("Home Page | Photos | Video | Forum\nMake Us Your Home Page\nMost Searched: G20  CPC  AIIB  \n\n"
           "Hainan's GDP up 6.1 pct in Q2\n\nSource: Xinhua   2016-08-31 12:26:23\n\n"
           "HAIKOU, Aug. 31 (Xinhua) -- Hainan's gross domestic product grew 6.1 percent in the second quarter.\n")
    cleaned = clean_article(raw)
    assert cleaned.title == "Hainan's GDP up 6.1 pct in Q2"
    reasons = {raw[r.start:r.end]: r.reason for r in cleaned.removed}
    assert reasons["Home Page | Photos | Video | Forum\nMake Us Your Home Page"] == "navigation"  # merged
    assert reasons["Most Searched: G20  CPC  AIIB"].startswith("page widget")


def test_a_cookie_banners_title_line_is_part_of_the_notice() -> None:
    raw = ("Our Privacy Statement & Cookie Policy\n\nBy continuing to browse our site you agree to our use of cookies, "
           "revised Privacy Policy and Terms of Use.\n\nI agree\n\nWhat next for the marine economy?\n\nCGTN\n\n"
           "China's gross ocean product reached 10 trillion yuan in 2024, a report showed.\n")
    cleaned = clean_article(raw)
    assert cleaned.title == "What next for the marine economy?"
    assert "Cookie" not in cleaned.text
    assert any(r.reason == "cookie notice" and raw[r.start:r.end].startswith("Our Privacy") for r in cleaned.removed)


def test_a_city_sites_date_edit_source_line_gives_the_time() -> None:
    raw = ("Suzhou's trade rises\n\nDate:2018-01-23 15:48:00Edit:Editor of Suzhou ChinaSource:Suzhou Daily\n\n"
           "  Suzhou's foreign trade in 2017 totaled 2,139.49 billion yuan, up by 18.5% over the previous year.\n")
    cleaned = clean_article(raw)
    assert cleaned.published == "2018-01-23T15:48"
    assert "Edit:" not in cleaned.text and "Suzhou Daily" not in cleaned.text


def test_an_ecns_web_editor_line_names_the_agency_without_web() -> None:
    raw = ("China's sugar output threatened\n2014-07-27 09:24 Xinhua Web Editor: Li Yan\n\n"
           "China produced 11.76 million tonnes of sugar each year on average from 2006 to 2010, the plan said.\n")
    cleaned = clean_article(raw)
    assert cleaned.published == "2014-07-27T09:24"
    assert cleaned.publisher == "Xinhua"


def test_a_peoples_daily_follow_us_line_ends_the_story() -> None:
    raw = ("date 2020-10-28 Gold output drops\n\n(Xinhua)    09:17, October 28, 2020\n\n"
           "BEIJING, Oct. 27 (Xinhua) -- China produced 262.93 tonnes of gold in the first nine months.\n\n"
           "(For the latest China news, Please follow People's Daily on Twitter and Facebook)(Web editor: Wen Ying)\n")
    cleaned = clean_article(raw)
    assert "Twitter" not in cleaned.text
    assert cleaned.text.rstrip().endswith("first nine months.")
