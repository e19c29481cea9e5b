"""Flat tables of records, one per kind (articles, money, conversions, percentages, periods, quantities,
durations, entities), typed through pyarrow and written in batches so memory stays flat, as Parquet files,
CSV files or one DuckDB database.

Every item row carries the article id, the item's index in its list, the index and text of the sentence that
holds it, its offsets in the record's text and in the raw file. README "Tables" shows a pandas line and a
DuckDB query over them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from ..schema import Record

TableFormat = Literal["parquet", "csv", "duckdb"]
#: Rows gathered per kind before a batch is written.
BATCH_ROWS = 5000

_ITEM = [("article_id", pa.string()), ("index", pa.int32()), ("sentence", pa.int32()), ("sentence_text", pa.string()),
         ("start", pa.int32()), ("end", pa.int32()), ("raw_start", pa.int32()), ("raw_end", pa.int32()),
         ("text", pa.string())]
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([("article_id", pa.string()), ("url", pa.string()), ("publisher", pa.string()),
                           ("title", pa.string()), ("published", pa.string()), ("published_date", pa.date32()),
                           ("published_from", pa.string()), ("dateline_place", pa.string()),
                           ("dateline_date", pa.date32()), ("sentences", pa.int32()), ("entities", pa.int32()),
                           ("money", pa.int32()), ("percentages", pa.int32()), ("periods", pa.int32()),
                           ("quantities", pa.int32()), ("durations", pa.int32()), ("warnings", pa.list_(pa.string()))]),
    "money": pa.schema([*_ITEM, ("amount", pa.float64()), ("currency", pa.string()), ("qualifier", pa.string()),
                        ("usd", pa.float64()), ("conversion", pa.int32())]),
    "conversions": pa.schema([("article_id", pa.string()), ("index", pa.int32()), ("sentence", pa.int32()),
                              ("source", pa.int32()), ("target", pa.int32()), ("source_text", pa.string()),
                              ("target_text", pa.string()), ("source_currency", pa.string()),
                              ("target_currency", pa.string()), ("implied_rate", pa.float64()),
                              ("reference_rate", pa.float64()), ("deviation", pa.float64())]),
    "percentages": pa.schema([*_ITEM, ("value", pa.float64()), ("unit", pa.string()), ("kind", pa.string()),
                              ("direction", pa.string()), ("basis", pa.string())]),
    "periods": pa.schema([*_ITEM, ("first_day", pa.date32()), ("last_day", pa.date32()), ("timex", pa.string()),
                          ("relative", pa.bool_()), ("recurrence", pa.string())]),
    "quantities": pa.schema([*_ITEM, ("value", pa.float64()), ("unit", pa.string())]),
    "durations": pa.schema([*_ITEM, ("value", pa.string())]),
    "entities": pa.schema([*_ITEM, ("label", pa.string()), ("canonical", pa.string())]),
    "facts": pa.schema([("article_id", pa.string()), ("index", pa.int32()), ("sentence", pa.int32()),
                        ("sentence_text", pa.string()), ("subject", pa.string()), ("subject_text", pa.string()),
                        ("metric", pa.string()), ("metric_text", pa.string()), ("value_text", pa.string()),
                        ("amount", pa.float64()), ("currency", pa.string()), ("usd", pa.float64()),
                        ("quantity", pa.float64()), ("unit", pa.string()), ("change", pa.float64()),
                        ("change_unit", pa.string()), ("direction", pa.string()), ("basis", pa.string()),
                        ("share", pa.float64()), ("period_text", pa.string()), ("first_day", pa.date32()),
                        ("last_day", pa.date32()), ("timex", pa.string()), ("inherited", pa.list_(pa.string())),
                        ("money", pa.int32()), ("quantity_index", pa.int32()), ("change_index", pa.int32()),
                        ("share_index", pa.int32()), ("period", pa.int32())]),
}
KINDS = tuple(SCHEMAS)


def table_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows one record adds to each table."""
    starts = [s.start for s in record.sentences]

    def sentence_of(start: int) -> int | None:  # for conversions, and for items of older records
        i = bisect_right(starts, start) - 1
        return i if i >= 0 and start < record.sentences[i].end else None

    def item(index: int, it: Any) -> dict[str, Any]:
        s = it.sentence if it.sentence is not None else sentence_of(it.start)  # records before schema 2.2 lack it
        raw_start, raw_end = record.raw_span(it.start, it.end) if record.pieces else (None, None)
        return {"article_id": record.id, "index": index, "sentence": s,
                "sentence_text": record.text[record.sentences[s].start : record.sentences[s].end] if s is not None else None,
                "start": it.start, "end": it.end, "raw_start": raw_start, "raw_end": raw_end, "text": it.text}

    in_conversion = {}
    for k, c in enumerate(record.conversions):
        in_conversion.setdefault(c.source, k)
        in_conversion.setdefault(c.target, k)
    published = record.published
    rows: dict[str, list[dict[str, Any]]] = {
        "articles": [{
            "article_id": record.id, "url": record.url, "publisher": record.publisher, "title": record.title,
            "published": published, "published_date": date.fromisoformat(published[:10]) if published else None,
            "published_from": record.published_from,
            "dateline_place": record.dateline.place if record.dateline else None,
            "dateline_date": record.dateline.date if record.dateline else None,
            "sentences": len(record.sentences), "entities": len(record.entities), "money": len(record.money),
            "percentages": len(record.percentages), "periods": len(record.periods),
            "quantities": len(record.quantities), "durations": len(record.durations), "warnings": record.warnings}],
        "money": [item(i, m) | {"amount": m.amount, "currency": m.currency, "qualifier": m.qualifier, "usd": m.usd,
                                "conversion": in_conversion.get(i)} for i, m in enumerate(record.money)],
        "conversions": [{
            "article_id": record.id, "index": k, "sentence": sentence_of(record.money[c.source].start),
            "source": c.source, "target": c.target, "source_text": record.money[c.source].text,
            "target_text": record.money[c.target].text, "source_currency": record.money[c.source].currency,
            "target_currency": record.money[c.target].currency, "implied_rate": c.implied_rate,
            "reference_rate": c.reference_rate, "deviation": c.deviation} for k, c in enumerate(record.conversions)],
        "percentages": [item(i, p) | {"value": p.value, "unit": p.unit, "kind": p.kind, "direction": p.direction,
                                      "basis": p.basis} for i, p in enumerate(record.percentages)],
        "periods": [item(i, p) | {"first_day": p.first_day, "last_day": p.last_day, "timex": p.timex,
                                  "relative": p.relative, "recurrence": p.recurrence} for i, p in enumerate(record.periods)],
        "quantities": [item(i, q) | {"value": q.value, "unit": q.unit} for i, q in enumerate(record.quantities)],
        "durations": [item(i, d) | {"value": d.value} for i, d in enumerate(record.durations)],
        "entities": [item(i, e) | {"label": e.label, "canonical": e.canonical} for i, e in enumerate(record.entities)],
        "facts": [_fact_row(record, k, f) for k, f in enumerate(record.facts)],
    }
    return rows


def _fact_row(record: Record, index: int, fact: Any) -> dict[str, Any]:
    """One fact with every slot resolved to its value: the figure table."""
    m = record.money[fact.money] if fact.money is not None else None
    q = record.quantities[fact.quantity] if fact.quantity is not None else None
    c = record.percentages[fact.change] if fact.change is not None else None
    sh = record.percentages[fact.share] if fact.share is not None else None
    p = record.periods[fact.period] if fact.period is not None else None
    s = record.sentences[fact.sentence] if fact.sentence < len(record.sentences) else None
    return {"article_id": record.id, "index": index, "sentence": fact.sentence,
            "sentence_text": record.text[s.start : s.end] if s else None,
            "subject": fact.subject.canonical if fact.subject else None,
            "subject_text": fact.subject.text if fact.subject else None,
            "metric": fact.metric.name if fact.metric else None, "metric_text": fact.metric.text if fact.metric else None,
            "value_text": (m or q).text if (m or q) else None,
            "amount": m.amount if m else None, "currency": m.currency if m else None, "usd": m.usd if m else None,
            "quantity": q.value if q else None, "unit": q.unit if q else None,
            "change": c.value if c else None, "change_unit": c.unit if c else None,
            "direction": c.direction if c else None, "basis": c.basis if c else None,
            "share": sh.value if sh else None, "period_text": p.text if p else None,
            "first_day": p.first_day if p else None, "last_day": p.last_day if p else None,
            "timex": p.timex if p else None, "inherited": list(fact.inherited), "money": fact.money,
            "quantity_index": fact.quantity, "change_index": fact.change, "share_index": fact.share,
            "period": fact.period}


class _Sink:
    """Where the batches of every table go, in one of the three formats."""

    def __init__(self, out: Path, fmt: TableFormat) -> None:
        self.out, self.fmt = out, fmt
        self.writers: dict[str, Any] = {}
        if fmt == "duckdb":
            try:
                import duckdb
            except ImportError as exc:  # an optional dependency
                raise RuntimeError("the duckdb format needs the duckdb package: pip install 'xjextract[duckdb]'") from exc
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.exists():
                out.unlink()
            self.db = duckdb.connect(str(out))
        else:
            out.mkdir(parents=True, exist_ok=True)

    def write(self, kind: str, batch: pa.Table) -> None:
        if self.fmt == "parquet":
            import pyarrow.parquet as pq

            if kind not in self.writers:
                self.writers[kind] = pq.ParquetWriter(self.out / f"{kind}.parquet", batch.schema)
            self.writers[kind].write_table(batch)
        elif self.fmt == "csv":
            import pyarrow.csv as pcsv

            if kind not in self.writers:
                self.writers[kind] = pcsv.CSVWriter(self.out / f"{kind}.csv", _csv_schema(batch.schema))
            self.writers[kind].write_table(_for_csv(batch))
        else:
            if kind not in self.writers:
                self.db.execute(f'CREATE TABLE "{kind}" AS SELECT * FROM batch LIMIT 0')
                self.writers[kind] = True
            self.db.execute(f'INSERT INTO "{kind}" SELECT * FROM batch')

    def close(self) -> None:
        if self.fmt == "duckdb":
            self.db.close()
        else:
            for writer in self.writers.values():
                writer.close()


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_list(f.type) else f for f in schema])


def _for_csv(batch: pa.Table) -> pa.Table:
    """CSV has no lists: a list column (the article's warnings) is written joined by " | "."""
    columns = []
    for name in batch.column_names:
        col = batch[name]
        if pa.types.is_list(col.type):
            col = pa.array([" | ".join(v) if v is not None else None for v in col.to_pylist()], pa.string())
        columns.append(col)
    return pa.table(columns, names=batch.column_names)


def export_tables(records: Iterable[Record], out: Path, fmt: TableFormat) -> dict[str, int]:
    """Write the tables of ``records`` to ``out`` (a folder of ``<kind>.parquet`` or ``<kind>.csv`` files, or a
    DuckDB database file); returns the rows written per table. Every table is written, empty or not."""
    sink = _Sink(out, fmt)
    pending: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    counts = dict.fromkeys(KINDS, 0)

    def flush(kind: str) -> None:
        batch = pa.Table.from_pylist(pending[kind], schema=SCHEMAS[kind])
        sink.write(kind, batch)
        counts[kind] += len(pending[kind])
        pending[kind] = []

    try:
        for record in records:
            for kind, rows in table_rows(record).items():
                pending[kind].extend(rows)
                if len(pending[kind]) >= BATCH_ROWS:
                    flush(kind)
        for kind in KINDS:
            if pending[kind] or kind not in sink.writers:
                flush(kind)
    finally:
        sink.close()
    return counts
