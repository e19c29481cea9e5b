"""Statistical facts on hand-worked sentences and on the seed article (issue 16's done-when)."""

from __future__ import annotations

from datetime import date

from conftest import CORPUS

from xjextract.pipeline import extract_article
from xjextract.readers import read_article


def facts_of(text: str, published: date = date(2024, 7, 18)) -> list[dict[str, object]]:
    rec = extract_article(text, "a", publication=published)
    out = []
    for f in rec.facts:
        value = rec.money[f.money] if f.money is not None else rec.quantities[f.quantity] if f.quantity is not None else None
        out.append({
            "subject": f.subject.canonical if f.subject else None, "metric": f.metric.name if f.metric else None,
            "value": value.text if value else None,
            "change": rec.percentages[f.change].text if f.change is not None else None,
            "share": rec.percentages[f.share].text if f.share is not None else None,
            "period": (str(rec.periods[f.period].first_day), str(rec.periods[f.period].last_day))
            if f.period is not None else None, "inherited": f.inherited})
    return out


def test_seed_000_first_paragraph_and_the_respectively_sentence() -> None:
    rec = extract_article(read_article(CORPUS / "000_0e780ba2c3dffdc5.txt"))
    first_body = rec.sentences[1]  # sentence 0 is the headline
    lead = [f for f in rec.facts if f.sentence == 1]
    assert len(lead) == 1
    f = lead[0]
    assert (f.subject.canonical, f.metric.name) == ("Xinjiang", "foreign_trade")  # type: ignore[union-attr]
    money, change, period = rec.money[f.money], rec.percentages[f.change], rec.periods[f.period]  # type: ignore[index]
    assert (money.amount, money.currency) == (200e9, "CNY") and first_body.start <= money.start < first_body.end
    assert (change.value, change.direction, change.basis) == (48.4, "up", "year_on_year")
    assert (str(period.first_day), str(period.last_day)) == ("2024-01-01", "2024-06-30")
    resp = [f for f in rec.facts if f.change is not None and rec.percentages[f.change].text in ("45.8 percent", "8.7 percent")]
    assert [(f.subject.canonical, rec.percentages[f.change].value) for f in resp] == [  # type: ignore[union-attr,index]
        ("Kazakhstan", 45.8), ("Kyrgyzstan", 8.7)]
    for f in resp:
        assert f.inherited == ["period"]
        assert (str(rec.periods[f.period].first_day), str(rec.periods[f.period].last_day)) == (  # type: ignore[index]
            "2024-01-01", "2024-06-30")


def test_value_and_change_in_one_clause_are_one_fact_the_conversion_none() -> None:
    got = facts_of("Exports\n\nHainan's exports grew 39.1 percent to 253.3 billion yuan (about 35 billion U.S. dollars) "
                   "in 2023.")
    assert got == [{"subject": "Hainan", "metric": "exports", "value": "253.3 billion yuan", "change": "39.1 percent",
                    "share": None, "period": ("2023-01-01", "2023-12-31"), "inherited": []}]


def test_clauses_split_series_and_a_past_level_is_no_fact() -> None:
    got = facts_of("Trade\n\nIn the first quarter, Xinjiang's exports rose 5 percent to 10 billion yuan, while imports "
                   "fell 3 percent. The share of trade rose to 40 percent, up from 31 percent a year earlier.")
    assert [(g["metric"], g["value"], g["change"]) for g in got[:2]] == [
        ("exports", "10 billion yuan", "5 percent"), ("imports", None, "3 percent")]
    assert all(g["change"] != "31 percent" and g["share"] != "31 percent" for g in got)
    assert got[1]["period"] == ("2024-01-01", "2024-03-31")


def test_period_subject_and_metric_inherited_and_a_release_day_is_no_period() -> None:
    got = facts_of("Xinjiang trade\n\nXinjiang's foreign trade reached 200 billion yuan in the first half of 2024, the "
                   "customs said on Tuesday. It traded with 205 countries and regions.")
    assert got[0]["period"] == ("2024-01-01", "2024-06-30")  # not Tuesday
    assert got[1] == {"subject": "Xinjiang", "metric": "countries", "value": "205", "change": None, "share": None,
                      "period": ("2024-01-01", "2024-06-30"), "inherited": ["subject", "period"]}


def test_a_partner_named_alone_is_the_subject_and_the_source_never() -> None:
    got = facts_of("Trade\n\nTrade with Uzbekistan rose 17.1 percent in the first quarter, according to the "
                   "General Administration of Customs.")
    assert got[0]["subject"] == "Uzbekistan"


def test_an_anaphor_of_a_kind_takes_the_articles_port_not_the_region() -> None:
    got = facts_of("Trains\n\nAlataw Pass, a land port in Xinjiang, handled 3,000 freight trains in the first half of 2024."
                   "\n\nXinjiang's exports to Kazakhstan rose 10 percent, and more goods were cleared at Horgos. In the "
                   "same period, the port exported 12,000 vehicles.")
    vehicles = next(g for g in got if g["value"] == "12,000 vehicles")
    assert vehicles["subject"] == "Alataw Pass" and "subject" in vehicles["inherited"]  # type: ignore[operator]
    assert next(g for g in got if g["change"] == "10 percent")["subject"] == "Xinjiang"


def test_the_port_is_never_a_company_named_after_one() -> None:
    got = facts_of("Trains\n\nThe Beibu Gulf International Port Group moved 35 million tonnes of cargo in the first "
                   "quarter of 2024 through Qinzhou Port.\n\nBy March 31, the port had handled 700 trains.")
    assert [g["subject"] for g in got][-1] == "Qinzhou Port"


def test_the_zone_is_the_free_trade_zone_named_before_not_the_city() -> None:
    got = facts_of("Zone\n\nThe China (Xinjiang) Pilot Free Trade Zone opened in November 2023 in Urumqi.\n\n"
                   "Urumqi's trade rose 8 percent in the first half of 2024. The zone has attracted more than "
                   "2,000 new companies.")
    assert next(g for g in got if g["value"] == "2,000")["subject"] == "China (Xinjiang) Pilot Free Trade Zone"


def test_trains_passing_through_a_port_have_the_port_as_subject() -> None:
    got = facts_of("Trains\n\nXinjiang's foreign trade rose 5 percent in the first half of 2024. In the same period, 3,912 "
                   "freight trains passed through Alataw Pass and Horgos, up 7.3 percent.")
    trains = next(g for g in got if g["value"] == "3,912")
    assert (trains["subject"], trains["change"]) == ("Alataw Pass", "7.3 percent")


def test_a_respectively_list_is_the_figures_joined_by_and_the_rest_facts_of_their_own() -> None:
    got = facts_of("Trade\n\nIn the first half of 2024, Guangxi's trade with Vietnam grew 6 percent, and trade with "
                   "Thailand and Malaysia rose 4 percent and 9 percent, respectively. The two took 30 percent of the "
                   "total.")
    by_change = {g["change"]: g for g in got if g["change"]}
    assert set(by_change) == {"6 percent", "4 percent", "9 percent"}
    assert (by_change["4 percent"]["subject"], by_change["9 percent"]["subject"]) == ("Thailand", "Malaysia")
    # a list member is not what the paragraph is about: the next sentence does not inherit Malaysia
    assert next(g for g in got if g["share"] == "30 percent")["subject"] != "Malaysia"


def test_a_figure_after_the_lists_joins_the_last_one_and_a_possessive_place_owns_its_figure() -> None:
    got = facts_of("Imports\n\nKashgar's imports of cotton reached 1.2 billion yuan in 2023, and machinery 0.8 billion "
                   "yuan, up by 1.5 times and 12 percent, respectively.\n\nGansu posted growth of 6.2 percent in 2023, "
                   "followed by Qinghai province's 5.9 percent.")
    assert next(g for g in got if g["value"] == "0.8 billion yuan")["change"] == "12 percent"
    assert not any(g["change"] == "12 percent" and g["value"] is None for g in got)
    assert next(g for g in got if g["change"] == "5.9 percent")["subject"] == "Qinghai"


def test_the_ministry_is_the_ministry_named_before_unless_it_is_the_figures_source() -> None:
    got = facts_of("Rail\n\nThe Ministry of Railways carried 1.2 billion travelers in 2023. The ministry also moved 1.5 "
                   "billion tonnes of coal in 2023.\n\nThe Ministry of Commerce held a briefing in Urumqi on Tuesday. "
                   "The ministry said Xinjiang's exports rose 5 percent in 2023.")
    assert next(g for g in got if g["value"] == "1.5 billion tonnes")["subject"] == "Ministry of Railways"
    assert next(g for g in got if g["change"] == "5 percent")["subject"] == "Xinjiang"


def test_a_described_value_inherits_no_period_and_a_levels_own_period_is_not_the_facts() -> None:
    got = facts_of("Zone\n\nUrumqi's exports rose 8 percent in the first half of 2024. The new yard covers 26 hectares.\n\n"
                   "Output grew 6.1 percent in the first quarter of 2024, compared with the 5.2-percent increase in 2023.")
    assert next(g for g in got if g["value"] == "26 hectares")["period"] is None
    assert next(g for g in got if g["change"] == "6.1 percent")["period"] == ("2024-01-01", "2024-03-31")
    assert next(g for g in got if g["change"] == "8 percent")["period"] == ("2024-01-01", "2024-06-30")


def test_a_stock_at_a_months_end_keeps_that_day_before_according_to() -> None:
    got = facts_of("Money\n\nM2 rose 8.4 percent year on year to 194.56 trillion yuan at the end of October, according to "
                   "the People's Bank of China.", published=date(2019, 11, 11))
    assert got[0]["period"] == ("2019-10-31", "2019-10-31")


def test_an_unnamed_company_is_no_subject_and_a_named_one_is_the_company() -> None:
    got = facts_of("Cars\n\nHorgos exported 5,000 vehicles in the first half of 2024. Her company exported 1,460 "
                   "vehicles in the first half of 2024.\n\nJiaheng Auto Export Co. opened a yard in Horgos in 2023. "
                   "The company exported 900 vehicles in the first half of 2024.")
    assert next(g for g in got if g["value"] == "1,460 vehicles")["subject"] is None
    assert next(g for g in got if g["value"] == "900 vehicles")["subject"] == "Jiaheng Auto Export Co."


def test_a_subject_named_earlier_in_the_same_sentence_is_not_inherited() -> None:
    got = facts_of("Power\n\nXinjiang sent 126.3 billion kilowatt-hours of electricity to other regions last year, up 3.4 "
                   "percent, and its installed capacity of wind and solar power passed 100 million kilowatts by the end "
                   "of 2024.")
    capacity = next(g for g in got if g["value"] == "100 million kilowatts")
    assert capacity["subject"] == "Xinjiang" and "subject" not in capacity["inherited"]  # type: ignore[operator]


def test_a_partner_named_alone_is_the_one_nearest_its_figure() -> None:
    got = facts_of("Hainan trade\n\nWhile trade with the United States increased 54.4 percent to 5.87 billion yuan, trade "
                   "with the European Union grew 33.5 percent to 4.57 billion yuan in the first five months.",
                   published=date(2018, 6, 20))
    assert [g["subject"] for g in got] == ["United States", "European Union"]


def test_a_body_that_said_it_did_something_is_the_subject_not_only_the_source() -> None:
    got = facts_of("Projects\n\nThe National Development and Reform Commission said it approved 218 projects worth 1.81 "
                   "trillion yuan in the first nine months of the year.", published=date(2015, 10, 20))
    assert got[0]["subject"] == "National Development and Reform Commission"
    got = facts_of("Trade\n\nChina's exports rose 5 percent in the first half, the National Development and Reform "
                   "Commission said.")
    assert got[0]["subject"] == "China"


def test_a_period_after_from_the_is_the_basis_even_when_it_is_a_range() -> None:
    got = facts_of("Profits\n\nIn the first nine months of the year, profits of major industrial firms declined 2.4 "
                   "percent to 4.37 trillion yuan, narrowing 2 percentage points from the January-August period.",
                   published=date(2020, 10, 27))
    profits = next(g for g in got if g["value"] == "4.37 trillion yuan")
    assert profits["period"] == ("2020-01-01", "2020-09-30")


def test_over_the_first_two_months_is_the_facts_period_not_a_basis() -> None:
    got = facts_of("SOE profits\n\nChina's state-owned enterprises reported profits of 160 billion yuan over the first two "
                   "months, up 40 percent year on year. Exports surged 34 percent to 86 billion yuan.",
                   published=date(2007, 4, 3))
    assert {g["period"] for g in got} == {("2007-01-01", "2007-02-28")}


def test_the_hub_and_the_prefecture_are_the_ones_the_article_names() -> None:
    got = facts_of("Urumqi freight\n\nThe Urumqi International Land Port Area handled 1,380 freight trains in the first "
                   "three quarters, up 18.6 percent.\n\nUrumqi is a key assembly point for goods heading west. The hub "
                   "shipped 24,650 vehicles abroad by rail.\n\nAksu Prefecture exported 186,000 tonnes of yarn, which "
                   "Xinjiang's cotton feeds.\n\nIn September, the prefecture's exports hit 712 million yuan.",
                   published=date(2025, 10, 14))
    assert next(g for g in got if g["value"] == "24,650 vehicles")["subject"] == "Urumqi International Land Port Area"
    assert next(g for g in got if g["value"] == "712 million yuan")["subject"] == "Aksu Prefecture"


def test_a_counted_noun_is_no_metric_for_the_next_figures_and_invest_names_investment() -> None:
    got = facts_of("Textiles\n\nAksu now has 132 textile companies. They run 6.8 million spindles. The prefecture "
                   "will invest 3.5 billion yuan in garment projects.", published=date(2025, 11, 4))
    assert next(g for g in got if g["value"] == "132")["metric"] == "enterprises"
    assert next(g for g in got if g["value"] == "6.8 million")["metric"] is None
    assert next(g for g in got if g["value"] == "3.5 billion yuan")["metric"] == "investment"


def test_the_first_party_of_a_bilateral_series_is_its_subject() -> None:
    got = facts_of("China-Russia trade up\n\nChina-Russia trade rose 28.2 percent in the first quarter. Last year, trade "
                   "between the two countries rose 20.8 percent to 84.07 billion dollars.", published=date(2018, 4, 20))
    assert [g["subject"] for g in got] == ["China", "China"]
    got = facts_of("Trains\n\nChina-Europe freight trains made 1,500 trips in the first quarter.",
                   published=date(2018, 4, 20))
    assert got[0]["subject"] != "Europe"
    assert got[0]["subject"] is None  # half of a compound, not the first party of a bilateral series


def test_a_metric_word_in_an_aside_is_not_the_figures_metric() -> None:
    got = facts_of("Prices\n\nChina's producer price index, a major measure of inflation at the wholesale level, rose 5.5 "
                   "percent last year.", published=date(2011, 1, 20))
    assert got[0]["metric"] == "ppi"


def test_figures_listed_after_a_comparison_level_are_levels_too() -> None:
    got = facts_of("CPI\n\nThe CPI rose 4.6 percent in December. The rise of food prices in December was down from 11.7 "
                   "percent in November, 10.1 percent in October, 8 percent in September and 7.5 percent in August.",
                   published=date(2011, 1, 20))
    assert [g["change"] for g in got] == ["4.6 percent"]


def test_an_amount_that_is_the_change_itself_is_no_facts_value() -> None:
    got = facts_of("Grain\n\nChina's summer grain output reached 147.39 million tonnes this year, up 1.434 million tonnes "
                   "from last year.", published=date(2022, 7, 14))
    assert [g["value"] for g in got] == ["147.39 million tonnes"]


def test_an_absolute_change_right_after_a_value_is_that_values_change() -> None:
    got = facts_of("Loans\n\nNew loans hit 17 trillion yuan in 2019, a year-on-year rise of 1.1 trillion yuan, the bank "
                   "said. Net coal exports were about 5 million tons, an increase of 2.9 million tons.",
                   published=date(2020, 1, 16))
    assert [g["value"] for g in got] == ["17 trillion yuan", "5 million tons"]


def test_a_difference_more_than_that_is_no_facts_value() -> None:
    got = facts_of("Reserves\n\nThe reserves stood at 3.99 trillion US dollars at the end of June. The figure was 130 "
                   "billion US dollars more than that at the end of 2013.", published=date(2014, 7, 15))
    assert [g["value"] for g in got] == ["3.99 trillion US dollars"]


def test_a_level_after_a_months_possessive_is_a_comparison_level() -> None:
    got = facts_of("CPI\n\nThe CPI rose 2.1 percent in January. The rate was down from December's 1.8 percent and "
                   "lower than last year's 2.5 percent.", published=date(2019, 2, 15))
    assert [g["change"] for g in got] == ["2.1 percent"]


def test_its_opening_a_paragraph_is_the_paragraph_befores_subject_not_the_headlines() -> None:
    got = facts_of("China's west opens wider\n\nIn the first half of 2024, Xinjiang's GDP increased 5.4 percent year on "
                   "year.\n\nFrom January to August, its industrial output grew 7.2 percent.", published=date(2024, 10, 14))
    assert [g["subject"] for g in got] == ["Xinjiang", "Xinjiang"]
    assert got[1]["inherited"][:1] == ["subject"]


def test_a_paragraph_opening_specifically_keeps_the_period_of_the_one_before() -> None:
    got = facts_of("Industrial profits up 10.1% in September\n\nProfits totaled 646.43 billion yuan in September, up 10.1 "
                   "percent.\n\nIn the first nine months of the year, profits declined 2.4 percent to 4.37 trillion yuan."
                   "\n\nSpecifically, profits of State-controlled firms dropped 14.3 percent to 1.13 trillion yuan.",
                   published=date(2020, 10, 27))
    september, nine_months = ("2020-09-01", "2020-09-30"), ("2020-01-01", "2020-09-30")
    assert [g["period"] for g in got] == [september, september, nine_months, nine_months]  # headline first
    assert got[-1]["inherited"] == ["period"]


def test_a_paragraph_opening_on_the_same_series_keeps_its_period_not_its_subject() -> None:
    got = facts_of("Money supply in October\n\nIn the first 10 months, new yuan loans in China reached 13.3 trillion yuan.\n\n"
                   "The broad money supply (M2) in Guangdong rose 8.4 percent to 19.4 trillion yuan at the end of "
                   "October.\n\nThe M2 growth was 0.4 percentage points higher than the same period last year."
                   "\n\nThe M2 growth in September was 8.4 percent.", published=date(2019, 11, 14))
    end_of_october = ("2019-10-31", "2019-10-31")
    assert [g["period"] for g in got] == [("2019-01-01", "2019-10-31"), end_of_october, end_of_october,
                                          ("2019-09-01", "2019-09-30")]  # a paragraph dating its figure: its own
    assert got[2]["inherited"] == ["subject", "period"] and got[2]["subject"] == "China"  # the lead's, not Guangdong


def test_the_clause_before_a_respectively_list_is_grouped_as_any_other() -> None:
    got = facts_of("Trade\n\nHubei's exports of electromechanical products rose by 11.5 percent to 9.69 billion yuan, "
                   "accounting for 57.2 percent of the total, while textiles, footwear and medicines increased by 43.4 "
                   "percent, 63.7 percent and 33 percent, respectively.")
    assert [(g["value"], g["change"], g["share"]) for g in got] == [
        ("9.69 billion yuan", "11.5 percent", "57.2 percent"), (None, "43.4 percent", None),
        (None, "63.7 percent", None), (None, "33 percent", None)]
    # the list pairs with a figure before the break: no parting ("up 11.3 percent and 58.3 percent respectively")
    got = facts_of("Trade\n\nTrade between China and Kazakhstan rose to $28.6 billion while that between China and "
                   "Uzbekistan topped $4 billion, up 11.3 percent and 58.3 percent respectively.")
    assert [(g["value"], g["change"]) for g in got] == [("$28.6 billion", "11.3 percent"), ("$4 billion", "58.3 percent")]


def test_a_share_after_the_values_own_series_is_the_same_facts() -> None:
    got = facts_of("Trade\n\nWuhan achieved 16.41 billion yuan in imports and exports in the first month of 2018, "
                   "contributing to 61.9 percent of the total volume of the province.")
    assert [(g["value"], g["share"]) for g in got] == [("16.41 billion yuan", "61.9 percent")]
    got = facts_of("Trade\n\nXinjiang's trade reached 56.1 billion yuan, with exports accounting for 91.3 percent.")
    assert [(g["value"], g["share"]) for g in got] == [("56.1 billion yuan", None), (None, "91.3 percent")]


def test_each_name_right_before_its_figure_by_at_is_that_figures_subject() -> None:
    got = facts_of("Trade\n\nIn the first seven months, Kazakhstan ranked first among Xinjiang's trading partners with "
                   "98.35 billion yuan in trade, up 18.2 percent, followed by Kyrgyzstan at 76.9 billion yuan and "
                   "Tajikistan at 12.41 billion yuan.", published=date(2024, 8, 20))
    assert [g["subject"] for g in got] == ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]


def test_a_fronted_phrase_before_the_subject_is_no_aside() -> None:
    got = facts_of("Ports\n\nFurther west, the Ganqimaodu port handled 12.4 million tonnes of cargo in May.",
                   published=date(2024, 6, 20))
    assert [g["subject"] for g in got] == ["Ganqimaodu"]
    got = facts_of("Ports\n\nErenhot, the Ganqimaodu port's rival, handled 12.4 million tonnes of cargo in May.",
                   published=date(2024, 6, 20))
    assert [g["subject"] for g in got] == ["Erenhot"]  # a closed aside still is one
    got = facts_of("Ports\n\nFurther west, the Ganqimaodu port in Bayannur, Inner Mongolia's main road crossing for "
                   "Mongolian coal, handled 12.4 million tonnes of cargo in May.", published=date(2024, 6, 20))
    assert [g["subject"] for g in got] == ["Ganqimaodu"]  # the fronted phrase's comma opens no aside


def test_a_lead_that_dates_nothing_takes_the_next_paragraphs_period() -> None:
    text = ("China sees growth in summer grain harvest\n\nChina has reaped its summer grain harvest with growth in "
            "total output, the statistics bureau said Thursday.\n\nChina's total grain output reached 147.39 million "
            "tonnes in this year's summer harvest.\n\nThe output of wheat stood at 135.76 million tonnes, up 1 "
            "percent year on year.\n\nThe area sown to rice rose 2 percent in 2021.\n\nThe output of corn stood at 5 "
            "million tonnes.")
    got = facts_of(text, published=date(2022, 7, 14))
    this_year = ("2022-01-01", "2022-12-31")
    assert [g["period"] for g in got] == [this_year, this_year, ("2021-01-01", "2021-12-31"), this_year]
    assert "period" in got[1]["inherited"]


def test_a_respectively_list_gives_out_its_periods_in_order() -> None:
    got = facts_of("Tourism\n\nTourism revenue for the first three quarters of 2024 and that of the entire 2023 reached "
                   "287.58 billion yuan and 296.72 billion yuan, respectively.", published=date(2024, 11, 1))
    assert [(g["value"], g["period"]) for g in got] == [
        ("287.58 billion yuan", ("2024-01-01", "2024-09-30")), ("296.72 billion yuan", ("2023-01-01", "2023-12-31"))]


def test_a_period_in_an_opening_since_clause_dates_the_event_not_the_figure() -> None:
    got = facts_of("Trains\n\nSince the first China-Europe freight train passed through the port in 2016, more than "
                   "30,000 such trains have used the route as of the end of July.", published=date(2023, 8, 10))
    assert [g["period"] for g in got] == [("2023-07-31", "2023-07-31")]
    got = facts_of("Trains\n\nThe port has seen over 33,000 China-Europe freight trains pass through it since it served "
                   "the first freight train in 2016.", published=date(2023, 8, 10))
    assert [g["period"] for g in got] == [None]


def test_the_year_of_a_bare_past_level_or_of_a_multiples_basis_is_not_the_figures() -> None:
    got = facts_of("Fruit\n\nThe number of registered fruit exporters in Kashgar has grown to 126 companies, up from 87 "
                   "in 2022.", published=date(2025, 7, 1))
    assert [g["period"] for g in got] == [None]
    got = facts_of("Paste\n\nHis factory turned out 61,000 tonnes of paste, nearly 1.3 times its 2023 output.",
                   published=date(2024, 11, 1))
    assert [g["period"] for g in got] == [None]


def test_a_level_in_the_present_perfect_inherits_no_period() -> None:
    got = facts_of("Kashgar trade up 20% in H1\n\nIn the first half, Kashgar's exports rose 20 percent to 9 billion yuan. "
                   "The Kashgar area has drawn more than 1,100 new businesses. Its imports have risen 5 percent.",
                   published=date(2024, 7, 20))
    h1 = ("2024-01-01", "2024-06-30")
    assert [(g["value"], g["change"], g["period"]) for g in got] == [
        (None, "20%", h1), ("9 billion yuan", "20 percent", h1), ("1,100", None, None), (None, "5 percent", h1)]


def test_work_under_way_inherits_no_period() -> None:
    got = facts_of("Horgos power up in 2024\n\nIn 2024, Horgos generated 1.2 billion kilowatt-hours of green power. "
                   "Construction is under way on a wind farm with a combined investment of 1.86 billion yuan.",
                   published=date(2025, 1, 20))
    assert [(g["value"], g["period"]) for g in got][-1] == ("1.86 billion yuan", None)


def test_a_past_level_after_from_just_over_or_from_the_previous_is_no_fact() -> None:
    got = facts_of("Railway\n\nIts cargo expanded from just over 500 categories to more than 3,600 this year.",
                   published=date(2025, 8, 1))
    assert [g["value"] for g in got] == ["3,600"]
    got = facts_of("Hainan\n\nIn July 2020, Hainan's duty-free sales rose to 100,000 yuan a shop from the previous "
                   "30,000 yuan.", published=date(2020, 8, 1))
    assert [g["value"] for g in got] == ["100,000 yuan"]


def test_two_figures_joined_by_and_are_two_facts_unless_a_range_after_between() -> None:
    got = facts_of("CPI\n\nIn January, non-food and service prices climbed 2 percent and 2.3 percent year on year.",
                   published=date(2018, 2, 10))
    assert [g["change"] for g in got] == ["2 percent", "2.3 percent"]
    got = facts_of("Output\n\nThe output of the two sectors reached 115.3 billion and 165 billion yuan from January to "
                   "September this year.", published=date(2021, 10, 20))
    assert [g["value"] for g in got] == ["115.3 billion", "165 billion yuan"]
    got = facts_of("Growth\n\nExports grew between 4 percent and 5 percent in May.", published=date(2021, 6, 20))
    assert [g["change"] for g in got] == ["4 percent"]  # a range: one figure
    got = facts_of("Growth\n\nIn May, exports rose 5 percent year on year and 2 percent from April.",
                   published=date(2021, 6, 20))
    assert [g["change"] for g in got] == ["5 percent"]  # a second reading of the same figure


def test_a_name_with_a_volume_of_its_own_is_that_figures_subject() -> None:
    got = facts_of("Trade\n\nIn the first half, ASEAN remained China's top trading partner, with bilateral trade volume "
                   "reaching 5.67 trillion yuan, up 8.8 percent, followed by the EU with a trade volume at 4.64 trillion "
                   "yuan, and the US at 4.01 trillion yuan.", published=date(2021, 7, 20))
    assert [g["subject"] for g in got] == ["Association of Southeast Asian Nations", "European Union", "United States"]


def test_a_clause_after_a_respectively_list_is_a_clause_of_its_own() -> None:
    got = facts_of("Trade\n\nIn the first half, Kazakhstan and Uzbekistan were the biggest buyers, taking 38.2 percent "
                   "and 21.5 percent of the total, respectively, while Russia accounted for 17.9 percent.",
                   published=date(2025, 8, 6))
    assert [(g["subject"], g["share"]) for g in got] == [
        ("Kazakhstan", "38.2 percent"), ("Uzbekistan", "21.5 percent"), ("Russia", "17.9 percent")]


def test_the_year_of_the_target_a_share_is_of_is_not_the_shares() -> None:
    got = facts_of("Rail\n\nChina's railways carried 1.43 billion travelers in the first nine months. The figure accounted "
                   "for 75.4 percent of the ministry's full-year target.", published=date(2011, 10, 20))
    nine_months = ("2011-01-01", "2011-09-30")
    assert [(g["share"], g["period"]) for g in got] == [(None, nine_months), ("75.4 percent", nine_months)]


def test_an_expo_owns_its_figures_a_holiday_does_not() -> None:
    got = facts_of("Expo\n\nThe 8th China-Eurasia Expo, held in Xinjiang in June, attracted 50 countries, regions and "
                   "international organizations.", published=date(2024, 11, 1))
    assert [g["subject"] for g in got] == ["China-Eurasia Expo"]
    got = facts_of("Holiday\n\nDuring the Spring Festival, China's retail sales reached 840 billion yuan, up 11.4 "
                   "percent.", published=date(2017, 2, 4))
    assert [g["subject"] for g in got] == ["China"]


def test_a_compass_place_modifying_a_noun_is_not_the_subject() -> None:
    got = facts_of("East China port's annual container throughput exceeds 30 million TEUs\n\nNINGBO, Dec. 16 (Xinhua) -- "
                   "The annual container throughput of China's busiest port, the Port of Ningbo Zhoushan, reached 30 "
                   "million TEUs on Thursday.", published=date(2021, 12, 17))
    assert [g["subject"] for g in got] == ["Ningbo Zhoushan Port", "Ningbo Zhoushan Port"]
    got = facts_of("Trade\n\nNorthwest China's Xinjiang saw its trade rise 5 percent in 2024.", published=date(2025, 1, 20))
    assert [g["subject"] for g in got] == ["Xinjiang"]


def test_the_date_of_a_release_or_a_start_is_no_figures_period() -> None:
    got = facts_of("Plan\n\nUnder a plan released in 2023, Xinjiang aims to draw 1.5 trillion yuan ($210 billion) of "
                   "investment into transport and logistics infrastructure by 2030.", published=date(2025, 5, 15))
    assert [g["period"] for g in got] == [("2030-01-01", "2030-12-31")]
    got = facts_of("Park\n\nIn Horgos, construction began last month on an RMB5.2 billion vehicle logistics park.",
                   published=date(2024, 6, 15))
    assert [g["period"] for g in got] == [None]  # "began last month": no preposition between


def test_a_period_in_a_relative_clause_before_the_figure_is_not_its_period() -> None:
    got = facts_of("Cash\n\nThe Horgos branch of a state-owned bank, which has operated a tenge cash business since 2015, "
                   "transported 500 million tenge in cash across the border in March alone.", published=date(2024, 5, 15))
    assert [g["period"] for g in got] == [("2024-03-01", "2024-03-31")]


def test_a_statement_of_the_present_takes_no_period_from_another_clause() -> None:
    got = facts_of("Kashgar\n\nOver the past decade, the number of trade firms in the city has grown fivefold, and "
                   "cross-border e-commerce now makes up 25.6 percent of its foreign trade.", published=date(2024, 3, 6))
    assert [(g["share"], g["period"]) for g in got] == [("25.6 percent", None)]


def test_what_a_total_included_is_a_fact_of_its_own() -> None:
    got = facts_of("NEV\n\nJiangsu saw its vehicle production increase 26.1 percent year on year to 797,000 from January "
                   "to July, which included an output of 289,000 NEVs.", published=date(2022, 8, 20))
    assert [(g["value"], g["change"]) for g in got] == [(None, "26.1 percent"), ("289,000 NEVs", None)]


def test_the_possessor_opening_an_aside_is_not_the_subject() -> None:
    got = facts_of("Trade\n\nIn the first quarter, trade with the European Union was down 1.9% at 1.27 trillion yuan, "
                   "while trade with ASEAN, China's largest trading partner, rose 7.1% to 1.6 trillion yuan.",
                   published=date(2024, 4, 15))
    assert [g["subject"] for g in got] == ["European Union", "Association of Southeast Asian Nations"]


def test_a_distance_is_no_fact_a_length_built_is() -> None:
    got = facts_of("Roads\n\nBaktu, about 17 km from the Kazakh border town of Bakhty, handled 318,000 tonnes of imports in "
                   "2023. The 350-kilometer drive from Almaty takes four hours.", published=date(2024, 5, 1))
    assert [g["value"] for g in got] == ["318,000 tonnes"]
    got = facts_of("Rail\n\nA total of 4,100 kilometers of new rail lines were put into operation nationwide in 2022.",
                   published=date(2023, 4, 20))
    assert [g["value"] for g in got] == ["4,100 kilometers"]


def test_a_cap_or_a_quota_is_no_facts_value() -> None:
    got = facts_of("Horgos\n\nIn 2024, Horgos attracted 3 billion yuan of green investment. The area offers one-off rewards "
                   "of up to RMB 5 million for new projects. Major firms refer to those with an annual turnover of at "
                   "least 20 million yuan.", published=date(2025, 1, 10))
    assert [g["value"] for g in got] == ["3 billion yuan"]
    got = facts_of("Hainan\n\nFrom July 2020, the duty-free shopping quota in Hainan was raised to 100,000 yuan per year.",
                   published=date(2020, 8, 1))
    assert got == []


def test_a_partner_named_between_two_shares_starts_another_series() -> None:
    got = facts_of("Cars\n\nIn 2024, Kazakhstan took 47.5 percent of them, with Uzbekistan second at 22.8 percent.",
                   published=date(2025, 1, 20))
    assert [(g["subject"], g["share"]) for g in got] == [("Kazakhstan", "47.5 percent"), ("Uzbekistan", "22.8 percent")]


def test_a_description_given_by_an_apposition_refers_back_to_its_name() -> None:
    text = ("China's small commodities hub sees strong trade growth\n\nHANGZHOU -- Yiwu, a key export hub in East "
            "China's Zhejiang province, reported strong foreign trade growth in the first three quarters of 2025.\n\n"
            "Total imports and exports of the small commodities hub reached 631.2 billion yuan, up 26.3 percent.\n\n"
            "Exports grew 25.7 percent year-on-year to nearly 554 billion yuan.")
    got = facts_of(text, published=date(2025, 10, 30))
    assert [g["subject"] for g in got] == ["Yiwu", "Yiwu"]
    got = facts_of("China's economy grows 6.9 percent\n\nChina's GDP grew 6.9 percent in the first half of 2017.",
                   published=date(2017, 7, 17))
    assert [g["subject"] for g in got] == ["China", "China"]  # "economy" is no place the headline possesses


def test_a_past_level_after_from_a_and_a_basis_after_the_adjective_level() -> None:
    got = facts_of("Investment\n\nChina's fixed-asset investment rose 5.8 percent in the first 10 months. The growth "
                   "slowed from a 5.9-percent increase posted in the first three quarters of the year.",
                   published=date(2022, 11, 15))
    assert [g["change"] for g in got] == ["5.8 percent"]
    got = facts_of("Trade\n\nChina's foreign trade rose 22.7 percent in the first three quarters. The figure marked an "
                   "increase of 23.4 percent from the pre-epidemic level in 2019.", published=date(2021, 10, 13))
    assert [g["period"] for g in got][-1] != ("2019-01-01", "2019-12-31")  # 2019 dates the basis


def test_a_place_in_a_bare_apposition_is_not_the_subject() -> None:
    got = facts_of("Xi'an trains\n\nFreight trains departing from Xi'an, capital of northwest China's Shaanxi Province, "
                   "made 4,610 trips in the first 10 months of this year.", published=date(2023, 11, 9))
    assert [g["subject"] for g in got] == ["Xi'an"]


def test_a_value_named_by_its_own_series_after_a_change_is_a_fact_of_its_own() -> None:
    got = facts_of("Trade\n\nExports rose 4.9 percent in the January-June period while imports grew 11.5 percent, "
                   "resulting in a trade surplus of 901.32 billion yuan, which narrowed by 26.7 percent.",
                   published=date(2018, 7, 13))
    assert [(g["value"], g["change"]) for g in got] == [
        (None, "4.9 percent"), (None, "11.5 percent"), ("901.32 billion yuan", "26.7 percent")]
    assert facts_of("GDP\n\nGuangdong recorded a 6.8 percent GDP growth to hit 9.73 trillion yuan last year.",
                    published=date(2019, 1, 28))[0]["value"] == "9.73 trillion yuan"  # "GDP growth to": one fact


def test_partners_listed_after_their_trades_owner_leave_the_owner_the_subject() -> None:
    got = facts_of("Xinjiang trade\n\nIn the first seven months, Xinjiang's foreign trade rose 20 percent. Xinjiang also "
                   "saw its trade with Russia and the European Union grow by 9.5 percent and 76.7 percent year on "
                   "year, respectively.", published=date(2021, 8, 20))
    assert [g["subject"] for g in got] == ["Xinjiang"] * 3
    got = facts_of("China trade\n\nChina's trade with the European Union, its largest trading partner, climbed 5.3 "
                   "percent, and trade volume with the United States and Japan came in at 5.2 percent and 11 percent, "
                   "respectively.", published=date(2018, 7, 13))
    assert [g["subject"] for g in got] == ["China", "United States", "Japan"]  # partners named alone


def test_the_second_party_of_between_is_no_subject_of_a_respectively_list() -> None:
    got = facts_of("Central Asia trade\n\nBilateral trade between China and Kazakhstan rose to $28.6 billion while that "
                   "between China and Uzbekistan topped $4 billion, up 11.3 percent and 58.3 percent respectively.",
                   published=date(2014, 1, 20))
    assert [(g["subject"], g["value"], g["change"]) for g in got] == [
        ("China", "$28.6 billion", "11.3 percent"), ("China", "$4 billion", "58.3 percent")]


def test_a_preposition_breaks_the_possessive_chain() -> None:
    got = facts_of("Brazil trade\n\nIn the first 10 months of this year, China's share in Brazil's exports of soybeans "
                   "exceeded 70 percent.", published=date(2024, 11, 20))
    assert [g["subject"] for g in got] == ["China"]
    got = facts_of("Xinjiang trade\n\nNorthwest China's Xinjiang saw its foreign trade rise 20 percent in the first "
                   "half of this year.", published=date(2024, 7, 18))
    assert [g["subject"] for g in got] == ["Xinjiang"]  # the chain still reaches the place China holds
    got = facts_of("Hainan\n\nOffshore duty-free shops in China's island province of Hainan are expected to rake in 32 "
                   "billion yuan in sales by the end of this year.", published=date(2020, 12, 25))
    assert [g["subject"] for g in got] == ["Hainan"]  # "of" after the kind of place goes on along the chain


def test_an_aside_naming_what_a_possessive_holds_is_the_subject() -> None:
    got = facts_of("Ningbo\n\nThe annual container throughput of China's busiest port, the Port of Ningbo Zhoushan in "
                   "the eastern province of Zhejiang, reached 30 million TEUs on Thursday.", published=date(2021, 12, 16))
    assert [g["subject"] for g in got] == ["Ningbo Zhoushan Port"]


def test_separately_pairs_lists_in_order_like_respectively() -> None:
    got = facts_of("Regions\n\nFast-growing provinces Sichuan and Anhui reported a 59.5 percent and 25.9 percent rise "
                   "separately in imports and exports in the first half of the year.", published=date(2017, 7, 28))
    assert [(g["subject"], g["change"]) for g in got] == [("Sichuan", "59.5 percent"), ("Anhui", "25.9 percent")]


def test_a_customs_office_is_a_source_not_the_subject() -> None:
    got = facts_of("Apricots\n\nKashgar Customs expects Kashgar's dried apricot exports to top 40,000 tonnes in 2025.",
                   published=date(2025, 7, 1))
    assert [g["subject"] for g in got] == ["Kashgar"]


def test_a_sentence_without_figures_opening_with_the_prefecture_frames_the_next_ones() -> None:
    got = facts_of("Aksu textiles\n\nAksu Prefecture's textile exports rose 20 percent in the first three quarters of "
                   "2025.\n\nThe prefecture grows about a fifth of Xinjiang's cotton. Its industry employs some 52,000 "
                   "workers.", published=date(2025, 11, 3))
    assert [g["subject"] for g in got] == ["Aksu Prefecture", "Aksu Prefecture"]


def test_a_regions_adjective_names_the_region() -> None:
    got = facts_of("Hainan trade\n\nTrade with Southeast Asian countries grew 14.7% to 42.8 billion yuan in the first "
                   "three quarters.", published=date(2025, 10, 20))
    assert [g["subject"] for g in got] == ["Southeast Asia"]


def test_the_same_as_names_a_basis_and_released_by_a_body_on_names_a_release_day() -> None:
    got = facts_of("Money supply\n\nM2 rose 8.4 percent at the end of October. The M2 growth was the same as that at "
                   "the end of September but 0.4 percentage points higher than the same period last year.",
                   published=date(2019, 11, 11))
    assert [g["period"] for g in got] == [("2019-10-31", "2019-10-31")] * 2
    got = facts_of("Parcels\n\nCouriers handled 13.94 billion parcels, according to data released by the State Post "
                   "Bureau on Wednesday.", published=date(2025, 11, 13))
    assert [g["period"] for g in got] == [None]


def test_a_change_dated_by_a_period_of_its_own_after_a_dated_value_is_another_fact() -> None:
    got = facts_of("Trade\n\nChina-Russia trade is likely to exceed 100 billion U.S. dollars this year, after an "
                   "increase of nearly 30 percent in the first quarter.", published=date(2018, 4, 20))
    assert [(g["value"], g["change"], g["period"]) for g in got] == [
        ("100 billion U.S. dollars", None, ("2018-01-01", "2018-12-31")),
        (None, "30 percent", ("2018-01-01", "2018-03-31"))]
    got = facts_of("Sales\n\nSales came to 22.4 billion yuan in the first three quarters, down 11.6%, but sales in "
                   "September rose 3.2% month-on-month.", published=date(2025, 10, 20))
    assert (got[0]["value"], got[0]["change"]) == ("22.4 billion yuan", "11.6%")  # "down 11.6%, but": one fact


def test_a_period_after_by_or_before_dates_the_figure_before_it() -> None:
    got = facts_of("Targets\n\nBoth sides aim to achieve bilateral trade targets of 100 billion U.S. dollars before 2015 "
                   "and 200 billion U.S. dollars before 2020.", published=date(2014, 10, 13))
    assert [g["period"] for g in got] == [("2015-01-01", "2015-12-31"), ("2020-01-01", "2020-12-31")]
    got = facts_of("Targets\n\nA trade target of $40 billion set for China and Kazakhstan by 2015 and one of $5 billion "
                   "for China and Uzbekistan by 2017 are expected to be met.", published=date(2013, 10, 13))
    assert [g["period"] for g in got] == [("2015-01-01", "2015-12-31"), ("2017-01-01", "2017-12-31")]


def test_a_level_list_may_name_its_kind_of_change_and_a_share_verb_continues_the_clause() -> None:
    got = facts_of("FDI\n\nFDI rose 20.5 percent in the first 11 months. The gain was lower than the 26.3 percent "
                   "increase for the first 11 months of last year and 35 percent for the first 10 months.",
                   published=date(2011, 12, 15))
    assert [g["change"] for g in got] == ["20.5 percent"]
    got = facts_of("SOEs\n\nExports surged 34 percent to 86 billion yuan in January, but accounted for only 5 percent "
                   "of total sales revenue.", published=date(2011, 2, 20))
    assert [(g["value"], g["change"], g["share"]) for g in got] == [("86 billion yuan", "34 percent", "5 percent")]


def test_a_scene_day_in_a_sentence_without_figures_frames_no_period() -> None:
    got = facts_of("Aksu yarn\n\nBales of cotton yarn were stacked in a warehouse in Aksu on Monday. Aksu's textile "
                   "exports rose 20 percent.", published=date(2025, 11, 4))
    assert [g["period"] for g in got] == [None]


def test_a_share_after_another_series_name_is_that_series_fact() -> None:
    got = facts_of("Kashgar\n\nThe prefecture's total imports and exports reached 56.1 billion yuan last year, with "
                   "exports accounting for 91.3 percent.", published=date(2024, 3, 6))
    assert [(g["value"], g["share"], g["metric"]) for g in got] == [
        ("56.1 billion yuan", None, "foreign_trade"), (None, "91.3 percent", "exports")]
    got = facts_of("Xinjiang\n\nThe FTZ's imports and exports reached 21.6 billion yuan, accounting for 30.2 percent "
                   "of Xinjiang's total foreign trade.", published=date(2024, 3, 6))
    assert [(g["value"], g["share"]) for g in got] == [("21.6 billion yuan", "30.2 percent")]
    got = facts_of("Xinjiang\n\nXinjiang's imports and exports rose 20.9 percent to 434.1 billion yuan, with Central "
                   "Asian countries accounting for more than 70 percent of the total.", published=date(2025, 1, 20))
    assert [(g["value"], g["share"]) for g in got] == [("434.1 billion yuan", "70 percent")]  # a part of the value


def test_over_before_a_figure_is_more_than_unless_a_change_precedes_it() -> None:
    got = facts_of("Vehicles\n\nXinjiang has exported over 96,000 vehicles through its land ports this year, up 57 "
                   "percent year-on-year.", published=date(2024, 6, 12))
    assert [(g["value"], g["change"]) for g in got] == [("96,000 vehicles", "57 percent")]
    got = facts_of("Hubei\n\nThe number of new projects worth over 100 million yuan stood at 1,427 in 2011.",
                   published=date(2013, 5, 21))
    assert "100 million yuan" not in [g["value"] for g in got]  # the projects' bound is no fact's value
    got = facts_of("Projects\n\nTransport and infrastructure led the field in 2015, with 84 projects worth over 990 "
                   "billion yuan.", published=date(2015, 10, 21))
    assert "990 billion yuan" in [g["value"] for g in got]  # counted projects: their worth is a value


def test_since_its_opening_and_a_press_conference_day_date_no_figure() -> None:
    got = facts_of("Railway\n\nThe China-Laos Railway has transported over 14 million tonnes of goods since its opening "
                   "in December 2021.", published=date(2025, 8, 6))
    assert [g["period"] for g in got] == [None]
    got = facts_of("Hainan\n\nTourism brought in 64.2 billion yuan in the first nine months of the year, according to "
                   "information shared at a press conference on Oct 23 in Haikou.", published=date(2018, 10, 23))
    assert [g["period"] for g in got] == [("2018-01-01", "2018-09-30")]


def test_according_to_a_body_on_a_day_names_the_release_day() -> None:
    got = facts_of("Railway\n\nThe railway carried 3.43 million tonnes of goods, according to Kunming Customs on "
                   "Wednesday.", published=date(2025, 8, 6))
    assert [g["period"] for g in got] == [None]


def test_an_anaphor_inside_an_aside_refers_to_nothing_the_figure_has() -> None:
    got = facts_of("China trade\n\nChina's trade rose 5 percent in the first half. Trade with ASEAN, the country's "
                   "largest trading partner, grew 4.2 percent.", published=date(2024, 7, 12))
    assert [g["subject"] for g in got] == ["China", "Association of Southeast Asian Nations"]


def test_a_headline_figure_without_a_subject_takes_the_leads_first_subject() -> None:
    got = facts_of("Fiscal revenue up 27.6% in H1\n\nChina's fiscal revenue rose 27.6 percent year on year in the first "
                   "half of 2011, the Ministry of Finance said.", published=date(2011, 7, 12))
    assert [(g["subject"], g["inherited"][:1]) for g in got] == [("China", ["subject"]), ("China", [])]


def test_changes_an_outpacing_figure_is_compared_with_are_other_series_facts() -> None:
    got = facts_of("GDP\n\nThe service sector rose 7.7 percent year on year in the first quarter, outpacing a 3-percent "
                   "increase in agriculture and 6.4 percent in the secondary industry.", published=date(2017, 4, 17))
    assert [g["change"] for g in got] == ["7.7 percent", "3-percent", "6.4 percent"]
    got = facts_of("Central Asia ties\n\nChina traded more. Its foreign trade jumped 22.4 per cent last year, far "
                   "outpacing the national rate of 5 per cent.", published=date(2025, 2, 1))
    assert [(g["subject"], g["change"]) for g in got] == [("China", "22.4 per cent"), ("China", "5 per cent")]
    got = facts_of("Retail\n\nRetail sales in Chongqing reached 1.51 trillion yuan in 2023, with a year-on-year growth "
                   "of 8.6 percent, surpassing the national average by 1.4 percentage points.",
                   published=date(2024, 1, 30))
    assert [g["change"] for g in got] == ["8.6 percent"]  # "by": the gap between the two, no series' change


def test_the_national_rate_is_the_countrys() -> None:
    got = facts_of("Xinjiang\n\nChina's trade grew. Xinjiang's exports rose 22.4 percent, outpacing the national "
                   "average of 5 percent.", published=date(2025, 2, 1))
    assert [(g["subject"], g["change"]) for g in got] == [("Xinjiang", "22.4 percent"), ("China", "5 percent")]


def test_the_change_after_a_share_of_the_total_is_the_shares_own_reading() -> None:
    got = facts_of("Trade\n\nChina's trade rose in the first half of this year. General trade gained 12.2 percent from a year ago to 8.33 trillion yuan, accounting for 59 "
                   "percent of the total foreign trade, 2.3 percentage points higher than the same period in 2017.",
                   published=date(2018, 7, 13))
    assert [(g["value"], g["change"], g["share"]) for g in got] == [("8.33 trillion yuan", "12.2 percent", "59 percent")]
    got = facts_of("Tourism\n\nAbout 66.4 percent of the tourists visited sites related to history and culture, while "
                   "44.96 percent joined nighttime activities.", published=date(2019, 10, 8))
    assert [g["share"] for g in got] == ["66.4 percent", "44.96 percent"]  # another clause's figure


def test_a_rate_inherits_no_period() -> None:
    got = facts_of("Kashgar\n\nE-commerce exports rose 20 percent in June. The upgrade saves about 12 million "
                   "kilowatt-hours of electricity a year. Sales were 2.3 times those of a year earlier.",
                   published=date(2025, 7, 1))
    assert [(g["value"], g["period"]) for g in got] == [
        (None, ("2025-06-01", "2025-06-30")), ("12 million kilowatt-hours", None),
        ("2.3 times", ("2025-06-01", "2025-06-30"))]  # "of a year earlier": a comparison, no rate


def test_a_compass_word_after_a_possessive_describes_the_place_it_names() -> None:
    got = facts_of("Economy\n\nChina's far west Xinjiang Uygur autonomous region recorded 10.7 percent economic growth in "
                   "the first half, local authorities said Monday.", published=date(2012, 7, 24))
    assert [(g["subject"], g["change"]) for g in got] == [("Xinjiang", "10.7 percent")]
    got = facts_of("Port\n\nThe East China port's annual container throughput topped 35 million TEUs. Ningbo is the port.",
                   published=date(2024, 12, 30))
    assert [g["subject"] for g in got] != ["China"]  # "East China port": the port's, not China's


def test_a_breakdown_paragraph_keeps_the_frame_of_the_one_before() -> None:
    got = facts_of("Renewables grow in 2023\n\nChina's renewable capacity reached 1.32 billion kilowatts in the first half of 2023, up "
                   "18.2 percent.\n\nIn a breakdown, wind power capacity expanded 13.7 percent year on year.",
                   published=date(2023, 9, 4))
    assert [g["period"] for g in got] == [("2023-01-01", "2023-06-30")] * 2


def test_a_network_launched_by_now_takes_no_period_of_the_article() -> None:
    got = facts_of("Trains in 2016\n\nTrains rose 30 percent in 2016. China has launched 51 cargo train routes "
                   "covering 11 countries.", published=date(2017, 5, 31))
    assert [g["period"] for g in got if g["value"] == "51"] == [None]


def test_the_pool_a_ranking_is_taken_in_is_no_fact() -> None:
    got = facts_of("Xinjiang\n\nXinjiang jumped from 21st last year to 18th this year among 31 provinces on the growth list. "
                   "Of a statistical pool of 70 major cities, 65 saw a rise in new home prices.", published=date(2012, 7, 24))
    assert not {"31", "70"} & {g["value"] for g in got}
    got = facts_of("GDP\n\nAt least 12 regions hit GDP above one trillion yuan in the first half of the year, among 25 "
                   "regions reporting on their data.", published=date(2017, 7, 28))
    assert "25" in [g["value"] for g in got]  # no rank before "among": a count of its own


def test_a_day_a_count_runs_to_dates_it_even_before_according_to() -> None:
    got = facts_of("Xinjiang power\n\nElectricity transmitted from Xinjiang had exceeded 1 trillion kilowatt-hours by "
                   "Monday, according to the State Grid. The program has supplied power to 22 provinces.",
                   published=date(2025, 12, 16))
    assert [g["period"] for g in got] == [("2025-12-15", "2025-12-15")] * 2
    got = facts_of("Trade\n\nTrade rose 5 percent in the first half, according to data released on Monday.",
                   published=date(2025, 7, 15))
    assert [g["period"] for g in got] == [("2025-01-01", "2025-06-30")]  # the release day dates nothing


def test_a_paragraph_opening_on_the_company_keeps_the_period_of_the_one_before() -> None:
    got = facts_of("Clean power grows in 2023\n\nBy the end of August, the clean capacity of China Energy Investment "
                   "Corporation was 100.14 million kilowatts.\n\nThe energy giant's total installed capacity has reached "
                   "an unprecedented level of 303.49 million kilowatts.", published=date(2023, 9, 4))
    assert [(g["subject"], g["period"]) for g in got][-1] == (
        "China Energy Investment Corporation", ("2023-08-31", "2023-08-31"))


def test_a_second_change_of_the_figure_in_its_own_sentence_is_in_no_fact() -> None:
    got = facts_of("Trade\n\nChina's trade reached 28.33 trillion yuan in the first three quarters, up 22.7 percent. "
                   "The figure marked an increase of 23.4 percent from the pre-epidemic level in 2019.",
                   published=date(2021, 10, 13))
    assert [g["change"] for g in got] == ["22.7 percent"]
    got = facts_of("Gas\n\nThe pipeline delivered 17.1 billion cubic meters from Nov. 15 to March 15. The volume was 7.4 "
                   "percent higher than a year earlier. The figure accounts for 40 percent of the total.",
                   published=date(2024, 3, 20))
    assert [(g["value"], g["change"], g["share"]) for g in got] == [
        ("17.1 billion cubic meters", None, None), (None, "7.4 percent", None), (None, None, "40 percent")]


def test_over_after_a_change_verb_is_more_than_for_a_change_too() -> None:
    got = facts_of("Central Asia\n\nLast year, China's imports of energy products from the five countries surged over 50 "
                   "percent from a year ago, while its exports jumped by 42 percent.", published=date(2023, 5, 10))
    assert [g["change"] for g in got] == ["50 percent", "42 percent"]
    got = facts_of("Trade\n\nExports rose 5 percent over 3 percent a year earlier.", published=date(2023, 5, 10))
    assert [g["change"] for g in got] == ["5 percent"]  # a figure before "over": the level compared with


def test_a_clause_that_names_nothing_goes_on_with_the_subject_before() -> None:
    got = facts_of("Erenhot\n\nCoal remained the single largest import. Almost 4.1 million tonnes of Mongolian coal entered "
                   "China through Erenhot, while inbound shipments of copper concentrate surged 38.5% to 612,000 tonnes.",
                   published=date(2024, 6, 20))
    assert [(g["value"], g["subject"]) for g in got] == [("4.1 million tonnes", "Erenhot"), ("612,000 tonnes", "Erenhot")]


def test_a_participle_clause_goes_on_with_the_statement_before() -> None:
    got = facts_of("Horgos\n\nChina-Europe freight trains kept growing. From January to September, 5,468 trains entered or "
                   "left China via Khorgos, up 13.2 percent from a year earlier, carrying some 540,000 TEUs of goods.",
                   published=date(2023, 10, 20))
    assert [(g["value"], g["subject"]) for g in got] == [("5,468 trains", "Horgos"), ("540,000 TEUs", "Horgos")]


def test_a_stretch_spelled_out_by_its_dates_takes_the_dates() -> None:
    got = facts_of("Hainan\n\nHainan conducted trade with more than 143 countries and regions in the past five months from "
                   "January to May, the customs said.", published=date(2018, 6, 26))
    assert [g["period"] for g in got] == [("2018-01-01", "2018-05-31")]


def test_a_description_of_a_place_by_its_people_inherits_no_period() -> None:
    got = facts_of("Uzbekistan\n\nTrade between China and Uzbekistan rose 20 percent in 2012.\n\nUzbekistan, a country of 30 "
                   "million people, lies in the heart of Central Asia.", published=date(2013, 8, 20))
    assert [(g["value"], g["period"]) for g in got][-1] == ("30 million", None)


def test_a_change_after_a_count_of_places_is_the_levels() -> None:
    got = facts_of("Xi'an trains\n\nFrom January to June, nearly 2.5 million tonnes of cargo were transported between Xi'an "
                   "and destinations in more than 10 countries and regions, up 64.1 percent year on year.",
                   published=date(2023, 7, 7))
    assert [(g["value"], g["change"]) for g in got] == [("2.5 million tonnes", "64.1 percent"), ("10", None)]


def test_a_figure_during_the_holiday_is_for_the_holidays_days() -> None:
    got = facts_of("Holiday boom\n\nChina saw 782 million domestic trips during the seven-day National Day holiday, up 7.8 "
                   "percent from last year.\n\nTourism revenue reached 650 billion yuan during the holiday.",
                   published=date(2019, 10, 8))
    assert [(g["value"], g["period"]) for g in got] == [("782 million", ("2019-10-01", "2019-10-07")),
                                                        ("650 billion yuan", ("2019-10-01", "2019-10-07"))]


def test_a_new_clause_with_its_own_series_starts_a_fact_of_its_own() -> None:
    got = facts_of("Farm exports\n\nExports of aquatic products were up 14.9 percent to 72.52 billion yuan, vegetable export "
                   "value rose by 5.5 percent to 37.79 billion yuan and canned food realized 55 percent growth to 13.75 "
                   "billion yuan.\n\nTheir export volume exceeds 5,000 tons, taking up 60 percent of the nation's total, "
                   "with a market share increasing by 15-20 percent annually.\n\nThe profits of coal firms were 130.4 "
                   "billion yuan, with the growth rate falling 7.9 percentage points.", published=date(2022, 7, 13))
    assert [(g["value"], g["change"], g["share"]) for g in got] == [
        ("72.52 billion yuan", "14.9 percent", None), ("37.79 billion yuan", "5.5 percent", None),
        ("13.75 billion yuan", "55 percent", None), ("5,000 tons", None, "60 percent"), (None, "15", None),
        ("130.4 billion yuan", None, None), (None, "7.9 percentage points", None)]  # the growth rate's own fact (gold/README.md)


def test_a_figure_of_the_whole_world_inherits_no_subject_a_rank_in_it_does() -> None:
    got = facts_of("Qinghai to raise lithium output\n\nQinghai plans to produce 30,000 tons of lithium carbonate by 2015.\n\n"
                   "The total annual global output of lithium carbonate is around 150,000 tons. Prices are likely to "
                   "increase by 16 percent year-on-year globally by 2013.\n\nIn 2009, the province's lithium output "
                   "surpassed 6,000 tons, ranking third globally.", published=date(2010, 7, 23))
    assert [(g["value"], g["change"], g["subject"]) for g in got] == [
        ("30,000 tons", None, "Qinghai"), ("150,000 tons", None, None), (None, "16 percent", None),
        ("6,000 tons", None, "Qinghai")]


def test_a_period_of_a_later_clause_with_figures_of_its_own_does_not_date_the_figure_before() -> None:
    got = facts_of("China's trade\n\nChina has signed a total of 17 free trade agreements with 25 trade partners, and in the "
                   "first half of 2019, exports to these partners made up nearly 40 percent of China's total exports.",
                   published=date(2019, 7, 12))
    assert [(g["value"], g["share"], g["period"]) for g in got] == [
        ("17", None, None), ("25", None, None), (None, "40 percent", ("2019-01-01", "2019-06-30"))]


def test_a_paragraph_without_figures_that_dates_its_statement_frames_the_next() -> None:
    got = facts_of("Property investment up in Jan-Feb\n\nProperty investment rose 22.8 percent in the first two months.\n\n"
                   "NBS data showed that home prices kept rising in major cities in January.\n\nOn a month-on-month basis, "
                   "new home prices in Beijing rose 2.1 percent.\n\nLand sales fell 5 percent.", published=date(2013, 3, 10))
    assert [(g["change"], g["period"]) for g in got] == [
        ("22.8 percent", ("2013-01-01", "2013-02-28")), ("2.1 percent", ("2013-01-01", "2013-01-31")),
        ("5 percent", ("2013-01-01", "2013-02-28"))]


def test_a_place_that_reports_its_own_figure_is_its_subject_a_body_that_reports_is_not() -> None:
    got = facts_of("Coal output up\n\nTAIYUAN, Sept. 22 (Xinhua) -- China's coal-rich province of Shanxi reported more than "
                   "862 million tonnes of raw coal in the first eight months of 2025.\n\nThe National Bureau of Statistics "
                   "reported that China produced 4.5 billion tonnes of coal in 2024.", published=date(2025, 9, 22))
    assert [(g["value"], g["subject"]) for g in got] == [("862 million tonnes", "Shanxi"), ("4.5 billion tonnes", "China")]


def test_an_anaphor_in_a_fronted_as_phrase_describes_the_subject_after_it() -> None:
    got = facts_of("Coal output up\n\nShanxi reported more than 862 million tonnes of raw coal in the first eight months "
                   "of 2025.\n\nAs the country's top coal producer, Shanxi contributed 27.3 percent of China's total "
                   "output during the period.", published=date(2025, 9, 22))
    assert [(g["share"], g["subject"]) for g in got] == [(None, "Shanxi"), ("27.3 percent", "Shanxi")]


def test_a_quantity_restated_in_brackets_is_in_no_fact_and_mu_is_read_as_hectares() -> None:
    got = facts_of("Wolfberries\n\nBy the end of 2016, wolfberry plantations occupied over 900,000 mu (60,000 hectares) in "
                   "Ningxia, producing 93,000 tons of dried wolfberry.", published=date(2017, 5, 4))
    assert [g["value"] for g in got] == ["900,000 mu", "93,000 tons"]


def test_a_sentence_opening_on_the_value_before_gives_that_value_its_change() -> None:
    got = facts_of("Tourism revenue\n\nIn the first three quarters of 2017, Heilongjiang received nearly 145.5 billion yuan "
                   "from domestic tourism. This is a significant increase, up around 23 percent from the previous year.\n\n"
                   "Its exports reached 3 billion yuan. Imports rose 5 percent.", published=date(2018, 1, 3))
    assert [(g["value"], g["change"]) for g in got] == [("145.5 billion yuan", "23 percent"),
                                                       ("3 billion yuan", None), (None, "5 percent")]


def test_a_company_reporting_its_own_results_is_their_subject_a_bureau_is_not() -> None:
    got = facts_of("Results\n\nAlibaba reported on Thursday stronger-than-expected revenue and earnings for the quarter, "
                   "as the Chinese e-commerce giant navigates tighter rules.\n\nIts revenue hit 204.05 billion yuan for "
                   "Q1, an increase of 9 percent from the year before.", published=date(2022, 5, 27))
    assert [(g["value"], g["subject"]) for g in got] == [("204.05 billion yuan", "Alibaba")]
    got = facts_of("Sales\n\nThe Shanghai Municipal Commission of Commerce reported record sales of 1.5 trillion yuan "
                   "in 2023.", published=date(2024, 1, 20))
    assert [g["value"] for g in got] == ["1.5 trillion yuan"]
    assert got[0]["subject"] != "Shanghai Municipal Commission of Commerce"  # a body reports, it is no company


def test_the_points_a_growth_rate_moved_are_its_own_fact_unless_in_the_clause_of_the_figures_change() -> None:
    got = facts_of("Coal\n\nIn 2008, profits of coal enterprises were 130.4 billion yuan, with the growth rate falling "
                   "7.9 percentage points.\n\nSales rose 12 percent to 5 billion yuan in 2008, 3 percentage points faster "
                   "than a year earlier.", published=date(2009, 2, 1))
    assert [(g["value"], g["change"]) for g in got] == [("130.4 billion yuan", None), (None, "7.9 percentage points"),
                                                       ("5 billion yuan", "12 percent")]


def test_a_company_described_after_a_possessive_place_is_the_subject_and_a_broadcaster_a_source() -> None:
    got = facts_of("Results\n\nSHENZHEN, March 27 (Xinhua) -- China's leading new energy vehicle (NEV) manufacturer BYD "
                   "Company Limited recorded a net profit of 30.04 billion yuan in 2023, up 80.72 percent year on year.",
                   published=date(2024, 3, 28))
    assert [(g["value"], g["subject"]) for g in got] == [("30.04 billion yuan", "BYD Company Limited")]
    got = facts_of("Ships\n\nChina's shipbuilding orders rose 67.7 percent in the first half, as reported by China Media "
                   "Group (CMG). During the first six months, 72.6 percent of the orders were for export, CMG said.",
                   published=date(2023, 7, 20))
    assert [g["subject"] for g in got] == ["China", "China"]


def test_places_naming_where_firms_come_from_are_no_subject() -> None:
    got = facts_of("Output\n\nThe total industrial output of Suzhou reached 3.5767 trillion yuan in 2016. The output of "
                   "foreign-owned and Hongkong, Macao and Taiwan companies attained 1.9857 trillion yuan, up 1.3% over "
                   "the previous year. Taiwan-funded enterprises exported 5 billion yuan.", published=date(2017, 9, 29))
    assert [(g["value"], g["subject"]) for g in got] == [("3.5767 trillion yuan", "Suzhou"),
                                                       ("1.9857 trillion yuan", "Suzhou"), ("5 billion yuan", "Suzhou")]


def test_a_compass_abbreviation_before_china_is_a_region_and_a_described_province_an_anaphor() -> None:
    text = ("Coffee output in SW China grows by 11.33 pct in 2011\n\nKUNMING, Dec. 27 (Xinhua) -- The southwestern "
            "province of Yunnan is expected to produce 55,000 tonnes of coffee beans this year, up 11.33 percent.\n\n"
            "The size of coffee plantations in the traditionally tea-growing province grew by 33.06 percent to 860,000 "
            "mu by the end of 2011.\n\nMeanwhile, coffee exports reached 119.8 million U.S. dollars in the first nine "
            "months of the year.")
    record = extract_article(text, "a", publication=date(2011, 12, 27))
    assert "SW" not in [e.text for e in record.entities]
    got = [(g["value"], g["subject"]) for g in facts_of(text, published=date(2011, 12, 27))]
    assert got[1:] == [("55,000 tonnes", "Yunnan"), ("860,000 mu", "Yunnan"), ("119.8 million U.S. dollars", "Yunnan")]


def test_a_count_of_the_places_buyers_come_from_is_no_comparison_level() -> None:
    got = facts_of("Fair\n\nThe China Import and Export Fair had received 203,346 buyers from 214 countries and regions by "
                   "Thursday, said fair spokesman Xu Bing on Saturday.", published=date(2018, 5, 6))
    thursday = ("2018-05-03", "2018-05-03")
    assert [(g["value"], g["period"]) for g in got] == [("203,346", thursday), ("214", thursday)]
    got = facts_of("Trade\n\nExports rose to 5 billion yuan in 2023, up from 4 billion yuan.", published=date(2024, 1, 6))
    assert [g["value"] for g in got] == ["5 billion yuan"]  # a level given as the comparison stays in no fact


def test_a_paragraph_opening_on_the_city_without_a_figure_carries_the_subject_of_the_paragraph_before() -> None:
    got = facts_of("Guizhou growers boost kiwi sales\n\nIn 2021, the production of kiwis in Liupanshui reached 30,500 "
                   "tons, up 22 percent year-on-year.\n\nThe city has a large concentration of poor families. Nearly "
                   "150,000 farmers have been involved in planting kiwis.", published=date(2022, 4, 14))
    assert [(g["value"], g["subject"]) for g in got] == [("30,500 tons", "Liupanshui"), ("150,000", "Liupanshui")]


def test_the_company_refers_to_the_company_named_before_even_without_a_suffix_but_not_to_a_ministry() -> None:
    got = facts_of("Xiaomi shipments\n\nXiaomi shipped 23.16 million smartphones in the second quarter.\n\nMeanwhile, "
                   "the company has opened 123 Mi Home stores across China as of July 7.", published=date(2017, 7, 10))
    assert [(g["value"], g["subject"]) for g in got] == [("23.16 million", "Xiaomi"), ("123", "Xiaomi")]
    got = facts_of("Trade\n\nThe Ministry of Commerce praised exporters.\n\nMeanwhile, the company exported 1,460 "
                   "vehicles in May.", published=date(2024, 6, 10))
    assert [(g["value"], g["subject"]) for g in got] == [("1,460 vehicles", None)]  # no company is named: no subject


def test_a_targets_period_frames_only_statements_that_look_ahead_too() -> None:
    got = facts_of("Kiwis\n\nIn 2021, Liupanshui grew 30,500 tons of kiwis. By 2024, Liupanshui aims to reach an output "
                   "value of 4.5 billion yuan.\n\nThe city has many poor families. Nearly 150,000 farmers have been "
                   "involved in planting kiwis.", published=date(2022, 4, 14))
    assert [(g["value"], g["period"]) for g in got] == [
        ("30,500 tons", ("2021-01-01", "2021-12-31")), ("4.5 billion yuan", ("2024-01-01", "2024-12-31")),
        ("150,000", None)]
    got = facts_of("Grain\n\nChina plans to produce 650 million tonnes of grain by 2025. Wheat output will reach 130 "
                   "million tonnes.", published=date(2021, 3, 5))
    assert [g["period"] for g in got] == [("2025-01-01", "2025-12-31")] * 2  # a forecast after it takes it
    got = facts_of("Economy\n\nChina's economy grew 5 percent in 2024, meeting the government's target. Exports rose "
                   "7 percent.", published=date(2025, 1, 17))
    assert [g["period"] for g in got] == [("2024-01-01", "2024-12-31")] * 2  # a target met is no look ahead


def test_a_place_before_a_descriptor_and_a_company_name_describes_the_company() -> None:
    got = facts_of("Coffee\n\nU.S. coffee chain Starbucks has been one of Yunnan's biggest customers this year, "
                   "purchasing nearly 20 times more coffee from the province than it did in 2007.",
                   published=date(2011, 12, 27))
    assert [(g["value"], g["subject"]) for g in got] == [("20 times", "Starbucks")]


def test_the_days_of_the_event_an_attribution_describes_are_not_the_figures_period() -> None:
    got = facts_of("Gaming sales up in H1\n\nChina's gaming sales hit 99.78 billion yuan in the first half of 2017, up "
                   "26.7 percent year on year.\n\nChina has 507 million gamers, up 3.6 percent year on year, said the "
                   "report released at China Digital Entertainment Congress which runs from Wednesday to Friday.",
                   published=date(2017, 7, 26))
    assert [(g["value"], g["period"]) for g in got][1:] == [("507 million", ("2017-01-01", "2017-06-30"))]


def test_the_possessor_of_a_listed_name_is_no_member_of_a_respectively_list() -> None:
    got = facts_of("Arrivals\n\nTravelers from Japan (41,200) and China's Taiwan region (93,850) rose by 12.5 percent "
                   "and 6.4 percent respectively in June.")
    by_change = {g["change"]: g["subject"] for g in got if g["change"]}
    assert by_change == {"12.5 percent": "Japan", "6.4 percent": "Taiwan"}


def test_a_paragraph_opened_by_a_stock_date_gives_its_figures_that_day() -> None:
    got = facts_of("Gaming\n\nGame revenue reached 31.2 billion yuan in 2023.\n\nAs of the end of 2023, registered "
                   "players numbered nearly 520 million. Women made up 44.1 percent of them.", date(2024, 3, 1))
    share = next(g for g in got if g["share"] == "44.1 percent")
    assert share["period"] == ("2023-12-31", "2023-12-31")
    assert not any(g["value"] == "520 million" for g in got)


def test_a_headline_possessor_after_into_is_what_the_headline_is_about_but_ties_with_a_partner_are_not() -> None:
    got = facts_of("A close look into Vietnam's coffee industry\n\nCoffee will be promoted at the Asian Games in "
                   "Hangzhou in September.\n\nMeanwhile, coffee exports reached 4.2 billion U.S. dollars in 2023.",
                   date(2024, 3, 1))
    assert next(g for g in got if g["value"] == "4.2 billion U.S. dollars")["subject"] == "Vietnam"
    got = facts_of("New horizon for ties with Latin America\n\nChina's trade with the region reached 261 billion U.S. "
                   "dollars in 2023.", date(2024, 3, 1))
    assert next(g for g in got if g["value"] == "261 billion U.S. dollars")["subject"] == "China"


def test_a_plan_that_names_no_period_takes_no_past_frame() -> None:
    got = facts_of("Routes\n\nXinjiang's exports rose 5 percent in 2023. The region plans to use its offices in 31 "
                   "countries to open new routes. It handled 4,100 trains.", date(2024, 3, 1))
    assert next(g for g in got if g["value"] == "31")["period"] is None
    assert next(g for g in got if g["value"] == "4,100 trains")["period"] == ("2023-01-01", "2023-12-31")


def test_a_dated_paragraph_ending_on_a_colon_frames_the_list_after_it() -> None:
    got = facts_of("Anhui-Africa trade\n\nIn 2018, Anhui's trade with Africa rose 20 percent.\n\nAnhui's trade with "
                   "Africa in the first five months of this year was as follows:\n\n1. Exports:\n\n"
                   "Machinery: 2.1 billion yuan, up 12 percent;\n\nTextiles: 640 million yuan, up 8 percent.\n\n"
                   "In May alone, exports reached 500 million yuan.", date(2019, 6, 20))
    first_five = ("2019-01-01", "2019-05-31")
    assert next(g for g in got if g["value"] == "2.1 billion yuan")["period"] == first_five
    assert next(g for g in got if g["value"] == "640 million yuan")["period"] == first_five
    assert next(g for g in got if g["value"] == "500 million yuan")["period"] == ("2019-05-01", "2019-05-31")


def test_the_employer_of_a_quoted_official_is_no_subject() -> None:
    got = facts_of("Rail plans\n\nChina's railways carried 3.6 billion passengers in 2018, according to China Railway "
                   "(CR).\n\nAccording to Lu Ming, CR's general manager, the country plans to build 3,200 kilometers of "
                   "new lines in 2019.", date(2019, 1, 3))
    assert next(g for g in got if g["value"] == "3,200 kilometers")["subject"] == "China"


def test_a_sentence_opening_over_a_figure_is_a_fact() -> None:
    got = facts_of("Holiday\n\nOver 72 million railway trips were made in May.", date(2019, 6, 3))
    assert [g["value"] for g in got] == ["72 million"]
def test_a_share_of_the_world_figure_keeps_its_subject_the_world_figure_still_has_none() -> None:
    got = facts_of("Qinghai lithium output up\n\nOutput of lithium carbonate reached 60,000 tons in 2023, accounting "
                   "for 35 percent of global output.\n\nThe total annual global output of lithium carbonate is around "
                   "170,000 tons.", published=date(2024, 3, 2))
    assert [(g["value"], g["share"], g["subject"]) for g in got] == [
        ("60,000 tons", "35 percent", "Qinghai"), ("170,000 tons", None, None)]


def test_a_period_that_a_figure_exceeds_is_its_base_not_its_period() -> None:
    got = facts_of("Solar output surges\n\nIn the first three quarters, the output of solar modules exceeded last year's "
                   "total, with year-on-year growth of more than 40 percent.", published=date(2022, 10, 20))
    assert [(g["change"], g["period"]) for g in got] == [("40 percent", ("2022-01-01", "2022-09-30"))]


def test_this_accounted_for_gives_the_value_before_its_share_a_named_share_stays_its_own_fact() -> None:
    got = facts_of("Hunan-Africa trade up\n\nHunan's trade with South Africa was 4.93 billion yuan from January to July, up "
                   "35.7 percent. This accounted for 53.5 percent of the total Hunan-Africa trade.\n\nTrade with Egypt was "
                   "1.2 billion yuan. Egypt's share of the total was 13 percent.", published=date(2018, 8, 20))
    assert [(g["value"], g["change"], g["share"]) for g in got] == [
        ("4.93 billion yuan", "35.7 percent", "53.5 percent"), ("1.2 billion yuan", None, None), (None, None, "13 percent")]


def test_the_lead_names_the_headline_subject_more_fully_and_later_paragraphs_take_the_full_name() -> None:
    got = facts_of("Freight trains through Urumqi up 18.6 pct\n\nThe Urumqi International Land Port Area handled 1,583 "
                   "freight trains in the first three quarters of 2025, up 18.6 percent year on year.\n\nThe trains "
                   "carried 162,400 TEUs of goods during the period.", published=date(2025, 10, 14))
    assert [(g["value"], g["subject"]) for g in got][1:] == [
        ("1,583", "Urumqi International Land Port Area"), ("162,400 TEUs", "Urumqi International Land Port Area")]


def test_a_place_the_headline_crosses_is_no_subject() -> None:
    got = facts_of("Logistics venture aims to speed cargo across Tianshan\n\nKyrgyz-China Silk Road Logistics was set up "
                   "in Urumqi on Monday.\n\nThe venture plans to invest 1.2 billion yuan over the next five years.",
                   published=date(2025, 5, 15))
    assert [(g["value"], g["subject"]) for g in got] == [("1.2 billion yuan", "Kyrgyz-China Silk Road Logistics")]


def test_a_lead_that_dates_no_figure_takes_the_narrower_period_of_the_paragraph_after_it() -> None:
    got = facts_of("Xinjiang farm exports to Central Asia hit record\n\nXinjiang's agricultural exports to Central Asia "
                   "climbed to a record this year, the regional department of commerce said.\n\nFrom January to "
                   "November, the exports were valued at 10 billion yuan, up 22.5 percent.\n\nFruit exports reached "
                   "4.6 billion yuan.", published=date(2024, 12, 20))
    assert [(g["value"], g["period"]) for g in got] == [
        ("10 billion yuan", ("2024-01-01", "2024-11-30")), ("4.6 billion yuan", ("2024-01-01", "2024-11-30"))]


def test_a_body_that_publishes_or_forecasts_the_figures_is_their_source_a_company_its_own() -> None:
    got = facts_of("Used car sales speed up\n\nThe used car sector is speeding along in China.\n\nStatistics from the "
                   "China Automobile Dealers Association show that 1 million used cars were sold in May, a 19 percent "
                   "increase year-on-year. The CADA expects sales to reach 12 million vehicles this year.\n\nGeely "
                   "expects sales of 1.5 million vehicles this year.", published=date(2017, 6, 20))
    assert [(g["value"], g["subject"]) for g in got] == [
        ("1 million", "China"), ("12 million vehicles", "China"), ("1.5 million vehicles", "Geely")]


def test_points_a_rate_of_decline_or_the_growth_rate_moved_are_a_fact_with_the_frames_period() -> None:
    got = facts_of("Taiyuan economy stabilizes\n\nThe added value of manufacturers fell 2.9 percent in the first half. "
                   "But the rate of decline narrowed by 1.6 percentage points from the fall in the first five months."
                   "\n\nInvestment grew 9.4 percent year on year and the growth rate accelerated by 0.3 percentage "
                   "points compared with the first quarter.", published=date(2020, 7, 28))
    assert [(g["change"], g["period"]) for g in got] == [
        ("2.9 percent", ("2020-01-01", "2020-06-30")), ("1.6 percentage points", ("2020-01-01", "2020-06-30")),
        ("9.4 percent", ("2020-01-01", "2020-06-30")), ("0.3 percentage points", ("2020-01-01", "2020-06-30"))]


def test_an_amount_followed_by_or_more_bounds_a_class_and_is_no_value() -> None:
    got = facts_of("The added value of manufacturers above a designated size, those with annual revenue of 20 million "
                   "yuan or more, fell 2.9 percent in the first half. Exports reached 20 billion yuan and more than "
                   "300 companies took part.", published=date(2020, 7, 28))
    assert [(g["value"], g["change"]) for g in got] == [
        (None, "2.9 percent"), ("20 billion yuan", None), ("300", None)]


def test_our_cooperative_is_the_cooperative_named_before_not_the_province() -> None:
    got = facts_of("Soybean records\n\nHeilongjiang yielded 9.54 billion kilograms of soybeans this year.\n\nLiu Mingkun, "
                   "head of the Yongsheng Agricultural Machinery Cooperative in Jixian County, Heilongjiang, is "
                   "happy.\n\n\"This year, our cooperative planted more than 20,000 mu of soybeans,\" Liu said.",
                   published=date(2022, 12, 19))
    assert [(g["value"], g["subject"]) for g in got] == [
        ("9.54 billion kilograms", "Heilongjiang"), ("20,000 mu", "Yongsheng Agricultural Machinery Cooperative")]


def test_a_possessive_period_after_a_figure_is_the_next_levels_and_a_base_of_comparison_no_frame() -> None:
    got = facts_of("Hainan GDP down\n\nHAIKOU, Aug. 31 (Xinhua) -- Hainan's GDP shrank 3.1 percent year-on-year in the "
                   "second quarter of 2016, the statistics service said.\n\nThe decline is attributed to a lower base "
                   "of comparison in the previous year.\n\nExports of goods fell by 24.7 percent year-on-year, similar "
                   "to the first quarter's 24.6 percent falling. China's grain output reached 147.39 million tonnes in "
                   "this year's summer harvest.", published=date(2016, 8, 31))
    assert [(g["value"] or g["change"], g["period"]) for g in got] == [
        ("3.1 percent", ("2016-04-01", "2016-06-30")), ("24.7 percent", ("2016-04-01", "2016-06-30")),
        ("147.39 million tonnes", ("2016-01-01", "2016-12-31"))]


def test_an_amount_after_a_passive_verb_of_change_with_by_is_the_change_not_a_value() -> None:
    got = facts_of("Sugarcane output in Chongzuo could be reduced by one million tonnes, with losses of 630 million "
                   "yuan. Loans in the province rose by 254.2 billion yuan.", published=date(2014, 7, 27))
    assert [g["value"] for g in got] == ["630 million yuan", "254.2 billion yuan"]


def test_a_possessive_period_before_a_figure_gives_way_to_the_period_after_it() -> None:
    got = facts_of("Macao GDP\n\nThe first and the second quarter's contractions added up to 10.3 percent slide of "
                   "Macao's economy in the first half of the year. November's decline was 36.5 percent.",
                   published=date(2016, 12, 31))
    assert [(g["change"], g["period"]) for g in got] == [
        ("10.3 percent", ("2016-01-01", "2016-06-30")), ("36.5 percent", ("2016-11-01", "2016-11-30"))]


def test_a_lead_that_dates_nothing_takes_the_first_dated_paragraphs_period_even_after_quotes() -> None:
    got = facts_of("Marine economy\n\nChina has called for promoting the growth of the marine economy, a meeting "
                   "said on Tuesday.\n\n\"The sea offers great potential,\" Liu said.\n\nA report shows that China's "
                   "gross ocean product reached 10.54 trillion yuan in 2024.\n\nMarine manufacturing emerged as a key "
                   "driver, accounting for over 30 percent of the total.", published=date(2025, 7, 2))
    assert [(g["value"] or g["share"], g["period"]) for g in got] == [
        ("10.54 trillion yuan", ("2024-01-01", "2024-12-31")), ("30 percent", ("2024-01-01", "2024-12-31"))]


def test_a_headline_change_without_a_period_takes_the_period_of_the_leads_same_change() -> None:
    got = facts_of("Huawei's yearly revenue surges by 18 percent, despite US crackdown\n\nThe overall 2019 revenue "
                   "of Huawei Technologies is expected to reach 850 billion yuan, surging by 18 percent year-on-year, "
                   "said Xu Zhijun.", published=date(2019, 12, 31))
    assert [(g["change"], g["period"]) for g in got] == [
        ("18 percent", ("2019-01-01", "2019-12-31")), ("18 percent", ("2019-01-01", "2019-12-31"))]


def test_a_headline_change_takes_no_period_from_a_lead_change_of_another_size() -> None:
    got = facts_of("Huawei's revenue surges by 18 percent\n\nThe 2019 revenue of Huawei Technologies is expected to "
                   "grow by 20 percent, said Xu Zhijun.", published=date(2019, 12, 31))
    assert [(g["change"], g["period"]) for g in got] == [
        ("18 percent", None), ("20 percent", ("2019-01-01", "2019-12-31"))]


def test_should_looks_ahead_so_its_year_frames_no_statement_of_what_is_done() -> None:
    got = facts_of("Huawei plans\n\nXu added, in 2020, Huawei should eye on products based on Kunpeng processors.\n\n"
                   "As a frontrunner in 5G, Huawei has partnered with more than 700 cities.", published=date(2019, 12, 31))
    assert [(g["value"], g["period"]) for g in got] == [("700", None)]


def test_a_price_described_is_no_facts_value() -> None:
    got = facts_of("Ice cream\n\nThe brand launched a series of popsicles this year. Priced at 3.5 yuan, the new product "
                   "targets the middle market. The market exceeded 160 billion yuan in 2023.", published=date(2023, 7, 19))
    assert [g["value"] for g in got] == ["160 billion yuan"]


def test_a_second_share_in_a_clause_of_its_own_is_a_fact_of_its_own() -> None:
    got = facts_of("SMEs\n\nIn the eastern city of Ningbo, small and medium-sized companies are the driving force of the "
                   "local economy, accounting for 70 percent of the taxes collected in the area and providing 90 "
                   "percent of all jobs.", published=date(2017, 5, 1))
    assert [(g["share"], g["subject"]) for g in got] == [("70 percent", "Ningbo"), ("90 percent", "Ningbo")]


def test_a_value_after_its_series_and_a_participle_is_another_statement_than_the_change() -> None:
    got = facts_of("Shanghai trade\n\nE-commerce in Shanghai is set to soar 20 percent, with online transactions "
                   "exceeding 1 trillion yuan this year.", published=date(2018, 1, 20))
    assert [(g["value"], g["change"]) for g in got] == [(None, "20 percent"), ("1 trillion yuan", None)]


def test_points_faster_than_a_year_after_the_change_are_its_pace_not_a_fact() -> None:
    got = facts_of("Shanghai trade\n\nIn 2017, the city's merchandise trade rose 12 percent year on year to 11.3 trillion "
                   "yuan, 4.1 percentage points faster than 2016. Retail sales rose 8.1 percent, with the growth pace "
                   "0.1 percentage point faster than 2016's.", published=date(2018, 1, 20))
    assert [(g["value"], g["change"]) for g in got] == [
        ("11.3 trillion yuan", "12 percent"), (None, "8.1 percent"), (None, "0.1 percentage point")]


def test_a_multiplier_that_compares_with_another_or_scales_a_change_is_no_value() -> None:
    got = facts_of("Reserves\n\nThe nation's foreign exchange reserves are almost three times that of Japan. Qinghai plans "
                   "to increase lithium output by nearly five times. Her sales in August were 2.3 times those of a year "
                   "earlier.", published=date(2014, 9, 1))
    assert [g["value"] for g in got] == ["2.3 times"]


def test_the_first_place_of_a_region_named_jointly_is_its_subject() -> None:
    got = facts_of("Projects\n\nThe Chengdu-Chongqing economic circle will start 160 key projects in 2022. China-Europe "
                   "freight trains made 300 trips in 2022.", published=date(2021, 12, 19))
    assert [(g["value"], g["subject"]) for g in got] == [("160", "Chengdu"), ("300 trips", "Chengdu")]


def test_the_port_of_a_name_is_that_port_not_an_anaphor() -> None:
    got = facts_of("Ports\n\nTrade rose. The Port of Horgos handled 3 million tonnes in 2018.", published=date(2019, 1, 9))
    assert [(g["value"], g["subject"]) for g in got] == [("3 million tonnes", "Horgos Port")]


def test_a_figureless_sentence_frames_the_place_its_possessive_chain_ends_on() -> None:
    got = facts_of("Yunnan tourism\n\nSouthwest China's Yunnan Province has become one of the trendiest destinations. "
                   "In 2016, it attracted 431 million visits, up 31 percent.", published=date(2017, 2, 23))
    assert [(g["value"], g["subject"]) for g in got] == [("431 million", "Yunnan")]


def test_the_country_is_china_and_a_with_clause_is_the_named_places() -> None:
    got = facts_of("Coal\n\nChina's coal-rich province of Shanxi mined more coal. As the country's top coal producer, "
                   "Shanxi contributed 27.3 percent of the total. By the end of 2022, the country's total coal reserves "
                   "had reached 207 billion tonnes, with Shanxi holding approximately 48.3 billion tonnes. By the end of "
                   "June, the country had a total of 10.01 million NEVs on its roads.", published=date(2025, 9, 23))
    assert [(g["value"] or g["share"], g["subject"]) for g in got] == [
        ("27.3 percent", "Shanxi"), ("207 billion tonnes", "China"), ("48.3 billion tonnes", "Shanxi"),
        ("10.01 million NEVs", "China")]


def test_a_figure_of_goods_harvested_in_a_place_is_that_places() -> None:
    got = facts_of("Across China: China's lychee exporter gets big deal\n\nGUANGZHOU, May 15 (Xinhua) -- Purchasers "
                   "placed 270 million yuan of orders for lychees to be harvested in south China's Guangdong Province.",
                   published=date(2019, 5, 15))
    assert [(g["value"], g["subject"]) for g in got] == [("270 million yuan", "Guangdong")]


def test_its_opening_what_a_company_said_is_that_companys() -> None:
    got = facts_of("PetroChina profit\n\nBEIJING -- Chinese oil giant PetroChina Co said Thursday that its net profits "
                   "dropped 6 percent from a year earlier to 62.02 billion yuan in the first six months.",
                   published=date(2012, 8, 24))
    assert [(g["value"], g["subject"]) for g in got] == [("62.02 billion yuan", "PetroChina Co")]


def test_as_the_province_did_is_a_clause_of_its_own_about_the_province() -> None:
    got = facts_of("Anhui tea\n\nAnhui exported more tea. Africa was the major overseas market in the Jan-May period as "
                   "the province exported 640 million yuan of tea to the continent.", published=date(2021, 6, 20))
    assert [(g["value"], g["subject"]) for g in got] == [("640 million yuan", "Anhui")]


def test_visitors_to_a_place_are_its_figure_not_their_countrys() -> None:
    got = facts_of("Yunnan tourism\n\nYunnan was the trendiest destination in 2016. In 2016, Chinese tourist visits to "
                   "the province rose 32 percent to 425 million.", published=date(2017, 2, 23))
    assert [(g["change"], g["subject"]) for g in got] == [("32 percent", "Yunnan")]


def test_makers_with_more_than_an_amount_is_a_class_bound_not_a_fact() -> None:
    got = facts_of("Liquor\n\nDuring the period, alcohol-makers with more than 20 million yuan in annual revenue registered "
                   "total revenue of 512.95 billion yuan in the first eight months of 2020.", published=date(2020, 10, 26))
    assert [g["value"] for g in got] == ["512.95 billion yuan"]


def test_a_name_the_text_calls_a_region_is_what_the_region_refers_to() -> None:
    # the Pearl River Delta is no autonomous region, but the text names it "the Pearl River Delta region"; "the
    # region" after China's name, and the pronoun after that, refer to it (devset d308's shape, own words)
    text = ("Trade grows fast in Pearl River Delta\n\nThe Pearl River Delta region has made steady progress in opening "
            "up since its plan was adopted in 2019.\n\nThe region has China's largest port cluster, and covers nine "
            "cities of Guangdong. It makes up 1 percent of the country's land area.")
    facts = facts_of(text, date(2024, 3, 1))
    assert [(f["share"], f["subject"]) for f in facts] == [("1 percent", "Pearl River Delta")]


def test_the_country_after_a_superlative_is_its_scope_not_the_subject() -> None:
    text = ("Trade grows fast in Pearl River Delta\n\nThe Pearl River Delta region has made steady progress in opening "
            "up since China adopted its plan in 2019.\n\nIn transport, the region has the longest metro network in the "
            "country, covering 1,300 kilometers.")
    facts = facts_of(text, date(2024, 3, 1))
    assert [(f["value"], f["subject"]) for f in facts] == [("1,300 kilometers", "Pearl River Delta")]


def test_a_short_name_before_its_kinds_noun_is_the_full_one_named_before() -> None:
    text = ("Airport passenger traffic rises\n\nKUNMING, Jan. 5 (Xinhua) -- Kunming Changshui International Airport in "
            "southwest China handled 47 million passengers in 2023, the operator said on Friday.\n\nYunnan aims to make "
            "the Kunming airport a gateway to South Asia.\n\nCargo at the Kunming airport grew 12 percent to 410,000 "
            "tonnes in 2023.")
    facts = facts_of(text, date(2024, 1, 5))
    assert [(f["value"], f["subject"]) for f in facts] == [
        ("47 million", "Kunming Changshui International Airport"),
        ("410,000 tonnes", "Kunming Changshui International Airport")]
    # "central China airport": where the airport is, so China is no airport's name
    facts = facts_of("Central China airport handles more cargo\n\nZhengzhou's airport handled 700,000 tonnes of "
                     "cargo in 2023.\n\nThe airport now has 50 cargo routes.", date(2024, 1, 5))
    assert [(f["value"], f["subject"]) for f in facts] == [("700,000 tonnes", "Zhengzhou"), ("50", "Zhengzhou")]


def test_two_shares_of_different_wholes_are_two_facts_and_the_whole_is_no_subject() -> None:
    text = ("Pearl River Delta draws investment\n\nThe Pearl River Delta region has made steady progress since China "
            "adopted its plan in 2019.\n\nIt makes up 1 percent of the country's land area and nearly 6 percent of its "
            "population.")
    facts = facts_of(text, date(2024, 3, 1))
    assert [(f["share"], f["subject"]) for f in facts] == [
        ("1 percent", "Pearl River Delta"), ("6 percent", "Pearl River Delta")]


def test_a_national_level_compared_with_is_chinas_fact_and_not_the_paragraphs_subject() -> None:
    # China is never named: "the national overall level" is the nation's all the same (devset d314's shape)
    text = ("Anhui's trade grows in first half\n\nOver the past six months, Anhui's foreign trade reached 380 billion "
            "yuan, up 12.5% year on year, well above the national overall level of 3.1% in the same period. "
            "Exports were 240 billion yuan, up 14.2% year on year.")
    facts = facts_of(text, date(2024, 7, 20))
    assert [(f["value"], f["change"], f["subject"]) for f in facts] == [
        ("380 billion yuan", "12.5%", "Anhui"), (None, "3.1%", "China"), ("240 billion yuan", "14.2%", "Anhui")]


def test_a_count_reached_by_now_after_has_approved_the_establishment_of_takes_no_frame() -> None:
    text = ("Drone use soars\n\nBEIJING, March 3 -- Drones in Hubei flew more than 2 million hours last year, the "
            "provincial aviation office said.\n\nThe office has approved the establishment of 12 drone test zones "
            "across the province.")
    facts = facts_of(text, date(2024, 3, 3))
    assert [(f["value"], f["period"]) for f in facts] == [("12", None)]  # the hours are a duration, in no fact


def test_a_year_after_times_that_for_is_the_basis_and_introduced_in_dates_an_event() -> None:
    facts = facts_of("Lishui county profile\n\nIn 2023, the county's disposable income per capita exceeded 30,000 yuan, "
                     "120 times that for 1978.", date(2024, 5, 1))
    assert [(f["value"], f["period"]) for f in facts] == [("30,000 yuan", ("2023-01-01", "2023-12-31"))]
    facts = facts_of("Robot mowers take off\n\nRobot mowers were introduced in 2016 and now reach an annual production "
                     "capacity of 80,000 machines.", date(2024, 5, 1))
    assert [(f["value"], f["period"]) for f in facts] == [("80,000", None)]


def test_a_second_series_with_its_own_verb_after_and_is_a_fact_of_its_own() -> None:
    facts = facts_of("Anqing economy grows\n\nAnqing saw 7.2 percent growth in its high-tech industry and strategic new industries "
                     "expanded 15.3 percent year on year in 2023.", date(2024, 5, 1))
    assert [f["change"] for f in facts] == ["7.2 percent", "15.3 percent"]


def test_a_statistics_bureau_is_a_source_a_ratio_base_no_value_and_a_while_share_its_own_fact() -> None:
    facts = facts_of("Hebei releases new data\n\nThe Hebei Bureau of Statistics recently released data on the "
                     "province's digital economy.\n\nOnline retail sales per capita stand at 9,800 yuan.", date(2024, 5, 1))
    assert [(f["value"], f["subject"]) for f in facts] == [("9,800 yuan", "Hebei")]
    facts = facts_of("Hubei digital economy\n\nIn Hubei, there are 31.2 5G base stations for every 10 square kilometers. "
                     "For every 100 workers, 3.1 people work in software, while 40.2 percent of the companies use cloud "
                     "services.", date(2024, 5, 1))
    assert [(f["value"], f["share"]) for f in facts] == [("31.2", None), ("3.1", None), (None, "40.2 percent")]


def test_a_with_clause_opening_on_its_own_figure_keeps_its_period_to_itself() -> None:
    # devset d331's shape: the stock at the lead's date, the added capacity in the with-clause's own period
    text = ("Hebei's wind power capacity up 9 pct\n\nBEIJING, July 3 (Xinhua) -- Hebei's installed wind power capacity "
            "rose 9 percent year on year by the end of June, official data showed.\n\nTotal wind installations "
            "amounted to 30.4 million kilowatts, with 2.1 million kilowatts of capacity added in the first half.")
    facts = facts_of(text, date(2024, 7, 3))
    assert [(f["value"], f["period"]) for f in facts if f["value"]] == [
        ("30.4 million kilowatts", ("2024-06-30", "2024-06-30")), ("2.1 million kilowatts", ("2024-01-01", "2024-06-30"))]


def test_over_the_period_is_the_facts_own_period_not_a_basis() -> None:
    text = ("Hubei's factory jobs\n\nWUHAN, May 20 -- Hubei had 9.1 million factory workers by the end of 2023, up "
            "2.1 percent, the provincial bureau said.\n\nIn 2023, 40 percent of them worked in Wuhan.\n\nThe share of "
            "workers in private firms rose by 0.8 percentage points over the period.")
    facts = facts_of(text, date(2024, 5, 20))
    last = facts[-1]
    assert (last["change"], last["period"]) == ("0.8 percentage points", ("2023-01-01", "2023-12-31"))


def test_the_sample_a_survey_questioned_is_no_facts_value() -> None:
    text = ("Farm incomes rise\n\nRural incomes in Henan rose 6.2 percent in 2023, the provincial bureau said on Monday."
            "\n\nThe survey questioned around 120,000 rural households.\n\nA poll of 2,500 farmers found that most "
            "had sold produce online, and 1,200 cooperatives opened web shops.")
    facts = facts_of(text, date(2024, 3, 4))
    assert [(f["value"], f["change"]) for f in facts] == [(None, "6.2 percent"), ("1,200", None)]


def test_the_year_a_compared_level_was_recorded_in_is_a_basis() -> None:
    text = ("Start-ups boom in Shaanxi\n\nXI'AN -- Shaanxi registered 210,000 new businesses in the first half this "
            "year.\n\nAn average of 1,160 new firms opened daily, surpassing the average of 950 recorded in 2023.")
    facts = facts_of(text, date(2024, 7, 10))
    assert [(f["value"], f["period"]) for f in facts] == [
        ("210,000", ("2024-01-01", "2024-06-30")), ("1,160", ("2024-01-01", "2024-06-30"))]


def test_the_figures_of_a_conditional_criterion_are_in_no_fact() -> None:
    text = ("Yunnan cuts poverty\n\nKUNMING -- Yunnan lifted 1.2 million people out of poverty in 2023.\n\nA village "
            "leaves the list if no more than 3 percent of its households earn less than 4,000 yuan a year.")
    facts = facts_of(text, date(2024, 2, 10))
    assert [(f["value"], f["share"]) for f in facts] == [("1.2 million", None)]


def test_a_change_alone_goes_on_into_a_later_with_clauses_period_a_level_does_not() -> None:
    text = ("Border railway busy\n\nKUNMING, Dec. 2 (Xinhua) -- The line carried more freight, officials said Monday."
            "\n\nVegetable exports jumped 31.5 percent, with more than 2,100 containers of cabbage leaving by rail from "
            "January to October.")
    facts = facts_of(text, date(2024, 12, 2))
    assert [(f["value"], f["change"], f["period"]) for f in facts] == [
        (None, "31.5 percent", ("2024-01-01", "2024-10-31")), ("2,100 containers", None, ("2024-01-01", "2024-10-31"))]


def test_yearly_steps_of_an_amount_to_reach_a_level_are_its_change() -> None:
    text = ("Yantai grows\n\nYANTAI -- From 2018 to 2021, the GDP of Yantai grew in yearly steps of 50 billion yuan "
            "to reach 871.2 billion yuan in 2021.")
    facts = facts_of(text, date(2022, 3, 1))
    assert [f["value"] for f in facts] == ["871.2 billion yuan"]


def test_the_frame_a_superlative_ranks_in_is_no_period_of_the_figure() -> None:
    text = ("Fujian exports\n\nFUZHOU -- In October, Fujian's exports reached 98.4 billion yuan, the highest this year "
            "and second highest in history.")
    facts = facts_of(text, date(2024, 11, 20))
    assert [(f["value"], f["period"]) for f in facts] == [("98.4 billion yuan", ("2024-10-01", "2024-10-31"))]


def test_what_one_unit_is_in_another_is_no_facts_value() -> None:
    text = ("Henan harvest\n\nZHENGZHOU -- The average wheat yield per mu (approximately 0.067 hectares) stood at 451.2 kg "
            "last year, the provincial government said.")
    facts = facts_of(text, date(2024, 2, 1))
    assert [f["value"] for f in facts] == ["451.2 kg"]


def test_a_headline_that_describes_its_place_by_the_country_gives_way_to_the_leads_name() -> None:
    text = ("Major Chinese coastal province sees record fish catch\n\nFUZHOU, Jan. 20 (Xinhua) -- Fujian, a coastal "
            "province in east China, reported a catch of 7.1 million tonnes in 2023.\n\nThe average catch per boat "
            "stood at 310 tonnes last year, placing the province first nationwide.")
    facts = facts_of(text, date(2024, 1, 20))
    assert [(f["value"], f["subject"]) for f in facts] == [("7.1 million tonnes", "Fujian"), ("310 tonnes", "Fujian")]


def test_the_chinese_capital_is_beijing() -> None:
    text = ("Beijing's economy grows in H1\n\nBEIJING, July 17 (Xinhua) -- The Chinese capital's GDP reached 2.1 "
            "trillion yuan in the first half of this year, up 5.5 percent year on year.\n\nChina's capital city saw "
            "retail sales of 690 billion yuan in the period, while China's capital market raised 300 billion yuan.")
    facts = facts_of(text, date(2024, 7, 17))
    assert [(f["value"], f["subject"]) for f in facts] == [
        ("2.1 trillion yuan", "Beijing"), ("690 billion yuan", "Beijing"), ("300 billion yuan", "China")]


def test_a_count_of_what_was_created_takes_the_creations_period() -> None:
    text = ("Shaanxi jobs\n\nXI'AN -- In 2023, Shaanxi's GDP rose 4.3 percent.\n\nUrban incomes rose 5 percent in 2022. "
            "An additional 412,000 urban jobs were also created last year, the provincial bureau said in 2024.")
    facts = facts_of(text, date(2024, 3, 1))
    assert [(f["value"], f["period"]) for f in facts if f["value"]] == [("412,000", ("2023-01-01", "2023-12-31"))]


def test_a_parts_change_after_including_is_a_fact_of_its_own() -> None:
    facts = facts_of("Hubei finances\n\nIn 2023, Hubei's general public budget revenue increased by 7.1 percent, "
                     "including 9.4 percent in tax revenue.", date(2024, 2, 1))
    assert [f["change"] for f in facts] == ["7.1 percent", "9.4 percent"]


def test_a_part_of_the_paragraphs_period_after_a_figure_dates_that_figure_only() -> None:
    text = ("Gansu economy\n\nIn 2023, Qinghai's GDP rose by 5.3 percent year-on-year. Profits of industrial "
            "enterprises increased by 12.1 percent from January to November. Retail sales rose by 6.4 percent.")
    facts = facts_of(text, date(2024, 6, 2))
    assert [f["period"] for f in facts] == [
        ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-11-30"), ("2023-01-01", "2023-12-31")]


def test_a_figure_described_after_is_one_of_inherits_no_period() -> None:
    text = ("Gas output up\n\nBEIJING -- China's gas output rose 6.1 percent in May.\n\nChina is one of the world's "
            "largest gas buyers, importing more than 40 percent of its gas. Revenues rose 5.2 percent and are among "
            "the highest in Asia.")
    facts = facts_of(text, date(2024, 6, 15))
    assert [(f["change"] or f["share"], f["period"]) for f in facts] == [
        ("6.1 percent", ("2024-05-01", "2024-05-31")), ("40 percent", None), ("5.2 percent", ("2024-05-01", "2024-05-31"))]


def test_what_a_port_links_is_a_description_with_no_period() -> None:
    text = ("Qinhuangdao port busy\n\nQINHUANGDAO -- The port handled 200 million tonnes of cargo in 2023.\n\n"
            "Qinhuangdao links 28 inland ports in six provinces.")
    facts = facts_of(text, date(2024, 1, 20))
    assert [(f["value"], f["period"]) for f in facts] == [
        ("200 million tonnes", ("2023-01-01", "2023-12-31")), ("28", None)]


def test_a_milestone_crossed_is_no_facts_value() -> None:
    text = ("Guangxi trade\n\nNANNING -- Guangxi's exports grew 9.1 percent in 2023, going over the $50-billion for the "
            "first time, to $52.3 billion.")
    facts = facts_of(text, date(2024, 1, 20))
    assert [(f["value"], f["change"]) for f in facts] == [("$52.3 billion", "9.1 percent")]


def test_a_with_clause_of_its_own_series_opens_a_respectively_list_and_keeps_the_change_with_its_value() -> None:
    text = ("Ticket sales\n\nBEIJING -- In the first ten months, cinema ticket sales went up 6.4 percent to 41.2 billion "
            "yuan, with sales of domestic films and imported films increasing 7.5 percent and 2.1 percent, respectively.")
    facts = facts_of(text, date(2019, 11, 20))
    assert [(f["value"], f["change"]) for f in facts] == [
        ("41.2 billion yuan", "6.4 percent"), (None, "7.5 percent"), (None, "2.1 percent")]


def test_a_possessive_chain_goes_on_across_a_place_noun_and_of() -> None:
    text = ("Ningbo grows\n\nChina's eastern port city of Ningbo saw its GDP grow 5.9 percent year on year in the first "
            "half of this year.")
    facts = facts_of(text, date(2024, 7, 20))
    assert [(f["change"], f["subject"]) for f in facts] == [("5.9 percent", "Ningbo")]


def test_a_figure_sentence_in_the_simple_present_inherits_no_period_from_an_earlier_paragraph() -> None:
    # the tagger reads "has" and "employs" as present, "handled" and "rose" as past; the change still inherits,
    # and a paragraph that dates itself still dates its present-tense description
    text = ("Rizhao port grows\n\nRIZHAO -- Rizhao port handled 590 million tonnes of cargo in 2023, the port "
            "group said on Monday.\n\nRizhao port has 76 berths and employs about 9,000 people.\n\n"
            "Container throughput rose 4.2 percent.\n\nIn 2023 the port's coal terminal also grew. "
            "The terminal has 12 berths.")
    facts = facts_of(text, date(2024, 1, 20))
    year = ("2023-01-01", "2023-12-31")
    assert [(f["value"] or f["change"], f["period"]) for f in facts] == [
        ("590 million tonnes", year), ("76", None), ("9,000", None), ("4.2 percent", year), ("12", year)]


def test_the_tagger_reads_the_simple_present_but_not_the_past_the_perfect_or_a_modal() -> None:
    from xjextract.settings import Settings
    from xjextract.tense import in_simple_present

    sentences = ["The port has 76 berths.", "The port handled 590 million tonnes.",
                 "Imports have climbed to 194.9 billion yuan.", "The city will build 12 berths.",
                 "The railway links 19 countries."]
    assert [in_simple_present(s, Settings()) for s in sentences] == [True, False, False, False, True]


def test_the_pool_a_ranking_is_among_is_no_fact_even_after_a_possessive() -> None:
    text = ("Xi'an economy\n\nXI'AN -- Last year, Xi'an's GDP reached 1.2 trillion yuan, making the city the "
            "second-largest economy among China's 15 sub-provincial cities.")
    facts = facts_of(text, date(2024, 1, 20))
    assert [f["value"] for f in facts] == ["1.2 trillion yuan"]


def test_a_city_named_as_its_port_is_the_port_the_article_names_in_the_headline_too() -> None:
    # "Dalian cruise port" in the headline: the terminal the article names later; "The Dalian cruise port" in
    # the body (a modifier between the city and "port"): the one named before it
    text = ("Dalian cruise port receives 120,000 passengers this year\n\nDALIAN -- The number of passengers handled "
            "by the Dalian International Cruise Port has grown this year.\n\nThe Dalian cruise port has handled "
            "nearly 120,000 passengers so far this year.")
    facts = facts_of(text, date(2025, 9, 20))
    assert [(f["value"], f["subject"]) for f in facts] == [
        ("120,000", "Dalian International Cruise Port"), ("120,000", "Dalian International Cruise Port")]


def test_what_each_member_of_a_class_exceeds_is_no_fact() -> None:
    text = ("Guangdong cities\n\nGUANGZHOU -- The province now has four cities, with each having a GDP of over one "
            "trillion yuan. Guangdong's GDP reached 13.6 trillion yuan in 2023.")
    facts = facts_of(text, date(2024, 1, 20))
    assert [f["value"] for f in facts] == ["13.6 trillion yuan"]


def test_what_each_of_the_counted_is_worth_is_a_bound_not_their_total() -> None:
    text = ("Hubei projects\n\nWUHAN -- In 2023, 1,820 projects each worth more than 100 million yuan started in Hubei, "
            "and 96 projects worth 52 billion yuan were signed.")
    facts = facts_of(text, date(2024, 1, 20))
    assert [f["value"] for f in facts] == ["1,820", "96", "52 billion yuan"]


def test_a_present_tense_paragraph_that_goes_on_with_the_one_before_inherits_no_period_it_did_not_set() -> None:
    # "The port ..." goes on with the paragraph before (its subject and frame), but a description in the simple
    # present is not of that paragraph's year; a figure in the past tense still is
    text = ("Rizhao port grows\n\nRIZHAO -- Rizhao port handled 590 million tonnes of cargo in 2023, the port "
            "group said on Monday.\n\nThe port has 76 berths. The port handled 3.1 million TEUs of containers.")
    facts = facts_of(text, date(2024, 1, 20))
    year = ("2023-01-01", "2023-12-31")
    assert [(f["value"], f["period"]) for f in facts] == [
        ("590 million tonnes", year), ("76", None), ("3.1 million TEUs", year)]


def test_a_value_the_change_reached_over_is_the_facts_value_not_a_compared_level() -> None:
    text = ("Gansu trade\n\nLANZHOU -- Gansu's foreign trade increased by 18.2 percent to over 41.3 billion yuan in "
            "the first nine months. Its exports rose 4 percent over last year's 9.8 billion yuan.")
    facts = facts_of(text, date(2021, 10, 20))
    assert [(f["value"], f["change"]) for f in facts] == [("41.3 billion yuan", "18.2 percent"), (None, "4 percent")]


def test_a_period_right_before_a_figure_dates_it_in_a_list_of_years() -> None:
    text = ("Box office\n\nBEIJING -- The box office has grown for 15 years. In 2005, it was less than 2 billion yuan; in "
            "2011 over 13 billion yuan; 2014 more than 29 billion yuan and in 2016 over 45 billion yuan.")
    facts = facts_of(text, date(2017, 11, 20))
    assert [(f["value"], f["period"][0][:4] if f["period"] else None) for f in facts] == [
        ("2 billion yuan", "2005"), ("13 billion yuan", "2011"), ("29 billion yuan", "2014"), ("45 billion yuan", "2016")]


def test_what_each_of_the_counted_took_is_no_total() -> None:
    text = ("Box office\n\nBEIJING -- A total of 64 films pocketed 100 million yuan each this year, and the box office "
            "reached 48 billion yuan.")
    facts = facts_of(text, date(2017, 11, 20))
    assert [f["value"] for f in facts] == ["64", "48 billion yuan"]


def test_among_which_opens_a_clause_of_its_own() -> None:
    text = ("Jiangsu exports\n\nNANJING -- Exports of the province's mechanical and electrical products grew in the period, "
            "accounting for over 60 percent of the total export value, among which the export of vehicles surged 31.2 "
            "percent to 512,000 units.")
    facts = facts_of(text, date(2024, 10, 22))
    assert [(f["value"], f["change"], f["share"]) for f in facts] == [
        (None, None, "60 percent"), ("512,000 units", "31.2 percent", None)]


def test_a_class_bound_with_its_conversion_before_or_more_is_no_fact() -> None:
    text = ("Shanxi industry\n\nTAIYUAN -- From January to October, the value added of industrial enterprises with annual "
            "revenues of 20 million yuan ($3.13 million) or more increased 12.1 percent year-on-year.")
    facts = facts_of(text, date(2021, 11, 23))
    assert [(f["value"], f["change"]) for f in facts] == [(None, "12.1 percent")]


def test_the_pool_a_region_led_among_is_no_fact() -> None:
    text = ("Road freight\n\nBEIJING -- Gansu province led the expansion among 31 provincial-level regions, reporting "
            "growth of 21.4 percent in the first quarter.")
    facts = facts_of(text, date(2022, 4, 24))
    assert [(f["value"], f["change"]) for f in facts] == [(None, "21.4 percent")]


def test_present_sentences_tags_only_the_sentences_it_may_be_asked_about() -> None:
    from xjextract.settings import Settings
    from xjextract.tense import PresentSentences

    text = "The port has 76 berths. The railway links 19 countries."
    reader = PresentSentences(text, [(0, 23), (24, len(text))], {0}, Settings())
    assert (0 in reader, 1 in reader, 5 in reader) == (True, False, False)
