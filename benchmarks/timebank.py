"""Time expressions on TempEval-3's TimeBank: span and value P/R/F1 of xjextract's periods against TIMEX3 gold.

Run: .venv/bin/python benchmarks/timebank.py MIRROR [--part dev|heldout|all] [--errors N] [--json OUT]

MIRROR is a local copy of the public repository jspotter/TempEval-3: a checked-out folder, or the bare git
directory the project's search tool fetches (it is read with `git show`). Its files are never copied into
this repository. Only data/TBAQ-cleaned/TimeBank/*.tml is read: the AQUAINT folder beside it is reserved for
independent evaluation and is never opened.

Scope (as the issue defines it): TIMEX3 of type DATE whose value is a concrete stretch of days: a year
(1998), a decade (199 = the 1990s), a half (1998-H1), a quarter (1998-Q3), a month (1998-02), an ISO week
(1998-W05) or a day (1998-02-15). Each document is read as plain text (`--format text`) with its document
creation time as the publication date. A predicted period that overlaps an out-of-scope TIMEX3 (a duration,
a time of day, PRESENT_REF, ...) is neither right nor wrong and is left out; one that overlaps no TIMEX3 is
a false positive.

Parts: the 183 documents are split by a hash of their file name into `dev` (about two thirds: the rules are
fixed reading its errors) and `heldout` (the rest: measured at the first look and at the end only, its errors
never printed for fixing). `--part all` scores both together. The default is `dev`.

Scores: span strict (same offsets), span relaxed (overlap), value (overlap and the same first and last day,
or, for a modified time, see `value_matches`).
Errors are grouped by type: missed (no prediction overlaps), spurious, wrong value (with the gold and the
predicted stretch).
"""

from __future__ import annotations

import argparse
import hashlib
import calendar
import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

FOLDER = "data/TBAQ-cleaned/TimeBank"
RESERVED = "AQUAINT"


def part_of(name: str) -> str:
    """``heldout`` for about a third of the documents (by a hash of the name, stable across machines), else ``dev``."""
    return "heldout" if int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0 else "dev"


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    days: tuple[date, date] | None  # None: out of scope
    mod: str = ""


def value_days(value: str) -> tuple[date, date] | None:
    """The first and last day of a TIMEX3 value in scope, else None."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), date(y, 6 * h, 30 if h == 1 else 31)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
    except ValueError:
        return None
    return None


def _files(mirror: Path) -> list[tuple[str, str]]:
    """``(name, xml)`` of every TimeBank document, from a folder or a bare git directory."""
    folder = mirror / FOLDER
    if folder.is_dir():
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.tml"))
                if not p.name.startswith("._")]
    git = ["git", "--git-dir", str(mirror)]
    names = subprocess.run([*git, "ls-tree", "--name-only", "HEAD", FOLDER + "/"], capture_output=True, text=True,
                           check=True).stdout.split()
    out = []
    for name in names:
        base = name.rsplit("/", 1)[-1]
        if RESERVED in name or base.startswith("._") or not base.endswith(".tml"):
            continue
        xml = subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout.decode("utf-8")
        out.append((base, xml))
    return out


def parse(xml: str) -> tuple[date, str, list[Timex]]:
    """The creation date, the plain text of TEXT, and its TIMEX3 with offsets in that text."""
    root = ElementTree.fromstring(xml)
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    creation = date.fromisoformat(dct.get("value", "")[:10])
    body = root.find("TEXT")
    assert body is not None
    chunks: list[str] = []
    timexes: list[Timex] = []
    pos = 0

    def walk(node: ElementTree.Element) -> None:
        nonlocal pos
        start = pos
        if node.text:
            chunks.append(node.text)
            pos += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                chunks.append(child.tail)
                pos += len(child.tail)
        if node.tag == "TIMEX3":
            text = "".join(chunks)[start:pos]
            kind, value = node.get("type", ""), node.get("value", "")
            timexes.append(Timex(start, pos, text, kind, value, value_days(value) if kind == "DATE" else None,
                                 node.get("mod", "")))

    walk(body)
    return creation, "".join(chunks), timexes


def _no_future_markers() -> None:
    import dataclasses
    import re as re_

    from xjextract import periods

    lex = periods._lexicon("en")
    periods._lexicon = lambda language="en": dataclasses.replace(lex, future=re_.compile("(?!)"))  # type: ignore[assignment]


def _no_report_grace() -> None:
    from xjextract import periods

    periods._REPORT_GRACE_DAYS = 0


def _no_date_ahead() -> None:
    from xjextract import periods

    periods._DATE_BACK_DAYS = 10**6


def _no_deadline() -> None:
    import dataclasses
    import re as re_

    from xjextract import periods

    lex = periods._lexicon("en")
    periods._lexicon = lambda language="en": dataclasses.replace(lex, deadline_before=re_.compile("(?!)"))  # type: ignore[assignment]


#: The cues of tense-aware resolution (README "Percentages and periods"), each switchable off by --without.
CUES = {"future-markers": _no_future_markers, "report-grace": _no_report_grace, "date-ahead": _no_date_ahead,
        "deadline": _no_deadline}


#: Words that make xjextract's stretch a part of the time TimeML annotates ("since March", "end of the year",
#: "early next year", "mid-November", "earlier this year").
_MODIFIED = re.compile(r"(?i)^(?:since|end of|beginning of|start of|early|mid|late|earlier|so far)\b")


def value_matches(predicted: tuple[date, date], text: str, gold: Timex) -> bool:
    """The scoring convention. TimeML writes a modified time as its unit and a MOD ("the end of the year":
    1989, MOD=END; "since March": 1990-03, the "since" left out of the TIMEX3), xjextract as the stretch the
    words name (1989-12-31; March 1 to the publication date). They agree when the days are equal, or when
    one side is modified and xjextract's stretch starts inside the gold one ("since X" starting on X's first
    day, the others lying inside it)."""
    assert gold.days is not None
    if predicted == gold.days:
        return True
    if not (gold.mod or _MODIFIED.match(text)):
        return False
    first, last = predicted
    if text.lower().startswith("since"):
        return first == gold.days[0]
    return gold.days[0] <= first and last <= gold.days[1]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mirror", type=Path, help="local copy of jspotter/TempEval-3 (folder or bare git dir)")
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="dev",
                        help="which documents to score (default dev; see the module's docstring)")
    parser.add_argument("--errors", type=int, default=15, help="errors to list per type (default 15; none for heldout)")
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--context", action="store_true", help="print the text around each wrong value (dev only)")
    parser.add_argument("--tense", choices=("cues", "tagger"), default="cues",
                        help="settings.tense: the future words alone (default) or with the tagger's modals")
    parser.add_argument("--without", choices=sorted(CUES), action="append", default=[],
                        help="switch off one resolution cue, to measure what it buys (repeatable)")
    args = parser.parse_args()
    import xjextract

    for cue in args.without:
        CUES[cue]()
    from xjextract.settings import Settings

    settings = Settings(tense=args.tense)

    docs = [(n, x) for n, x in _files(args.mirror) if args.part == "all" or part_of(n) == args.part]
    if args.part == "heldout":
        args.errors = 0  # the held-back part's errors are not read
    if not docs:
        print(f"no TimeBank documents under {args.mirror}/{FOLDER}", file=sys.stderr)
        return 2
    counts = {m: Counter() for m in ("strict", "relaxed", "value")}
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    wrong: list[str] = []
    started = time.perf_counter()
    for name, xml in docs:
        creation, text, timexes = parse(xml)
        record = xjextract.extract_text(text, format="text", publication=creation, id=name, settings=settings)
        predicted = []
        for p in record.periods:
            if p.recurrence is not None:  # a recurring time (SET) is outside the DATE scope
                continue
            start, end = record.raw_span(p.start, p.end)
            predicted.append((start, end, p))
        gold = [t for t in timexes if t.days is not None]
        out_of_scope = [t for t in timexes if t.days is None]
        predicted = [x for x in predicted if not any(_overlap((x[0], x[1]), (t.start, t.end)) for t in out_of_scope)
                     or any(_overlap((x[0], x[1]), (g.start, g.end)) for g in gold)]
        used: set[int] = set()
        for g in gold:
            exact = next((i for i, x in enumerate(predicted) if i not in used and (x[0], x[1]) == (g.start, g.end)), None)
            near = exact if exact is not None else next(
                (i for i, x in enumerate(predicted) if i not in used and _overlap((x[0], x[1]), (g.start, g.end))), None)
            if near is None:
                missed[g.text.lower()] += 1
                continue
            used.add(near)
            p = predicted[near][2]
            counts["relaxed"]["tp"] += 1
            counts["strict"]["tp" if exact is not None else "fn"] += 1
            if exact is None:
                counts["strict"]["fp"] += 1
            if p.first_day and p.last_day and value_matches((p.first_day, p.last_day), p.text, g):
                counts["value"]["tp"] += 1
            else:
                counts["value"]["fp"] += 1
                counts["value"]["fn"] += 1
                wrong.append(f"{g.text!r} (DCT {creation}): gold {g.value} {g.days[0]}..{g.days[1]}, "
                             f"predicted {p.text!r} {p.first_day}..{p.last_day}"
                             + (f"\n      ...{' '.join(text[max(0, g.start - 160):g.end + 60].split())}..."
                                if args.context else ""))
        n_missed = sum(1 for g in gold) - len(used)
        for mode in counts:
            counts[mode]["fn"] += n_missed
        extra = [x for i, x in enumerate(predicted) if i not in used]
        for x in extra:
            spurious[x[2].text.lower()] += 1
            for mode in counts:
                counts[mode]["fp"] += 1
    seconds = time.perf_counter() - started
    scores = {}
    print(f"{len(docs)} TimeBank documents (part {args.part}), {seconds:.1f} s; scope: DATE TIMEX3 with a concrete stretch of days\n")
    print(f"{'mode':10} {'tp':>6} {'fp':>6} {'fn':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for mode, c in counts.items():
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores[mode] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}
        print(f"{'span ' + mode if mode != 'value' else 'value':10} {tp:>6} {fp:>6} {fn:>6} {100 * p:6.1f} {100 * r:6.1f} "
              f"{100 * f:6.1f}")
    print(f"\nmissed ({sum(missed.values())}), most frequent:")
    for text, n in missed.most_common(args.errors):
        print(f"  {n:4} {text!r}")
    print(f"\nspurious ({sum(spurious.values())}), most frequent:")
    for text, n in spurious.most_common(args.errors):
        print(f"  {n:4} {text!r}")
    print(f"\nwrong value ({len(wrong)}), first ones:")
    for line in wrong[: args.errors]:
        print(f"  {line}")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
