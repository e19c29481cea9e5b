"""A static HTML view of records: the text with every item highlighted by kind (its normalized value on hover
and in a side table), stated conversions with implied and reference rate, the removed boilerplate collapsed
with its reasons, the warnings. One page holds one article, or an index and every article of a run.

Everything taken from an article is escaped: a page that printed ``<script>`` shows it as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, Any

from ..schema import Record

if TYPE_CHECKING:
    from ..evaluate import ArticleMarks, Evaluation

KINDS = ("entities", "money", "percentages", "periods", "quantities", "durations")

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
article { display: grid; grid-template-columns: 3fr 2fr; gap: 2em; border-top: 1px solid #ccc; padding-top: 1em; }
mark { padding: 0 .15em; border-radius: .2em; }
.xj-entities { background: #dde7ff; } .xj-money { background: #ffe3a6; } .xj-percentages { background: #cdeec8; }
.xj-periods { background: #f4d3f0; } .xj-quantities { background: #d6f1f2; } .xj-durations { background: #eee2cf; }
table { border-collapse: collapse; font-size: 13px; width: 100%; } td, th { border-bottom: 1px solid #eee; padding: .2em .4em; text-align: left; }
.warn { color: #a33; } details { margin-top: 1em; font-size: 13px; }
mark.tp { outline: 2px solid #2a7d2a; } mark.fn { outline: 2px dotted #d97700; } mark.fp { outline: 2px dashed #c0262d; }
.scores td:nth-child(n+3) { text-align: right; }
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
    facts = "".join(_fact_row(record, f) for f in record.facts)
    removed = "".join(f"<li><b>{escape(r.reason)}</b>: {escape(r.preview)}</li>" for r in record.removed)
    warnings = "".join(f'<li class="warn">{escape(w)}</li>' for w in record.warnings)
    meta = " · ".join(escape(str(x)) for x in (record.publisher, record.published, record.url) if x)
    return (
        f'<article id="{escape(record.id)}"><div class="text"><h2>{escape(record.title or record.id)}</h2>'
        f"<p><small>{meta}</small></p>{paragraphs}"
        f'<details class="removed"><summary>Removed boilerplate ({len(record.removed)})</summary><ul>{removed}</ul></details>'
        f"</div><div class=\"side\">"
        + (f'<h3>Facts</h3><table class="facts"><tr><th>subject</th><th>metric</th><th>value</th><th>change</th>'
           f"<th>share</th><th>period</th></tr>{facts}</table>" if facts else "")
        + (f'<h3>Conversions</h3><table class="conversions"><tr><th>stated</th><th>implied</th><th>reference</th>'
           f"<th>deviation</th></tr>{conversions}</table>" if conversions else "")
        + f'<h3>Items</h3><table class="items"><tr><th>item</th><th>kind</th><th>value</th></tr>{rows}</table>'
        + (f'<h3>Warnings</h3><ul class="warnings">{warnings}</ul>' if warnings else "")
        + "</div></article>")


def _short(kind: str, item: Any) -> str:
    """A fact slot's value in a few characters (the full value is the link's title)."""
    if kind in ("money", "quantities"):
        number, unit = (item.amount, item.currency) if kind == "money" else (item.value, item.unit)
        for scale, word in ((1e12, " tn"), (1e9, " bn"), (1e6, " mn"), (1, "")):
            if abs(number) >= scale:
                return f"{number / scale:,.6g}{word} {unit}"
        return f"{number:g} {unit}"
    if kind == "percentages":
        sign = {"up": "+", "down": "-"}.get(item.direction or "", "")
        return f"{sign}{item.value:g}{'%' if item.unit == 'percent' else ' pp'}"
    if kind == "periods":
        return item.timex or item.text
    return _value(kind, item)


def _fact_row(record: Record, fact: Any) -> str:
    """One fact as a table row, each slot linked to its highlighted item; inherited slots in italics."""
    rid = escape(record.id)

    def link(kind: str, index: int | None, items: list[Any]) -> str:
        if index is None:
            return ""
        item = items[index]
        return (f'<a href="#{rid}-{kind}-{index}" title="{escape(_value(kind, item))}">'
                f"{escape(_short(kind, item))}</a>")

    def inherited(slot: str, html: str) -> str:
        return f'<i title="inherited from context">{html}</i>' if slot in fact.inherited and html else html

    value = (link("money", fact.money, record.money) if fact.money is not None
             else link("quantities", fact.quantity, record.quantities))
    subject = escape(fact.subject.canonical or fact.subject.text) if fact.subject else ""
    metric = escape(fact.metric.name) if fact.metric else ""
    return (f'<tr class="fact"><td>{inherited("subject", subject)}</td><td>{inherited("metric", metric)}</td>'
            f"<td>{value}</td><td>{link('percentages', fact.change, record.percentages)}</td>"
            f"<td>{link('percentages', fact.share, record.percentages)}</td>"
            f"<td>{inherited('period', link('periods', fact.period, record.periods))}</td></tr>")


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


def _pct(x: float | None) -> str:
    return "" if x is None else f"{100 * x:.1f}"


def render_marks(article_id: str, marks: ArticleMarks, errors: list[str]) -> str:
    """One article of an evaluation report: its gold headline and body from the raw file with every item
    marked by kind and outcome (TP solid, FN dotted: gold items; FP dashed: predicted), the list below."""
    order = {"tp": 0, "fn": 1, "fp": 2}
    spans = sorted(marks.marks, key=lambda m: (m.start, order[m.outcome], -m.end))
    paragraphs = []
    for n, (s, e) in enumerate(marks.stretches):
        pieces, pos = [], s
        for i, m in enumerate(spans):
            if m.start < pos or not (s <= m.start and m.end <= e):
                continue  # outside this stretch, or overlapping one already marked: in the list only
            pieces.append(escape(marks.raw[pos:m.start]))
            pieces.append(f'<mark class="xj-{m.kind} {m.outcome}" id="{escape(article_id)}-m{i}" data-kind="{m.kind}" '
                          f'data-outcome="{m.outcome}" title="{escape(f"{m.kind} {m.outcome.upper()}: {m.detail}")}">'
                          f"{escape(marks.raw[m.start:m.end])}</mark>")
            pos = m.end
        pieces.append(escape(marks.raw[pos:e]))
        tag = "h2" if n == 0 and len(marks.stretches) > 1 else "p"
        paragraphs.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    counts = {o: sum(1 for m in marks.marks if m.outcome == o) for o in order}
    rows = "".join(f'<tr><td>{m.kind}</td><td class="{m.outcome}">{m.outcome.upper()}</td><td>{escape(m.detail)}</td></tr>'
                   for m in spans if m.outcome != "tp")
    other = "".join(f"<li>{escape(e)}</li>" for e in errors if not e.split(" ", 2)[1:2] in (["FN"], ["FP"]))
    return (f'<article id="{escape(article_id)}"><div class="text"><p><small>{escape(article_id)} · '
            f"TP {counts['tp']} · FN {counts['fn']} · FP {counts['fp']}</small></p>{''.join(paragraphs)}</div>"
            f'<div class="side"><table class="misses"><tr><th>kind</th><th>outcome</th><th>item</th></tr>{rows}</table>'
            + (f"<ul>{other}</ul>" if other else "") + "</div></article>")


def render_report(evaluation: Evaluation, title: str = "xjextract evaluation") -> str:
    """An evaluation as one page: the score table, then each article with its items marked TP, FN or FP."""
    head = "<tr><th>kind</th><th>mode</th><th>tp</th><th>fp</th><th>fn</th><th>P</th><th>R</th><th>F1</th></tr>"
    rows = "".join(
        f"<tr><td>{escape(s.kind)}</td><td>{s.mode}</td><td>{s.micro.tp:g}</td><td>{s.micro.fp:g}</td>"
        f"<td>{s.micro.fn:g}</td><td>{_pct(s.micro.precision)}</td><td>{_pct(s.micro.recall)}</td>"
        f"<td>{_pct(s.micro.f1)}</td></tr>" for s in evaluation.ordered() if s.mode in ("exact", "value"))
    legend = (" ".join(f'<mark class="xj-{k}">{k}</mark>' for k in KINDS)
              + ' &nbsp; <mark class="tp">TP</mark> <mark class="fn">FN (missed)</mark> <mark class="fp">FP (spurious)</mark>')
    index = "<ul class=\"index\">" + "".join(
        f'<li><a href="#{escape(i)}">{escape(i)}</a> ({sum(1 for m in a.marks if m.outcome != "tp")} errors)</li>'
        for i, a in sorted(evaluation.marks.items())) + "</ul>"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>"
            f"<p>{evaluation.articles} articles; items matched by value (the table's value rows).</p>"
            f'<table class="scores">{head}{rows}</table><p>{legend}</p>{index}'
            + "".join(render_marks(i, a, evaluation.errors.get(i, [])) for i, a in sorted(evaluation.marks.items()))
            + "</body></html>\n")
