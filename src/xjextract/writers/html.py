"""A static HTML view of records: the text with every item highlighted by kind (its normalized value on hover
and in a side table), stated conversions with implied and reference rate, the removed boilerplate collapsed
with its reasons, the warnings. One page holds one article, or an index and every article of a run.

Everything taken from an article is escaped: a page that printed ``<script>`` shows it as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from ..schema import Record

KINDS = ("entities", "money", "percentages", "periods", "quantities", "durations")

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
article { display: grid; grid-template-columns: 3fr 2fr; gap: 2em; border-top: 1px solid #ccc; padding-top: 1em; }
mark { padding: 0 .15em; border-radius: .2em; }
.xj-entities { background: #dde7ff; } .xj-money { background: #ffe3a6; } .xj-percentages { background: #cdeec8; }
.xj-periods { background: #f4d3f0; } .xj-quantities { background: #d6f1f2; } .xj-durations { background: #eee2cf; }
table { border-collapse: collapse; font-size: 13px; width: 100%; } td, th { border-bottom: 1px solid #eee; padding: .2em .4em; text-align: left; }
.warn { color: #a33; } details { margin-top: 1em; font-size: 13px; }
"""


def _value(kind: str, item: Any) -> str:
    """The normalized value of an item, as the hover title and the side table show it."""
    if kind == "entities":
        return f"{item.label}: {item.canonical or item.text}"
    if kind == "money":
        usd = f", {item.usd:,.0f} USD" if item.usd is not None and item.currency != "USD" else ""
        return f"{item.amount:,.2f} {item.currency}{usd}"
    if kind == "percentages":
        extra = " ".join(x for x in (item.kind, item.direction, item.basis) if x)
        return f"{item.value:g} {item.unit} ({extra})"
    if kind == "periods":
        if item.recurrence:
            return f"every {item.recurrence}"
        return f"{item.first_day} to {item.last_day} ({item.timex})" if item.first_day else "no dates (no publication date)"
    if kind == "quantities":
        return f"{item.value:g} {item.unit}"
    return str(item.value)  # durations


def render_article(record: Record) -> str:
    """The ``<article>`` element of one record."""
    spans = sorted(((it.start, it.end, kind, i, it) for kind in KINDS for i, it in enumerate(getattr(record, kind))),
                   key=lambda s: (s[0], -s[1]))
    pieces, pos = [], 0
    for start, end, kind, index, item in spans:
        if start < pos:
            continue  # an item inside another one's span: listed in the table, not highlighted twice
        pieces.append(escape(record.text[pos:start]))
        pieces.append(f'<mark class="xj-{kind}" id="{escape(record.id)}-{kind}-{index}" data-kind="{kind}" '
                      f'title="{escape(_value(kind, item))}">{escape(record.text[start:end])}</mark>')
        pos = end
    pieces.append(escape(record.text[pos:]))
    body = "".join(pieces).split("\n\n")
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in body)
    rows = "".join(
        f'<tr><td><a href="#{escape(record.id)}-{kind}-{i}">{escape(it.text)}</a></td><td>{kind}</td>'
        f"<td>{escape(_value(kind, it))}</td></tr>"
        for kind in KINDS for i, it in enumerate(getattr(record, kind)))
    conversions = "".join(
        f'<tr><td><a href="#{escape(record.id)}-money-{c.source}">{escape(record.money[c.source].text)}</a> = '
        f'<a href="#{escape(record.id)}-money-{c.target}">{escape(record.money[c.target].text)}</a></td>'
        f"<td>{c.implied_rate:.4g}</td><td>{'' if c.reference_rate is None else f'{c.reference_rate:.4g}'}</td>"
        f"<td>{'' if c.deviation is None else f'{100 * c.deviation:+.1f}%'}</td></tr>"
        for c in record.conversions)
    removed = "".join(f"<li><b>{escape(r.reason)}</b>: {escape(r.preview)}</li>" for r in record.removed)
    warnings = "".join(f'<li class="warn">{escape(w)}</li>' for w in record.warnings)
    meta = " · ".join(escape(str(x)) for x in (record.publisher, record.published, record.url) if x)
    return (
        f'<article id="{escape(record.id)}"><div class="text"><h2>{escape(record.title or record.id)}</h2>'
        f"<p><small>{meta}</small></p>{paragraphs}"
        f'<details class="removed"><summary>Removed boilerplate ({len(record.removed)})</summary><ul>{removed}</ul></details>'
        f"</div><div class=\"side\"><table class=\"items\"><tr><th>item</th><th>kind</th><th>value</th></tr>{rows}</table>"
        + (f'<h3>Conversions</h3><table class="conversions"><tr><th>stated</th><th>implied</th><th>reference</th>'
           f"<th>deviation</th></tr>{conversions}</table>" if conversions else "")
        + (f'<h3>Warnings</h3><ul class="warnings">{warnings}</ul>' if warnings else "")
        + "</div></article>")


def render_page(records: Iterable[Record], title: str = "xjextract") -> str:
    """A whole page: an index of the articles (when there are several), then each article."""
    records = list(records)
    index = ("<ul class=\"index\">" + "".join(
        f'<li><a href="#{escape(r.id)}">{escape(r.title or r.id)}</a> ({sum(len(getattr(r, k)) for k in KINDS)} items)</li>'
        for r in records) + "</ul>") if len(records) > 1 else ""
    legend = " ".join(f'<mark class="xj-{k}">{k}</mark>' for k in KINDS)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1><p>{legend}</p>{index}"
            + "".join(render_article(r) for r in records) + "</body></html>\n")
