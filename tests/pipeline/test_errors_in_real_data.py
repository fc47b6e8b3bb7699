"""Validation catches real data errors, family by family: each example below is one realistic error
put into the real data (a string replaced in one data file), built as ``kg build`` builds it, and the
build must not conform, with a Violation on the node the error is about, from the shape or check
that is meant to catch it.

The families are those that got through before (issue 10): class constraints made vacuous by
reasoning, direction and cycles of part-of hierarchies, figures changed silently, dates, ranges,
language tags, Wikidata links, post jurisdictions, titles. The unchanged data conforms (so every
failure below is the error's). An impossible date, refused at load, is tests/pipeline/test_build.py's;
what a user sees of an error (exit 1, the node named) is tests/cli/test_cli_contract.py's; the outside
corpora of edits are tests/pipeline/test_edit_corpus.py's."""

from __future__ import annotations

import pytest

from helpers.knowledge import build_copy, edited_copy

pytestmark = pytest.mark.slow  # every example is a build of the real data

ID = "https://w3id.org/stcoop/id/"
STC = "https://w3id.org/stcoop/ontology#"
F000 = "000-sinoswiss-technopark-opening.trig"
F001 = "001-china-switzerland-launch-conference.trig"
F002 = "002-china-singapore-cci-projects.trig"
F003 = "003-western-science-city-press-conference.trig"
F004 = "004-china-singapore-model-park.trig"
CURATION = "curation.trig"
WIKIDATA = "wikidata-verified.trig"

# (family, what the error is, [(data file, text, replacement)], node that must be reported, what reports it)
EXAMPLES = [
    # ---- class constraints that reasoning made vacuous (qudt:unit has the range qudt:Unit, …)
    ("class", "a place as the unit of a figure",
     [(F000, "qudt:numericValue 276.0 ; qudt:unit stc:Mu", "qudt:numericValue 276.0 ; qudt:unit place:zurich")],
     "observation/sstp-planned-area-mu", "check:no-value-of-the-wrong-class"),
    ("class", "a misspelt unit, stc:MU",
     [(F000, "qudt:numericValue 276.0 ; qudt:unit stc:Mu", "qudt:numericValue 276.0 ; qudt:unit stc:MU")],
     "observation/sstp-planned-area-mu", "check:no-value-of-the-wrong-class"),
    ("class", "a misspelt unit, unit:SquareMetre",
     [(F000, "qudt:numericValue 184000.0 ; qudt:unit unit:M2", "qudt:numericValue 184000.0 ; qudt:unit unit:SquareMetre")],
     "observation/sstp-planned-area-m2", "check:no-value-of-the-wrong-class"),
    ("class", "a city as the organisation of a post",
     [(F000, "org:organization organisation:swiss-chinese-association ;", "org:organization place:zurich ;")],
     "post/thomas-wagner-swiss-chinese-association-honorary-president", "check:no-value-of-the-wrong-class"),
    ("class", "a company as the venue of an event",
     [(F000, "stc:venue park:sinoswiss-technopark ;", "stc:venue organisation:ichongqing ;")],
     "event/sstp-construction-start", "check:no-value-of-the-wrong-class"),
    # ---- direction and cycles
    ("direction", "a country located in a city",
     [(CURATION, "place:switzerland a stc:Country ; skos:prefLabel \"Switzerland\"@en .",
       "place:switzerland a stc:Country ; skos:prefLabel \"Switzerland\"@en ; stc:locatedIn place:zurich .")],
     "place/switzerland", "shacl:Country-locatedIn"),
    ("direction", "a province located in its city (a cycle)",
     [(CURATION, "place:jiangsu a stc:Province ; skos:prefLabel \"Jiangsu\"@en ;\n        stc:locatedIn place:china .",
       "place:jiangsu a stc:Province ; skos:prefLabel \"Jiangsu\"@en ;\n        stc:locatedIn place:china , place:changzhou .")],
     "place/jiangsu", "shacl:profile-locatedIn-acyclic"),
    ("direction", "an organisation a sub-organisation of its own unit",
     [(F001, "org:subOrganizationOf organisation:most .",
       "org:subOrganizationOf organisation:most , organisation:torch-center-international-department .")],
     "organisation/torch-center", "shacl:profile-org-subOrganizationOf-acyclic"),
    ("direction", "unit-of reversed",
     [(F000, "        org:unitOf organisation:euccc .\n", "        .\n"),
      (F000, "organisation:euccc a stc:ChamberOfCommerce ; skos:altLabel \"EUCCC\"@en .",
       "organisation:euccc a stc:ChamberOfCommerce ; skos:altLabel \"EUCCC\"@en ;\n"
       "        org:unitOf organisation:euccc-southwest-chapter .")],
     "organisation/euccc", "check:no-subject-of-the-wrong-class"),
    ("direction", "sub-event reversed: a competition within its award ceremony",
     [(F000, "        stc:subEventOf event:sino-swiss-business-incubation-competition-2018 ;\n", ""),
      (F000, "        stc:dateNote \"Year taken from the competition's name.\"@en ;",
       "        stc:dateNote \"Year taken from the competition's name.\"@en ;\n"
       "        stc:subEventOf event:sino-swiss-business-incubation-competition-2018-award-ceremony ;")],
     "event/sino-swiss-business-incubation-competition-2018", "shacl:subEventOf-ends"),
    ("direction", "sub-event reversed: the expo within its press conference",
     [(F003, "        stc:subEventOf event:smart-china-expo-2020-online ;\n", ""),
      (F003, "        stc:dateNote \"Year taken from the expo's name.\"@en .",
       "        stc:dateNote \"Year taken from the expo's name.\"@en ;\n"
       "        stc:subEventOf event:western-science-city-press-conference .")],
     "event/smart-china-expo-2020-online", "check:no-sub-event-outside-its-parent"),
    ("direction", "part-of-observation reversed",
     [(F001, "        stc:partOfObservation observation:sino-swiss-changzhou-allocated-area ;\n", ""),
      (F001, "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ; stc:comparator stc:Approximately ;",
       "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ; stc:comparator stc:Approximately ;\n"
       "        stc:partOfObservation observation:sino-swiss-changzhou-occupied-area ;")],
     "observation/sino-swiss-changzhou-allocated-area", "check:no-part-larger-than-its-whole"),
    # ---- figures changed silently
    ("figures", "mu and m² disagreeing after conversion (276 mu = 190,000 m²)",
     [(F000, "qudt:numericValue 184000.0 ; qudt:unit unit:M2", "qudt:numericValue 190000.0 ; qudt:unit unit:M2")],
     "observation/sstp-planned-area-m2", "check:no-same-quantity-disagreeing"),
    ("figures", "RMB given as the same number of US dollars",
     [(F003, "qudt:numericValue 14900000000.0 ; qudt:unit cur:USD",
       "qudt:numericValue 101240000000.0 ; qudt:unit cur:USD")],
     "observation/science-city-expo-investment-usd", "check:no-same-quantity-disagreeing"),
    ("figures", "a part larger than its whole",
     [(F001, "qudt:numericValue 270000.0 ; qudt:unit unit:M2", "qudt:numericValue 870000.0 ; qudt:unit unit:M2")],
     "observation/sino-swiss-changzhou-occupied-area", "check:no-part-larger-than-its-whole"),
    # (at another date the two would be a series, which needs no record unless ten times apart)
    ("figures", "a second source restating an area in mu with another value at the same date",
     [(CURATION, "    # ---- services ----", "    observation:sino-swiss-changzhou-occupied-area-mu a stc:Observation ;\n"
       "        skos:prefLabel \"Sino-Swiss (Changzhou) Innovation Park: occupied area in mu\"@en ;\n"
       "        stc:observedEntity park:sino-swiss-changzhou-innovation-park ; stc:measure measure:occupied-area ;\n"
       "        qudt:numericValue 450.0 ; qudt:unit stc:Mu ; stc:comparator stc:Exactly ;\n"
       "        stc:asOf \"2021-11-12\"^^xsd:date ; stc:asOfBasis stc:StatedInSource .\n"
       "    # ---- services ----")],
     "observation/sino-swiss-changzhou-occupied-area", "check:no-unflagged-figure-conflict"),
    ("figures", "a value inside a recorded discrepancy changed (61 projects become 66)",
     [(F004, "qudt:numericValue 61.0 ; qudt:unit unit:NUM", "qudt:numericValue 66.0 ; qudt:unit unit:NUM")],
     "observation/liangjiang-cci-projects-61", "shacl:reviewedValue-unchanged"),
    # ---- dates
    ("dates", "an event in the year 1015",
     [(F002, "        stc:date \"2015\"^^xsd:gYear ;\n        stc:concerns agreement:cci .",
       "        stc:date \"1015\"^^xsd:gYear ;\n        stc:concerns agreement:cci .")],
     "event/cci-launch", "shacl:profile-date-from1900"),
    ("dates", "an event in 1815",
     [(F000, "stc:date \"2015-12\"^^xsd:gYearMonth ;", "stc:date \"1815-12\"^^xsd:gYearMonth ;")],
     "event/sstp-construction-start", "shacl:profile-date-from1900"),
    ("dates", "a status date after the article's publication",
     [(F000, "stc:statusAsOf \"2018-12-14\"^^xsd:date ; stc:statusAsOfBasis stc:EventDate ;\n        stc:focusSector",
       "stc:statusAsOf \"2019-12-14\"^^xsd:date ; stc:statusAsOfBasis stc:EventDate ;\n        stc:focusSector")],
     "park/sinoswiss-technopark", "check:no-date-after-its-source"),
    ("dates", "a start date after the curation record's revision",
     [(CURATION, "stc:startDate \"2022-01-01\"^^xsd:date", "stc:startDate \"2202-01-01\"^^xsd:date")],
     "agreement/rcep", "check:no-date-after-its-source"),
    ("dates", "a since-date after the article's estimated publication year",
     [(F002, "stc:sinceDate \"2020\"^^xsd:gYear ;", "stc:sinceDate \"2024\"^^xsd:gYear ;")],
     "observation/nus-institute-introduced-companies", "shacl:profile-sinceDate-notAfter-asOf-period"),
    ("dates", "a sub-event dated outside the event it is part of",
     [(F003, "stc:date \"2020-09-16\"^^xsd:date ;\n        stc:timeOfDay",
       "stc:date \"2019-09-16\"^^xsd:date ;\n        stc:timeOfDay")],
     "event/western-science-city-press-conference", "check:no-sub-event-outside-its-parent"),
    # ---- ranges
    ("ranges", "a share written as a fraction (0.24 for 24%)",
     [(F002, "qudt:numericValue 24.0 ; qudt:unit unit:PERCENT", "qudt:numericValue 0.24 ; qudt:unit unit:PERCENT")],
     "observation/liangjiang-cci-projects-44-share", "shacl:Percentage-notFraction"),
    ("ranges", "a count-valued share over 100",
     [(F002, "qudt:numericValue 24.0 ; qudt:unit unit:PERCENT", "qudt:numericValue 124.0 ; qudt:unit unit:NUM")],
     "observation/liangjiang-cci-projects-44-share", "shacl:shareOf-onlyPercent"),
    ("ranges", "bus coverage written as a fraction",
     [(F003, "qudt:numericValue 100.0 ; qudt:unit unit:PERCENT", "qudt:numericValue 0.5 ; qudt:unit unit:PERCENT")],
     "observation/science-city-bus-coverage", "shacl:Percentage-notFraction"),
    # ---- language tags
    ("language", "an untagged title",
     [(F003, "dct:title \"Western (Chongqing) Science City Conference held during SCE OL\"@en ;",
       "dct:title \"Western (Chongqing) Science City Conference held during SCE OL\" ;")],
     "source/003-western-science-city-press-conference", "shacl:profile-dct-title-value"),
    ("language", "an untagged note",
     [(F001, "skos:note \"Executives of Chinese and Swiss science parks took part (not named).\"@en .",
       "skos:note \"Executives of Chinese and Swiss science parks took part (not named).\" .")],
     "event/china-switzerland-launch-conference-2021", "shacl:profile-skos-note-value"),
    ("language", "English text tagged @zh",
     [(F002, "skos:note \"third intergovernmental cooperation project between China and Singapore\"@en ;",
       "skos:note \"third intergovernmental cooperation project between China and Singapore\"@zh ;")],
     "agreement/cci", "check:no-text-in-a-script-its-tag-excludes"),
    ("language", "Chinese characters tagged @en",
     [(F000, "skos:altLabel \"SSTP\"@en ;", "skos:altLabel \"SSTP\"@en , \"中瑞科技园\"@en ;")],
     "park/sinoswiss-technopark", "check:no-text-in-a-script-its-tag-excludes"),
    # ---- Wikidata links, compared with the verified list inside kg validate
    ("wikidata", "a wrong QID",
     [(WIKIDATA, "place:chongqing stc:wikidata wd:Q11725 .", "place:chongqing stc:wikidata wd:Q11726 .")],
     "place/chongqing", "check:no-wikidata-link-outside-verified-list"),
    ("wikidata", "an extra link in the verified graph",
     [(WIKIDATA, "place:chongqing stc:wikidata wd:Q11725 .",
       "place:chongqing stc:wikidata wd:Q11725 .\n    place:guangdong stc:wikidata wd:Q15175 .")],
     "place/guangdong", "check:no-wikidata-link-outside-verified-list"),
    ("wikidata", "a listed item on another entity",
     [(WIKIDATA, "place:chengdu stc:wikidata wd:Q30002 .", "place:chengdu stc:wikidata wd:Q11725 .")],
     "place/chengdu", "check:no-wikidata-link-outside-verified-list"),
    # ---- posts
    ("posts", "a mayor whose jurisdiction is a country",
     [(F000, "stc:jurisdiction place:zurich ;", "stc:jurisdiction place:switzerland ;")],
     "post/thomas-wagner-zurich-mayor", "shacl:PostHolding-cityOffice"),
    ("posts", "the mayor of Chongqing with China as jurisdiction",
     [(F003, "stc:jurisdiction place:chongqing ;", "stc:jurisdiction place:china ;")],
     "post/tang-liangzhi-chongqing-mayor", "shacl:PostHolding-cityOffice"),
    ("posts", "a mayor of a district",
     [(F003, "stc:jurisdiction place:chongqing ;", "stc:jurisdiction place:beibei ;")],
     "post/tang-liangzhi-chongqing-mayor", "shacl:PostHolding-cityOffice"),
    # ---- titles the model requires
    ("titles", "a news article without its headline",
     [(F000, "        dct:title \"Congrats! SinoSwiss Technopark Opens in Chongqing Liangjiang New Area\"@en ;\n", "")],
     "source/000-sinoswiss-technopark-opening", "shacl:NewsArticle-title"),
    ("titles", "an undated article without the title the curators supplied",
     [(CURATION, "        dct:title \"Liangjiang and Singapore to build a model park for science, technology and "
                 "innovation cooperation\"@en ;\n", "")],
     "source/004-china-singapore-model-park", "shacl:NewsArticle-title"),
    ("titles", "a title status outside its list",
     [(CURATION, "        stc:titleStatus stc:TitleFromText ;\n", "        stc:titleStatus stc:TitleGuessed ;\n")],
     "source/001-china-switzerland-launch-conference", "check:no-value-of-the-wrong-class"),
]


def test_the_real_data_conforms(tmp_path):
    built = build_copy(edited_copy(tmp_path, []))
    assert built.conforms, [(i.origin, i.focus, i.message) for i in built.report().issues]


@pytest.mark.parametrize("family,what,mutations,node,origin", EXAMPLES,
                         ids=[f"{family}: {what}" for family, what, *_ in EXAMPLES])
def test_error_is_a_violation_on_its_node(tmp_path, family, what, mutations, node, origin):
    built = build_copy(edited_copy(tmp_path, mutations))
    issues = built.report().issues
    assert not built.conforms, f"{what}: the build conforms"
    focus = node if "://" in node else ID + node
    hits = [i for i in issues if i.focus == focus and i.severity == "Violation"
            and (i.origin == origin or i.origin + ":" + (i.shape or "").rsplit("#", 1)[-1] == origin)]
    assert hits, (f"{what}: no Violation from {origin} on {focus}; the report has:\n"
                  + "\n".join(f"  {i.severity} {i.origin} {i.shape} {i.focus}: {i.message}" for i in issues))


def test_every_family_has_three_examples():
    families = {}
    for family, *_ in EXAMPLES:
        families[family] = families.get(family, 0) + 1
    assert set(families) == {"class", "direction", "figures", "dates", "ranges", "language", "wikidata", "posts",
                             "titles"}
    assert min(families.values()) >= 3, families
