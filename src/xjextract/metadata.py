"""Metadata an input gives besides its page text: the date and publisher its URL encodes, and publication
dates written in metadata fields (JSONL ``published``, HTML meta tags), read by rules in ``data/<lang>/urls.json``.

Which publication date a record gets, first that exists (``published_from`` says which):
``metadata`` (the input's own field), ``page`` (a date line the page prints), ``url`` (a year-month-day the
URL encodes), ``option`` (``--published`` / ``published=``).

>>> url_date("http://en.people.cn/n3/2024/0821/c90000-20209130.html")
datetime.date(2024, 8, 21)
>>> url_publisher("https://english.ehainan.gov.cn/2021-07/28/c_1.htm")
'ehainan.gov.cn'
>>> normalize_published("2024-07-18T18:36:12+08:00"), normalize_published("2024-07-18")
('2024-07-18T18:36', '2024-07-18')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from urllib.parse import urlsplit

from .resources import load_json

#: Date forms a metadata field may use besides ISO 8601 (which ``datetime.fromisoformat`` reads).
_FORMATS = ("%Y/%m/%d", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
            "%b. %d, %Y", "%Y%m%d", "%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %Z")
_TIME = re.compile(r"[T ]\d{1,2}:\d{2}")


@dataclass(frozen=True)
class _Rules:
    patterns: tuple[re.Pattern[str], ...]
    hosts: dict[str, str]
    provincial_suffix: str


@cache
def _rules(language: str) -> _Rules:
    data = load_json("urls.json", language)
    hosts = {k: v for k, v in data["hosts"].items() if not k.startswith("_")}
    return _Rules(tuple(re.compile(p) for p in data["patterns"]), hosts, data["provincial_suffix"])


def _host(url: str) -> str:
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def url_date(url: str | None, language: str = "en") -> date | None:
    """The publication day a URL's path encodes (only unambiguous year-month-day forms), or None."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for regex in _rules(language).patterns:
        for match in regex.finditer(path):
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue  # /2021/02/30/ is no date
    return None


def url_publisher(url: str | None, language: str = "en") -> str | None:
    """The publisher a URL's host names: the longest listed host suffix, else a provincial site's host."""
    host = _host(url or "")
    if not host:
        return None
    rules = _rules(language)
    listed = [k for k in rules.hosts if host == k or host.endswith("." + k)]
    if listed:
        return rules.hosts[max(listed, key=len)]
    if host.endswith(rules.provincial_suffix):
        return re.sub(r"^(?:www\.|english\.|en\.)+", "", host)
    return None


def normalize_published(value: object) -> str | None:
    """A metadata date as the record writes it: ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` when it has a time.

    Raises:
        ValueError: the value is not a date in a known form (the message quotes it).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")[:16]
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for form in _FORMATS:
            try:
                parsed = datetime.strptime(text, form)
                break
            except ValueError:
                continue
    if parsed is None:
        raise ValueError(f"published {text!r} is not a date (use ISO 8601: 2024-07-18 or 2024-07-18T18:36)")
    has_time = bool(_TIME.search(text))
    return parsed.isoformat(timespec="minutes")[:16] if has_time else parsed.date().isoformat()
