"""The gold validator must pass the real gold files and catch each kind of mistake."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, ROOT

from xjextract.cli import main
from xjextract.gold import GoldError, GoldFile, check_gold, check_gold_dir, draft_gold, load_gold
from xjextract.pipeline import extract_article, read_article

SEED = "003_d62f2ae918e7ea18"


def test_every_gold_file_is_valid() -> None:
    assert check_gold_dir(ROOT / "gold", CORPUS) == {}


def test_corpus_has_enough_articles_of_each_publisher(gold_files: dict[str, GoldFile]) -> None:
    publishers = [g.metadata.publisher for g in gold_files.values()]
    assert len(publishers) >= 24
    for name in ("CGTN", "Xinhua", "People's Daily", "China Daily", "ecns"):
        assert publishers.count(name) >= 3, name


def seed() -> tuple[dict[str, Any], str]:
    return json.loads((ROOT / "gold" / f"{SEED}.json").read_text(encoding="utf-8")), (CORPUS / f"{SEED}.txt").read_text(encoding="utf-8")


def _shift(d: dict[str, Any]) -> None:
    d["entities"][0]["start"] += 1
    d["entities"][0]["end"] += 1


def _dup(d: dict[str, Any]) -> None:
    d["entities"].insert(1, dict(d["entities"][0]))


def _outside(d: dict[str, Any]) -> None:
    d["body"] = d["body"][1:]


def _timex(d: dict[str, Any]) -> None:
    d["periods"][0]["timex"] = "2022"


def _label(d: dict[str, Any]) -> None:
    d["entities"][0]["label"] = "CITY"


def _unit(d: dict[str, Any]) -> None:
    d["quantities"][0]["unit"] = "tons"


def _conversion(d: dict[str, Any]) -> None:
    d["conversions"][0]["target"] = d["conversions"][0]["source"]


def _overlap(d: dict[str, Any]) -> None:
    d["body"][1][0] = d["body"][0][0] + 1


def _unsorted(d: dict[str, Any]) -> None:
    d["periods"].reverse()


def _direction(d: dict[str, Any]) -> None:
    share = next(p for p in d["percentages"] if p["kind"] == "share")
    share["direction"] = "up"


def _durations_alone(d: dict[str, Any]) -> None:
    d["durations"] = []
    d.pop("sets", None)


def _duration_text(d: dict[str, Any]) -> None:
    p = d["periods"][0]
    d["durations"] = [{"start": p["start"] + 1, "end": p["end"] + 1, "text": p["text"], "value": "P1Y"}]
    d["sets"] = []


@pytest.mark.parametrize(
    ("mutate", "message"),
    [(_durations_alone, "durations and sets are annotated together"), (_duration_text, "the raw file has"),
     (_shift, "the raw file has"), (_dup, "duplicate span"), (_outside, "not inside a body stretch"),
     (_timex, "does not follow from the days"), (_label, "unknown label"), (_unit, "unknown unit"),
     (_conversion, "two different money items"), (_overlap, "overlaps"), (_unsorted, "not sorted"),
     (_direction, "direction 'up' on a 'share'")],
    ids=lambda x: x.__name__.strip("_") if callable(x) else "",
)
def test_check_catches(mutate: Callable[[dict[str, Any]], None], message: str) -> None:
    data, raw = seed()
    assert check_gold(GoldFile.model_validate(data), raw, SEED) == []
    mutate(data)
    problems = check_gold(GoldFile.model_validate(data), raw, SEED)
    assert any(message in p for p in problems), problems


def test_check_catches_wrong_id() -> None:
    data, raw = seed()
    assert any("not the file's stem" in p for p in check_gold(GoldFile.model_validate(data), raw, "other"))


def test_malformed_gold_file_names_file_and_field(tmp_path: Path) -> None:
    data, _ = seed()
    data["money"][0]["currency"] = "yuan"
    data["extra"] = 1
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(path)
    assert str(path) in str(exc.value) and "money.0.currency" in str(exc.value) and "extra" in str(exc.value)


def test_gold_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gold", "check", "--gold", str(ROOT / "gold"), "--corpus", str(CORPUS)]) == 0
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpus").mkdir()
    shutil.copy(CORPUS / f"{SEED}.txt", tmp_path / "corpus")
    shutil.copy(CORPUS / "000_0e780ba2c3dffdc5.txt", tmp_path / "corpus")
    data, _ = seed()
    _shift(data)
    (tmp_path / "gold" / f"{SEED}.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["gold", "check", "--gold", str(tmp_path / "gold")]) == 1
    out = capsys.readouterr().out
    assert "the raw file has" in out and "000_0e780ba2c3dffdc5.txt: no gold file" in out


def test_draft_is_anchored_in_the_raw_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = extract_article(read_article(CORPUS / f"{SEED}.txt"))
    draft = draft_gold(record)
    raw = (CORPUS / f"{SEED}.txt").read_text(encoding="utf-8")
    assert check_gold(draft, raw, SEED) == []
    assert draft.metadata.published == "2024-02-02T16:14" and "DRAFT" in draft.notes
    out = tmp_path / "g.json"
    assert main(["gold", "draft", str(CORPUS / f"{SEED}.txt"), "-o", str(out)]) == 0
    assert load_gold(out) == draft.model_copy(update={"notes": load_gold(out).notes})
    assert main(["gold", "draft", str(CORPUS / f"{SEED}.txt"), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
