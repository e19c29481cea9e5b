"""xjextract table: one typed table per kind, every item row tied to its sentence and its raw offsets."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS

from xjextract.cli import main
from xjextract.schema import Record

SEED = CORPUS / "003_d62f2ae918e7ea18.txt"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("t") / "records.jsonl"
    files = [str(SEED), str(CORPUS / "000_0e780ba2c3dffdc5.txt")]
    assert main(["extract", *files, "-o", str(out), "-q"]) == 0
    return out


def _records(path: Path) -> list[Record]:
    return [Record.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_parquet_tables_are_typed_and_tie_items_to_sentences_and_raw_text(records: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables.parquet"
    assert main(["table", str(records), "-o", str(out), "-q"]) == 0
    recs = _records(records)
    money = pq.read_table(out / "money.parquet")
    assert money.num_rows == sum(len(r.money) for r in recs) > 0
    assert money.schema.field("amount").type == pa.float64()
    periods = pq.read_table(out / "periods.parquet")
    assert periods.schema.field("first_day").type == pa.date32()
    assert periods.num_rows == sum(len(r.periods) for r in recs)
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [a["article_id"] for a in articles] == [r.id for r in recs]
    assert articles[0]["published_date"] == datetime.date(2024, 2, 2)
    raw = SEED.read_text(encoding="utf-8")
    rows = [row for row in money.to_pylist() if row["article_id"] == recs[0].id]
    for row in rows:
        assert row["text"] in row["sentence_text"]
        assert raw[row["raw_start"] : row["raw_end"]] == row["text"]
        assert recs[0].text[row["start"] : row["end"]] == row["text"]
    yuan = next(row for row in rows if row["text"] == "83.68 billion yuan")
    assert yuan["amount"] == 83.68e9 and yuan["currency"] == "CNY" and yuan["conversion"] == 0
    for kind in ("conversions", "percentages", "quantities", "durations", "entities"):
        assert (out / f"{kind}.parquet").exists()


def test_csv_and_duckdb_hold_the_same_rows(records: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    assert main(["table", str(records), "-o", str(tmp_path / "csv"), "--format", "csv", "-q"]) == 0
    assert main(["table", str(records), "-o", str(tmp_path / "t.duckdb"), "-q"]) == 0
    csv_money = pcsv.read_csv(tmp_path / "csv" / "money.csv")
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    (n,) = con.execute("SELECT count(*) FROM money").fetchone()
    assert n == csv_money.num_rows == sum(len(r.money) for r in _records(records))
    (day,) = con.execute("SELECT min(first_day) FROM periods WHERE recurrence IS NULL").fetchone()
    assert isinstance(day, datetime.date)
    warnings = pcsv.read_csv(tmp_path / "csv" / "articles.csv").column("warnings").to_pylist()
    assert all(w is None or isinstance(w, str) for w in warnings)  # CSV has no lists: joined


def test_a_bad_line_costs_that_line_only(records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = tmp_path / "mixed.jsonl"
    lines = records.read_text(encoding="utf-8").splitlines()
    mixed.write_text("\n".join([lines[0], json.dumps({"id": "x"}), lines[1]]) + "\n", encoding="utf-8")
    assert main(["table", str(mixed), "-o", str(tmp_path / "t.parquet"), "-q"]) == 1
    assert "mixed.jsonl:2: not a valid record" in capsys.readouterr().err
    assert pq.read_table(tmp_path / "t.parquet" / "articles.parquet").num_rows == 2


def test_output_that_is_an_input_is_refused(records: Path) -> None:
    assert main(["table", str(records), "-o", str(records)]) == 2


def test_facts_table_resolves_every_slot(records: Path, tmp_path: Path) -> None:
    """The seed's lead fact as one row: Xinjiang, foreign trade, 200 billion CNY, +48.4, 2024-H1."""
    out = tmp_path / "tables.parquet"
    assert main(["table", str(records), "-o", str(out), "-q"]) == 0
    facts = pq.read_table(out / "facts.parquet")
    assert facts.schema.field("first_day").type == pa.date32() and facts.schema.field("amount").type == pa.float64()
    assert facts.num_rows == sum(len(r.facts) for r in _records(records))
    lead = next(r for r in facts.to_pylist() if r["article_id"].startswith("000") and r["amount"] == 200e9)
    assert (lead["subject"], lead["metric"], lead["currency"], lead["change"], lead["direction"]) == (
        "Xinjiang", "foreign_trade", "CNY", 48.4, "up")
    assert (lead["first_day"], lead["last_day"]) == (datetime.date(2024, 1, 1), datetime.date(2024, 6, 30))
    assert lead["usd"] is not None and lead["inherited"] == []
