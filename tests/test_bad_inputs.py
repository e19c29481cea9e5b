"""Hostile but realistic inputs: what the user sees (records written and valid, the bad input named once, the
exit code, no traceback). Content cases are data in tests/cases/bad_inputs.json; cases about files, the
output, usage and processes are below.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, load_cases

from xjextract.cli import main
from xjextract.schema import Record
from xjextract.writers import jsonl

SEED = CORPUS / "003_d62f2ae918e7ea18.txt"
XJ = [sys.executable, "-m", "xjextract"]


def _content(spec: dict[str, Any]) -> bytes:
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    if "encode" in spec:
        codec, text = spec["encode"]
        return str(text).encode(codec)
    if "repeat" in spec:
        unit, times = spec["repeat"]
        return (spec.get("prefix", "") + unit * times + spec.get("suffix", "")).encode("utf-8")
    return str(spec["text"]).encode("utf-8")


def _records(path: Path) -> list[Record]:
    """Every line of an output file, validated: the writer's lines split on \\n only."""
    text = path.read_text(encoding="utf-8")
    return [Record.model_validate_json(line) for line in text.split("\n") if line]


def _check_stderr(err: str, errors: list[str]) -> None:
    assert "Traceback" not in err
    error_lines = [line for line in err.splitlines() if line.startswith("xjextract: error:")]
    for name in errors:
        assert sum(name in line for line in error_lines) == 1, (name, err)


@pytest.mark.parametrize("case", [c for _, c in load_cases("bad_inputs.json")],
                         ids=[i for i, _ in load_cases("bad_inputs.json")])
def test_bad_input_case(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    paths = [str(good)]
    for name, spec in case["files"].items():
        (tmp_path / name).write_bytes(_content(spec))
        paths.append(str(tmp_path / name))
    out = tmp_path / "out.jsonl"
    expect = case["expect"]
    assert main(["extract", *paths, "-o", str(out), *case.get("args", [])]) == expect["exit"]
    err = capsys.readouterr().err
    _check_stderr(err, expect.get("errors", []))
    for text in expect.get("stderr", []):
        assert text in err
    records = {r.id: r for r in _records(out)}
    assert list(records) == expect["records"]
    for text in expect.get("raw_output_lacks", []):
        assert text not in out.read_text(encoding="utf-8")
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(records)  # every reader sees one line each
    for article_id, checks in expect.get("record", {}).items():
        record = records[article_id]
        if checks.get("body"):
            assert record.text.strip()
        if "title" in checks:
            assert record.title == checks["title"]
        for kind in ("percentages", "money"):
            if kind in checks:
                assert [i.text for i in getattr(record, kind)] == checks[kind]
        values = {p.value for p in record.percentages} | {m.amount for m in record.money} | {
            q.value for q in record.quantities}
        for value in checks.get("not_values", []):
            assert value not in values
        if "warning" in checks:
            assert any(checks["warning"] in w for w in record.warnings), record.warnings


# --- files -----------------------------------------------------------------------------------------------


def test_output_named_as_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    assert main(["extract", str(article), "-o", str(article)]) == 2
    assert article.read_bytes() == SEED.read_bytes()
    err = capsys.readouterr().err
    assert "is also an input" in err and "Traceback" not in err


def test_output_inside_an_input_folder_is_never_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "records.txt"
    for _ in range(2):  # the second run finds the first run's output in the folder
        assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 0
        assert [r.id for r in _records(out)] == ["a"]


def test_name_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path)
    bad_name = os.path.join(folder, b"b\xff.txt")
    with open(bad_name, "wb") as handle:
        handle.write(SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 0
    (record,) = _records(out)
    assert record.id == "b\\xff" and record.source.path.endswith("b\\xff.txt")
    assert "Traceback" not in capsys.readouterr().err


def test_names_with_control_characters_are_printed_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad\x07\nname.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["extract", str(bad), "-o", str(tmp_path / "o.jsonl"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "bad\\x07\\nname.txt" in err and "\x07" not in err
    assert len(err.strip().splitlines()) == 1


def test_same_stem_gives_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "x-2.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "x-2.txt"), "-o", str(out), "-q"]) == 0
    assert [r.id for r in _records(out)] == ["x", "x-2", "x-2-2"]


def test_fifo_and_dangling_link_in_a_folder_are_skipped_with_a_warning(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 0
    assert [r.id for r in _records(out)] == ["a"]
    err = capsys.readouterr().err
    assert "pipe.txt: skipped: a FIFO" in err and "gone.txt: skipped: dangling symbolic link" in err


def test_fifo_on_the_command_line_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    done = subprocess.run([*XJ, "extract", str(tmp_path / "pipe.txt"), str(tmp_path / "a.txt"), "-q"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "pipe.txt: skipped: a FIFO" in done.stderr
    assert len(done.stdout.splitlines()) == 1


# --- the output: atomic writes, resume -------------------------------------------------------------------


def _full_disk(budget: int) -> Any:
    """A writer method whose writes fail with ENOSPC after ``budget`` lines."""
    left = [budget]

    def write(writer: jsonl.AtomicJsonlWriter, line: str) -> None:
        if left[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        left[0] -= 1
        assert writer._handle is not None
        writer._handle.write(line + "\n")
        writer._handle.flush()

    return write


def test_disk_full_leaves_the_previous_output_and_resume_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    names = sorted(CORPUS.glob("*.txt"))[:5]
    out = tmp_path / "out.jsonl"
    out.write_text("previous output\n", encoding="utf-8")
    monkeypatch.setattr(jsonl.AtomicJsonlWriter, "write", _full_disk(2))
    assert main(["extract", *map(str, names), "-o", str(out), "-q"]) == 1
    assert out.read_text(encoding="utf-8") == "previous output\n"
    err = capsys.readouterr().err
    assert "No space left on device" in err and "--resume" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    monkeypatch.undo()
    assert main(["extract", *map(str, names), "-o", str(out), "--resume", "-q"]) == 0
    ids = [r.id for r in _records(out)]
    assert ids == [p.stem for p in names]  # the two written before the disk filled, then the rest, in order
    assert not jsonl.partial_path(out).exists()


def test_resume_skips_complete_records_and_redoes_a_torn_one(tmp_path: Path) -> None:
    names = sorted(CORPUS.glob("*.txt"))[:3]
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, names[:2]), "-o", str(out), "-q"]) == 0
    first = out.read_text(encoding="utf-8").splitlines()
    out.write_text(first[0] + "\n" + first[1][:50], encoding="utf-8")  # the second record torn
    assert main(["extract", *map(str, names), "-o", str(out), "--resume", "-q"]) == 0
    assert [r.id for r in _records(out)] == [p.stem for p in names]
    assert out.read_text(encoding="utf-8").splitlines()[0] == first[0]


def test_resume_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--resume"]) == 2
    assert "--resume needs -o" in capsys.readouterr().err


def test_records_with_line_separators_are_read_back_by_evaluate(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    raw = SEED.read_text(encoding="utf-8").replace("Kashgar", "Kash\u2028gar", 1)
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "a.txt").write_text(raw, encoding="utf-8")
    (gold / "a.json").write_text(json.dumps({"id": "a", "metadata": {"title": None, "publisher": None, "published": None,
                                                                     "dateline": None}, "body": []}), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus / "a.txt"), "-o", str(out), "-q"]) == 0
    assert "\u2028" not in out.read_text(encoding="utf-8")
    assert main(["evaluate", str(out), "--gold", str(gold), "--corpus", str(corpus), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


# --- usage ---------------------------------------------------------------------------------------------


def _gold_dir(tmp_path: Path, gold: dict[str, Any], article: str | None = "a") -> tuple[Path, Path]:
    corpus, gold_dir = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold_dir.mkdir()
    if article:
        (corpus / f"{article}.txt").write_bytes(SEED.read_bytes())
    (gold_dir / f"{gold['id'] if '/' not in gold['id'] else 'x'}.json").write_text(json.dumps(gold), encoding="utf-8")
    return gold_dir, corpus


_META = {"title": None, "publisher": None, "published": None, "dateline": None}


@pytest.mark.parametrize(("name", "gold", "article", "message"), [
    ("gold without article", {"id": "a", "metadata": _META, "body": []}, None, "its article cannot be read"),
    ("span out of range", {"id": "a", "metadata": _META, "body": [[0, 5]],
                           "money": [{"start": 99990, "end": 99995, "text": "5 yen", "amount": 5, "currency": "JPY"}]},
     "a", "run `xjextract gold check`"),
    ("id outside the corpus", {"id": "../../x", "metadata": _META, "body": []}, "a", "is not the file's stem"),
])
def test_evaluate_refuses_bad_gold_in_one_line(name: str, gold: dict[str, Any], article: str | None, message: str,
                                               tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir, corpus = _gold_dir(tmp_path, gold, article)
    assert main(["evaluate", "--gold", str(gold_dir), "--corpus", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "message"), [
    (["evaluate", "--min-f1", "money=abc"], "--min-f1 wants"),
    (["evaluate", "--baseline", "BINARY"], "not a baseline file"),
    (["extract", "-", "-"], "can be given only once"),
    (["extract", str(SEED), "--model", "FILE"], "not a spaCy model folder"),
    (["extract", str(SEED), "--dask", "not an address!"], "cannot reach a Dask scheduler"),
    (["extract", str(SEED), "--workers", "0"], "--workers wants"),
])
def test_usage_errors_are_one_line_with_exit_2(args: list[str], message: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\xff\x00\x01")
    args = [str(binary) if a in ("BINARY", "FILE") else a for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_gold_draft_into_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "x.json"
    assert main(["gold", "draft", str(SEED), "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == SEED.stem


def test_workers_are_capped_at_the_number_of_chunks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--workers", "8", "-o", str(tmp_path / "o.jsonl")]) == 0
    assert "1 worker" in capsys.readouterr().err


def test_an_internal_error_is_one_line_and_its_traceback_needs_verbose(monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import xjextract.cli

    def broken(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(xjextract.cli, "_extract", broken)
    assert main(["extract", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "internal error, please report: RuntimeError: boom" in err and "Traceback" not in err
    assert main(["-v", "extract", str(SEED)]) == 1
    assert "Traceback" in capsys.readouterr().err


# --- processes: signals, pipes, killed workers -----------------------------------------------------------


def _many_inputs(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    sources = sorted(CORPUS.glob("*.txt"))
    for i in range(n):
        (folder / f"{i:04d}.txt").write_bytes(sources[i % len(sources)].read_bytes())
    return folder


def test_sigint_is_one_line_and_keeps_the_partial_output(tmp_path: Path) -> None:
    folder = _many_inputs(tmp_path, 400)
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    # A shell that starts the suite in the background (`make test &`, some CI runners) makes its children ignore
    # SIGINT, and Python then installs no KeyboardInterrupt handler: give the child the default back, as a
    # terminal's Ctrl-C would find it.
    proc = subprocess.Popen([*XJ, "extract", str(folder), "-o", str(out), "--workers", "1", "-q"],
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    partial = jsonl.partial_path(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 0):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "interrupted" in err and "--resume" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous\n" and partial.exists()


def test_closed_stdout_is_one_line(tmp_path: Path) -> None:
    folder = _many_inputs(tmp_path, 60)
    proc = subprocess.Popen([*XJ, "extract", str(folder), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1000)
    proc.stdout.close()  # the reader goes away, as `| head` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert proc.returncode == 1
    assert "broken pipe" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_killed_worker_is_reported_and_the_run_ends(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    folder = _many_inputs(tmp_path, 400)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*XJ, "extract", str(folder), "-o", str(out), "--workers", "2", "-q"],
                            stderr=subprocess.PIPE, text=True)
    me = psutil.Process(proc.pid)
    partial = jsonl.partial_path(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size > 0):
        time.sleep(0.2)
    workers = sorted(me.children(recursive=True), key=lambda c: -c.memory_info().rss)
    assert workers, "no worker process found"
    workers[0].kill()  # what the kernel's out-of-memory killer does to the largest process
    _, err = proc.communicate(timeout=300)
    assert "Traceback" not in err
    records = _records(out)
    lost = [line for line in err.splitlines() if ": lost: " in line]
    # The chunks in flight are rerun one article at a time: nothing is lost unless an article itself kills its
    # worker, and every article is either written or reported.
    assert len(records) + len(lost) == 400
    assert proc.returncode == (1 if lost else 0)
    assert "a worker process died" in err
