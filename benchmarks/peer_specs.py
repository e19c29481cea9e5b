"""Money and percentages on the peers' public test suites: Microsoft Recognizers-Text's English CurrencyModel and
PercentModel specs and quantulum3's en_US quantity tests, read from local copies and never committed.

Run: .venv/bin/python benchmarks/peer_specs.py --recognizers MIRROR --quantulum3 MIRROR [--errors N]

Each MIRROR is a checked-out folder or the bare git directory the project's search tool fetches (read with
`git show`). Every case's sentence is read as plain text (`--format text`: every line is body, so nothing is
taken for a headline) with no publication date; its money and percentage items are compared with the suite's
expected results:

- money: a predicted amount matches an expected one when their spans overlap, the amount agrees within 0.5%
  and the currency is the expected ISO 4217 code. Recognizers gives `isoCurrency` for most results; a bare
  `Dollar` is USD and `Pound` GBP (this project's ambiguity rules), other names go through Babel's CLDR names.
  quantulum3's unit names map likewise (`dollar` USD, `euro` EUR, `pound sterling` GBP).
- percentages: spans overlap and the value agrees (`"100%"` is 100).
- Out of scope, neither right nor wrong (a prediction overlapping them is not counted): sub-units and units
  with no ISO 4217 code (cent, penny, pence, sen, dime, satoshi, bitcoin), names that are no single currency
  (a bare franc, rupee, peso, krone), rates per unit (quantulum3's `dollar per hour`), and results without a
  value, negative amounts (the contract's amounts are positive: "revenue of -15€" is a sign and an amount,
  which this project reads as a change), and quantulum3's reading of a range as its mean ("50 to 80%" = 65: this project gives both ends).
  Cases with no expected result are the precision guard: every prediction there is a false positive.

The peers' own figures are those issue 14 reports for the same cases (Recognizers' Python port, quantulum3's
parser); this script does not run them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RECOGNIZERS_FILES = {"money": "Specs/NumberWithUnit/English/CurrencyModel.json",
                     "percentages": "Specs/Number/English/PercentModel.json"}
QUANTULUM_FILES = ("quantulum3/_lang/en_US/tests/quantities.json", "quantulum3/_lang/en_US/tests/quantities.ambiguity.json")
PEERS = {("recognizers", "money"): 0.57, ("recognizers", "percentages"): 0.80,
         ("quantulum3", "money"): 0.62, ("quantulum3", "percentages"): 0.87}
OUT_OF_SCOPE_UNITS = {"cent", "penny", "pence", "sen", "dime", "satoshi", "bitcoin", "franc", "rupee", "peso",
                      "krone", "krona", "dinar", "shilling", "mark"}
PLAIN = {"dollar": "USD", "pound": "GBP", "pound sterling": "GBP", "euro": "EUR", "yen": "JPY", "yuan": "CNY"}


@dataclass
class Expected:
    start: int
    end: int
    value: float | None
    currency: str | None  # money only
    in_scope: bool


@dataclass
class Case:
    suite: str
    kind: str  # money | percentages
    text: str
    expected: list[Expected] = field(default_factory=list)


def _read(mirror: Path, path: str) -> str:
    if (mirror / path).is_file():
        return (mirror / path).read_text(encoding="utf-8")
    return subprocess.run(["git", "--git-dir", str(mirror), "show", f"HEAD:{path}"], capture_output=True,
                          check=True).stdout.decode("utf-8")


@cache
def _iso_by_name() -> dict[str, str]:
    from babel.numbers import get_currency_name, list_currencies

    names = {}
    for code in list_currencies():
        for count in (1, 2):  # the singular and plural names
            names[get_currency_name(code, count=count, locale="en").casefold()] = code
        names[get_currency_name(code, locale="en").casefold()] = code
    return names


def _currency(unit: str | None, iso: str | None, names: dict[str, str]) -> str | None:
    if iso:
        return iso
    low = (unit or "").casefold()
    if low in OUT_OF_SCOPE_UNITS or not low:
        return None
    return PLAIN.get(low) or names.get(low)


def recognizers_cases(mirror: Path) -> list[Case]:
    names = _iso_by_name()
    cases = []
    for kind, path in RECOGNIZERS_FILES.items():
        for spec in json.loads(_read(mirror, path)):
            case = Case("recognizers", kind, spec["Input"])
            for result in spec["Results"]:
                res = result.get("Resolution") or {}
                raw_value = res.get("value")
                start, end = result["Start"], result["End"] + 1
                if kind == "money":
                    currency = _currency(res.get("unit"), res.get("isoCurrency"), names)
                    value = float(raw_value) if raw_value not in (None, "") else None
                    case.expected.append(Expected(start, end, value, currency,
                                                  currency is not None and value is not None and value > 0))
                else:
                    value = float(raw_value.rstrip("%")) if raw_value and raw_value.endswith("%") else None
                    case.expected.append(Expected(start, end, value, None, value is not None))
            cases.append(case)
    return cases


def quantulum_cases(mirror: Path) -> list[Case]:
    names = _iso_by_name()
    cases = []
    for path in QUANTULUM_FILES:
        for spec in json.loads(_read(mirror, path)):
            text = spec["req"]
            money, percent = Case("quantulum3", "money", text), Case("quantulum3", "percentages", text)
            for result in spec["res"]:
                surface, unit = result.get("surface", ""), result.get("unit", "")
                start = text.find(surface)
                if start < 0:
                    continue
                span = (start, start + len(surface))
                if unit == "percentage":  # a range's mean ("50 to 80%" = 65) is quantulum3's convention, not ours
                    ranged = bool(re.search(r"\d\s*(?:to|-|–)\s*\d", surface))
                    percent.expected.append(Expected(*span, float(result["value"]), None, not ranged))
                elif result.get("entity") == "currency" or unit in PLAIN or " per " in unit and unit.split(" per ")[0] in PLAIN:
                    currency = None if " per " in unit else _currency(unit, None, names)
                    value = float(result["value"])
                    money.expected.append(Expected(*span, value, currency, currency is not None and value > 0))
            cases += [money, percent]
    return cases


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(cases: list[Case], errors: list[str]) -> dict[tuple[str, str], Counter[str]]:
    import xjextract

    counts: dict[tuple[str, str], Counter[str]] = {}
    for case in cases:
        record = xjextract.extract_text(case.text, format="text", id="case")
        if case.kind == "money":
            predicted = [(*record.raw_span(m.start, m.end), m.amount, m.currency, m.text) for m in record.money]
        else:
            predicted = [(*record.raw_span(p.start, p.end), p.value, None, p.text) for p in record.percentages]
        c = counts.setdefault((case.suite, case.kind), Counter())
        used: set[int] = set()
        for exp in case.expected:
            hit = next((i for i, p in enumerate(predicted) if i not in used and _overlap((p[0], p[1]), (exp.start, exp.end))), None)
            if not exp.in_scope:  # every prediction overlapping it is neither right nor wrong
                used.update(i for i, p in enumerate(predicted) if _overlap((p[0], p[1]), (exp.start, exp.end)))
                c["out of scope"] += 1
                continue
            if hit is not None and exp.value is not None and abs(predicted[hit][2] - exp.value) <= 0.005 * abs(exp.value) \
                    and (case.kind != "money" or predicted[hit][3] == exp.currency):
                used.add(hit)
                c["tp"] += 1
            else:
                c["fn"] += 1
                got = f"{predicted[hit][4]!r} {predicted[hit][2]:g} {predicted[hit][3] or ''}" if hit is not None else "nothing"
                errors.append(f"[{case.suite} {case.kind}] FN {case.text[exp.start:exp.end]!r} ({exp.value:g} "
                              f"{exp.currency or ''}) got {got} | {case.text[:90]!r}")
        for i, p in enumerate(predicted):
            if i not in used:
                c["fp"] += 1
                errors.append(f"[{case.suite} {case.kind}] FP {p[4]!r} ({p[2]:g} {p[3] or ''}) | {case.text[:90]!r}")
        c["cases"] += 1
    return counts


def _prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recognizers", type=Path, help="local copy of microsoft/Recognizers-Text")
    parser.add_argument("--quantulum3", type=Path, help="local copy of nielstron/quantulum3")
    parser.add_argument("--errors", type=int, default=30, help="errors to list (default 30)")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    cases: list[Case] = []
    if args.recognizers:
        cases += recognizers_cases(args.recognizers)
    if args.quantulum3:
        cases += quantulum_cases(args.quantulum3)
    if not cases:
        print("give --recognizers and/or --quantulum3", file=sys.stderr)
        return 2
    errors: list[str] = []
    counts = score(cases, errors)
    total: dict[str, Counter[str]] = {}
    print(f"{'suite':12} {'kind':12} {'cases':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'out':>5} {'P':>6} {'R':>6} {'F1':>6} {'peer F1':>8}")
    out = {}
    for (suite, kind), c in sorted(counts.items()):
        total.setdefault(kind, Counter()).update(c)
        p, r, f = _prf(c)
        out[f"{suite}:{kind}"] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "precision": p, "recall": r, "f1": f}
        print(f"{suite:12} {kind:12} {c['cases']:5} {c['tp']:5} {c['fp']:5} {c['fn']:5} {c['out of scope']:5} "
              f"{100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f} {100 * PEERS[(suite, kind)]:8.0f}")
    for kind, c in sorted(total.items()):
        p, r, f = _prf(c)
        out[f"all:{kind}"] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], "precision": p, "recall": r, "f1": f}
        print(f"{'both':12} {kind:12} {c['cases']:5} {c['tp']:5} {c['fp']:5} {c['fn']:5} {c['out of scope']:5} "
              f"{100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")
    if errors and args.errors:
        print(f"\nerrors ({len(errors)}), first {args.errors}:")
        for line in errors[: args.errors]:
            print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
