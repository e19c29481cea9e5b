"""benchmarks/agreement.py: two annotators' gold folders scored against each other."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_0e780ba2c3dffdc5"


def _agreement_module():
    spec = importlib.util.spec_from_file_location("agreement", ROOT / "benchmarks" / "agreement.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(ROOT / "gold" / f"{SEED}.json", folder)
    return folder


def test_identical_folders_agree_fully(tmp_path):
    evaluation, differences = _agreement_module().agreement(_copy(tmp_path, "a"), _copy(tmp_path, "b"))
    facts = evaluation.scores[("facts", "value")].micro
    assert evaluation.articles == 1 and facts.fp == 0 and facts.fn == 0 and facts.tp > 0
    assert differences == {}


def test_a_different_subject_and_a_missing_fact_are_disagreements(tmp_path):
    a, b = _copy(tmp_path, "a"), _copy(tmp_path, "b")
    path = b / f"{SEED}.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    total = len(gold["facts"])
    gold["facts"][0]["subject"] = "Kazakhstan"
    del gold["facts"][-1]
    path.write_text(json.dumps(gold), encoding="utf-8")
    evaluation, differences = _agreement_module().agreement(a, b)
    facts = evaluation.scores[("facts", "value")].micro
    assert (facts.tp, facts.fp, facts.fn) == (total - 2, 1, 2)
    subject = evaluation.scores[("facts:subject", "value")].micro
    assert subject.fp == 1
    assert any("WRONG" in line and "Kazakhstan" in line for line in differences[SEED])
    assert any(line.startswith("facts FN") for line in differences[SEED])


def test_articles_only_one_folder_holds_are_skipped(tmp_path):
    a, b = _copy(tmp_path, "a"), tmp_path / "b"
    b.mkdir()
    evaluation, _ = _agreement_module().agreement(a, b)
    assert evaluation.articles == 0


def test_an_item_one_annotator_reads_differently_is_listed_on_both_sides(tmp_path):
    a, b = _copy(tmp_path, "a"), _copy(tmp_path, "b")
    path = b / f"{SEED}.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    gold["entities"][0]["canonical"] = "Somewhere Else"
    path.write_text(json.dumps(gold), encoding="utf-8")
    evaluation, differences = _agreement_module().agreement(a, b)
    entities = evaluation.scores[("entities", "value")].micro
    assert (entities.fp, entities.fn) == (1, 1)
    assert any(line.startswith("entities only A") for line in differences[SEED])
    assert any(line.startswith("entities only B") and "Somewhere Else" in line for line in differences[SEED])
