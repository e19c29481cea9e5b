"""Named entities: spaCy's statistical NER behind a domain gazetteer, with stable labels and canonical names.

The gazetteer (``data/<lang>/gazetteer.jsonl``, spaCy EntityRuler patterns whose ``id`` is the canonical name)
runs before ``ner``, which respects the entities it sets: a known place or office always gets the same label,
whatever its context. After ``ner``, :func:`canonicalize` trims spans ("the", "'s"), keeps OntoNotes name
labels only, resolves abbreviations ("the FTZ" -> the zone named earlier) and surnames ("Jiang" -> "Jiang
Zhidong"), and gives every mention of one canonical name the same label within an article.

Only the NER model is loaded: its own tok2vec serves it, so the shared tok2vec, tagger, parser and lemmatizer
are excluded (identical entities at 1.5-2x the speed, measured on the seeds).

>>> [(e.text, e.label, e.canonical) for e in canonicalize(
...     "Jiang Zhidong runs a firm in the FTZ. Jiang said the FTZ grew.",
...     [(0, 13, "PERSON", None), (33, 36, "ORG", None), (38, 43, "PERSON", None), (53, 56, "ORG", None)],
...     abbreviations={"FTZ": "China (Xinjiang) Pilot Free Trade Zone"})]
[('Jiang Zhidong', 'PERSON', 'Jiang Zhidong'), ('FTZ', 'ORG', 'China (Xinjiang) Pilot Free Trade Zone'), ('Jiang', 'PERSON', 'Jiang Zhidong'), ('FTZ', 'ORG', 'China (Xinjiang) Pilot Free Trade Zone')]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import load_spacy, resolve_model
from .resources import load_json
from .schema import Entity
from .segment import first_sentence_end
from .settings import Settings
from .spans import SpanSet

#: Components of en_core_web_sm that entity recognition does not use.
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
_LEADING = re.compile(r"^(?:(?:the|The|THE)\s+)+")
_TRAILING = re.compile(r"(?:['’]s|['’]|[\s,;:-]|(?<!Ltd)(?<!Inc)(?<!Co)\.)+$")
_DEFINITION = re.compile(r"\(\s*(?P<abbr>[A-Z][A-Za-z]{1,7})\s*\)")
#: a short name defined in brackets right after a name: "China Energy Investment Corporation (China Energy)"
_SHORT_NAME = re.compile(r"\s*\(\s*(?P<short>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){1,3})\s*\)")
_DANGLING = re.compile(r"\s+(?:of|for)$")
_GLUED_SENTENCE = re.compile(r"[a-zA-Z]\.(?=[A-Z][a-z])")


#: The gazetteer's files: the hand-written one first (it wins), then the places generated from kept sources
#: (scripts/build_places.py: countries and China's provinces from pycountry, cities from GeoNames).
GAZETTEERS = ("gazetteer.jsonl", "gazetteer_places.jsonl")


def gazetteer_patterns(language: str = "en") -> list[dict[str, str]]:
    """The EntityRuler patterns of the domain gazetteer (a pattern of a later file that an earlier one has is
    left out)."""
    patterns: dict[str, dict[str, str]] = {}
    for name in GAZETTEERS:
        path = resources.files("xjextract") / "data" / language / name
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    entry = json.loads(line)
                    patterns.setdefault(entry["pattern"], entry)
    return list(patterns.values())


@cache
def entity_pipeline(model: str | None, language: str = "en") -> Language:
    """The loaded NER pipeline with the gazetteer in front, built once per process and model."""
    # A pipeline of its own, not load_model's shared one: adding the gazetteer must not change what other
    # callers of load_model get.
    nlp = load_spacy(resolve_model(Settings(model=model, language=language)), UNUSED_COMPONENTS)
    from . import components  # noqa: F401  (registers the factories)

    nlp.add_pipe("xj_gazetteer", before="ner" if "ner" in nlp.pipe_names else None, config={"language": language})
    return nlp


def abbreviations_defined(text: str, spans: list[tuple[int, int, str, str | None]]) -> dict[str, str]:
    """Abbreviations the text defines: "China (Xinjiang) Pilot Free Trade Zone (FTZ)" -> {"FTZ": name}.

    ``spans`` are in text order; the name is the last one that ends right before the bracket."""
    found: dict[str, str] = {}
    ends = sorted((s[1], i) for i, s in enumerate(spans))
    for match in _DEFINITION.finditer(text):
        gap = _blank_start(text, match.start())
        lo, hi = bisect_left(ends, (gap, -1)), bisect_right(ends, (match.start(), len(spans)))
        if lo < hi:
            start, end, _, canonical = spans[max(i for _, i in ends[lo:hi])]
            found.setdefault(match["abbr"], canonical or text[start:end])
    return found


def _with_short_names(text: str, spans: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """``spans`` with each mention of a short name an organisation defines in brackets ("China Energy Investment
    Corporation (China Energy), ..., China Energy's total capacity") as that organisation's (the NER model reads
    "China" there); the short name's words lead the full name's. One scan for all the defined names."""
    defined: dict[str, tuple[int, str]] = {}  # short name -> (where its definition starts, the full name)
    for start, end, label, canonical in spans:
        match = _SHORT_NAME.match(text, end) if label == "ORG" else None
        if match is None:
            continue
        name, short = text[start:end].split(), match["short"].split()
        if 1 < len(short) < len(name) and name[: len(short)] == short:
            defined.setdefault(match["short"], (match.start("short"), canonical or " ".join(name)))
    if not defined:
        return spans
    names = "|".join(re.escape(n) for n in sorted(defined, key=len, reverse=True))
    found = [(m.start(), m.end(), defined[m.group(0)][1])
             for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-]|\s+[A-Z])", text)
             if m.start() >= defined[m.group(0)][0]]
    mentions = SpanSet((a, b) for a, b, _ in found)
    kept = [s for s in spans if not mentions.overlaps(s[0], s[1])]
    return sorted(kept + [(a, b, "ORG", full) for a, b, full in found])


def _blank_start(text: str, end: int) -> int:
    """Where the run of white space that ends at ``end`` starts."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


@dataclass(frozen=True)
class _Rules:
    extension: re.Pattern[str]
    heads: dict[str, str]
    acronym_skip: frozenset[str]
    company_suffix: re.Pattern[str]
    company_head: re.Pattern[str]  # "... Holding Company", "... Corporation": a company named in full
    abbreviated: frozenset[str]  # words whose final dot is part of them ("Co.", "Ltd.")
    never: frozenset[str]
    common_acronym: re.Pattern[str]
    label_before: tuple[tuple[str, re.Pattern[str]], ...]
    bracketed_company: re.Pattern[str]
    lower_lead: re.Pattern[str]  # lower-case words opening a span: "statistics department of Haikou Customs"
    connector_tail: re.Pattern[str]  # a connector closing a span the model cut short: "Port of"
    left_head: re.Pattern[str]  # "Port of " right before an entity
    left_heads: dict[str, str]
    center_org: re.Pattern[str]
    trailing_words: re.Pattern[str]  # " Monday" closing a span: not part of the name
    org_heads: frozenset[str]
    common_before: re.Pattern[str]
    named_periods: re.Pattern[str]  # "the National Day holiday": a period whose name inside is an entity


@cache
def _rules(language: str) -> _Rules:
    """The name-extension regex, head noun -> label, acronym rules and company suffixes, from the data file."""
    data = load_json("entity_rules.json", language)
    heads = {h: label for label, words in data["heads"].items() for h in words}
    word = r"(?:[A-Z][\w'’.-]*|" + "|".join(re.escape(c) for c in data["connectors"]) + ")"
    suffixes = sorted(data["company_suffixes"], key=len, reverse=True)
    suffix = "|".join(re.escape(x) for x in suffixes)
    return _Rules(
        extension=re.compile(rf"(?:[ \t]+{word}){{1,8}}(?:,?[ \t]+(?:{suffix}))?"),
        heads=heads,
        acronym_skip=frozenset(data["acronym_skip"]),
        company_suffix=re.compile(rf",?\s+(?:{suffix})$"),
        company_head=re.compile(r"\s(?:" + "|".join(re.escape(h) for h in data.get("company_heads", [])) + r")$"),
        abbreviated=frozenset(w for x in suffixes for w in x.replace(",", " ").split() if w.endswith(".")),
        never=frozenset(data["never"]),
        common_acronym=re.compile(data["common_acronym"]),
        label_before=tuple((label, re.compile(p)) for label, p in data.get("label_before", {}).items()),
        bracketed_company=re.compile(data["bracketed_company"]),
        lower_lead=re.compile(r"^(?:[a-z][\w'’-]*\s+)+(?:(?:" + "|".join(re.escape(c) for c in data["connectors"])
                              + r")\s+)?(?=[A-Z])"),
        connector_tail=re.compile(r"\s+(?:" + "|".join(re.escape(c) for c in data["connectors"]) + r")$"),
        left_head=re.compile(r"(?<![\w-])(?P<head>" + "|".join(
            re.escape(h) for h in sorted((h for hs in data["left_heads"].values() for h in hs), key=len, reverse=True))
            + r") of (?:the )?$"),
        left_heads={h: label for label, hs in data["left_heads"].items() for h in hs},
        center_org=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["center_org_words"]) + r")\b"),
        trailing_words=re.compile(r"(?:\s+(?:" + "|".join(re.escape(w) for w in data.get("trailing_words", []))
                                  + r"))+$") if data.get("trailing_words") else re.compile(r"(?!)"),
        org_heads=frozenset(data["heads"]["ORG"]),
        common_before=re.compile(data.get("common_before", "(?!)")),
        named_periods=re.compile(data.get("named_periods", "(?!)")),
    )


def _extend(text: str, spans: list[tuple[int, int, str, str | None]], language: str
            ) -> list[tuple[int, int, str, str | None]]:
    """Longer names the model or the gazetteer cut short: an entity and the capitalized words after it that
    end a name with a head noun ("Xinjiang" + " Academy of Social Sciences"), or a nationality or place
    right before an organization ("Chinese" + "Academy of ...")."""
    rules = _rules(language)
    extension, heads = rules.extension, rules.heads
    # "Inner Mongolia Mengniu Dairy (Group) Co., Ltd.": one company, however the model cut it
    companies = [(m.start(), m.end()) for m in rules.bracketed_company.finditer(text)]
    if companies:
        inside = SpanSet(companies)
        spans = sorted([s for s in spans if not inside.overlaps(s[0], s[1])]
                       + [(a, b, "ORG", None) for a, b in companies])
    out: list[tuple[int, int, str, str | None]] = []
    for start, end, label, canonical in spans:
        if out and out[-1][1] > start:
            continue  # swallowed by the extension of the previous entity
        dangling = _DANGLING.search(text, start, end)  # "the Port of": the name goes on after it
        end = dangling.start() if dangling and dangling.start() > start else end
        own = text[start:end].split()
        at = _joined_by_at(own, rules.org_heads) if canonical is None else None
        if at is not None:  # "School of Economic Law at Southwest University of ...": two bodies
            cut = start + text[start:end].index(" at ")
            out.append((start, cut, "ORG", None))
            start, own = cut + len(" at "), own[at + 1 :]
        if canonical is None and own and own[-1] in heads:
            label = heads[own[-1]]  # "Yen Vien Station" is a facility, whatever the model says
        match = extension.match(text, end)
        if match:
            words = _name_words(match.group(0).replace(",", " ").split(), heads, rules.abbreviated)
            if words and words[0] == "and" and own and own[-1] in heads:
                words = []
            head = next((heads[w] for w in reversed(words) if w in heads), None)
            complete = bool(own) and own[-1] in heads  # "... Logistics Group" ends a name: "and" starts another
            continues = bool(words) and words[0] in ("of", "and", "for") and any(w in heads for w in own) and not (
                complete and words[0] == "and")
            if head or continues:  # "... Academy of Social Sciences"; "Research Center" + " for China-South Asia ..."
                end = end + match.group(0).rindex(words[-1]) + len(words[-1])
                label, canonical = head or label, None
        if out and label in ("ORG", "FAC") and out[-1][2] in ("NORP", "GPE") and text[out[-1][1] : start] in (" ", "-") \
                and canonical is None:  # "Chinese Academy of ...", "Kyrgyz-China Silk Road Logistics"
            start = out.pop()[0]
        left = rules.left_head.search(text, max(0, start - 60), start)
        if left and not (out and out[-1][1] > left.start()):  # "Port of" + "Ningbo Zhoushan"
            start, label, canonical = left.start(), rules.left_heads[left["head"]], None
        name = text[start:end]
        words = name.split()
        if canonical is None and any(w in rules.org_heads and n == "of" for w, n in zip(words, words[1:])):
            label = "ORG"  # "University of Political Science & Law": a body, whatever its last word
        if label == "FAC" and {"Center", "Centre"} & set(name.split()) and rules.center_org.search(name):
            label = "ORG"  # "China Center for Energy Economics Research" is a body, not a building
        out.append((start, end, label, canonical))
    return out


def _joined_by_at(words: list[str], org_heads: frozenset[str]) -> int | None:
    """The index of the first "at" joining two names that each have an ORG head, else None."""
    if "at" not in words:
        return None
    at = words.index("at")
    if any(w in org_heads for w in words[:at]) and any(w in org_heads for w in words[at + 1 :]):
        return at
    return None


def _name_words(words: list[str], heads: dict[str, str], abbreviated: frozenset[str]) -> list[str]:
    """The words after an entity that still belong to its name: up to a second name joined by "and"
    ("General Administration of Customs and Urumqi Customs"), ending on a capitalized word."""
    kept: list[str] = []
    words = [w if w in abbreviated or not w.endswith(".") else w[:-1] for w in words]  # "Zone." ends a sentence
    for i, word in enumerate(words):
        if word == "and" and ((i == 0 and any(w in heads for w in words[i + 1 :])) or (kept and kept[-1] in heads)):
            break  # "... Customs and Urumqi Customs", "... Logistics Group and Bishkek-based ...": two names;
            # "Aksu" + " Textile and Garment Industrial Park" is one
        kept.append(word)
    while kept and not kept[-1][0].isupper():
        kept.pop()
    return kept


@cache
def _currency_words(language: str) -> re.Pattern[str]:
    """Currency names of the money lexicon: a name right before one is part of it ("U.S. dollars")."""
    names = {f for forms in load_json("money.json", language)["currencies"].values() for f in forms.get("after", [])}
    words = sorted({n.split()[-1] for n in names if n.islower() or " " in n}, key=len, reverse=True)
    return re.compile(r"\.?\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _common_acronyms(text: str, rules: _Rules) -> frozenset[str]:
    """Acronyms the text defines for lower-case words ("gross ocean product (GOP)"): no entity's names."""
    found = set()
    for match in rules.common_acronym.finditer(text):
        acronym = match["acronym"]
        words = match["words"].split()[-len(acronym):]
        if len(words) == len(acronym) and "".join(w[0] for w in words) == acronym.lower():
            found.add(acronym)
        elif _letters_of(acronym.lower(), words[-1]):  # "photovoltaic (PV)": one word's letters, in order
            found.add(acronym)
    return frozenset(found)


def period_exclusions(periods: Iterable[tuple[int, int, str]], language: str = "en") -> list[tuple[int, int]]:
    """The spans of ``(start, end, text)`` periods that no entity may lie inside: all but those that keep the name of
    what they date (``named_periods``: "the National Day holiday", "the three-day Mid-Autumn Festival holiday"), whose
    name is an entity all the same."""
    named = _rules(language).named_periods
    return [(start, end) for start, end, text in periods if not named.search(text)]


def _letters_of(acronym: str, word: str) -> bool:
    """Whether ``acronym`` abbreviates the one ``word``: its first letter, then its other letters in order."""
    if len(word) < 2 * len(acronym) or not word.startswith(acronym[0]):
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in acronym[1:])


def _acronym(name: str, skip: frozenset[str]) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w not in skip and w[0].isupper())


def canonicalize(
    text: str,
    spans: Iterable[tuple[int, int, str, str | None]],
    exclude: list[tuple[int, int]] | None = None,
    abbreviations: dict[str, str] | None = None,
    language: str = "en",
    place: tuple[int, int] | None = None,
) -> list[Entity]:
    """Entities from raw ``(start, end, label, gazetteer id)`` spans of one article.

    Args:
        text: the article body.
        spans: entity spans in text order, as the NER pipeline gives them.
        exclude: spans of amounts, percentages and periods: an entity inside one is part of a unit ("U.S.
            dollars", "Indian rupees") and is dropped.
        abbreviations: known abbreviation -> canonical name (defaults to those the text defines).
        language: the data folder of the vocabulary.
        place: the span of the dateline's place ("URUMQI"): always a GPE.

    Returns:
        Entities in text order, without duplicate spans.
    """
    labels = set(load_json("vocabulary.json", language)["entity_labels"])
    rules = _rules(language)
    skip = rules.acronym_skip
    currency_after = _currency_words(language)
    taken = SpanSet(exclude or [])
    trimmed: list[tuple[int, int, str, str | None]] = []
    lower_words = set(re.findall(r"\b[a-z][a-z-]+\b", text))
    common = _common_acronyms(text, rules)
    spans = [s for s in spans if s[2] in labels]
    if place and not any(s[0] < place[1] and place[0] < s[1] for s in spans):
        spans = sorted([*spans, (place[0], place[1], "GPE", None)])
    for start, end, label, canonical in _with_short_names(text, _extend(text, list(spans), language)):
        if place and (start, end) == place:
            label, canonical = "GPE", canonical or text[start:end].title()
        piece = text[start:end]
        lead = _LEADING.match(piece) or rules.lower_lead.match(piece)
        start += lead.end() if lead else 0
        glued = _GLUED_SENTENCE.search(text, start, end)  # "GAC.Among": a sentence end without its space
        end = glued.start() + 1 if glued else end
        # "Tianjin International Cruise Home Port. File photo": a name ends at a sentence end the model ran on across,
        # by the splitter's rule (not at "U.S." nor "Co. Ltd.": sentences.json's abbreviations)
        cut = first_sentence_end(text, start, end, language)
        end = end if cut is None else cut + (text[cut] == ".")
        trail = _TRAILING.search(text[start:end]) or rules.connector_tail.search(text[start:end])
        end -= len(trail.group(0)) if trail else 0
        said = rules.trailing_words.search(text, start, end)  # "Ma Xingrui Monday"
        end = said.start() if said and canonical is None else end
        if end <= start or taken.overlaps(start, end):
            continue
        name = text[start:end]
        if canonical is None and (name in rules.never or name in common):
            continue  # "FDI", "COVID-19", "Southwest" (China), "Belt and Road" short of the Initiative; "GOP"
        if not any(c.isupper() for c in name):
            continue  # "the regional statistics bureau": a description, not a name
        if canonical is None and name in rules.heads:
            continue  # "Customs data show ...": a head noun alone is no name
        if currency_after.match(text, end):
            continue  # "U.S." in "U.S. dollars per tonne", outside any amount
        if canonical is None and " " not in name and (name.lower() in lower_words or (
                label == "PERSON" and rules.common_before.match(text, end))):
            continue  # "Coal imports rose" at a sentence start, "coal" elsewhere; "Raisin exports fell": common nouns
        if trimmed and trimmed[-1][:2] == (start, end):
            continue
        trimmed.append((start, end, label, canonical))
    known = abbreviations if abbreviations is not None else abbreviations_defined(text, trimmed)
    entities: list[Entity] = []
    # Earlier names indexed for the look-ups below (each a dict, so that an article of thousands of entities
    # stays linear): the latest entity by each ending of its acronym, the first company name by its name
    # without the suffix, the latest company by each leading part of its name, the latest person by first
    # and last word.
    by_acronym: dict[str, Entity] = {}
    by_bare_company: dict[str, str] = {}
    by_company_prefix: dict[str, Entity] = {}
    by_person_word: dict[str, str] = {}
    fixed: dict[str, str] = {}  # canonical name -> label, from the gazetteer: these never flip
    full_companies: dict[str, str] = {}  # leading words of each company named in full -> its name
    places = {" ".join(text[s:e].split()) for s, e, lab, _ in trimmed if lab in ("GPE", "LOC", "FAC")}
    for start, end, label, canonical in trimmed:
        if canonical is not None:
            fixed.setdefault(canonical, label)
        elif " " not in text[start:end]:  # "typhoon Rammasun": every "Rammasun" of the article is the storm
            given = next((lab for lab, before in rules.label_before
                          if before.search(text, max(0, start - 30), start)), None)
            if given is not None:
                fixed.setdefault(text[start:end], given)
        name = " ".join(text[start:end].split())
        if label == "ORG" and (rules.company_suffix.search(name) or rules.company_head.search(name)):
            words = name.split()
            # its leading words, down to one: "BYD" after "BYD Company Limited" (a place never: see below)
            for k in range(1, len(words)):
                full_companies.setdefault(" ".join(words[:k]), canonical or name)
    # a place is never a company's short name, even when the model calls it an organisation ("Beibu Gulf" beside
    # "Beibu Gulf International Port Group")
    gazetteer_places = _places(language) if full_companies else frozenset()
    for start, end, label, canonical in trimmed:
        name = " ".join(text[start:end].split())
        if canonical is None and name in known:
            canonical = known[name]
            label = fixed.get(canonical, label)  # "the FTZ" is what the zone it abbreviates is
        if canonical is None and name.isupper() and 2 <= len(name) <= 6:
            # An acronym of a name given earlier: the initials of the name or their last letters
            # ("China (Xinjiang) Pilot Free Trade Zone" ... "FTZ").
            earlier = by_acronym.get(name)
            if earlier is not None and len(earlier.text) > len(name):
                canonical, label = earlier.canonical, earlier.label
        if label == "ORG" and name in by_bare_company:  # "China Railway Kunming Group" after "... Group Co., Ltd."
            canonical = by_bare_company[name]  # the printed full name wins over the gazetteer's ("China Railway Co")
        if canonical is None:  # "Jiaheng" after "Jiaheng Auto Export Co."
            company = by_company_prefix.get(name)
            if company is not None:
                canonical, label = company.canonical, "ORG"
        if canonical in (None, name) and label == "ORG" and name in full_companies and name not in places \
                and fixed.get(name, "ORG") == "ORG" and name not in gazetteer_places:
            # "Capital Airports" in a headline before "Capital Airports Holding Company"; "Citic National" after
            # "Citic National Security Lithium Technology Corporation"; "BYD" (the gazetteer's short name) after
            # "BYD Company Limited": the company's printed full name is its canonical name
            canonical = full_companies[name]
        if canonical is None and " " not in name:  # a surname alone: the person named in full earlier
            person = by_person_word.get(name)
            if person is not None:
                canonical, label = person, "PERSON"
        if label == "PERSON" and " " in name:
            words = name.split()
            by_person_word[words[0]] = by_person_word[words[-1]] = name
        entity = Entity(text=text[start:end], start=start, end=end, label=label, canonical=canonical or name)
        entities.append(entity)
        acronym = _acronym(entity.text, skip)
        for k in range(2, min(6, len(acronym)) + 1):
            by_acronym[acronym[-k:]] = entity
        if label == "ORG" and entity.canonical:
            bare = rules.company_suffix.sub("", entity.canonical)
            if bare != entity.canonical:
                by_bare_company.setdefault(bare, entity.canonical)
        if label == "ORG" and rules.company_suffix.search(entity.text):
            for i, char in enumerate(entity.text):
                if char == " ":
                    by_company_prefix[entity.text[:i]] = entity
    return _stable_labels(entities, fixed)


def _stable_labels(entities: list[Entity], fixed: dict[str, str]) -> list[Entity]:
    """One label per canonical name within an article: the gazetteer's, else the most frequent (the first
    on a tie)."""
    votes: dict[str, Counter[str]] = {}
    for entity in entities:
        votes.setdefault(entity.canonical or entity.text, Counter())[entity.label] += 1
    return [
        e.model_copy(update={"label": fixed.get(name) or votes[name].most_common(1)[0][0]})
        for e in entities
        for name in [e.canonical or e.text]
    ]


@dataclass(frozen=True)
class EntityInput:
    """What entity recognition needs of one article."""

    text: str
    paragraphs: list[tuple[int, int]]
    exclude: list[tuple[int, int]] = field(default_factory=list)
    place: tuple[int, int] | None = None


#: Paragraphs longer than this go through the model in pieces (cut at a sentence end, else at white space):
#: spaCy refuses texts over its max_length (1,000,000) and its memory grows with the length of the texts it
#: holds at once (3 GB for a 1 MB paragraph). The longest paragraph of the corpus and the dev set has 1,883
#: characters, so no real paragraph is cut.
NER_PIECE_CHARS = 5_000
#: A batch of the model holds at most ``ner_batch_size`` texts and at most this many characters: memory
#: follows the characters of a batch (a batch of 100,000 took 450 MB more), and a batch of 32 corpus
#: paragraphs holds about 6,500.
NER_BATCH_CHARS = 20_000
#: A run of this many characters without white space is no word (a hash, a minified script, "US$US$US$..."):
#: spaCy's tokenizer is quadratic in the length of one token, so such runs are blanked before the model.
_LONG_RUN = re.compile(r"\S{200,}")
_SENTENCE_CUT = re.compile(r"[.!?][\"'”’)]*\s")
_SPACE_CUT = re.compile(r"\s")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _last_end(regex: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    last = None
    for last in regex.finditer(text, start, end):
        pass
    return last.end() if last else None


def ner_pieces(text: str, start: int, end: int, size: int = NER_PIECE_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` cut into stretches of at most ``size`` characters: after the last sentence end in the
    second half of each stretch, else after its last white space, else at the limit.

    >>> ner_pieces("One. Two. Three.", 0, 16, size=10)
    [(0, 10), (10, 16)]
    """
    pieces = []
    while end - start > size:
        low, limit = start + size // 2, start + size
        cut = _last_end(_SENTENCE_CUT, text, low, limit) or _last_end(_SPACE_CUT, text, low, limit) or limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _pipe(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` over batches of at most ``batch_size`` texts and :data:`NER_BATCH_CHARS` characters."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or chars + len(text) > NER_BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


@cache
def _chinese_names(language: str) -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Surnames, a regex of a given name of one or two pinyin syllables, candidate "Surname Given" pairs and a
    capitalized word before a reporting verb ("Zhang said")."""
    data = load_json("chinese_names.json", language)
    syllable = "|".join(sorted(data["syllables"], key=len, reverse=True))
    given = re.compile(rf"(?:{syllable})(?:['’-]?(?:{syllable}))?", re.IGNORECASE)
    pair = re.compile(r"\b(?P<surname>[A-Z][a-z]{1,6}) (?P<given>[A-Z][a-z]{1,12}(?:-[a-z]{1,6})?)\b")
    alone = re.compile(r"\b(?P<surname>[A-Z][a-z]{1,6})(?=" + data.get("alone_before", "(?!)") + ")")
    return frozenset(data["surnames"]), given, pair, alone


def chinese_person_names(text: str, spans: list[tuple[int, int, str, str | None]], places: frozenset[str],
                         language: str = "en") -> list[tuple[int, int, str, str | None]]:
    """Add the Chinese personal names the model misses or mislabels ("Shu Jueting", "Yu Guangzhou" read as a
    city): a surname of ``data/<lang>/chinese_names.json`` and a pinyin given name. A pair that is a place of
    the gazetteer ("Hong Kong") is left alone; a model span that holds more than the pair is kept."""
    surnames, given, pair, alone = _chinese_names(language)
    out = list(spans)
    named: set[str] = set()
    for match in pair.finditer(text):
        if match["surname"] not in surnames or not given.fullmatch(match["given"].lower()) or match.group(0) in places:
            continue
        start, end = match.span()
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _, _ in out):
            continue  # inside a longer name: "Zhang Jia Logistics Group"
        out = [x for x in out if not (x[0] < end and start < x[1])] + [(start, end, "PERSON", None)]
        named.add(match["surname"])
    if named:  # "Zhang said" after "Zhang Wei": the surname alone is that person (canonicalize links them)
        taken = SpanSet([(s, e) for s, e, _, _ in out])
        for match in alone.finditer(text):
            start, end = match.span("surname")
            if match["surname"] in named and not taken.overlaps(start, end):
                out.append((start, end, "PERSON", None))
    return sorted(out)


def extract_entities_batch(articles: list[EntityInput], settings: Settings) -> list[list[Entity]]:
    """The named entities of several article bodies, recognized paragraph by paragraph (never across two).

    The paragraphs of all articles go through the model in one stream of ``settings.ner_batch_size``
    documents; the model's output does not depend on the batching.

    Args:
        articles: each article's cleaned body, paragraphs, spans that hold no entity (amounts, percentages,
            periods) and the span of its dateline place (a GPE whatever the model says).
        settings: ``settings.model`` names the spaCy model.

    Returns:
        For each article, its entities in text order, with OntoNotes labels and canonical names.

    Raises:
        ModelNotFoundError: no spaCy model is installed.
    """
    nlp = entity_pipeline(settings.model, settings.language)
    jobs = [(a, start, end) for a in range(len(articles)) for p_start, p_end in articles[a].paragraphs
            for start, end in ner_pieces(articles[a].text, p_start, p_end)]
    docs = _pipe(nlp, (_LONG_RUN.sub(_blank, articles[a].text[s:e]) for a, s, e in jobs), settings.ner_batch_size)
    spans: list[list[tuple[int, int, str, str | None]]] = [[] for _ in articles]
    for (a, start, _), doc in zip(jobs, docs):
        spans[a] += [(start + e.start_char, start + e.end_char, e.label_, e.ent_id_ or None) for e in doc.ents]
    places = _places(settings.language)
    return [canonicalize(art.text, chinese_person_names(art.text, found, places, settings.language), art.exclude,
                         language=settings.language, place=art.place)
            for art, found in zip(articles, spans)]


@cache
def _places(language: str) -> frozenset[str]:
    return frozenset(p["pattern"] for p in gazetteer_patterns(language) if p["label"] in ("GPE", "LOC", "FAC"))


def extract_entities(
    text: str,
    paragraphs: list[tuple[int, int]],
    settings: Settings,
    exclude: list[tuple[int, int]] | None = None,
    place: tuple[int, int] | None = None,
) -> list[Entity]:
    """The named entities of one article body (see :func:`extract_entities_batch`)."""
    return extract_entities_batch([EntityInput(text, paragraphs, exclude or [], place)], settings)[0]
