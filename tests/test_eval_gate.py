"""The evaluation gate: the full pipeline on corpus/ scored against gold/, compared with pinned floors.

Raise the floors after an improvement with one command:
    .venv/bin/xjextract evaluate --gold gold --baseline tests/eval_baseline.json --update-baseline
Lowering a floor needs --allow-lower as well, on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from xjextract.cli import main
from xjextract.evaluate import Counts, Evaluation, evaluate, format_table, gate, load_baseline, raise_floors
from xjextract.schema import Record

BASELINE = ROOT / "tests" / "eval_baseline.json"


@pytest.fixture(scope="module")
def evaluation(corpus_records: dict[str, tuple[str, Record]]) -> Evaluation:
    return evaluate(ROOT / "gold", {k: r for k, (_, r) in corpus_records.items()}, CORPUS)


def test_no_kind_falls_below_its_floor(evaluation: Evaluation) -> None:
    print(format_table(evaluation))  # shown with pytest -s, and on failure
    assert gate(evaluation, load_baseline(BASELINE)) == []


def test_every_scored_kind_has_a_floor(evaluation: Evaluation) -> None:
    floors = load_baseline(BASELINE)
    unpinned = [f"{k}@{m}" for (k, m), s in evaluation.scores.items() if s.micro.f1 is not None and f"{k}@{m}" not in floors]
    assert unpinned == [], "pin them with --update-baseline"


def one(kind: str, f1_counts: Counts) -> Evaluation:
    evaluation = Evaluation()
    evaluation.add(kind, "strict", f1_counts)
    return evaluation


def test_gate_reports_a_drop() -> None:
    assert gate(one("money", Counts(1, 1, 0)), {"money@strict": 0.7}) == [
        "money@strict: F1 0.667 is below its floor 0.700"]
    assert gate(one("money", Counts(1, 1, 0)), {"money@strict": 0.6}) == []
    assert gate(Evaluation(), {"money@strict": 0.1}) == ["money@strict: F1 0.000 is below its floor 0.100"]


def test_raising_is_one_call_and_lowering_needs_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"floors": {"money@strict": 0.5}}), encoding="utf-8")
    assert raise_floors(one("money", Counts(3, 1, 0)), path) == ["money@strict: 0.500 -> 0.857"]
    assert load_baseline(path) == {"money@strict": 0.857}
    with pytest.raises(ValueError, match="would go down"):
        raise_floors(one("money", Counts(1, 1, 0)), path)
    assert load_baseline(path) == {"money@strict": 0.857}
    raise_floors(one("money", Counts(1, 1, 0)), path, allow_lower=True)
    assert load_baseline(path) == {"money@strict": 0.666}


def test_evaluate_command_table_json_and_floors(capsys: pytest.CaptureFixture[str]) -> None:
    gold = str(ROOT / "gold")
    assert main(["evaluate", "--gold", gold, "--min-f1", "body=0.9", "--baseline", str(BASELINE)]) == 0
    out = capsys.readouterr().out
    assert "metadata:published" in out and "entities" in out
    assert main(["evaluate", "--gold", gold, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] >= 24 and any(s["kind"] == "body" for s in data["scores"])
    assert main(["evaluate", "--gold", gold, "--min-f1", "body=1.01"]) == 1
    assert "below floor: body@exact" in capsys.readouterr().err


def test_evaluate_predictions_file_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    preds = tmp_path / "p.jsonl"
    assert main(["extract", str(CORPUS / "000_0e780ba2c3dffdc5.txt"), "-o", str(preds), "-q"]) == 0
    assert main(["evaluate", "--gold", str(ROOT / "gold"), str(preds), "--errors"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("1 articles.")  # only the articles the predictions cover
    assert "no prediction" not in captured.err
    ids = "000_0e780ba2c3dffdc5,003_d62f2ae918e7ea18"
    assert main(["evaluate", "--gold", str(ROOT / "gold"), str(preds), "--errors", "--ids", ids]) == 0
    captured = capsys.readouterr()
    assert "no prediction" in captured.err
    assert "003_d62f2ae918e7ea18:" in captured.out  # asked for by --ids, scored as predicting nothing
    preds.write_text("{not json}\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(ROOT / "gold"), str(preds)]) == 2
    assert f"{preds}:1: not JSON" in capsys.readouterr().err
