"""Worker processes and a Dask cluster give the same output as one process, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS

from xjextract.cli import main
from xjextract.parallel import auto_workers, extract_bag, run_local
from xjextract.pipeline import read_article
from xjextract.settings import Settings


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus plus one undecodable file in the middle: its error must keep its place."""
    folder = tmp_path_factory.mktemp("in")
    for path in sorted(CORPUS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "150_broken.txt").write_bytes(b"\xff\xfe not text")
    return folder


@pytest.fixture(scope="module")
def one_worker(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("out") / "one.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--workers", "1", "-q"]) == 1  # the broken file
    return out.read_bytes()


def test_two_workers_equal_one_worker(inputs: Path, one_worker: bytes, tmp_path: Path) -> None:
    out = tmp_path / "two.jsonl"
    assert main(["extract", str(inputs), "-o", str(out), "--workers", "2", "-q"]) == 1
    assert out.read_bytes() == one_worker
    assert one_worker.count(b"\n") == len(list(CORPUS.glob("*.txt")))


def test_errors_keep_their_place_among_outcomes(inputs: Path) -> None:
    outcomes = list(run_local(sorted(inputs.glob("*.txt")), Settings(), workers=1))
    errors = [i for i, o in enumerate(outcomes) if o.error]
    names = sorted(p.name for p in inputs.glob("*.txt"))
    assert [names[i] for i in errors] == ["150_broken.txt"]
    assert "not UTF-8" in (outcomes[errors[0]].error or "")


def test_auto_workers_stays_at_one_for_small_inputs() -> None:
    assert auto_workers(1) == 1
    assert auto_workers(10_000) >= 1


def test_bad_workers_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(CORPUS), "--workers", "zero"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_dask_cluster_equals_local_run(inputs: Path, one_worker: bytes, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    import dask.bag as db

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "dask.jsonl"
        assert main(["extract", str(inputs), "-o", str(out), "--dask", cluster.scheduler_address, "-q"]) == 1
        assert out.read_bytes() == one_worker
        with distributed.Client(cluster):
            paths = sorted(CORPUS.glob("*.txt"))[:6]
            items = [read_article(p) for p in paths[:3]] + paths[3:]
            got = extract_bag(db.from_sequence(items, npartitions=2)).compute()
    local = [o.line for o in run_local(items, Settings(), workers=1)]
    assert [article_id for article_id, _, _ in got] == [p.stem for p in paths]
    assert [line for _, line, _ in got] == local
