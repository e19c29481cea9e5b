"""Percentages with their role: value and unit, kind (change, share, rate, other), direction and basis.

Forms: "48.4 percent", "48.4%", "48.4 pct", "3 per cent", "minus 2 percent", "1.2 percentage points", "2.4 pp";
ranges ("6.7 percent to 6.9 percent") and shared units ("down 35.2 and 34.7 percent"). The role comes from
cue words of the clause (``data/<lang>/percentages.json``): see that file's ``_doc`` for the rules.

>>> [(p.text, p.kind, p.direction, p.basis) for p in extract_percentages(
...     "Trade grew by 48.4 percent year on year, accounting for 33 percent of the total.", [(0, 80)])]
[('48.4 percent', 'change', 'up', 'year_on_year'), ('33 percent', 'share', None, None)]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .resources import load_json
from .schema import Percentage
from .spans import SpanSet, crosses_paragraph, glued

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CLAUSE_BREAK = re.compile(r";|,\s+while\b|\s+while\b|,\s+whereas\b|\s+but\b|,\s+and\s+(?=[A-Z])")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")
_SHARED_GAP = re.compile(r"(?:\s+(?:and|to|or)\s+|,\s*(?:and\s+)?|\s*[-–]\s*)$")
_LIST_COMMA = re.compile(r",\s*$")
_ADJACENT = re.compile(r"[\s,]*")
_RANGE_GAP = re.compile(r"\s+(?:to|-|–)\s+|\s*[-–]\s*")
#: How far before a number a rate word may stand ("unemployment rate averaged 5.1 percent").
_RATE_WINDOW = 45
#: How far before a percentage a bare number sharing its unit may start ("down 35.2 and 34.7 percent"), and
#: how far back in its clause the word "share" is looked for: bounded so a long list stays linear.
_SHARED_WINDOW = 48
_SHARE_WINDOW = 200


def _words(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Lexicon:
    item: re.Pattern[str]
    shared: re.Pattern[str]
    units: dict[str, Literal["percent", "percentage_point"]]
    reverse: re.Pattern[str]
    share_before: re.Pattern[str]
    share_after: re.Pattern[str]
    share_list_after: re.Pattern[str]
    share_fronted: re.Pattern[str]  # "Of all electricity transmitted, 29.6 percent": the whole first
    share_word: re.Pattern[str]
    rate: re.Pattern[str]
    not_rate: re.Pattern[str]
    up: re.Pattern[str]
    down: re.Pattern[str]
    change_after: re.Pattern[str]
    after_polarity: dict[str, Literal["up", "down"]]
    comparison: re.Pattern[str]
    bases: tuple[tuple[str, re.Pattern[str]], ...]
    from_level: re.Pattern[str]
    level_move: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]  # "increasing from 20.9 percent to 22.6
    # percent": two levels (before, after, and the noun that makes them rates)
    share_tail: re.Pattern[str]
    growth_of: re.Pattern[str]  # "a growth rate of": the figure after it is a change
    target: re.Pattern[str]
    index_level: re.Pattern[str]
    words: dict[str, int]
    gap_after: re.Pattern[str]
    series_gap: re.Pattern[str]


@cache
def _lexicon(language: str) -> _Lexicon:
    data = load_json("percentages.json", language)
    quals = _words(load_json("vocabulary.json", language)["qualifiers"])
    units = {k.casefold(): v for k, v in data["units"].items()}
    unit = "|".join(re.escape(u) for u in sorted(data["units"], key=len, reverse=True))
    words = {k.casefold(): int(v) for k, v in data["number_words"].items()}
    word = _words(list(words))
    number = rf"{_NUMBER}|(?:{word})(?:[\s-](?:{word}))?"
    return _Lexicon(
        item=re.compile(rf"(?:(?<![\w.,%-])(?P<sign>minus\s+|-)?|(?<=\d[-–]))(?P<num>{number})[\s-]?(?P<unit>{unit})(?![\w])",
                        re.IGNORECASE),
        # "percent of 10", "per cent of twenty-two": the number after the unit, when nothing else follows
        reverse=re.compile(rf"(?<![\w.,%-])(?<![\d%] )(?P<unit>per ?cents?|percents?|percentages?) of (?P<num>{number})"
                           rf"(?=\s*(?:[.,;:!?)]|$))", re.IGNORECASE),
        shared=re.compile(rf"(?<![\w.,-])(?P<num>{_NUMBER})$"),
        units=units,
        share_before=re.compile(rf"(?i:\b(?:{_words(data['share_before'])})\s+(?:(?:{quals})\s+)?$)"),
        share_after=re.compile(rf"(?i:\s+(?:{_words(data['share_after'])})\b)"),
        share_list_after=re.compile(data.get("share_list_after", "(?!)"), re.IGNORECASE),
        share_fronted=re.compile(data.get("share_fronted", "(?!)")),
        share_word=re.compile(rf"(?i:\b(?:{_words(data['share_nouns'])})\b)"),
        rate=re.compile(rf"(?i:\b(?:{_words(data['rate_before'])})\b)"),
        not_rate=re.compile(rf"(?i:\b(?:{_words(data['not_rate'])})\b)"),
        up=re.compile(rf"(?i:\b(?:{_words(data['up'])})\b)"),
        down=re.compile(rf"(?i:\b(?:{_words(data['down'])})\b)"),
        after_polarity={w: d for d, words in data["more_less"].items() for w in words},
        change_after=re.compile(rf"(?i:\s+(?:(?:year-on-year|year on year|month-on-month|annual|yearly|"
                                rf"quarterly)\s+)?(?-i:[A-Z]{{2,5}}\s+)?(?:(?:{_words(data.get('change_after_series', []))})\s+)?"
                                rf"(?:{_words(data['change_after'])})\b)"),
        comparison=re.compile(rf"(?i:\s+{data['comparison']}\s+)"),
        bases=tuple((name, re.compile(rf"(?i:(?<![\w-])(?:{_words(phrases)})(?![\w-]))"))
                    for name, phrases in data["bases"].items()),
        from_level=re.compile(rf"\bfrom\s+(?:(?:a|the)\s+range\s+of\s+)?(?:(?:{quals})\s+)?$"),
        level_move=(re.compile(rf"(?i:{data['level_move'][0]})"), re.compile(rf"(?i:{data['level_move'][1]})"),
                    re.compile(rf"(?i:{data['level_move'][2]})")),
        growth_of=re.compile(rf"(?i:\b(?:{_words(data['not_rate'])})\s+of\s+(?:(?:{quals})\s+)?$)"),
        share_tail=re.compile(rf"(?i:\b(?:{_words(data['share_tail'])})\s+(?:(?:{quals})\s+)?$)"),
        target=re.compile(data["comparison_target"]),
        index_level=re.compile(rf"(?:{_words(data['index_levels'])})"),
        words=words,
        gap_after=re.compile(rf"(?i:{data['gap_list']}\s+{data['gap_after']}\s+)"),
        series_gap=re.compile(rf"(?i:{data['series_gap_before']})"),
    )


@dataclass
class _Found:
    start: int
    end: int
    value: float
    unit: Literal["percent", "percentage_point"]
    kind: Literal["change", "share", "rate", "other"] = "other"
    direction: Literal["up", "down"] | None = None
    basis: str | None = None
    follows_from: bool = False  # "up from 31%": the earlier level of the figure before it


def _clause_breaks(text: str, s_start: int, s_end: int) -> list[int]:
    """Where each clause of a sentence starts after a break (";", "while", "but", ", and" + capital)."""
    return [m.end() for m in _CLAUSE_BREAK.finditer(text, s_start, s_end)]


def _clause_start(breaks: list[int], s_start: int, at: int) -> int:
    i = bisect_right(breaks, at) - 1
    return breaks[i] if i >= 0 else s_start


def _direction(window: str, lex: _Lexicon) -> Literal["up", "down"] | None:
    """The direction of the nearest change word in ``window`` (the text before a number)."""
    ups = [m.end() for m in lex.up.finditer(window)]
    downs = [m.end() for m in lex.down.finditer(window)]
    if not ups and not downs:
        return None
    return "up" if max(ups, default=-1) > max(downs, default=-1) else "down"


def _number(text: str, lex: _Lexicon) -> float:
    """A figure as written: digits, or number words ("nine", "twenty-five")."""
    key = text.casefold()
    if key[:1].isdigit():
        return float(key.replace(",", ""))
    if key in lex.words:
        return float(lex.words[key])
    return float(sum(lex.words.get(w, 0) for w in re.split(r"[\s-]+", key)))


def _find(text: str, s_start: int, s_end: int, lex: _Lexicon) -> list[_Found]:
    found: list[_Found] = []
    for match in lex.item.finditer(text, s_start, s_end):
        value = _number(match["num"], lex) * (-1 if match["sign"] else 1)
        if not math.isfinite(value) or glued(text, match.start(), match.end()) or crosses_paragraph(
                text, match.start(), match.end()):
            continue  # hundreds of digits (no JSON number), or "4\u200b8.4 percent" (not 8.4)
        unit = lex.units[match["unit"].casefold()]
        # "down 35.2 and 34.7 percent", "6.7 to 6.9 percent": a bare number before shares the unit.
        window = max(s_start, match.start() - _SHARED_WINDOW)
        gap = _SHARED_GAP.search(text, window, match.start())
        if gap:
            shared = lex.shared.search(text, window, gap.start())
            is_year = shared is not None and len(shared["num"]) == 4 and shared["num"].isdigit() and \
                1900 <= int(shared["num"]) <= 2100  # "4.8 percent in 2007 and 5.9 percent": 2007 is no figure
            listed: list[_Found] = []
            while shared and not is_year and not (found and found[-1].end > shared.start()) and len(listed) < 20:
                start = shared.start()
                listed.append(_Found(start, start + len(shared["num"]), float(shared["num"].replace(",", "")), unit))
                # "up 30, 90.8 and 39.4 percent": a comma before the bare number may list one more
                comma = _LIST_COMMA.search(text, max(s_start, start - _SHARED_WINDOW), start)
                shared = lex.shared.search(text, max(s_start, start - _SHARED_WINDOW), comma.start()) if comma else None
                is_year = shared is not None and len(shared["num"]) == 4 and shared["num"].isdigit()
            found.extend(reversed(listed))
        found.append(_Found(match.start(), match.end(), value, unit))
    taken = SpanSet((f.start, f.end) for f in found)
    for match in lex.reverse.finditer(text, s_start, s_end):
        if not taken.overlaps(match.start(), match.end()) and not crosses_paragraph(text, match.start(), match.end()):
            found.append(_Found(match.start(), match.end(), _number(match["num"], lex), "percent"))
    found.sort(key=lambda f: f.start)
    return found


def _role(item: _Found, previous: _Found | None, text: str, s_start: int, breaks: list[int],
          periods: list[tuple[int, int]], lex: _Lexicon, series: _Found | None = None) -> None:
    """Set kind and direction of one percentage from the words around it (``periods``: sorted period spans;
    ``series``: the last change figure of the sentences before, the series a past level belongs to)."""
    clause = _clause_start(breaks, s_start, item.start)
    window_start = max(clause, previous.end if previous else clause)
    window = text[window_start : item.start]
    after = text[item.end : item.end + 60]
    if lex.index_level.search(text, clause, item.end + 60):
        item.kind = "other"  # "the PMI rose to 50.6 percent": the reading of an index, not a change
        return
    # "the export of high-tech products increasing from 20.9 percent to 22.6 percent": a move between two levels (the
    # second takes the first's role as a range's end does), shares, or rates when the clause names a rate
    if lex.level_move[0].search(window) and lex.level_move[1].match(after):
        item.kind = "rate" if lex.level_move[2].search(text, clause, item.start) else "share"
        item.direction = None
        return
    follower = lex.change_after.match(after)
    if previous and lex.from_level.search(window) and not follower:
        item.follows_from = True  # (its basis too, once the sentence's bases are known)
        item.kind, item.direction = previous.kind, previous.direction if previous.kind == "change" else None
        return
    gap = lex.gap_after.match(after) if item.unit == "percentage_point" else None  # "10 points ahead of the average"
    # "gained 9.5 percent, 6.9 percentage points faster than that in the overall industry": not a list, a gap
    compared = previous is not None and item.unit != previous.unit and lex.comparison.match(after) is not None
    # "expanded 24.4 percent last year, 33.4 percent of total FAI": a change's neighbour that names its whole is
    # a share, not the list's next change
    own_share = previous is not None and previous.kind == "change" and lex.share_after.match(after) is not None
    if previous and not gap and not compared and not own_share and (_listed(text, previous.end, item.start, periods)
                     or (_RANGE_GAP.fullmatch(text[previous.end : item.start]) and previous.unit == item.unit)):
        item.kind, item.direction = previous.kind, previous.direction  # a list or range shares its role
        return
    if item.value < 0:
        item.kind, item.direction = "change", "down"
        return
    if lex.series_gap.search(window):
        item.kind = "other"  # "outpacing China's overall growth rate by 4.7 percentage points": two series
        return
    comparison = lex.comparison.match(after) or gap
    if comparison:
        target = item.end + comparison.end()
        based = any(regex.match(text, target) or regex.match(text, target - len("than ")) for _, regex in lex.bases)
        near = bisect_left(periods, (target, -1))
        near_period = near < len(periods) and periods[near][0] < target + 40
        word = comparison.group(0).strip().split()[0].lower()
        if based or near_period:
            item.kind, item.direction = "change", "up" if word in ("higher", "faster", "more", "ahead", "above") else "down"
        else:
            item.kind = "other"
        return
    if _is_share(item, text, window, after, clause, lex) or lex.share_fronted.fullmatch(text, s_start, item.start):
        item.kind = "share"
        return
    if lex.target.search(window) and (previous or series) and not follower:
        # "up from 1.9 percent", "slower than 2 percent for 2016", "lower than November's 5.1 percent": a past
        # level of the series the sentence speaks of takes its role
        model = previous if previous and previous.kind in ("change", "share") else series
        if model is not None and model.kind == "share":  # "made up 14.6 percent ..., compared with 9.1 percent"
            item.kind = "share"
            return
        if model is not None and model.kind == "change":
            item.kind, item.direction, item.basis = "change", model.direction, model.basis if previous else None
            return
    if follower and not lex.comparison.match(after):  # "a 53 percentage point increase", "a 1.1 percent contraction"
        word = follower.group(0).strip().lower().split()[-1]
        direction = lex.after_polarity.get(word) or _direction(word, lex)
        if direction is not None:
            item.kind, item.direction = "change", direction
            return
    rate_zone = text[max(window_start, item.start - _RATE_WINDOW) : item.start]
    if lex.rate.search(rate_zone) and not lex.not_rate.search(rate_zone):
        item.kind = "rate"
        return
    direction = _direction(window, lex)
    if direction is None and follower:  # "14 percent less"
        word = follower.group(0).strip().lower().split()[-1]
        direction = lex.after_polarity.get(word) or _direction(word, lex)
    if direction is not None:
        item.kind, item.direction = "change", direction
    elif previous is not None and previous.kind in ("share", "change"):
        # "Kazakhstan took 47.5 percent of them, with Uzbekistan second at 22.8 percent"; "the fastest growth of
        # 10.5 percent, closely followed by Guizhou's 10.4 percent": a figure with no cue of its own is another
        # of the kind before it
        item.kind = previous.kind
        item.direction = previous.direction if previous.kind == "change" else None


def _is_share(item: _Found, text: str, window: str, after: str, clause: int, lex: _Lexicon) -> bool:
    """"accounting for 33 percent", "33 percent of the total", "the share rose to 33 percent"."""
    return bool(lex.share_before.search(window) or lex.share_after.match(after)
                or lex.share_list_after.match(after) or (
        lex.share_word.search(text, max(clause, item.start - _SHARE_WINDOW), item.start)
        and lex.share_tail.search(window)
        # "the share ... has risen to 33 percent, with an average annual growth rate of 2.7 percentage points": the
        # share's change, named by its own words
        and not lex.growth_of.search(window)))


_LISTED_PERIOD = re.compile(r"\s+(?:in|for|during|of|on|at)\s+(?:the\s+)?$")


def _listed(text: str, start: int, end: int, periods: list[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` joins two figures of a list, a period of the first allowed between them
    ("11.7 percent in November, 10.1 percent in October and 8 percent in September")."""
    gap = text[start:end]
    if _LIST_GAP.fullmatch(gap):
        return True
    i = bisect_left(periods, (start, -1))
    if i < len(periods) and periods[i][1] <= end:
        p_start, p_end = periods[i]
        return bool(_LISTED_PERIOD.fullmatch(text[start:p_start]) or not text[start:p_start].strip()) and bool(
            _LIST_GAP.fullmatch(text[p_end:end]))
    return False


def _bases(found: list[_Found], text: str, s_start: int, s_end: int, lex: _Lexicon) -> None:
    """Attach each basis phrase of the sentence to the changes it qualifies: the figure right before it (and
    the list it ends), else every figure after it in the sentence, else the last figure before it."""
    ends = [f.end for f in found]
    starts = [f.start for f in found]
    done_from = len(found)  # every figure from this index on has already been offered a following basis
    for name, regex in lex.bases:
        for match in regex.finditer(text, s_start, s_end):
            n_before = bisect_right(ends, match.start())
            before_last = found[n_before - 1] if n_before else None
            if before_last and _ADJACENT.fullmatch(text, before_last.end, match.start()):
                targets = [before_last]
                for f in reversed(found[max(0, n_before - 64) : n_before - 1]):  # "down 35.2 and 34.7 percent yoy"
                    if not _LIST_GAP.fullmatch(text, f.end, targets[-1].start):
                        break
                    targets.append(f)
            else:
                first_after = bisect_left(starts, match.end())
                if first_after < len(found):
                    # Figures from done_from on were already offered an earlier basis: the first one sticks.
                    targets = found[first_after:max(first_after, done_from)]
                    done_from = min(done_from, first_after)
                else:
                    targets = [before_last] if before_last else []
            for f in targets:
                if f.kind == "change" and f.basis is None:
                    f.basis = name


def extract_percentages(
    text: str, sentences: list[tuple[int, int]], periods: list[tuple[int, int]] | None = None, language: str = "en"
) -> list[Percentage]:
    """Every percentage and percentage-point figure of ``text``, with its role.

    Args:
        text: the cleaned article body.
        sentences: ``(start, end)`` of each sentence: cues never cross them.
        periods: spans of the periods found in ``text`` ("1.2 points higher than the fourth quarter" is a change).
        language: the data folder of the lexicon.
    """
    lex = _lexicon(language)
    out: list[Percentage] = []
    spans = sorted(periods or [])
    series: _Found | None = None  # the last change of the sentences before: a past level may belong to it
    for s_start, s_end in sentences:
        found = _find(text, s_start, s_end, lex)
        breaks = _clause_breaks(text, s_start, s_end) if found else []
        for i, item in enumerate(found):
            _role(item, found[i - 1] if i else None, text, s_start, breaks, spans, lex, series)
        _bases(found, text, s_start, s_end, lex)
        for i, item in enumerate(found):
            if item.follows_from and i:  # the earlier level takes the role of the figure it is compared with
                item.kind, item.basis = found[i - 1].kind, found[i - 1].basis
                item.direction = found[i - 1].direction if item.kind == "change" else None
        _monthly(found, text, spans, lex)
        out += [Percentage(text=text[f.start : f.end], start=f.start, end=f.end, value=f.value, unit=f.unit,
                           kind=f.kind, direction=f.direction, basis=f.basis if f.kind == "change" else None)
                for f in found]
        series = next((f for f in reversed(found) if f.kind == "change"), series)
    return out


_FROM_PERIOD = re.compile(r"\s+(?:from|over|compared with|compared to)\s+(?:the\s+)?$")


def _monthly(found: list[_Found], text: str, periods: list[tuple[int, int]], lex: _Lexicon) -> None:
    """"rose 5.9 percent year on year and 0.7 percent from November": a growth figure (percent, not points)
    compared with one month has a month-on-month basis."""
    months = _month_names()
    for f in found:
        if f.kind != "change" or f.basis is not None or f.unit != "percent":
            continue
        i = bisect_left(periods, (f.end, -1))
        if i < len(periods) and _FROM_PERIOD.fullmatch(text, f.end, periods[i][0]) and \
                months.fullmatch(text, *periods[i]):
            f.basis = "month_on_month"


@cache
def _month_names() -> re.Pattern[str]:
    names = load_json("periods.json")["months"]
    return re.compile(r"(?:" + "|".join(re.escape(m) for m in sorted(names, key=len, reverse=True)) + r")\.?",
                      re.IGNORECASE)
