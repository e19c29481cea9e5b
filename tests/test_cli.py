"""The command line, called in-process with argument lists."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import CORPUS

from xjextract import __version__
from xjextract.cli import main
from xjextract.schema import Record

SEEDS = [CORPUS / "000_0e780ba2c3dffdc5.txt", CORPUS / "003_d62f2ae918e7ea18.txt"]


def records(text: str) -> list[Record]:
    return [Record.model_validate_json(line) for line in text.splitlines()]


def test_extract_files_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *map(str, SEEDS)]) == 0
    out, err = capsys.readouterr()
    recs = records(out)
    assert [r.id for r in recs] == ["000_0e780ba2c3dffdc5", "003_d62f2ae918e7ea18"]
    assert "2 records" in err and "0 failed" in err
    # the summary counts every list of the records, the facts included
    assert f"{sum(len(r.facts) for r in recs)} facts," in err and f"{sum(len(r.money) for r in recs)} money," in err


def test_extract_folder_to_file_in_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "b.txt").write_text((SEEDS[0]).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "sub" / "a.txt").write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out" / "r.jsonl"
    assert main(["extract", str(tmp_path / "in"), "-o", str(out)]) == 0
    assert [r.id for r in records(out.read_text(encoding="utf-8"))] == ["b", "a"]
    assert f"-> {out}" in capsys.readouterr().err


def test_bad_files_are_named_and_the_others_still_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Trade \xff\xfe grew")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    code = main(["extract", str(bad), str(SEEDS[0]), str(tmp_path / "missing.txt"), str(binary)])
    out, err = capsys.readouterr()
    assert code == 1
    assert [r.id for r in records(out)] == ["000_0e780ba2c3dffdc5"]
    assert f"{bad}: not UTF-8 text (byte 0xff at offset 6)" in err
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in err
    assert f"{binary}: binary file" in err
    assert "3 failed" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEEDS[1].read_bytes())))
    assert main(["extract", "-", "-q"]) == 0
    out, err = capsys.readouterr()
    (rec,) = records(out)
    assert rec.id == "stdin" and rec.source.path == "<stdin>" and rec.title is not None
    assert err == ""


def test_schema_command_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "money" in schema["properties"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_setting_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "x.toml"
    cfg.write_text("modle = 'x'\n", encoding="utf-8")
    assert main(["extract", str(SEEDS[0]), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert str(cfg) in err and "modle" in err


def test_empty_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path)]) == 2
    assert "the paths hold no *.txt or *.jsonl or *.html or *.htm files" in capsys.readouterr().err


def test_missing_model_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS[0]), "--model", "no_such_model"]) == 2
    err = capsys.readouterr().err
    assert "no spaCy model found (tried no_such_model)" in err and "Traceback" not in err


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "s.toml"
    cfg.write_text("min_files_for_progress = 2\n", encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", *map(str, SEEDS), "--config", str(cfg), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "2/2" in err and "article" in err  # tqdm's bar
