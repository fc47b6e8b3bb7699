"""A second, held-out corpus of hand edits to the data: mistakes a curator could make, and
legitimate edits that must build clean.

How it was written: from the data files (data/*.trig), the ontology's definitions
(ontology/stcoop.ttl), docs/MODELLING.md and docs/CURATING.md and the five source articles only,
without reading the validation machinery (shapes/, ontology/profiles.ttl, queries/checks/,
src/kg/profile.py, src/kg/validate.py, their tests, or the first corpus tests/pipeline/edit_corpus.py). Each
error was written as a mistake that leaves the data wrong in a way the data itself, read with the
ontology's definitions, shows; none was tuned to what validation reports. Each valid edit follows
how the existing files model things, and was built on a copy of the working copy: all build clean
but one, a count written as an xsd:integer, which docs/MODELLING.md allows ("qudt:numericValue
(xsd:decimal or xsd:integer; a count is whole)") and validation refuses.

An edit is (file under data/, old text occurring exactly once in that file as the entry's
previous edits left it, new text); old text None creates a new file. Entries are independent: each
is applied alone to the data as committed.

ERRORS: each entry names its family, what is wrong, and the node a good report names (the entity
the wrong statement is about). Families:
  figure-value-not-a-decimal, boolean-flag-not-boolean, integer-property-not-integer,
  date-of-a-datatype-dates-never-take, string-property-of-another-datatype, ill-formed-literal,
  language-tag-not-a-language, label-script-contradicts-tag, preflabel-differs-between-sources,
  two-english-preflabels-in-one-source, missing-english-preflabel, one-label-as-pref-and-alt,
  iri-folder-wrong-for-class, slug-not-lowercase-hyphenated, relation-ends-swapped,
  asymmetric-relation-both-ways, irreflexive-relation-to-itself, hierarchy-cycle,
  sameas-merges-distinct-entities, disjoint-classes-on-one-entity, value-of-the-wrong-class,
  controlled-values-swapped-between-properties, controlled-value-from-the-wrong-scheme,
  class-used-as-value, individual-used-as-class, literal-where-iri-needed,
  iri-where-literal-needed, blank-node, undefined-property, undefined-class, broken-reference,
  unit-does-not-fit-measure, unit-not-in-qudt, percentage-outside-0-100, count-not-a-whole-positive,
  value-implausible-for-measure, figure-missing-a-required-part, two-values-where-one-is-allowed,
  post-holding-with-two-roles, incompatible-roles-one-person-one-body, single-holder-role-held-twice,
  post-label-contradicts-post, post-holding-incomplete, city-office-outside-a-city,
  as-of-date-off-its-basis, dated-after-its-source, life-cycle-out-of-order,
  status-contradicts-events, sub-or-joint-event-dates-disagree, since-date-after-as-of-date,
  relation-before-its-party-existed, sources-disagree-without-discrepancy,
  figure-changed-after-review, same-quantity-values-disagree, part-exceeds-whole,
  share-of-the-wrong-whole, count-contradicts-listed-members, discrepancy-malformed,
  curation-record-in-article-graph, fact-in-wrong-graph, entity-introduced-where-never-mentioned,
  source-description-wrong, wikidata-link-wrong, vocabulary-term-outside-curation,
  measure-definition-broken, place-hierarchy-impossible, planned-flag-contradicts-date,
  ontology-term-declared-in-data, entity-duplicated-under-second-iri.

VALID: labels in other languages and scripts, new background places, roles, sectors, measures and
services in source:curation, verified Wikidata links with their records, new article files written
the way `kg new-source` writes them (later figures of existing measures, new QUDT units, figures in
two units, shares, planned events, people and posts, organisations, an estimated date), and
discrepancies recorded between sources.
"""

from kg.namespaces import DATA_PREFIXES, turtle_prologue

A0 = "000-sinoswiss-technopark-opening.trig"
A1 = "001-china-switzerland-launch-conference.trig"
A2 = "002-china-singapore-cci-projects.trig"
A3 = "003-western-science-city-press-conference.trig"
A4 = "004-china-singapore-model-park.trig"
CUR = "curation.trig"
WD = "wikidata-verified.trig"


def _e(family, what, node, *edits): return {"family": family, "what": what, "node": node, "edits": list(edits)}
def _v(what, *edits): return {"what": what, "edits": list(edits)}


# The prefix block every data file starts with (for new files).
_PREFIXES = turtle_prologue(names=DATA_PREFIXES)

# Anchors used by several entries.
_SSTP_STATUS = ('stc:developmentStatus stc:Operating ;\n'
                '        stc:statusAsOf "2018-12-14"^^xsd:date ; stc:statusAsOfBasis stc:EventDate ;\n'
                '        stc:focusSector')
_CQ_CUR = ('place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en ;\n'
           '        stc:locatedIn place:china .')
_CHANGZHOU_CUR = ('place:changzhou a stc:City ; skos:prefLabel "Changzhou"@en ;\n'
                  '        stc:locatedIn place:jiangsu .')

ERRORS = [
    # ---- figure-value-not-a-decimal ---------------------------------------------------------
    _e("figure-value-not-a-decimal", "the enterprise count is typed as the article's words, a language-tagged string, not a number",
       "observation:sstp-enterprises",
       (A0, "qudt:numericValue 30.0 ;", 'qudt:numericValue "more than 30"@en ;')),
    _e("figure-value-not-a-decimal", "the park's value is written in exponent notation, an xsd:double, where figures are xsd:decimal or xsd:integer",
       "observation:sstp-park-investment-about-section",
       (A0, "qudt:numericValue 2000000000.0 ;", "qudt:numericValue 2.0E9 ;")),

    # ---- boolean-flag-not-boolean -------------------------------------------------------------
    _e("boolean-flag-not-boolean", "stc:singleHolder (range xsd:boolean) is given the string \"yes\"",
       "role:mayor",
       (CUR, 'skos:prefLabel "mayor"@en ; skos:inScheme role:scheme ; stc:singleHolder true .',
        'skos:prefLabel "mayor"@en ; skos:inScheme role:scheme ; stc:singleHolder "yes" .')),
    _e("boolean-flag-not-boolean", "stc:isPlanned (range xsd:boolean) is given the integer 1",
       "observation:science-city-bus-coverage",
       (A3, 'stc:qualifier "planning target"@en ; stc:isPlanned true ;',
        'stc:qualifier "planning target"@en ; stc:isPlanned 1 ;')),

    # ---- integer-property-not-integer --------------------------------------------------------
    _e("integer-property-not-integer", "stc:phaseNumber (range xsd:integer) is written as the word \"first\"",
       "project:sstp-phase-1",
       (A0, "stc:phaseNumber 1 ;", 'stc:phaseNumber "first"@en ;')),
    _e("integer-property-not-integer", "stc:ordinal (range xsd:integer) is written as a decimal",
       "agreement:cci",
       (A2, "stc:ordinal 3 ;", "stc:ordinal 3.0 ;")),

    # ---- date-of-a-datatype-dates-never-take -------------------------------------------------------
    _e("date-of-a-datatype-dates-never-take", "an event date given as xsd:dateTime with an invented time; dates are xsd:date, gYearMonth, gYear or gMonthDay",
       "event:sstp-opening-ceremony",
       (A0, 'skos:altLabel "SinoSwiss Technopark opening ceremony"@en ;\n        stc:date "2018-12-14"^^xsd:date ;',
        'skos:altLabel "SinoSwiss Technopark opening ceremony"@en ;\n        stc:date "2018-12-14T10:00:00"^^xsd:dateTime ;')),
    _e("date-of-a-datatype-dates-never-take", "a post's as-of date written as a plain string without datatype",
       "post:tang-liangzhi-chongqing-mayor",
       (A3, 'stc:jurisdiction place:chongqing ;\n        stc:asOf "2020-09-16"^^xsd:date ;',
        'stc:jurisdiction place:chongqing ;\n        stc:asOf "2020-09-16" ;')),
    _e("date-of-a-datatype-dates-never-take", "the framework's start year written as a bare integer",
       "agreement:cci",
       (A2, 'stc:startDate "2015"^^xsd:gYear ;\n        stc:ordinal 3 ;', 'stc:startDate 2015 ;\n        stc:ordinal 3 ;')),
    _e("date-of-a-datatype-dates-never-take", "the publication date copied from the dateline as English text",
       "source:001-china-switzerland-launch-conference",
       (A1, 'stc:publicationDate "2021-11-12"^^xsd:date ;', 'stc:publicationDate "Nov. 12, 2021"@en ;')),
    _e("date-of-a-datatype-dates-never-take", "a status date given as xsd:dateTime",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, 'stc:statusAsOf "2021-11-12"^^xsd:date ;', 'stc:statusAsOf "2021-11-12T00:00:00Z"^^xsd:dateTime ;')),
    _e("date-of-a-datatype-dates-never-take", "a since-date written as words instead of a gYear",
       "observation:nus-institute-phd-students",
       (A4, 'stc:sinceDate "2022"^^xsd:gYear ;', 'stc:sinceDate "since 2022"@en ;')),

    # ---- string-property-of-another-datatype --------------------------------------------------
    _e("string-property-of-another-datatype", "stc:timeOfDay (range xsd:string) given as an xsd:time the article never states",
       "event:western-science-city-press-conference",
       (A3, 'stc:timeOfDay "morning" ;', 'stc:timeOfDay "09:00:00"^^xsd:time ;')),
    _e("string-property-of-another-datatype", "stc:fileName (range xsd:string) given as an xsd:anyURI path",
       "source:000-sinoswiss-technopark-opening",
       (CUR, 'stc:fileName "000_a38f504b0d0e3eb6.txt" ;',
        'stc:fileName "file:///work/shared/sources/000_a38f504b0d0e3eb6.txt"^^xsd:anyURI ;')),

    # ---- ill-formed-literal ------------------------------------------------------------------------
    _e("ill-formed-literal", "month 13 in a gYearMonth",
       "event:sstp-construction-start",
       (A0, 'stc:date "2015-12"^^xsd:gYearMonth ;', 'stc:date "2015-13"^^xsd:gYearMonth ;')),
    _e("ill-formed-literal", "31 June in a gMonthDay",
       "event:cci-multimodal-connectivity-center-opening",
       (A2, 'stc:date "--06-17"^^xsd:gMonthDay ;', 'stc:date "--06-31"^^xsd:gMonthDay ;')),
    _e("ill-formed-literal", "day and month swapped in an xsd:date (month 14)",
       "post:duan-chenggang-liangjiang-party-work-committee-secretary",
       (A0, 'org:member person:duan-chenggang ; org:role role:secretary ;\n'
            '        org:organization organisation:liangjiang-party-work-committee ;\n'
            '        stc:asOf "2018-12-14"^^xsd:date ;',
        'org:member person:duan-chenggang ; org:role role:secretary ;\n'
        '        org:organization organisation:liangjiang-party-work-committee ;\n'
        '        stc:asOf "2018-14-12"^^xsd:date ;')),
    _e("ill-formed-literal", "an xsd:decimal written with thousands separators",
       "observation:sino-swiss-changzhou-allocated-area",
       (A1, "qudt:numericValue 670000.0 ;", 'qudt:numericValue "670,000"^^xsd:decimal ;')),
    _e("ill-formed-literal", "an xsd:date without zero padding of the month",
       "observation:science-city-colleges",
       (A3, 'qudt:numericValue 28.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2020-09-16"^^xsd:date ;',
        'qudt:numericValue 28.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2020-9-16"^^xsd:date ;')),

    # ---- language-tag-not-a-language -------------------------------------------------------------
    _e("language-tag-not-a-language", "a Chinese name tagged with the country code CN, which is no language",
       "place:chongqing",
       (CUR, _CQ_CUR, _CQ_CUR[:-1] + '; skos:altLabel "重庆"@cn .')),
    _e("language-tag-not-a-language", "a Japanese name tagged jp (the country code) instead of ja",
       "place:japan",
       (CUR, 'place:japan a stc:Country ; skos:prefLabel "Japan"@en .',
        'place:japan a stc:Country ; skos:prefLabel "Japan"@en , "日本"@jp .')),
    _e("language-tag-not-a-language", "a German abbreviation tagged ge, which is not a language code (German is de)",
       "organisation:swiss-eaer",
       (CUR, "    # ---- background facts: frameworks",
        '    organisation:swiss-eaer skos:altLabel "WBF"@ge .\n\n    # ---- background facts: frameworks')),
    _e("language-tag-not-a-language", "the language spelt out as a tag, @english",
       "park:sinoswiss-technopark",
       (A0, 'skos:altLabel "SSTP"@en ;', 'skos:altLabel "SSTP"@en , "SinoSwiss-Technopark"@english ;')),

    # ---- label-script-contradicts-tag ---------------------------------------------------------------
    _e("label-script-contradicts-tag", "a label in Latin letters tagged @zh-Hans (simplified Chinese characters)",
       "place:changzhou",
       (CUR, _CHANGZHOU_CUR, _CHANGZHOU_CUR[:-1] + '; skos:altLabel "Changzhou Shi"@zh-Hans .')),
    _e("label-script-contradicts-tag", "Chinese characters tagged @zh-Latn-pinyin (Latin letters)",
       "park:liangjiang-new-area",
       (CUR, 'park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel "Liangjiang New Area"@en ;',
        'park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel "Liangjiang New Area"@en , "两江新区"@zh-Latn-pinyin ;')),
    _e("label-script-contradicts-tag", "the Chinese name of Switzerland tagged as German",
       "place:switzerland",
       (CUR, 'place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en .',
        'place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en , "瑞士"@de .')),

    # ---- preflabel-differs-between-sources -------------------------------------------------------
    _e("preflabel-differs-between-sources", "source 004 makes the abbreviation the institute's preferred English label, while 002 prefers the full name",
       "park:nus-chongqing-research-institute",
       (A4, 'skos:prefLabel "National University of Singapore (Chongqing) Research Institute"@en ;\n'
            '        skos:altLabel "NUS (Chongqing) Research Institute"@en ;\n        stc:locatedIn park:liangjiang-new-area ;',
        'skos:prefLabel "NUS (Chongqing) Research Institute"@en ;\n        stc:locatedIn park:liangjiang-new-area ;')),
    _e("preflabel-differs-between-sources", "source 002's short form made a preferred label beside the curation graph's full airport name",
       "place:jiangbei-international-airport",
       (A2, 'skos:altLabel "Jiangbei International Airport"@en .', 'skos:prefLabel "Jiangbei International Airport"@en .')),
    _e("preflabel-differs-between-sources", "source 003's long form of the committee made its preferred label, beside the curation graph's",
       "organisation:cpc-chongqing-municipal-committee",
       (A3, 'skos:altLabel "Communist Party of China Chongqing Municipal Committee"@en .',
        'skos:prefLabel "Communist Party of China Chongqing Municipal Committee"@en .')),

    # ---- two-english-preflabels-in-one-source ----------------------------------------------------
    _e("two-english-preflabels-in-one-source", "the abbreviation moved from altLabel to a second English prefLabel",
       "park:sinoswiss-technopark",
       (A0, 'skos:prefLabel "SinoSwiss Technopark"@en ;\n        skos:altLabel "SSTP"@en ;',
        'skos:prefLabel "SinoSwiss Technopark"@en , "SSTP"@en ;')),

    # ---- missing-english-preflabel ----------------------------------------------------------------
    _e("missing-english-preflabel", "the only name of the person is an altLabel; no graph gives a prefLabel",
       "person:an-lei",
       (A1, 'person:an-lei a stc:Person ; skos:prefLabel "An Lei"@en .', 'person:an-lei a stc:Person ; skos:altLabel "An Lei"@en .')),
    _e("missing-english-preflabel", "the company is named with rdfs:label instead of skos:prefLabel",
       "organisation:medela",
       (A1, 'organisation:medela a stc:Company ; skos:prefLabel "Medela"@en ;', 'organisation:medela a stc:Company ; rdfs:label "Medela"@en ;')),
    _e("missing-english-preflabel", "the label lost its language tag, so there is no @en prefLabel",
       "event:block71-chongqing-launch",
       (A4, 'skos:prefLabel "Launch of BLOCK71 Chongqing"@en ;', 'skos:prefLabel "Launch of BLOCK71 Chongqing" ;')),

    # ---- one-label-as-pref-and-alt ----------------------------------------------------------------
    _e("one-label-as-pref-and-alt", "the preferred name repeated as an alternative label in the same graph (SKOS: pref and alt labels are disjoint)",
       "park:liangjiang-new-area",
       (A2, 'skos:altLabel "Liangjiang"@en ;', 'skos:altLabel "Liangjiang"@en , "Liangjiang New Area"@en ;')),
    _e("one-label-as-pref-and-alt", "the abbreviation given both as altLabel and hiddenLabel",
       "agreement:cci",
       (A2, 'skos:hiddenLabel "CIC"@en ;', 'skos:hiddenLabel "CIC"@en , "CCI"@en ;')),

    # ---- iri-folder-wrong-for-class ----------------------------------------------------------------
    _e("iri-folder-wrong-for-class", "a post holding minted under person/",
       "person:an-lei-torch-center-international-department-director",
       (A1, "post:an-lei-torch-center-international-department-director a stc:PostHolding",
        "person:an-lei-torch-center-international-department-director a stc:PostHolding")),
    _e("iri-folder-wrong-for-class", "a founding event minted under project/",
       "project:nus-chongqing-research-institute-founding",
       (A2, "event:nus-chongqing-research-institute-founding a stc:Founding",
        "project:nus-chongqing-research-institute-founding a stc:Founding")),
    _e("iri-folder-wrong-for-class", "a company minted under park/",
       "park:leoni",
       (A1, 'organisation:leoni a stc:Company ; skos:prefLabel "Leoni"@en ;', 'park:leoni a stc:Company ; skos:prefLabel "Leoni"@en ;')),
    _e("iri-folder-wrong-for-class", "an observation minted under measure/",
       "measure:science-city-industrial-parks",
       (A3, "observation:science-city-industrial-parks a stc:Observation", "measure:science-city-industrial-parks a stc:Observation")),
    _e("iri-folder-wrong-for-class", "a discrepancy minted under source/",
       "source:ndrc-plan-name",
       (CUR, "discrepancy:ndrc-plan-name a stc:Discrepancy", "source:ndrc-plan-name a stc:Discrepancy")),

    # ---- slug-not-lowercase-hyphenated ---------------------------------------------------------------
    _e("slug-not-lowercase-hyphenated", "a slug with capitals and an underscore",
       "service:SSTP_App",
       (A0, "stc:deliveredThrough service:sstp-app ;", "stc:deliveredThrough service:SSTP_App ;"),
       (A0, "service:sstp-app a stc:Service ;", "service:SSTP_App a stc:Service ;")),
    _e("slug-not-lowercase-hyphenated", "a person's slug joined with an underscore",
       "person:wang_jiakong",
       (A4, "person:wang-jiakong a stc:Person", "person:wang_jiakong a stc:Person"),
       (A4, "org:member person:wang-jiakong ;", "org:member person:wang_jiakong ;")),
    _e("slug-not-lowercase-hyphenated", "a slug in capitals",
       "agreement:JIDF",
       (A2, "agreement:jidf a stc:Fund", "agreement:JIDF a stc:Fund")),

    # ---- relation-ends-swapped -----------------------------------------------------------------------
    _e("relation-ends-swapped", "the chamber of commerce made a unit of its own chapter",
       "organisation:euccc",
       (A0, 'organisation:euccc a stc:ChamberOfCommerce ; skos:altLabel "EUCCC"@en .',
        'organisation:euccc a stc:ChamberOfCommerce ; skos:altLabel "EUCCC"@en ;\n        org:unitOf organisation:euccc-southwest-chapter .'),
       (A0, 'skos:prefLabel "EUCCC Southwest Chapter"@en ;\n        org:unitOf organisation:euccc .',
        'skos:prefLabel "EUCCC Southwest Chapter"@en .')),
    _e("relation-ends-swapped", "the park said to be a phase of its own first construction phase",
       "park:sinoswiss-technopark",
       (A0, "stc:phaseOf park:sinoswiss-technopark ;\n", ""),
       (A0, 'skos:altLabel "SSTP"@en ;', 'skos:altLabel "SSTP"@en ;\n        stc:phaseOf project:sstp-phase-1 ;')),
    _e("relation-ends-swapped", "the park made a tenant of a company",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, 'organisation:cotesa a stc:Company ; skos:prefLabel "COTESA"@en ;\n        stc:tenantOf park:sino-swiss-changzhou-innovation-park .',
        'organisation:cotesa a stc:Company ; skos:prefLabel "COTESA"@en .\n'
        '    park:sino-swiss-changzhou-innovation-park stc:tenantOf organisation:cotesa .')),
    _e("relation-ends-swapped", "the year-long competition made a sub-event of its one-day award ceremony",
       "event:sino-swiss-business-incubation-competition-2018",
       (A0, "stc:subEventOf event:sino-swiss-business-incubation-competition-2018 ;\n", ""),
       (A0, 'stc:dateNote "Year taken from the competition\'s name."@en ;',
        'stc:dateNote "Year taken from the competition\'s name."@en ;\n'
        '        stc:subEventOf event:sino-swiss-business-incubation-competition-2018-award-ceremony ;')),
    _e("relation-ends-swapped", "member and role of a post holding swapped",
       "post:xin-yuewen-liangjiang-sti-bureau-director",
       (A4, "org:member person:xin-yuewen ; org:role role:director ;", "org:member role:director ; org:role person:xin-yuewen ;")),
    _e("relation-ends-swapped", "observed entity and share-of entity of a percentage swapped: Chongqing as a share of Liangjiang",
       "observation:liangjiang-cci-projects-61-share",
       (A4, "stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-share ;",
        "stc:observedEntity place:chongqing ; stc:measure measure:cooperation-project-share ;"),
       (A4, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:cooperation-project-count ;",
        "stc:shareOfEntity park:liangjiang-new-area ; stc:shareOfMeasure measure:cooperation-project-count ;")),
    _e("relation-ends-swapped", "the organisation said to be the member countries of the region, instead of the region of the organisation",
       "organisation:asean",
       (A4, 'skos:prefLabel "ASEAN countries"@en ;\n        stc:memberCountriesOf organisation:asean .\n'
            '    organisation:asean a stc:InternationalOrganisation ; skos:altLabel "ASEAN"@en .',
        'skos:prefLabel "ASEAN countries"@en .\n'
        '    organisation:asean a stc:InternationalOrganisation ; skos:altLabel "ASEAN"@en ;\n'
        '        stc:memberCountriesOf place:asean-countries .')),
    _e("relation-ends-swapped", "the institute said to be launched by the hub it launched",
       "park:nus-chongqing-research-institute",
       (A4, "stc:launchedBy park:nus-chongqing-research-institute ;\n", ""),
       (A4, "stc:cooperatesWith park:liangjiang-new-area ;", "stc:cooperatesWith park:liangjiang-new-area ;\n        stc:launchedBy park:block71-chongqing ;")),
    _e("relation-ends-swapped", "publisher and author of the article swapped",
       "source:003-western-science-city-press-conference",
       (A3, "dct:publisher organisation:ichongqing ;\n        dct:creator person:mikkel-larsen ;",
        "dct:publisher person:mikkel-larsen ;\n        dct:creator organisation:ichongqing ;")),
    _e("relation-ends-swapped", "whole and part swapped: the allocated area made a part of the area occupied within it",
       "observation:sino-swiss-changzhou-allocated-area",
       (A1, "stc:partOfObservation observation:sino-swiss-changzhou-allocated-area ;\n", ""),
       (A1, "stc:measure measure:allocated-area ;", "stc:measure measure:allocated-area ;\n"
            "        stc:partOfObservation observation:sino-swiss-changzhou-occupied-area ;")),

    # ---- asymmetric-relation-both-ways ---------------------------------------------------------------
    _e("asymmetric-relation-both-ways", "the bonded zone said to host the science city that hosts it (stc:hosts is asymmetric)",
       "park:xiyong-comprehensive-bonded-zone",
       (A3, 'skos:prefLabel "Xiyong Comprehensive Bonded Zone"@en .',
        'skos:prefLabel "Xiyong Comprehensive Bonded Zone"@en ;\n        stc:hosts park:western-chongqing-science-city .')),
    _e("asymmetric-relation-both-ways", "the university said to be founded by the institute it founded (stc:backedBy is asymmetric)",
       "organisation:nus",
       (A2, 'skos:prefLabel "National University of Singapore"@en ;\n        skos:altLabel "NUS"@en .',
        'skos:prefLabel "National University of Singapore"@en ;\n        skos:altLabel "NUS"@en ;\n'
        '        stc:foundedBy park:nus-chongqing-research-institute .')),

    # ---- irreflexive-relation-to-itself ----------------------------------------------------------------
    _e("irreflexive-relation-to-itself", "a figure said to be the same quantity as itself (copy-paste of its own IRI)",
       "observation:sstp-planned-area-mu",
       (A0, "stc:sameQuantityAs observation:sstp-planned-area-m2 ;", "stc:sameQuantityAs observation:sstp-planned-area-mu ;")),
    _e("irreflexive-relation-to-itself", "an event said to be held together with itself",
       "event:sstp-opening-ceremony",
       (A0, "stc:heldTogetherWith event:sino-swiss-business-incubation-competition-2018-award-ceremony ;",
        "stc:heldTogetherWith event:sstp-opening-ceremony ;")),
    _e("irreflexive-relation-to-itself", "a role made incompatible with itself",
       "role:director",
       (CUR, "stc:incompatibleWith role:vice-director .", "stc:incompatibleWith role:director .")),
    _e("irreflexive-relation-to-itself", "the new area said to plan cooperation with itself",
       "park:liangjiang-new-area",
       (A2, "stc:plansCooperationWith place:singapore .", "stc:plansCooperationWith place:singapore , park:liangjiang-new-area .")),

    # ---- hierarchy-cycle ------------------------------------------------------------------------------------
    _e("hierarchy-cycle", "the ministry made a sub-organisation of its own centre",
       "organisation:most",
       (A1, 'organisation:most a stc:Ministry ;\n', 'organisation:most a stc:Ministry ;\n        org:subOrganizationOf organisation:torch-center ;\n')),
    _e("hierarchy-cycle", "the party committee made a sub-organisation of its own standing committee",
       "organisation:cpc-chongqing-municipal-committee",
       (A0, 'skos:altLabel "Chongqing CPC Municipal Committee"@en .',
        'skos:altLabel "Chongqing CPC Municipal Committee"@en ;\n        org:subOrganizationOf organisation:cpc-chongqing-standing-committee .')),
    _e("hierarchy-cycle", "the province placed in the city that lies in it",
       "place:jiangsu",
       (A1, 'place:jiangsu a stc:Province ; skos:prefLabel "Jiangsu"@en .',
        'place:jiangsu a stc:Province ; skos:prefLabel "Jiangsu"@en ; stc:locatedIn place:changzhou .')),
    _e("hierarchy-cycle", "a top sector given a narrower sector of its own as broader",
       "sector:manufacturing",
       (CUR, 'sector:manufacturing a stc:Sector ; skos:prefLabel "manufacturing"@en ; skos:inScheme sector:scheme .',
        'sector:manufacturing a stc:Sector ; skos:prefLabel "manufacturing"@en ; skos:inScheme sector:scheme ;\n'
        '        skos:broader sector:smart-manufacturing .')),
    _e("hierarchy-cycle", "the expo made a sub-event of the press conference held during it",
       "event:smart-china-expo-2020-online",
       (A3, 'stc:dateNote "Year taken from the expo\'s name."@en .',
        'stc:dateNote "Year taken from the expo\'s name."@en ;\n        stc:subEventOf event:western-science-city-press-conference .')),
    _e("hierarchy-cycle", "the whole count made part of its own part",
       "observation:nus-institute-introduced-companies",
       (A2, 'stc:sinceDate "2020"^^xsd:gYear ;', 'stc:sinceDate "2020"^^xsd:gYear ;\n'
            '        stc:partOfObservation observation:nus-institute-jidf-companies ;')),

    # ---- sameas-merges-distinct-entities ---------------------------------------------------------------
    _e("identity-link-outside-the-graph", "stc:sameThingAs used for a Wikidata item: it joins two entities of this graph, and stc:wikidata links an item",
       "place:china-railway-express",
       (CUR, "place:china-railway-express stc:sameThingAs place:china-europe-freight-trains .",
        "place:china-railway-express stc:sameThingAs place:china-europe-freight-trains , <http://www.wikidata.org/entity/Q1> .")),
    _e("sameas-merges-distinct-entities", "owl:sameAs used where the discrepancy record keeps two nodes linked by stc:sameThingAs: merging them gives one node two English prefLabels",
       "place:china-railway-express",
       (CUR, "place:china-railway-express stc:sameThingAs place:china-europe-freight-trains .",
        "place:china-railway-express <http://www.w3.org/2002/07/owl#sameAs> place:china-europe-freight-trains .")),
    _e("sameas-merges-distinct-entities", "BLOCK71 and BLOCK71 Chongqing merged, though the curators' own record says the nodes stay apart",
       "organisation:block71",
       (CUR, "    discrepancy:ndrc-plan-name a stc:Discrepancy",
        "    organisation:block71 <http://www.w3.org/2002/07/owl#sameAs> park:block71-chongqing .\n\n"
        "    discrepancy:ndrc-plan-name a stc:Discrepancy")),

    # ---- disjoint-classes-on-one-entity -----------------------------------------------------------------
    _e("disjoint-classes-on-one-entity", "the new area also typed a district (parks and zones are disjoint with administrative areas)",
       "park:liangjiang-new-area",
       (CUR, "park:liangjiang-new-area a stc:StateLevelNewArea ;", "park:liangjiang-new-area a stc:StateLevelNewArea , stc:District ;")),
    _e("disjoint-classes-on-one-entity", "Hong Kong typed both special administrative region and city",
       "place:hong-kong",
       (A3, 'place:hong-kong a stc:SpecialAdministrativeRegion ;', 'place:hong-kong a stc:SpecialAdministrativeRegion , stc:City ;')),
    _e("disjoint-classes-on-one-entity", "a launch typed both founding and opening",
       "event:cci-launch",
       (A4, "event:cci-launch a stc:Founding ;", "event:cci-launch a stc:Founding , stc:Opening ;")),
    _e("disjoint-classes-on-one-entity", "the waterway typed both transport link and river",
       "place:yangtze-golden-waterway",
       (A2, "place:yangtze-golden-waterway a stc:TransportLink ;", "place:yangtze-golden-waterway a stc:TransportLink , stc:River ;")),
    _e("disjoint-classes-on-one-entity", "an association typed also a government body",
       "organisation:swiss-chinese-association",
       (A0, "organisation:swiss-chinese-association a stc:Association ;", "organisation:swiss-chinese-association a stc:Association , stc:GovernmentBody ;")),
    _e("disjoint-classes-on-one-entity", "Chongqing typed a province in one article, a municipality everywhere else",
       "place:chongqing",
       (A3, 'place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en .', 'place:chongqing a stc:Province ; skos:prefLabel "Chongqing"@en .')),

    # ---- value-of-the-wrong-class -------------------------------------------------------------------------
    _e("value-of-the-wrong-class", "a city given as partner country (range stc:Country)",
       "agreement:chongqing-zurich-sister-cities",
       (A0, "stc:party place:chongqing , place:zurich .", "stc:party place:chongqing , place:zurich ;\n        stc:partnerCountry place:zurich .")),
    _e("value-of-the-wrong-class", "the municipal government given as the jurisdiction (range stc:AdministrativeArea)",
       "post:tang-liangzhi-chongqing-mayor",
       (A3, "stc:jurisdiction place:chongqing ;", "stc:jurisdiction organisation:chongqing-municipal-government ;")),
    _e("value-of-the-wrong-class", "a city given as the organisation of a post (range org:Organization)",
       "post:frank-eggman-swiss-consulate-chengdu-consul-general",
       (A0, "org:organization organisation:swiss-consulate-chengdu ;", "org:organization place:chengdu ;")),
    _e("value-of-the-wrong-class", "a country listed as a participant (range foaf:Agent; countries of guests are stc:participantOrigin)",
       "event:sstp-opening-ceremony",
       (A0, "organisation:chongqing-foreign-affairs-office ;\n        stc:speaker",
        "organisation:chongqing-foreign-affairs-office , place:switzerland ;\n        stc:speaker")),
    _e("value-of-the-wrong-class", "the publisher credited for the photograph (range stc:Person)",
       "source:000-sinoswiss-technopark-opening",
       (A0, "stc:photoCredit person:li-qian .", "stc:photoCredit organisation:ichongqing .")),
    _e("value-of-the-wrong-class", "a sector given as an offered service (range stc:Service)",
       "park:nus-chongqing-research-institute",
       (A2, "stc:offersService service:incubation ;", "stc:offersService sector:services ;")),
    _e("value-of-the-wrong-class", "a river given as the transport link a connection runs via (range stc:TransportLink, disjoint with rivers)",
       "park:western-chongqing-science-city",
       (A3, "stc:via place:new-international-land-sea-trade-corridor ;", "stc:via place:new-international-land-sea-trade-corridor , place:yangtze-river ;")),
    _e("value-of-the-wrong-class", "the content provider given as the dateline (range stc:Place)",
       "source:004-china-singapore-model-park",
       (A4, "stc:dateline place:chongqing .", "stc:dateline organisation:liangjiang-media-center .")),
    _e("value-of-the-wrong-class", "a city given as country of origin (range stc:Country)",
       "organisation:swiss-consulate-chengdu",
       (A0, "stc:headquartersCountry place:switzerland .", "stc:headquartersCountry place:zurich .")),
    _e("value-of-the-wrong-class", "a unit given as the measure the share is of (range stc:Measure)",
       "observation:liangjiang-cci-contract-amount-44-share",
       (A2, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:contract-amount ;",
        "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure cur:USD ;")),
    _e("value-of-the-wrong-class", "the venue given as the event the programme was launched at (range stc:Event)",
       "agreement:china-switzerland-innovation-entrepreneurship-cooperation",
       (A1, "stc:launchedAt event:china-switzerland-launch-conference-2021 .", "stc:launchedAt park:changzhou-national-hi-tech-district .")),
    _e("value-of-the-wrong-class", "the administrative committee given as the core area (range stc:Place)",
       "agreement:cci",
       (A2, "stc:coreArea park:liangjiang-new-area .", "stc:coreArea organisation:liangjiang-administrative-committee .")),

    # ---- controlled-values-swapped-between-properties ---------------------------------------------------
    _e("controlled-values-swapped-between-properties", "as-of basis and tenure values swapped",
       "post:guo-shuyu-liangjiang-media-center-author",
       (A4, 'org:organization organisation:liangjiang-media-center ;\n'
            '        stc:asOf "2023"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate ; stc:tenure stc:CurrentPost .',
        'org:organization organisation:liangjiang-media-center ;\n'
        '        stc:asOf "2023"^^xsd:gYear ; stc:asOfBasis stc:CurrentPost ; stc:tenure stc:EstimatedPublicationDate .')),
    _e("controlled-values-swapped-between-properties", "discrepancy kind and resolution status swapped",
       "discrepancy:ndrc-plan-name",
       (CUR, 'stc:discrepancyKind stc:AmbiguousStatement ;\n        stc:variantReading "new national region action plan"@en ;\n'
             '        stc:resolutionStatus stc:Unresolved ;',
        'stc:discrepancyKind stc:Unresolved ;\n        stc:variantReading "new national region action plan"@en ;\n'
        '        stc:resolutionStatus stc:AmbiguousStatement ;')),
    _e("controlled-values-swapped-between-properties", "date status and title status swapped in a catalogue entry",
       "source:003-western-science-city-press-conference",
       (CUR, 'stc:fileName "003_55746115177d4237.txt" ;\n        stc:dateStatus stc:DateStated ;\n        stc:titleStatus stc:TitleStated .',
        'stc:fileName "003_55746115177d4237.txt" ;\n        stc:dateStatus stc:TitleStated ;\n        stc:titleStatus stc:DateStated .')),
    _e("controlled-values-swapped-between-properties", "development status and status as-of basis swapped",
       "park:western-chongqing-science-city",
       (A3, 'stc:developmentStatus stc:UnderConstruction ;\n        stc:statusAsOf "2020-09-16"^^xsd:date ; stc:statusAsOfBasis stc:EventDate ;',
        'stc:developmentStatus stc:EventDate ;\n        stc:statusAsOf "2020-09-16"^^xsd:date ; stc:statusAsOfBasis stc:UnderConstruction ;')),

    # ---- controlled-value-from-the-wrong-scheme -----------------------------------------------------------
    _e("controlled-value-from-the-wrong-scheme", "an as-of basis given as the comparator of a figure",
       "observation:cci-focus-areas",
       (A2, 'qudt:numericValue 4.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;',
        'qudt:numericValue 4.0 ; qudt:unit unit:NUM ; stc:comparator stc:StatedInSource ;')),
    _e("controlled-value-from-the-wrong-scheme", "the province given as the park's administrative level (\"provincial-level\" read as Jiangsu)",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, "stc:administrativeLevel stc:ProvincialLevel ;", "stc:administrativeLevel place:jiangsu ;")),

    # ---- class-used-as-value -------------------------------------------------------------------------------
    _e("class-used-as-value", "the class stc:DevelopmentStatus given as a development status",
       "project:sstp-cutting-edge-technology-institute",
       (A0, "stc:developmentStatus stc:Launched ;", "stc:developmentStatus stc:DevelopmentStatus ;")),
    _e("class-used-as-value", "the class org:Role given as the role of a post",
       "post:paul-sives-euccc-southwest-chapter-president",
       (A0, "org:member person:paul-sives ; org:role role:president ;", "org:member person:paul-sives ; org:role org:Role ;")),
    _e("class-used-as-value", "the class stc:Measure given as what a figure measures",
       "observation:science-city-rail-travel-time",
       (A3, "stc:measure measure:rail-travel-time ;", "stc:measure stc:Measure ;")),
    _e("class-used-as-value", "the class stc:Country given as partner country",
       "agreement:jidf",
       (A2, "stc:partnerCountry place:singapore ;\n        stc:supportsCompaniesOf", "stc:partnerCountry stc:Country ;\n        stc:supportsCompaniesOf")),

    # ---- individual-used-as-class --------------------------------------------------------------------------
    _e("individual-used-as-class", "a development status (an individual) used as a type of the data centre",
       "park:gds-chongqing-data-center",
       (A2, "park:gds-chongqing-data-center a stc:DataCentre , stc:CooperationProject ;",
        "park:gds-chongqing-data-center a stc:DataCentre , stc:CooperationProject , stc:Operating ;")),
    _e("individual-used-as-class", "a role (an individual) used as the type of a person",
       "person:guo-shuyu",
       (A4, 'person:guo-shuyu a stc:Person ;', 'person:guo-shuyu a stc:Person , role:author ;')),

    # ---- literal-where-iri-needed --------------------------------------------------------------------------
    _e("literal-where-iri-needed", "the venue given as a name instead of the place",
       "event:cci-multimodal-connectivity-center-opening",
       (A2, "stc:venue place:guoyuan-port ;", 'stc:venue "Guoyuan Port"@en ;')),
    _e("literal-where-iri-needed", "the publisher given as a name instead of the organisation",
       "source:003-western-science-city-press-conference",
       (A3, "dct:publisher organisation:ichongqing ;", 'dct:publisher "iChongqing" ;')),
    _e("literal-where-iri-needed", "the unit given as its symbol instead of the QUDT unit",
       "observation:sstp-total-building-area",
       (A0, "qudt:numericValue 550000.0 ; qudt:unit unit:M2 ;", 'qudt:numericValue 550000.0 ; qudt:unit "m²" ;')),
    _e("literal-where-iri-needed", "a homepage written as a string (foaf:homepage is an object property)",
       "park:liangjiang-new-area",
       (A0, "foaf:homepage <http://english.liangjiang.gov.cn/> .", 'foaf:homepage "http://english.liangjiang.gov.cn/" .')),
    _e("literal-where-iri-needed", "the comparator written as a word",
       "observation:science-city-colleges",
       (A3, "qudt:numericValue 28.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;",
        'qudt:numericValue 28.0 ; qudt:unit unit:NUM ; stc:comparator "exactly"@en ;')),
    _e("literal-where-iri-needed", "a Wikidata link written as the bare QID string",
       "place:jialing-river",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .", 'place:jialing-river stc:wikidata "Q1045185" .')),

    # ---- iri-where-literal-needed ----------------------------------------------------------------------------
    _e("iri-where-literal-needed", "the as-of basis put in place of the as-of date",
       "post:mikkel-larsen-ichongqing-author",
       (A3, 'stc:asOf "2020-09-17"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .',
        'stc:asOf stc:PublicationDate ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .')),
    _e("iri-where-literal-needed", "the preferred reading given as the person instead of the reading",
       "discrepancy:tang-liangzhi-spelling",
       (CUR, 'stc:preferredReading "Tang Liangzhi"@en ;', "stc:preferredReading person:tang-liangzhi ;")),
    _e("iri-where-literal-needed", "the file name given as a file: IRI",
       "source:004-china-singapore-model-park",
       (CUR, 'stc:fileName "004_3f952b82960186df.txt" ;', "stc:fileName <file:///work/shared/sources/004_3f952b82960186df.txt> ;")),

    # ---- blank-node ------------------------------------------------------------------------------------------
    _e("blank-node", "a venue described as a blank node",
       "event:western-science-city-construction-start",
       (A3, 'stc:date "2020-09-11"^^xsd:date ;', 'stc:date "2020-09-11"^^xsd:date ;\n'
            '        stc:venue [ a stc:Place ; skos:prefLabel "Western (Chongqing) Science City construction site"@en ] ;')),
    _e("blank-node", "a post holding written as a blank node",
       "person:xin-yuewen",
       (A4, "post:xin-yuewen-liangjiang-sti-bureau-director a stc:PostHolding ;", "[] a stc:PostHolding ;")),
    _e("blank-node", "a unit described inline as a blank node",
       "observation:competition-2018-participants",
       (A0, "stc:measure measure:participant-count ;\n        qudt:numericValue 11.0 ; qudt:unit unit:NUM ;",
        'stc:measure measure:participant-count ;\n        qudt:numericValue 11.0 ; qudt:unit [ a qudt:Unit ; skos:prefLabel "startups and SMEs"@en ] ;')),

    # ---- undefined-property ------------------------------------------------------------------------------------
    _e("undefined-property", "stc:basedin (lower-case i) is not a property of the ontology",
       "organisation:swiss-consulate-chengdu",
       (A0, "stc:basedIn place:chengdu ;", "stc:basedin place:chengdu ;")),
    _e("undefined-property", "org:organisation (British spelling) is not ORG's org:organization",
       "post:an-lei-torch-center-international-department-director",
       (A1, "org:organization organisation:torch-center-international-department ;", "org:organisation organisation:torch-center-international-department ;")),
    _e("undefined-property", "stc:observedEnity, a typo",
       "observation:cci-focus-areas",
       (A2, "stc:observedEntity agreement:cci ;", "stc:observedEnity agreement:cci ;")),
    _e("undefined-property", "stc:plannedConnectionsTo, a plural typo of stc:plannedConnectionTo",
       "park:western-chongqing-science-city",
       (A3, "stc:plannedConnectionTo place:new-international-land-sea-trade-corridor", "stc:plannedConnectionsTo place:new-international-land-sea-trade-corridor")),
    _e("undefined-property", "stc:plannedCooperationSectors, a plural typo",
       "park:liangjiang-new-area",
       (A4, "stc:plannedCooperationSector sector:science-and-technology-innovation .", "stc:plannedCooperationSectors sector:science-and-technology-innovation .")),
    _e("undefined-property", "skos:preflabel (lower-case l), so the chamber has no preferred label either",
       "organisation:euccc",
       (CUR, 'skos:prefLabel "European Union Chamber of Commerce in China"@en .', 'skos:preflabel "European Union Chamber of Commerce in China"@en .')),
    _e("undefined-property", "dct:author is not a Dublin Core term (dct:creator is)",
       "source:000-sinoswiss-technopark-opening",
       (A0, "dct:creator person:yuling-chen ;", "dct:author person:yuling-chen ;")),

    # ---- undefined-class -----------------------------------------------------------------------------------------
    _e("undefined-class", "stc:GovermentBody, a typo",
       "organisation:chongqing-science-and-technology-bureau",
       (A0, "organisation:chongqing-science-and-technology-bureau a stc:GovernmentBody ;", "organisation:chongqing-science-and-technology-bureau a stc:GovermentBody ;")),
    _e("undefined-class", "stc:Compnay, a typo",
       "organisation:sid",
       (A1, 'organisation:sid a stc:Company ;', 'organisation:sid a stc:Compnay ;')),
    _e("undefined-class", "stc:Pressconference, wrong case",
       "event:western-science-city-press-conference",
       (A3, "event:western-science-city-press-conference a stc:PressConference ;", "event:western-science-city-press-conference a stc:Pressconference ;")),
    _e("undefined-class", "org:Organisation (British spelling) is not ORG's org:Organization",
       "organisation:liangjiang-sti-bureau",
       (A4, "organisation:liangjiang-sti-bureau a stc:GovernmentBody ;", "organisation:liangjiang-sti-bureau a org:Organisation ;")),
    _e("undefined-class", "stc:Obsevation, a typo",
       "observation:nus-institute-jidf-companies",
       (A2, "observation:nus-institute-jidf-companies a stc:Observation ;", "observation:nus-institute-jidf-companies a stc:Obsevation ;")),

    # ---- broken-reference --------------------------------------------------------------------------------------------
    _e("broken-reference", "a role IRI that no graph defines",
       "post:tang-zongwei-liangjiang-party-work-committee-deputy-secretary",
       (A0, "org:member person:tang-zongwei ; org:role role:deputy-secretary ;", "org:member person:tang-zongwei ; org:role role:deputy-party-secretary ;")),
    _e("broken-reference", "a sector IRI misspelt (bio-medicine)",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, "sector:biomedicine , sector:medical-devices ;", "sector:bio-medicine , sector:medical-devices ;")),
    _e("broken-reference", "a measure IRI that the measure scheme does not define",
       "observation:nus-institute-introduced-companies",
       (A2, "stc:measure measure:introduced-company-count ;", "stc:measure measure:introduced-companies-count ;")),
    _e("broken-reference", "the event concerns a park IRI that does not exist",
       "event:western-science-city-construction-start",
       (A3, "stc:concerns park:western-chongqing-science-city .", "stc:concerns park:western-science-city .")),
    _e("broken-reference", "a discrepancy involves an observation IRI that does not exist",
       "discrepancy:nus-phd-students-his",
       (CUR, "stc:involves observation:nus-institute-phd-students ;", "stc:involves observation:nus-phd-students ;")),
    _e("broken-reference", "the park is part of a framework IRI that does not exist (a shortened slug)",
       "park:china-singapore-model-park",
       (A4, "stc:partOfFramework agreement:china-singapore-model-park-initiative ;", "stc:partOfFramework agreement:china-singapore-model-park ;")),
    _e("broken-reference", "a service IRI that the service scheme does not define",
       "park:sinoswiss-technopark",
       (A0, "service:market-matchmaking ,", "service:matchmaking ,")),

    # ---- unit-does-not-fit-measure ---------------------------------------------------------------------------------
    _e("unit-does-not-fit-measure", "an area given in metres (a length)",
       "observation:sino-swiss-changzhou-occupied-area",
       (A1, "qudt:numericValue 270000.0 ; qudt:unit unit:M2 ;", "qudt:numericValue 270000.0 ; qudt:unit unit:M ;")),
    _e("unit-does-not-fit-measure", "a travel time given in kilometres",
       "observation:science-city-rail-travel-time",
       (A3, "qudt:numericValue 30.0 ; qudt:unit unit:MIN ;", "qudt:numericValue 30.0 ; qudt:unit unit:KiloM ;")),
    _e("unit-does-not-fit-measure", "an area in mu given the count unit",
       "observation:sstp-planned-area-mu",
       (A0, "qudt:numericValue 276.0 ; qudt:unit stc:Mu ;", "qudt:numericValue 276.0 ; qudt:unit unit:NUM ;")),
    _e("unit-does-not-fit-measure", "a percentage share given the count unit",
       "observation:liangjiang-cci-contract-amount-44-share",
       (A2, "qudt:numericValue 44.0 ; qudt:unit unit:PERCENT ;", "qudt:numericValue 44.0 ; qudt:unit unit:NUM ;")),

    # ---- unit-not-in-qudt ---------------------------------------------------------------------------------------------
    _e("unit-not-in-qudt", "unit:SQ_M is not a QUDT unit (square metre is unit:M2)",
       "observation:sstp-total-building-area",
       (A0, "qudt:numericValue 550000.0 ; qudt:unit unit:M2 ;", "qudt:numericValue 550000.0 ; qudt:unit unit:SQ_M ;")),
    _e("unit-not-in-qudt", "unit:USD is not a QUDT unit (the dollar is cur:USD or unit:CCY_USD)",
       "observation:liangjiang-cci-contract-amount-61",
       (A4, "qudt:numericValue 10980000000.0 ; qudt:unit cur:USD ;", "qudt:numericValue 10980000000.0 ; qudt:unit unit:USD ;")),
    _e("unit-not-in-qudt", "stc:mu (lower case) is not the ontology's stc:Mu",
       "observation:sstp-planned-area-mu",
       (A0, "qudt:numericValue 276.0 ; qudt:unit stc:Mu ;", "qudt:numericValue 276.0 ; qudt:unit stc:mu ;")),

    # ---- percentage-outside-0-100 ---------------------------------------------------------------------------------------
    _e("percentage-outside-0-100", "a share of 440 percent (an extra zero)",
       "observation:liangjiang-cci-contract-amount-44-share",
       (A2, "qudt:numericValue 44.0 ; qudt:unit unit:PERCENT ;", "qudt:numericValue 440.0 ; qudt:unit unit:PERCENT ;")),
    _e("percentage-outside-0-100", "a negative share",
       "observation:liangjiang-cci-projects-61-share",
       (A4, "qudt:numericValue 21.0 ; qudt:unit unit:PERCENT ;", "qudt:numericValue -21.0 ; qudt:unit unit:PERCENT ;")),
    _e("percentage-outside-0-100", "a coverage above 100 percent",
       "observation:science-city-bus-coverage",
       (A3, "qudt:numericValue 100.0 ; qudt:unit unit:PERCENT ;", "qudt:numericValue 110.0 ; qudt:unit unit:PERCENT ;")),

    # ---- count-not-a-whole-positive ---------------------------------------------------------------------------------------
    _e("count-not-a-whole-positive", "a count of startups that is not whole",
       "observation:competition-2018-participants",
       (A0, "qudt:numericValue 11.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 11.5 ; qudt:unit unit:NUM ;")),
    _e("count-not-a-whole-positive", "a negative count of industrial parks",
       "observation:science-city-industrial-parks",
       (A3, "qudt:numericValue 14.0 ; qudt:unit unit:NUM ;", "qudt:numericValue -14.0 ; qudt:unit unit:NUM ;")),
    _e("count-not-a-whole-positive", "zero districts spanned by a science city that spans five",
       "observation:science-city-districts",
       (A3, "qudt:numericValue 5.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 0.0 ; qudt:unit unit:NUM ;")),

    # ---- value-implausible-for-measure -------------------------------------------------------------------------------------
    _e("value-implausible-for-measure", "RMB 101.24 billion entered as 101.24 (in billions), with the unit left as yuan",
       "observation:science-city-expo-investment-cny",
       (A3, "qudt:numericValue 101240000000.0 ; qudt:unit cur:CNY ;", "qudt:numericValue 101.24 ; qudt:unit cur:CNY ;")),
    _e("value-implausible-for-measure", "a 30-minute rail trip entered in hours: 30 hours",
       "observation:science-city-rail-travel-time",
       (A3, "qudt:numericValue 30.0 ; qudt:unit unit:MIN ;", "qudt:numericValue 30.0 ; qudt:unit unit:HR ;")),
    _e("value-implausible-for-measure", "2,800 colleges and universities in one area (two zeros added)",
       "observation:science-city-colleges",
       (A3, "qudt:numericValue 28.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 2800.0 ; qudt:unit unit:NUM ;")),
    _e("value-implausible-for-measure", "a 670,000 m² allocation entered in square kilometres",
       "observation:sino-swiss-changzhou-allocated-area",
       (A1, "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ;", "qudt:numericValue 670000.0 ; qudt:unit unit:KiloM2 ;")),

    # ---- figure-missing-a-required-part --------------------------------------------------------------------------------------
    _e("figure-missing-a-required-part", "a count without a unit",
       "observation:science-city-industrial-parks",
       (A3, "qudt:numericValue 14.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 14.0 ;")),
    _e("figure-missing-a-required-part", "a figure without its measure",
       "observation:nus-institute-jidf-companies",
       (A2, "stc:observedEntity park:nus-chongqing-research-institute ; stc:measure measure:fund-supported-company-count ;",
        "stc:observedEntity park:nus-chongqing-research-institute ;")),
    _e("figure-missing-a-required-part", "a figure without as-of date and basis",
       "observation:block71-chongqing-cultivated-companies",
       (A4, 'stc:comparator stc:Nearly ;\n        stc:asOf "2023"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate .',
        "stc:comparator stc:Nearly .")),
    _e("figure-missing-a-required-part", "an as-of date without its basis",
       "observation:sstp-focus-areas",
       (A0, 'qudt:numericValue 6.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2018-12-15"^^xsd:date ; stc:asOfBasis stc:PublicationDate .',
        'qudt:numericValue 6.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2018-12-15"^^xsd:date .')),
    _e("figure-missing-a-required-part", "a percentage that does not say which measure it is a share of",
       "observation:liangjiang-cci-contract-amount-61-share",
       (A4, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:contract-amount ;", "stc:shareOfEntity place:chongqing ;")),
    _e("figure-missing-a-required-part", "a figure that does not say what it is about",
       "observation:cci-focus-areas",
       (A2, "stc:observedEntity agreement:cci ; stc:measure measure:focus-area-count ;", "stc:measure measure:focus-area-count ;")),
    _e("figure-missing-a-required-part", "a figure without a value",
       "observation:sino-swiss-changzhou-allocated-area",
       (A1, "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ;", "qudt:unit unit:M2 ;")),
    _e("figure-missing-a-required-part", "a figure without a comparator",
       "observation:sstp-construction-duration",
       (A0, "qudt:numericValue 3.0 ; qudt:unit unit:YR ; stc:comparator stc:Exactly ;", "qudt:numericValue 3.0 ; qudt:unit unit:YR ;")),

    # ---- two-values-where-one-is-allowed -------------------------------------------------------------------------------------
    _e("two-values-where-one-is-allowed", "a figure with two comparators",
       "observation:science-city-colleges",
       (A3, "qudt:numericValue 28.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;",
        "qudt:numericValue 28.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly , stc:Approximately ;")),
    _e("two-values-where-one-is-allowed", "a figure with two units",
       "observation:sstp-total-building-area",
       (A0, "qudt:numericValue 550000.0 ; qudt:unit unit:M2 ;", "qudt:numericValue 550000.0 ; qudt:unit unit:M2 , stc:Mu ;")),
    _e("two-values-where-one-is-allowed", "a post both current and former",
       "post:qin-shubin-liangjiang-party-work-committee-member",
       (A2, 'org:organization organisation:liangjiang-party-work-committee ;\n'
            '        stc:asOf "2022"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate ; stc:tenure stc:CurrentPost .',
        'org:organization organisation:liangjiang-party-work-committee ;\n'
        '        stc:asOf "2022"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate ; stc:tenure stc:CurrentPost , stc:FormerPost .')),
    _e("two-values-where-one-is-allowed", "an article with two publication dates",
       "source:003-western-science-city-press-conference",
       (A3, 'stc:publicationDate "2020-09-17"^^xsd:date ;', 'stc:publicationDate "2020-09-17"^^xsd:date , "2020-09-16"^^xsd:date ;')),
    _e("two-values-where-one-is-allowed", "a post holding with two members",
       "post:wang-jiakong-nus-chongqing-research-institute-director",
       (A4, "org:member person:wang-jiakong ; org:role role:director ;", "org:member person:wang-jiakong , person:xin-yuewen ; org:role role:director ;")),
    _e("two-values-where-one-is-allowed", "a figure pasted again with a mistyped value: one observation with two values",
       "observation:nus-institute-introduced-companies",
       (A2, "qudt:numericValue 8.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 8.0 , 80.0 ; qudt:unit unit:NUM ;")),

    # ---- post-holding-with-two-roles --------------------------------------------------------------------------------------------
    _e("post-holding-with-two-roles", "one post holding given two roles (each post is one role; the article gives two posts)",
       "post:duan-chenggang-liangjiang-party-work-committee-secretary",
       (A0, "org:member person:duan-chenggang ; org:role role:secretary ;", "org:member person:duan-chenggang ; org:role role:secretary , role:director ;")),
    _e("post-holding-with-two-roles", "one post holding given a role and the role it excludes",
       "post:an-lei-torch-center-international-department-director",
       (A1, "org:member person:an-lei ; org:role role:director ;", "org:member person:an-lei ; org:role role:director , role:vice-director ;")),

    # ---- incompatible-roles-one-person-one-body --------------------------------------------------------------------------------
    _e("incompatible-roles-one-person-one-body", "the vice-director post attributed to the director of the same committee at the same date",
       "post:tang-zongwei-liangjiang-administrative-committee-vice-director",
       (A0, "org:member person:tang-zongwei ; org:role role:vice-director ;", "org:member person:duan-chenggang ; org:role role:vice-director ;")),
    _e("incompatible-roles-one-person-one-body", "a second post makes the committee's vice director also its director at the same date",
       "post:qin-shubin-liangjiang-administrative-committee-director",
       (A2, "    # ---- figures (the article is undated",
        '    post:qin-shubin-liangjiang-administrative-committee-director a stc:PostHolding ;\n'
        '        skos:prefLabel "Qin Shubin: director, Liangjiang New Area Administrative Committee"@en ;\n'
        '        org:member person:qin-shubin ; org:role role:director ;\n'
        '        org:organization organisation:liangjiang-administrative-committee ;\n'
        '        stc:asOf "2022"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate ; stc:tenure stc:CurrentPost .\n\n'
        '    # ---- figures (the article is undated')),

    # ---- single-holder-role-held-twice -------------------------------------------------------------------------------------------
    _e("single-holder-role-held-twice", "the vice director recorded as director: two current directors of one committee at one date",
       "post:tang-zongwei-liangjiang-administrative-committee-vice-director",
       (A0, "org:member person:tang-zongwei ; org:role role:vice-director ;", "org:member person:tang-zongwei ; org:role role:director ;")),
    _e("single-holder-role-held-twice", "the institute's director placed in the bureau, which already has a director at that date",
       "post:wang-jiakong-nus-chongqing-research-institute-director",
       (A4, "org:organization park:nus-chongqing-research-institute ;", "org:organization organisation:liangjiang-sti-bureau ;")),
    _e("single-holder-role-held-twice", "the caption's misspelling made a second person holding the mayoralty at the same date",
       "post:tang-liangzi-chongqing-mayor",
       (A3, "    # ---- figures ----",
        '    person:tang-liangzi a stc:Person ; skos:prefLabel "Tang Liangzi"@en .\n'
        '    post:tang-liangzi-chongqing-mayor a stc:PostHolding ;\n'
        '        skos:prefLabel "Tang Liangzi: mayor, Chongqing"@en ;\n'
        '        org:member person:tang-liangzi ; org:role role:mayor ;\n'
        '        stc:jurisdiction place:chongqing ;\n'
        '        stc:asOf "2020-09-16"^^xsd:date ; stc:asOfBasis stc:EventDate ; stc:tenure stc:CurrentPost .\n\n'
        '    # ---- figures ----')),

    # ---- post-label-contradicts-post ---------------------------------------------------------------------------------------------
    _e("post-label-contradicts-post", "the tenure made current while the label (and the article) says former",
       "post:thomas-wagner-zurich-mayor",
       (A0, "stc:tenure stc:FormerPost .", "stc:tenure stc:CurrentPost .")),
    _e("post-label-contradicts-post", "the tenure made former while the label says nothing of it",
       "post:tang-liangzhi-cpc-chongqing-deputy-secretary",
       (A3, 'org:organization organisation:cpc-chongqing-municipal-committee ;\n'
            '        stc:asOf "2020-09-16"^^xsd:date ; stc:asOfBasis stc:EventDate ; stc:tenure stc:CurrentPost .',
        'org:organization organisation:cpc-chongqing-municipal-committee ;\n'
        '        stc:asOf "2020-09-16"^^xsd:date ; stc:asOfBasis stc:EventDate ; stc:tenure stc:FormerPost .')),
    _e("post-label-contradicts-post", "the label names the role director while the post's role is vice director",
       "post:qin-shubin-liangjiang-administrative-committee-vice-director",
       (A2, 'skos:prefLabel "Qin Shubin: vice director, Liangjiang New Area Administrative Committee"@en ;',
        'skos:prefLabel "Qin Shubin: director, Liangjiang New Area Administrative Committee"@en ;')),
    _e("post-label-contradicts-post", "the label gives the person's name in another order than the person's label",
       "post:an-lei-torch-center-international-department-director",
       (A1, 'skos:prefLabel "An Lei: director, International', 'skos:prefLabel "Lei An: director, International')),
    _e("post-label-contradicts-post", "the label names the parent chamber while the post is in its chapter",
       "post:paul-sives-euccc-southwest-chapter-president",
       (A0, 'skos:prefLabel "Paul Sives: president, EUCCC Southwest Chapter"@en ;',
        'skos:prefLabel "Paul Sives: president, European Union Chamber of Commerce in China"@en ;')),

    # ---- post-holding-incomplete ----------------------------------------------------------------------------------------------------
    _e("post-holding-incomplete", "a post with neither organisation nor jurisdiction",
       "post:frank-eggman-swiss-consulate-chengdu-consul-general",
       (A0, "org:member person:frank-eggman ; org:role role:consul-general ;\n        org:organization organisation:swiss-consulate-chengdu ;\n",
        "org:member person:frank-eggman ; org:role role:consul-general ;\n")),
    _e("post-holding-incomplete", "a post without its holder",
       "post:mikkel-larsen-ichongqing-author",
       (A3, "org:member person:mikkel-larsen ; org:role role:author ; org:organization organisation:ichongqing ;",
        "org:role role:author ; org:organization organisation:ichongqing ;")),
    _e("post-holding-incomplete", "a post without its role",
       "post:xin-yuewen-liangjiang-sti-bureau-director",
       (A4, "org:member person:xin-yuewen ; org:role role:director ;", "org:member person:xin-yuewen ;")),

    # ---- city-office-outside-a-city --------------------------------------------------------------------------------------------------
    _e("city-office-outside-a-city", "the mayoralty (a stc:CityOffice) recorded in an organisation instead of the municipality's jurisdiction",
       "post:tang-liangzhi-chongqing-mayor",
       (A3, "stc:jurisdiction place:chongqing ;", "org:organization organisation:chongqing-municipal-government ;")),
    _e("city-office-outside-a-city", "the mayoralty's jurisdiction given as a country",
       "post:thomas-wagner-zurich-mayor",
       (A0, "stc:jurisdiction place:zurich ;", "stc:jurisdiction place:switzerland ;")),

    # ---- as-of-date-off-its-basis ----------------------------------------------------------------------------------------------------
    _e("as-of-date-off-its-basis", "as-of date is the publication date while the basis says event date",
       "post:an-lei-torch-center-international-department-director",
       (A1, 'stc:asOf "2021-10-21"^^xsd:date ; stc:asOfBasis stc:EventDate ;', 'stc:asOf "2021-11-12"^^xsd:date ; stc:asOfBasis stc:EventDate ;')),
    _e("as-of-date-off-its-basis", "as-of date is the event date while the basis says publication date",
       "observation:sstp-enterprises",
       (A0, 'stc:comparator stc:MoreThan ;\n        stc:asOf "2018-12-15"^^xsd:date ; stc:asOfBasis stc:PublicationDate .',
        'stc:comparator stc:MoreThan ;\n        stc:asOf "2018-12-14"^^xsd:date ; stc:asOfBasis stc:PublicationDate .')),
    _e("as-of-date-off-its-basis", "as-of date is the publication date while the basis says event date",
       "observation:science-city-districts",
       (A3, 'qudt:numericValue 5.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2020-09-16"^^xsd:date ;',
        'qudt:numericValue 5.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2020-09-17"^^xsd:date ;')),
    _e("as-of-date-off-its-basis", "as-of year 2023 on the basis of a publication date estimated as 2022",
       "observation:cci-focus-areas",
       (A2, 'qudt:numericValue 4.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2022"^^xsd:gYear ;',
        'qudt:numericValue 4.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:asOf "2023"^^xsd:gYear ;')),
    _e("as-of-date-off-its-basis", "status date is the conference date while the basis says publication date",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, 'stc:statusAsOf "2021-11-12"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate ;',
        'stc:statusAsOf "2021-10-21"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate ;')),
    _e("as-of-date-off-its-basis", "the article's date moved a day: every as-of date based on it is now off",
       "source:000-sinoswiss-technopark-opening",
       (A0, 'stc:publicationDate "2018-12-15"^^xsd:date ;', 'stc:publicationDate "2018-12-16"^^xsd:date ;')),
    _e("as-of-date-off-its-basis", "basis 'publication date' for a source that states none (only an estimate)",
       "observation:liangjiang-cci-projects-44",
       (A2, 'signed under the CCI"@en ;\n        stc:asOf "2022"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate .',
        'signed under the CCI"@en ;\n        stc:asOf "2022"^^xsd:gYear ; stc:asOfBasis stc:PublicationDate .')),

    # ---- dated-after-its-source ----------------------------------------------------------------------------------------------------
    _e("dated-after-its-source", "a construction start dated after the article that reports it, not marked planned",
       "event:western-science-city-construction-start",
       (A3, 'stc:date "2020-09-11"^^xsd:date ;', 'stc:date "2020-09-21"^^xsd:date ;')),
    _e("dated-after-its-source", "an opening dated in a year after the release that reports it",
       "event:sino-swiss-changzhou-innovation-park-opening",
       (A1, 'stc:date "2019"^^xsd:gYear ;', 'stc:date "2022"^^xsd:gYear ;')),
    _e("dated-after-its-source", "a figure stated as of a year after its article was published",
       "observation:sstp-partner-smes",
       (A0, 'in Switzerland and beyond"@en ;\n        stc:asOf "2018-12-15"^^xsd:date ; stc:asOfBasis stc:PublicationDate .',
        'in Switzerland and beyond"@en ;\n        stc:asOf "2019"^^xsd:gYear ; stc:asOfBasis stc:StatedInSource .')),
    _e("dated-after-its-source", "a figure stated as of a year after the release",
       "observation:sino-swiss-changzhou-occupied-area",
       (A1, 'stc:partOfObservation observation:sino-swiss-changzhou-allocated-area ;\n'
            '        stc:asOf "2021-11-12"^^xsd:date ; stc:asOfBasis stc:PublicationDate .',
        'stc:partOfObservation observation:sino-swiss-changzhou-allocated-area ;\n'
        '        stc:asOf "2022"^^xsd:gYear ; stc:asOfBasis stc:StatedInSource .')),
    _e("dated-after-its-source", "the curation record's revision date moved before the estimated date of a source it catalogues",
       "source:curation",
       (CUR, 'stc:publicationDate "2026-12-05"^^xsd:date ;', 'stc:publicationDate "2022-12-05"^^xsd:date ;')),

    # ---- life-cycle-out-of-order -----------------------------------------------------------------------------------------------------
    _e("life-cycle-out-of-order", "the opening dated before the founding of the park",
       "event:sino-swiss-changzhou-innovation-park-opening",
       (A1, 'stc:date "2019"^^xsd:gYear ;', 'stc:date "2017"^^xsd:gYear ;')),
    _e("life-cycle-out-of-order", "construction start dated the day after the opening ceremony that ended three years of construction",
       "event:sstp-construction-start",
       (A0, 'stc:date "2015-12"^^xsd:gYearMonth ;', 'stc:date "2018-12-15"^^xsd:date ;')),

    # ---- status-contradicts-events ------------------------------------------------------------------------------------------------------
    _e("status-contradicts-events", "the science city said to be operating days after its construction started; no opening is reported",
       "park:western-chongqing-science-city",
       (A3, "stc:developmentStatus stc:UnderConstruction ;", "stc:developmentStatus stc:Operating ;")),
    _e("status-contradicts-events", "an opening recorded for a park the same article gives as planned",
       "park:china-singapore-model-park",
       (A4, "    # The initiative to create the model park",
        '    event:china-singapore-model-park-opening a stc:Opening ;\n'
        '        skos:prefLabel "Opening of the Liangjiang–Singapore model park"@en ;\n'
        '        stc:date "2022"^^xsd:gYear ;\n'
        '        stc:concerns park:china-singapore-model-park .\n\n'
        '    # The initiative to create the model park')),
    _e("status-contradicts-events", "the park given as planned on the day of its opening ceremony",
       "park:sinoswiss-technopark",
       (A0, _SSTP_STATUS, _SSTP_STATUS.replace("stc:Operating", "stc:Planned"))),

    # ---- sub-or-joint-event-dates-disagree ----------------------------------------------------------------------------------------------
    _e("sub-or-joint-event-dates-disagree", "the expo dated a year before the press conference held during it",
       "event:smart-china-expo-2020-online",
       (A3, 'stc:date "2020"^^xsd:gYear ;', 'stc:date "2019"^^xsd:gYear ;')),
    _e("sub-or-joint-event-dates-disagree", "one of two events held together dated a day earlier",
       "event:sino-swiss-business-incubation-competition-2018-award-ceremony",
       (A0, 'skos:altLabel "2018 Sino-Swiss Business Incubation Competition Ceremony"@en ;\n        stc:date "2018-12-14"^^xsd:date ;',
        'skos:altLabel "2018 Sino-Swiss Business Incubation Competition Ceremony"@en ;\n        stc:date "2018-12-13"^^xsd:date ;')),

    # ---- since-date-after-as-of-date -----------------------------------------------------------------------------------------------------
    _e("since-date-after-as-of-date", "a figure counting since 2024 as of 2023",
       "observation:nus-institute-phd-students",
       (A4, 'stc:sinceDate "2022"^^xsd:gYear ;', 'stc:sinceDate "2024"^^xsd:gYear ;')),
    _e("since-date-after-as-of-date", "a figure counting since 2023 as of 2022",
       "observation:nus-institute-introduced-companies",
       (A2, 'stc:sinceDate "2020"^^xsd:gYear ;', 'stc:sinceDate "2023"^^xsd:gYear ;')),

    # ---- relation-before-its-party-existed -----------------------------------------------------------------------------------------------
    _e("relation-before-its-party-existed", "companies introduced by the institute counted from 2017, two years before it was founded",
       "observation:nus-institute-introduced-companies",
       (A2, 'stc:sinceDate "2020"^^xsd:gYear ;', 'stc:sinceDate "2017"^^xsd:gYear ;')),
    _e("relation-before-its-party-existed", "the hub launched in 2017 by an institute founded in 2019",
       "event:block71-chongqing-launch",
       (A4, 'stc:date "2021"^^xsd:gYear ;', 'stc:date "2017"^^xsd:gYear ;')),
    _e("relation-before-its-party-existed", "the institute's founding moved to 2022, after the hub it launched in 2021 and the companies it introduced from 2020",
       "event:nus-chongqing-research-institute-founding",
       (A2, 'stc:date "2019"^^xsd:gYear ;', 'stc:date "2022"^^xsd:gYear ;')),

    # ---- sources-disagree-without-discrepancy ------------------------------------------------------------------------------------------
    _e("sources-disagree-without-discrepancy", "source 004 dates the CCI's launch 2016, source 002 2015, and no discrepancy records it",
       "event:cci-launch",
       (A4, 'event:cci-launch a stc:Founding ;\n        stc:date "2015"^^xsd:gYear ;', 'event:cci-launch a stc:Founding ;\n        stc:date "2016"^^xsd:gYear ;')),
    _e("sources-disagree-without-discrepancy", "a second administrative level for the new area, against the curation graph's national level",
       "park:liangjiang-new-area",
       (A4, "stc:plannedCooperationSector sector:science-and-technology-innovation .",
        "stc:plannedCooperationSector sector:science-and-technology-innovation ;\n        stc:administrativeLevel stc:ProvincialLevel .")),
    _e("sources-disagree-without-discrepancy", "a second ordinal for the initiative: 4 in source 004, 3 in source 002",
       "agreement:cci",
       (A4, 'stc:startDate "2015"^^xsd:gYear ;\n        stc:party place:china , place:singapore ;',
        'stc:startDate "2015"^^xsd:gYear ;\n        stc:ordinal 4 ;\n        stc:party place:china , place:singapore ;')),

    # ---- figure-changed-after-review -----------------------------------------------------------------------------------------------------
    _e("figure-changed-after-review", "a reviewed figure changed in its article's graph: no longer its reviewed value",
       "observation:nus-institute-phd-students",
       (A4, "qudt:numericValue 60.0 ;", "qudt:numericValue 66.0 ;")),
    _e("figure-changed-after-review", "a reviewed value that lost a zero: it no longer equals the figure",
       "observation:sstp-phase-1-investment",
       (CUR, "observation:sstp-phase-1-investment stc:reviewedValue 1000000000.0 .", "observation:sstp-phase-1-investment stc:reviewedValue 100000000.0 .")),

    # ---- same-quantity-values-disagree ---------------------------------------------------------------------------------------------------
    _e("same-quantity-values-disagree", "276 mu mistyped 267: no longer the 184,000 m² it is the same quantity as",
       "observation:sstp-planned-area-mu",
       (A0, "qudt:numericValue 276.0 ;", "qudt:numericValue 267.0 ;")),
    _e("same-quantity-values-disagree", "USD 14.9 billion entered as 1.49 billion: no yuan-dollar rate of the period makes it RMB 101.24 billion",
       "observation:science-city-expo-investment-usd",
       (A3, "qudt:numericValue 14900000000.0 ;", "qudt:numericValue 1490000000.0 ;")),
    _e("same-quantity-values-disagree", "an investment said to be the same quantity as a count of projects",
       "observation:science-city-expo-investment-cny",
       (A3, "stc:sameQuantityAs observation:science-city-expo-investment-usd ;", "stc:sameQuantityAs observation:science-city-expo-projects ;")),

    # ---- part-exceeds-whole ----------------------------------------------------------------------------------------------------------------
    _e("part-exceeds-whole", "the occupied part (770,000 m²) larger than the area allocated (670,000 m²) it is part of",
       "observation:sino-swiss-changzhou-occupied-area",
       (A1, "qudt:numericValue 270000.0 ;", "qudt:numericValue 770000.0 ;")),
    _e("part-exceeds-whole", "nine fund-supported companies out of eight introduced",
       "observation:nus-institute-jidf-companies",
       (A2, "qudt:numericValue 2.0 ;", "qudt:numericValue 9.0 ;")),

    # ---- share-of-the-wrong-whole ----------------------------------------------------------------------------------------------------------
    _e("share-of-the-wrong-whole", "a share of projects said to be a share of the contract amount",
       "observation:liangjiang-cci-projects-44-share",
       (A2, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:cooperation-project-count ;",
        "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:contract-amount ;")),
    _e("share-of-the-wrong-whole", "Liangjiang's share given of Changzhou, a city it does not lie in",
       "observation:liangjiang-cci-contract-amount-61-share",
       (A4, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:contract-amount ;",
        "stc:shareOfEntity place:changzhou ; stc:shareOfMeasure measure:contract-amount ;")),

    # ---- count-contradicts-listed-members -----------------------------------------------------------------------------------------------------
    _e("count-contradicts-listed-members", "seven focus areas, while the same graph lists six focus sectors",
       "observation:sstp-focus-areas",
       (A0, "qudt:numericValue 6.0 ;", "qudt:numericValue 7.0 ;")),
    _e("count-contradicts-listed-members", "four districts spanned, while the same graph lists five",
       "observation:science-city-districts",
       (A3, "qudt:numericValue 5.0 ;", "qudt:numericValue 4.0 ;")),

    # ---- discrepancy-malformed ------------------------------------------------------------------------------------------------------------------
    _e("discrepancy-malformed", "a conflict of figures that involves one figure only",
       "discrepancy:sstp-area",
       (CUR, "stc:involves observation:sstp-park-area-about-section , observation:sstp-phase-1-area ,\n"
             "            observation:sstp-total-building-area , observation:sstp-planned-area-m2 , observation:sstp-planned-area-mu ;",
        "stc:involves observation:sstp-park-area-about-section ;")),
    _e("discrepancy-malformed", "a discrepancy without its kind",
       "discrepancy:li-qian-photographer",
       (CUR, 'stc:discrepancyKind stc:AmbiguousStatement ;\n        stc:variantReading "Photo by Li Qian', 'stc:variantReading "Photo by Li Qian')),
    _e("discrepancy-malformed", "a discrepancy without its resolution status",
       "discrepancy:changzhou-two-countries",
       (CUR, 'stc:variantReading "industry leaders from the two countries"@en ;\n        stc:resolutionStatus stc:Unresolved ;\n',
        'stc:variantReading "industry leaders from the two countries"@en ;\n')),
    _e("discrepancy-malformed", "a spelling variant of a name classed as conflicting figures; it involves no figure",
       "discrepancy:tang-liangzhi-spelling",
       (CUR, 'stc:discrepancyKind stc:NameVariant ;\n        stc:variantReading "Tang Liangzi"@en', 'stc:discrepancyKind stc:ConflictingFigures ;\n        stc:variantReading "Tang Liangzi"@en')),
    _e("discrepancy-malformed", "the preferred reading of a resolved name variant is not the entity's preferred label",
       "discrepancy:cpc-chongqing-committee-name",
       (CUR, 'stc:preferredReading "CPC Chongqing Municipal Committee"@en ;', 'stc:preferredReading "Chongqing CPC Municipal Committee"@en ;')),

    # ---- curation-record-in-article-graph ---------------------------------------------------------------------------------------------------------
    _e("curation-record-in-article-graph", "a discrepancy (a curators' finding, kept in source:curation) written into an article's graph",
       "discrepancy:model-park-province",
       (A4, "    # ---- figures ----",
        '    discrepancy:model-park-province a stc:Discrepancy ;\n'
        '        skos:prefLabel "Liangjiang called a province in the model park article"@en ;\n'
        '        stc:involves park:liangjiang-new-area ;\n'
        '        stc:discrepancyKind stc:WrongCategory ;\n'
        '        stc:variantReading "Liangjiang province"@en ;\n'
        '        stc:resolutionStatus stc:Resolved ;\n'
        '        stc:resolution "A state-level new area, not a province."@en .\n\n'
        '    # ---- figures ----')),
    _e("curation-record-in-article-graph", "validation knowledge about a role (single holder), kept in the role scheme of source:curation, written into an article's graph",
       "role:honorary-president",
       (A0, '    person:li-qian a stc:Person ; skos:prefLabel "Li Qian"@en .',
        '    person:li-qian a stc:Person ; skos:prefLabel "Li Qian"@en .\n'
        '    role:honorary-president a org:Role ; skos:prefLabel "honorary president"@en ; stc:singleHolder true .')),

    # ---- fact-in-wrong-graph --------------------------------------------------------------------------------------------------------------------------
    _e("fact-in-wrong-graph", "an article's figure written into the curation graph, as of the article's date on the basis of a publication date the curation source does not have",
       "observation:sstp-enterprises-curation",
       (CUR, "    # ---- background facts: frameworks",
        '    observation:sstp-enterprises-curation a stc:Observation ;\n'
        '        skos:prefLabel "SinoSwiss Technopark: enterprises in the park (curation)"@en ;\n'
        '        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:enterprise-count ;\n'
        '        qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n'
        '        stc:asOf "2018-12-15"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n\n'
        '    # ---- background facts: frameworks')),
    _e("fact-in-wrong-graph", "a park's status written into the ontology's named graph",
       "park:sinoswiss-technopark",
       (A0, "    sector:trade-and-logistics a stc:Sector ; skos:prefLabel \"trade and logistics\"@en .\n}",
        "    sector:trade-and-logistics a stc:Sector ; skos:prefLabel \"trade and logistics\"@en .\n}\n\n"
        "<https://w3id.org/stcoop/ontology> {\n"
        "    park:sinoswiss-technopark stc:developmentStatus stc:Operating .\n}")),
    _e("fact-in-wrong-graph", "facts written into a graph whose name is a mistyped source IRI that no catalogue entry describes",
       "source:003-western-science-city",
       (A3, "    sector:next-generation-information-technology a stc:Sector ; skos:prefLabel \"next-generation information technology\"@en .\n}",
        "    sector:next-generation-information-technology a stc:Sector ; skos:prefLabel \"next-generation information technology\"@en .\n}\n\n"
        "source:003-western-science-city {\n"
        "    park:western-chongqing-science-city skos:altLabel \"Western Science City\"@en .\n}")),
    _e("fact-in-wrong-graph", "a new Turtle file of notes: its triples fall in the graph source:notes, which no source describes",
       "source:notes",
       ("notes.ttl", None, _PREFIXES + '\npark:block71-chongqing skos:altLabel "BLOCK71 CQ"@en .\n')),
    _e("fact-in-wrong-graph", "a Wikidata link stated in an article's graph (links belong to source:wikidata-verified)",
       "place:jiangsu",
       (A1, 'place:jiangsu a stc:Province ; skos:prefLabel "Jiangsu"@en .', 'place:jiangsu a stc:Province ; skos:prefLabel "Jiangsu"@en ; stc:wikidata wd:Q16963 .')),
    _e("fact-in-wrong-graph", "provenance written by hand: the park cited to an article that never introduces it",
       "park:sinoswiss-technopark",
       (A0, 'skos:altLabel "SSTP"@en ;', 'skos:altLabel "SSTP"@en ;\n        dct:source source:001-china-switzerland-launch-conference ;')),

    # ---- entity-introduced-where-never-mentioned --------------------------------------------------------------------------------------------------
    _e("entity-introduced-where-never-mentioned", "Singapore introduced in the SSTP article, which never mentions it",
       "place:singapore",
       (A0, '    place:japan a stc:Country ; skos:prefLabel "Japan"@en .',
        '    place:japan a stc:Country ; skos:prefLabel "Japan"@en .\n    place:singapore a stc:Country ; skos:prefLabel "Singapore"@en .')),
    _e("entity-introduced-where-never-mentioned", "NUS introduced in the Science City article, which never mentions it",
       "organisation:nus",
       (A3, "    organisation:chongqing-university a stc:University ;",
        '    organisation:nus a stc:University ; skos:prefLabel "National University of Singapore"@en .\n'
        "    organisation:chongqing-university a stc:University ;")),
    _e("entity-introduced-where-never-mentioned", "Liangjiang New Area introduced in the Changzhou release, which never mentions it",
       "park:liangjiang-new-area",
       (A1, "    # ---- the park ----",
        '    park:liangjiang-new-area a stc:StateLevelNewArea ; skos:prefLabel "Liangjiang New Area"@en .\n\n    # ---- the park ----')),
    _e("entity-introduced-where-never-mentioned", "Qin Shubin introduced in the model park article, which never mentions him",
       "person:qin-shubin",
       (A4, '    person:xin-yuewen a stc:Person ; skos:prefLabel "Xin Yuewen"@en .',
        '    person:xin-yuewen a stc:Person ; skos:prefLabel "Xin Yuewen"@en .\n    person:qin-shubin a stc:Person ; skos:prefLabel "Qin Shubin"@en .')),
    _e("entity-introduced-where-never-mentioned", "the Smart China Expo introduced in the CCI article, which never mentions it",
       "event:smart-china-expo-2020-online",
       (A2, "    # ---- people ----",
        '    event:smart-china-expo-2020-online a stc:Expo ; skos:prefLabel "2020 Smart China Expo Online"@en ;\n'
        '        stc:date "2020"^^xsd:gYear .\n\n    # ---- people ----')),
    _e("entity-introduced-where-never-mentioned", "a Changzhou tenant placed in the SSTP article, which never mentions it",
       "organisation:medela",
       (A0, "    organisation:ichongqing a stc:MediaOrganisation ;",
        "    organisation:medela stc:tenantOf park:sinoswiss-technopark .\n    organisation:ichongqing a stc:MediaOrganisation ;")),
    _e("entity-introduced-where-never-mentioned", "a partner country the article never names given to the science city",
       "park:western-chongqing-science-city",
       (A3, 'stc:slogan "home of scientists, city of entrepreneurs"@en ;',
        'stc:slogan "home of scientists, city of entrepreneurs"@en ;\n        stc:partnerCountry place:switzerland ;')),

    # ---- source-description-wrong ----------------------------------------------------------------------------------------------------------------------
    _e("source-description-wrong", "a catalogue entry without the file name of its text",
       "source:003-western-science-city-press-conference",
       (CUR, 'stc:fileName "003_55746115177d4237.txt" ;\n', "")),
    _e("source-description-wrong", "two sources given the same file name",
       "source:004-china-singapore-model-park",
       (CUR, 'stc:fileName "004_3f952b82960186df.txt" ;', 'stc:fileName "003_55746115177d4237.txt" ;')),
    _e("source-description-wrong", "an undated source said to state its date",
       "source:002-china-singapore-cci-projects",
       (CUR, 'stc:titleStatus stc:TitleSupplied ;\n        stc:dateStatus stc:DateNotStated ;\n        stc:estimatedPublicationDate "2022"^^xsd:gYear ;',
        'stc:titleStatus stc:TitleSupplied ;\n        stc:dateStatus stc:DateStated ;\n        stc:estimatedPublicationDate "2022"^^xsd:gYear ;')),
    _e("source-description-wrong", "an estimated publication date without its reason",
       "source:004-china-singapore-model-park",
       (CUR, 'stc:estimatedPublicationDate "2023"^^xsd:gYear ;\n'
             '        stc:dateEstimateReason "Earliest plausible year: the latest figure the article reports is as of 2023."@en .',
        'stc:estimatedPublicationDate "2023"^^xsd:gYear .')),
    _e("source-description-wrong", "an estimated publication date added to an article that states its date",
       "source:003-western-science-city-press-conference",
       (A3, 'stc:publicationDate "2020-09-17"^^xsd:date ;', 'stc:publicationDate "2020-09-17"^^xsd:date ;\n        stc:estimatedPublicationDate "2020"^^xsd:gYear ;')),
    _e("source-description-wrong", "the verified Wikidata list typed a news article as well as a curation source (disjoint)",
       "source:wikidata-verified",
       (CUR, "source:wikidata-verified a stc:CurationSource ;", "source:wikidata-verified a stc:CurationSource , stc:NewsArticle ;")),
    _e("source-description-wrong", "the article typed a curation source in its own graph, a news article in the catalogue (disjoint)",
       "source:002-china-singapore-cci-projects",
       (A2, "source:002-china-singapore-cci-projects a stc:NewsArticle ;", "source:002-china-singapore-cci-projects a stc:CurationSource ;")),

    # ---- wikidata-link-wrong -------------------------------------------------------------------------------------------------------------------------------
    _e("wikidata-link-wrong", "Chengdu linked to Chongqing's item, which the verified list records for Chongqing",
       "place:chengdu",
       (WD, "place:chengdu stc:wikidata wd:Q30002 .", "place:chengdu stc:wikidata wd:Q11725 .")),
    _e("wikidata-link-wrong", "the park linked to the item of the country (verified for place:switzerland, a stc:Country)",
       "park:sinoswiss-technopark",
       (WD, "place:switzerland stc:wikidata wd:Q39 .", "place:switzerland stc:wikidata wd:Q39 .\n    park:sinoswiss-technopark stc:wikidata wd:Q39 .")),
    _e("wikidata-link-wrong", "a Wikidata link with no record in the verified list",
       "park:liangjiang-new-area",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .", "place:jialing-river stc:wikidata wd:Q1045185 .\n    park:liangjiang-new-area stc:wikidata wd:Q2564531 .")),
    _e("wikidata-link-wrong", "the record's verified kind changed to province, while Changzhou, which links to it, is a city",
       "place:changzhou",
       (WD, "foaf:focus place:changzhou ; stc:verifiedKind stc:City .", "foaf:focus place:changzhou ; stc:verifiedKind stc:Province .")),
    _e("wikidata-link-wrong", "the record of Zurich's item verified for Switzerland, while Zurich links to it",
       "place:zurich",
       (WD, "foaf:focus place:zurich ; stc:verifiedKind stc:City .", "foaf:focus place:switzerland ; stc:verifiedKind stc:City .")),
    _e("wikidata-link-wrong", "a link to the item's web page instead of its entity IRI",
       "place:jialing-river",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .", "place:jialing-river stc:wikidata <https://www.wikidata.org/wiki/Q1045185> .")),

    # ---- vocabulary-term-outside-curation ---------------------------------------------------------------------------------------------------------------------
    _e("vocabulary-term-outside-curation", "a new sector made up in an article's graph, outside the curation graph's sector scheme",
       "sector:internet-technology",
       (A3, "stc:focusSector sector:health ,", "stc:focusSector sector:internet-technology , sector:health ,"),
       (A3, '    sector:health a stc:Sector ; skos:prefLabel "health"@en .',
        '    sector:health a stc:Sector ; skos:prefLabel "health"@en .\n'
        '    sector:internet-technology a stc:Sector ; skos:prefLabel "internet technology"@en .')),
    _e("vocabulary-term-outside-curation", "a new role made up in an article's graph, outside the role scheme",
       "role:department-director",
       (A1, "org:member person:an-lei ; org:role role:director ;", "org:member person:an-lei ; org:role role:department-director ;"),
       (A1, '    person:an-lei a stc:Person ; skos:prefLabel "An Lei"@en .',
        '    person:an-lei a stc:Person ; skos:prefLabel "An Lei"@en .\n'
        '    role:department-director a org:Role ; skos:prefLabel "department director"@en .')),
    _e("vocabulary-term-outside-curation", "a new measure made up in an article's graph, without quantity kind or plausible range",
       "measure:cci-focus-area-count",
       (A2, "stc:observedEntity agreement:cci ; stc:measure measure:focus-area-count ;", "stc:observedEntity agreement:cci ; stc:measure measure:cci-focus-area-count ;"),
       (A2, '    sector:advanced-manufacturing a stc:Sector ;',
        '    measure:cci-focus-area-count a stc:Measure ; skos:prefLabel "number of CCI focus areas"@en .\n'
        '    sector:advanced-manufacturing a stc:Sector ;')),

    # ---- measure-definition-broken -----------------------------------------------------------------------------------------------------------------------------
    _e("measure-definition-broken", "plausible minimum and maximum swapped",
       "measure:district-count",
       (CUR, 'skos:prefLabel "number of districts spanned"@en ; skos:inScheme measure:scheme ;\n'
             '        qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 1 ; stc:plausibleMaximum 100 .',
        'skos:prefLabel "number of districts spanned"@en ; skos:inScheme measure:scheme ;\n'
        '        qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 100 ; stc:plausibleMaximum 1 .')),
    _e("measure-definition-broken", "a duration measure given the quantity kind area, so its figure in years no longer fits",
       "measure:construction-duration",
       (CUR, "qudt:hasQuantityKind quantitykind:Time ; stc:plausibleMinimum 86400 ;", "qudt:hasQuantityKind quantitykind:Area ; stc:plausibleMinimum 86400 ;")),

    # ---- place-hierarchy-impossible ----------------------------------------------------------------------------------------------------------------------------------
    _e("place-hierarchy-impossible", "a province-level municipality placed in a province",
       "place:chongqing",
       (CUR, _CQ_CUR, _CQ_CUR.replace("place:china .", "place:china , place:jiangsu ."))),
    _e("place-hierarchy-impossible", "a city placed in two provinces",
       "place:changzhou",
       (CUR, _CHANGZHOU_CUR, _CHANGZHOU_CUR.replace("place:jiangsu .", "place:jiangsu , place:guangdong ."))),
    _e("place-hierarchy-impossible", "an organisation's seat placed in two cities",
       "organisation:swiss-consulate-chengdu",
       (A0, "stc:basedIn place:chengdu ;", "stc:basedIn place:chengdu , place:zurich ;")),
    _e("place-hierarchy-impossible", "a city placed in two countries",
       "place:zurich",
       (CUR, 'place:zurich a stc:City ; skos:prefLabel "Zurich"@en ;\n        stc:locatedIn place:switzerland .',
        'place:zurich a stc:City ; skos:prefLabel "Zurich"@en ;\n        stc:locatedIn place:switzerland , place:china .')),
    _e("place-hierarchy-impossible", "a district of Chongqing placed also in Chengdu, a city outside Chongqing",
       "place:beibei",
       (CUR, 'skos:prefLabel "Beibei District"@en ; stc:locatedIn place:chongqing .', 'skos:prefLabel "Beibei District"@en ; stc:locatedIn place:chongqing , place:chengdu .')),

    # ---- planned-flag-contradicts-date -------------------------------------------------------------------------------------------------------------------------------
    _e("planned-flag-contradicts-date", "a launch eight years before the article marked as planned",
       "event:cci-launch",
       (A4, 'event:cci-launch a stc:Founding ;\n        stc:date "2015"^^xsd:gYear ;', 'event:cci-launch a stc:Founding ;\n        stc:date "2015"^^xsd:gYear ; stc:isPlanned true ;')),

    # ---- ontology-term-declared-in-data ----------------------------------------------------------------------------------------------------------------------------------
    _e("ontology-term-declared-in-data", "a new class declared in an article graph and used as a type",
       "stc:SwissPark",
       (A0, "park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;",
        "stc:SwissPark rdfs:subClassOf stc:TechnologyPark .\n    park:sinoswiss-technopark a stc:SwissPark , stc:InternationalCooperationPark ;")),
    _e("ontology-term-declared-in-data", "a new property declared in an article graph and used",
       "stc:landedUnder",
       (A2, "stc:partOfFramework agreement:cci ;\n        stc:partnerCountry place:singapore ;\n        stc:focusSector sector:trade-and-logistics",
        "stc:landedUnder agreement:cci ;\n        stc:partnerCountry place:singapore ;\n        stc:focusSector sector:trade-and-logistics"),
       (A2, "    # ---- projects landed under the CCI",
        "    stc:landedUnder rdfs:subPropertyOf stc:partOfFramework .\n\n    # ---- projects landed under the CCI")),

    # ---- entity-duplicated-under-second-iri -----------------------------------------------------------------------------------------------------------------------------
    _e("entity-duplicated-under-second-iri", "the university introduced again under a second IRI with the same name and type",
       "organisation:national-university-of-singapore",
       (A2, "stc:foundedBy organisation:nus , park:liangjiang-new-area ;", "stc:foundedBy organisation:national-university-of-singapore , park:liangjiang-new-area ;"),
       (A2, "    organisation:block71 a org:FormalOrganization ;",
        '    organisation:national-university-of-singapore a stc:University ;\n'
        '        skos:prefLabel "National University of Singapore"@en .\n'
        "    organisation:block71 a org:FormalOrganization ;")),
    _e("entity-duplicated-under-second-iri", "the opening ceremony introduced again as an opening with the same label and date",
       "event:sstp-opening",
       (A0, "    event:sino-swiss-business-incubation-competition-2018 a stc:Competition ;",
        '    event:sstp-opening a stc:Opening ;\n'
        '        skos:prefLabel "SSTP Opening Ceremony"@en ;\n'
        '        stc:date "2018-12-14"^^xsd:date ;\n'
        '        stc:concerns park:sinoswiss-technopark .\n\n'
        "    event:sino-swiss-business-incubation-competition-2018 a stc:Competition ;")),
    _e("entity-duplicated-under-second-iri", "a figure copied under a new IRI with one digit changed: two figures of one subject, measure and date disagree",
       "observation:science-city-platforms-2",
       (A3, "    observation:science-city-industrial-parks a stc:Observation ;",
        '    observation:science-city-platforms-2 a stc:Observation ;\n'
        '        skos:prefLabel "Western (Chongqing) Science City: platforms"@en ;\n'
        '        stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:platform-count ;\n'
        '        qudt:numericValue 196.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n'
        '        stc:asOf "2020-09-16"^^xsd:date ; stc:asOfBasis stc:EventDate .\n'
        "    observation:science-city-industrial-parks a stc:Observation ;")),
    _e("entity-duplicated-under-second-iri", "a second count of concluded projects as of 2023 with another value in the same article",
       "observation:liangjiang-cci-projects-60",
       (A4, "    observation:liangjiang-cci-projects-61-share a stc:Observation ;",
        '    observation:liangjiang-cci-projects-60 a stc:Observation ;\n'
        '        skos:prefLabel "Liangjiang New Area: cooperation projects concluded (60)"@en ;\n'
        '        stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-count ;\n'
        '        qudt:numericValue 60.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n'
        '        stc:asOf "2023"^^xsd:gYear ; stc:asOfBasis stc:StatedInSource .\n'
        "    observation:liangjiang-cci-projects-61-share a stc:Observation ;")),
]


VALID = [
    _v("a second node for the Yangtze in article 003, with the same name, declared one thing with the curation's by stc:sameThingAs",
       (A3, '    place:yangtze-river a stc:River ; skos:prefLabel "Yangtze River"@en .',
        '    place:yangtze-river a stc:River ; skos:prefLabel "Yangtze River"@en .\n'
        '    place:yangtze a stc:River ; skos:prefLabel "Yangtze River"@en ;\n'
        '        stc:sameThingAs place:yangtze-river .')),
    # ---- labels in other languages and scripts (background facts, in source:curation) ----------------
    _v("Chongqing's Chinese name as its zh-Hans preferred label",
       (CUR, _CQ_CUR, _CQ_CUR.replace('"Chongqing"@en ;', '"Chongqing"@en , "重庆"@zh-Hans ;'))),
    _v("Switzerland's names in its four languages' neighbours: German, French, Italian and Chinese",
       (CUR, 'place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en .',
        'place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en , "Schweiz"@de , "Suisse"@fr , "Svizzera"@it , "瑞士"@zh-Hans .')),
    _v("Liangjiang New Area in Chinese characters, and its pinyin as an alternative label",
       (CUR, 'park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel "Liangjiang New Area"@en ;',
        'park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel "Liangjiang New Area"@en , "两江新区"@zh-Hans ;\n'
        '        skos:altLabel "Liǎngjiāng Xīnqū"@zh-Latn-pinyin ;')),
    _v("Zurich's German name",
       (CUR, 'place:zurich a stc:City ; skos:prefLabel "Zurich"@en ;', 'place:zurich a stc:City ; skos:prefLabel "Zurich"@en , "Zürich"@de ;')),
    _v("Hong Kong and Macao in traditional characters, Macao also in Portuguese",
       (CUR, 'place:hong-kong a stc:SpecialAdministrativeRegion ; skos:prefLabel "Hong Kong"@en ;',
        'place:hong-kong a stc:SpecialAdministrativeRegion ; skos:prefLabel "Hong Kong"@en , "香港"@zh-Hant ;'),
       (CUR, 'place:macao a stc:SpecialAdministrativeRegion ; skos:prefLabel "Macao"@en ;',
        'place:macao a stc:SpecialAdministrativeRegion ; skos:prefLabel "Macao"@en , "澳門"@zh-Hant , "Macau"@pt ;')),
    _v("Russia and Mongolia in Cyrillic, in their own languages",
       (CUR, 'place:mongolia a stc:Country ; skos:prefLabel "Mongolia"@en .', 'place:mongolia a stc:Country ; skos:prefLabel "Mongolia"@en , "Монгол Улс"@mn .'),
       (CUR, 'place:russia a stc:Country ; skos:prefLabel "Russia"@en .', 'place:russia a stc:Country ; skos:prefLabel "Russia"@en , "Россия"@ru .')),
    _v("Japan and South Korea in Japanese and Korean script",
       (CUR, 'place:japan a stc:Country ; skos:prefLabel "Japan"@en .', 'place:japan a stc:Country ; skos:prefLabel "Japan"@en , "日本"@ja .'),
       (CUR, 'place:south-korea a stc:Country ; skos:prefLabel "South Korea"@en .', 'place:south-korea a stc:Country ; skos:prefLabel "South Korea"@en , "대한민국"@ko .')),
    _v("the National University of Singapore's Chinese name",
       (CUR, 'organisation:nus a stc:University ;\n        stc:basedIn place:singapore .',
        'organisation:nus a stc:University ;\n        skos:prefLabel "新加坡国立大学"@zh-Hans ;\n        stc:basedIn place:singapore .')),
    _v("the Yangtze in Chinese characters, and in pinyin as an alternative label",
       (CUR, 'place:yangtze-river a stc:River ; skos:prefLabel "Yangtze River"@en ; skos:altLabel "Yangtze"@en .',
        'place:yangtze-river a stc:River ; skos:prefLabel "Yangtze River"@en , "长江"@zh-Hans ;\n'
        '        skos:altLabel "Yangtze"@en , "Cháng Jiāng"@zh-Latn-pinyin .')),
    _v("two officials' names in Chinese characters",
       (CUR, 'person:tang-liangzhi a stc:Person ;\n        skos:prefLabel "Tang Liangzhi"@en .',
        'person:tang-liangzhi a stc:Person ;\n        skos:prefLabel "Tang Liangzhi"@en , "唐良智"@zh-Hans .\n'
        '    person:duan-chenggang skos:prefLabel "段成刚"@zh-Hans .')),
    _v("Jiangsu, Changzhou and Guangdong in Chinese characters",
       (CUR, 'place:jiangsu a stc:Province ; skos:prefLabel "Jiangsu"@en ;', 'place:jiangsu a stc:Province ; skos:prefLabel "Jiangsu"@en , "江苏"@zh-Hans ;'),
       (CUR, 'place:changzhou a stc:City ; skos:prefLabel "Changzhou"@en ;', 'place:changzhou a stc:City ; skos:prefLabel "Changzhou"@en , "常州"@zh-Hans ;'),
       (CUR, 'place:guangdong a stc:Province ; skos:prefLabel "Guangdong"@en ;', 'place:guangdong a stc:Province ; skos:prefLabel "Guangdong"@en , "广东"@zh-Hans ;')),
    _v("ASEAN's Chinese name",
       (CUR, 'organisation:asean a stc:InternationalOrganisation ;\n        skos:prefLabel "Association of Southeast Asian Nations"@en .',
        'organisation:asean a stc:InternationalOrganisation ;\n        skos:prefLabel "Association of Southeast Asian Nations"@en , "东南亚国家联盟"@zh-Hans .')),
    _v("the Swiss department's German name, and its English and German abbreviations",
       (CUR, "    # ---- background facts: frameworks",
        '    organisation:swiss-eaer skos:prefLabel "Eidgenössisches Departement für Wirtschaft, Bildung und Forschung"@de ;\n'
        '        skos:altLabel "EAER"@en , "WBF"@de .\n\n    # ---- background facts: frameworks')),

    # ---- labels and facts in the articles' own graphs ---------------------------------------------------
    _v("the form the article's photo heading uses, as an alternative label in its graph",
       (A0, 'skos:altLabel "SSTP"@en ;', 'skos:altLabel "SSTP"@en , "SinoSwiss-Technopark"@en ;')),
    _v("the country of the ministry the release calls China's Ministry of Science and Technology",
       (A1, 'skos:altLabel "Ministry of Science and Technology"@en , "China\'s Ministry of Science and Technology"@en .',
        'skos:altLabel "Ministry of Science and Technology"@en , "China\'s Ministry of Science and Technology"@en ;\n'
        '        stc:headquartersCountry place:china .')),
    _v("the conference's speaker also stated as a participant",
       (A1, "stc:speaker person:an-lei ;", "stc:participant person:an-lei ;\n        stc:speaker person:an-lei ;")),
    _v("the headline's name of the press conference as an alternative label, with the name variant recorded",
       (A3, 'skos:prefLabel "Press conference on the Western (Chongqing) Science City"@en ;',
        'skos:prefLabel "Press conference on the Western (Chongqing) Science City"@en ;\n'
        '        skos:altLabel "Western (Chongqing) Science City Conference"@en ;'),
       (CUR, "    place:china-railway-express stc:sameThingAs place:china-europe-freight-trains .",
        "    place:china-railway-express stc:sameThingAs place:china-europe-freight-trains .\n\n"
        "    discrepancy:science-city-press-conference-name a stc:Discrepancy ;\n"
        '        skos:prefLabel "Press conference on the Science City named two ways in source 003"@en ;\n'
        "        stc:involves event:western-science-city-press-conference , source:003-western-science-city-press-conference ;\n"
        "        stc:discrepancyKind stc:NameVariant ;\n"
        '        stc:variantReading "Western (Chongqing) Science City Conference"@en ,\n'
        '            "press conference for the Western (Chongqing) Science City"@en ;\n'
        '        stc:preferredReading "Press conference on the Western (Chongqing) Science City"@en ;\n'
        "        stc:resolutionStatus stc:Resolved ;\n"
        '        stc:resolution "One event: the headline calls the press conference a conference, the text a press conference. The headline\'s name is kept as an alternative label."@en .')),
    _v("the expo's three names in source 003 recorded as a resolved name variant",
       (CUR, "    place:china-railway-express stc:sameThingAs place:china-europe-freight-trains .",
        "    place:china-railway-express stc:sameThingAs place:china-europe-freight-trains .\n\n"
        "    discrepancy:smart-china-expo-2020-name a stc:Discrepancy ;\n"
        '        skos:prefLabel "2020 Smart China Expo Online named three ways in source 003"@en ;\n'
        "        stc:involves event:smart-china-expo-2020-online , source:003-western-science-city-press-conference ;\n"
        "        stc:discrepancyKind stc:NameVariant ;\n"
        '        stc:variantReading "2020 Smart China Expo Online"@en , "Smart China Expo 2020 Online"@en , "SCE OL"@en ;\n'
        '        stc:preferredReading "2020 Smart China Expo Online"@en ;\n'
        "        stc:resolutionStatus stc:Resolved ;\n"
        '        stc:resolution "One expo: word order and abbreviation variants; the other forms stay alternative labels."@en .')),

    _v("a count written as an xsd:integer, which docs/MODELLING.md allows for qudt:numericValue (xsd:decimal or xsd:integer; a count is whole)",
       (A0, "qudt:numericValue 11.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 11 ; qudt:unit unit:NUM ;")),

    # ---- background places, organisations and links (source:curation) -----------------------------------
    _v("a new province, Sichuan, with Chengdu in it",
       (CUR, 'place:chengdu a stc:City ; skos:prefLabel "Chengdu"@en ;\n        stc:locatedIn place:china .',
        'place:chengdu a stc:City ; skos:prefLabel "Chengdu"@en ;\n        stc:locatedIn place:china , place:sichuan .\n'
        '    place:sichuan a stc:Province ; skos:prefLabel "Sichuan"@en ;\n        stc:locatedIn place:china .')),
    _v("a new municipality, Beijing, as the seat of three ministries",
       (CUR, 'place:macao a stc:SpecialAdministrativeRegion ; skos:prefLabel "Macao"@en ;\n        stc:locatedIn place:china .',
        'place:macao a stc:SpecialAdministrativeRegion ; skos:prefLabel "Macao"@en ;\n        stc:locatedIn place:china .\n'
        '    place:beijing a stc:Municipality ; skos:prefLabel "Beijing"@en ;\n        stc:locatedIn place:china .'),
       (CUR, 'skos:altLabel "MOST"@en ;\n        stc:headquartersCountry place:china .',
        'skos:altLabel "MOST"@en ;\n        stc:headquartersCountry place:china ;\n        stc:basedIn place:beijing .'),
       (CUR, 'skos:altLabel "MIIT"@en ;\n        stc:headquartersCountry place:china .',
        'skos:altLabel "MIIT"@en ;\n        stc:headquartersCountry place:china ;\n        stc:basedIn place:beijing .'),
       (CUR, 'organisation:ndrc a stc:Ministry ;\n        stc:headquartersCountry place:china .',
        'organisation:ndrc a stc:Ministry ;\n        stc:headquartersCountry place:china ;\n        stc:basedIn place:beijing .')),
    _v("regions of the articles placed in China, and Southeast Asia in Asia",
       (CUR, '    place:jialing-river a stc:River ; skos:prefLabel "Jialing River"@en .',
        '    place:jialing-river a stc:River ; skos:prefLabel "Jialing River"@en .\n'
        '    place:yangtze-river-delta stc:locatedIn place:china .\n'
        '    place:chengdu-chongqing-economic-circle stc:locatedIn place:china .\n'
        '    place:beijing-tianjin-hebei stc:locatedIn place:china .\n'
        '    place:southeast-asia stc:locatedIn place:asia .')),
    _v("the countries of origin of two tenants of the Changzhou park",
       (CUR, "    organisation:changzhou-municipal-government stc:basedIn place:changzhou .",
        "    organisation:changzhou-municipal-government stc:basedIn place:changzhou .\n"
        "    organisation:medela stc:headquartersCountry place:switzerland .\n"
        "    organisation:leoni stc:headquartersCountry place:germany .")),
    _v("the university's country",
       (CUR, 'organisation:nus a stc:University ;\n        stc:basedIn place:singapore .',
        'organisation:nus a stc:University ;\n        stc:basedIn place:singapore ;\n        stc:headquartersCountry place:singapore .')),

    # ---- vocabularies (source:curation) ---------------------------------------------------------------------
    _v("a new city office, vice mayor, that excludes the mayoralty",
       (CUR, 'role:mayor a org:Role , stc:CityOffice ; skos:prefLabel "mayor"@en ; skos:inScheme role:scheme ; stc:singleHolder true .',
        'role:mayor a org:Role , stc:CityOffice ; skos:prefLabel "mayor"@en ; skos:inScheme role:scheme ; stc:singleHolder true .\n'
        '    role:vice-mayor a org:Role , stc:CityOffice ; skos:prefLabel "vice mayor"@en ; skos:inScheme role:scheme ;\n'
        '        stc:incompatibleWith role:mayor .')),
    _v("a new sector, digital economy, under information technology",
       (CUR, "    sector:services-and-internet a stc:Sector ;",
        '    sector:digital-economy a stc:Sector ; skos:prefLabel "digital economy"@en ;\n'
        "        skos:broader sector:information-technology ; skos:inScheme sector:scheme .\n"
        "    sector:services-and-internet a stc:Sector ;")),
    _v("a new sector, microelectronics, under information technology",
       (CUR, "    sector:services-and-internet a stc:Sector ;",
        '    sector:microelectronics a stc:Sector ; skos:prefLabel "microelectronics"@en ; skos:altLabel "integrated circuits"@en ;\n'
        "        skos:broader sector:information-technology ; skos:inScheme sector:scheme .\n"
        "    sector:services-and-internet a stc:Sector ;")),
    _v("two new measures with their quantity kinds and plausible ranges",
       (CUR, "    # ---- services ----",
        '    measure:employee-count a stc:Measure ; skos:prefLabel "number of employees"@en ; skos:inScheme measure:scheme ;\n'
        "        qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 1 ; stc:plausibleMaximum 10000000 .\n"
        '    measure:registered-capital a stc:Measure ; skos:prefLabel "registered capital"@en ; skos:inScheme measure:scheme ;\n'
        "        qudt:hasQuantityKind quantitykind:Currency ; stc:plausibleMinimum 1000 ; stc:plausibleMaximum 1000000000000 .\n\n"
        "    # ---- services ----")),
    _v("a new service in the service scheme",
       (CUR, 'service:incubation a stc:Service ; skos:prefLabel "incubation"@en ; skos:inScheme service:scheme .',
        'service:incubation a stc:Service ; skos:prefLabel "incubation"@en ; skos:inScheme service:scheme .\n'
        '    service:legal-consulting a stc:Service ; skos:prefLabel "legal consulting"@en ; skos:inScheme service:scheme .')),

    # ---- verified Wikidata links, each with its record ---------------------------------------------------------
    _v("Guangdong's Wikidata item, with its record in the verified list",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .", "place:jialing-river stc:wikidata wd:Q1045185 .\n    place:guangdong stc:wikidata wd:Q15175 ."),
       (WD, "foaf:focus place:jialing-river ; stc:verifiedKind stc:River .",
        'foaf:focus place:jialing-river ; stc:verifiedKind stc:River .\n'
        '    wd:Q15175 skos:prefLabel "Guangdong"@en ;\n        skos:note "province"@en ;\n'
        '        foaf:focus place:guangdong ; stc:verifiedKind stc:Province .')),
    _v("Hong Kong's Wikidata item, with its record in the verified list",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .", "place:jialing-river stc:wikidata wd:Q1045185 .\n    place:hong-kong stc:wikidata wd:Q8646 ."),
       (WD, "foaf:focus place:jialing-river ; stc:verifiedKind stc:River .",
        'foaf:focus place:jialing-river ; stc:verifiedKind stc:River .\n'
        '    wd:Q8646 skos:prefLabel "Hong Kong"@en ;\n        skos:note "special administrative region of China"@en ;\n'
        '        foaf:focus place:hong-kong ; stc:verifiedKind stc:SpecialAdministrativeRegion .')),
    _v("Russia's and Mongolia's Wikidata items, with their records in the verified list",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .",
        "place:jialing-river stc:wikidata wd:Q1045185 .\n    place:russia stc:wikidata wd:Q159 .\n    place:mongolia stc:wikidata wd:Q711 ."),
       (WD, "foaf:focus place:jialing-river ; stc:verifiedKind stc:River .",
        'foaf:focus place:jialing-river ; stc:verifiedKind stc:River .\n'
        '    wd:Q159 skos:prefLabel "Russia"@en ;\n        skos:note "country"@en ;\n'
        '        foaf:focus place:russia ; stc:verifiedKind stc:Country .\n'
        '    wd:Q711 skos:prefLabel "Mongolia"@en ;\n        skos:note "country"@en ;\n'
        '        foaf:focus place:mongolia ; stc:verifiedKind stc:Country .')),
    _v("Macao's Wikidata item, with its record in the verified list",
       (WD, "place:jialing-river stc:wikidata wd:Q1045185 .", "place:jialing-river stc:wikidata wd:Q1045185 .\n    place:macao stc:wikidata wd:Q14773 ."),
       (WD, "foaf:focus place:jialing-river ; stc:verifiedKind stc:River .",
        'foaf:focus place:jialing-river ; stc:verifiedKind stc:River .\n'
        '    wd:Q14773 skos:prefLabel "Macao"@en ;\n        skos:note "special administrative region of China"@en ;\n'
        '        foaf:focus place:macao ; stc:verifiedKind stc:SpecialAdministrativeRegion .')),

    # ---- new articles, as kg new-source writes them, with their facts --------------------------------------------
    _v("a new article by a known author: a later figure of the enterprise count, a series with the 2018 figure",
       ("005-sstp-first-year.trig", None, _PREFIXES + """
# Facts from 005_5a1c0e7d9b2f4c31.txt (iChongqing, 2019-12-16), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:005-sstp-first-year {

    source:005-sstp-first-year a stc:NewsArticle ;
        dct:title "SinoSwiss Technopark marks its first year with 50 enterprises"@en ;
        dct:publisher organisation:ichongqing ;
        dct:creator person:yuling-chen ;
        stc:publicationDate "2019-12-16"^^xsd:date .

    organisation:ichongqing a stc:MediaOrganisation ; skos:prefLabel "iChongqing"@en .
    person:yuling-chen a stc:Person ; skos:prefLabel "Yuling Chen"@en .
    post:yuling-chen-ichongqing-author-005 a stc:PostHolding ;
        skos:prefLabel "Yuling Chen: author, iChongqing"@en ;
        org:member person:yuling-chen ; org:role role:author ; org:organization organisation:ichongqing ;
        stc:asOf "2019-12-16"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en .
    park:liangjiang-new-area a stc:ParkOrZone ; skos:prefLabel "Liangjiang New Area"@en ;
        stc:locatedIn place:chongqing .
    park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;
        skos:prefLabel "SinoSwiss Technopark"@en ;
        skos:altLabel "SSTP"@en ;
        stc:locatedIn park:liangjiang-new-area ;
        stc:developmentStatus stc:Operating ;
        stc:statusAsOf "2019-12-16"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate .

    observation:sstp-enterprises-2019 a stc:Observation ;
        skos:prefLabel "SinoSwiss Technopark: enterprises operating in the park, December 2019"@en ;
        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:enterprise-count ;
        qudt:numericValue 50.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;
        stc:asOf "2019-12-16"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:005-sstp-first-year a stc:NewsArticle ;
        skos:prefLabel "iChongqing, 16 Dec 2019: SinoSwiss Technopark marks its first year with 50 enterprises"@en ;
        stc:fileName "005_5a1c0e7d9b2f4c31.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article with a new publisher and author: a planned second construction phase and its area in two units (mu and m²)",
       ("006-sstp-second-phase.trig", None, _PREFIXES + """
# Facts from 006_9c4e21b7a0d35f68.txt (Chongqing Daily, 2020-06-30), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:006-sstp-second-phase {

    source:006-sstp-second-phase a stc:NewsArticle ;
        dct:title "SinoSwiss Technopark plans its second phase"@en ;
        dct:publisher organisation:chongqing-daily ;
        dct:creator person:zhang-wei ;
        stc:publicationDate "2020-06-30"^^xsd:date .

    organisation:chongqing-daily a stc:MediaOrganisation ; skos:prefLabel "Chongqing Daily"@en .
    person:zhang-wei a stc:Person ; skos:prefLabel "Zhang Wei"@en .
    post:zhang-wei-chongqing-daily-author-006 a stc:PostHolding ;
        skos:prefLabel "Zhang Wei: author, Chongqing Daily"@en ;
        org:member person:zhang-wei ; org:role role:author ; org:organization organisation:chongqing-daily ;
        stc:asOf "2020-06-30"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en .
    park:liangjiang-new-area a stc:ParkOrZone ; skos:prefLabel "Liangjiang New Area"@en ;
        stc:locatedIn place:chongqing .
    park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;
        skos:prefLabel "SinoSwiss Technopark"@en ;
        stc:locatedIn park:liangjiang-new-area .

    project:sstp-phase-2 a stc:ConstructionPhase ;
        skos:prefLabel "SinoSwiss Technopark, second phase"@en ;
        stc:phaseOf park:sinoswiss-technopark ;
        stc:phaseNumber 2 ;
        stc:developmentStatus stc:Planned ;
        stc:statusAsOf "2020-06-30"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate .

    observation:sstp-phase-2-planned-area-mu a stc:Observation ;
        skos:prefLabel "SinoSwiss Technopark second phase: planned area in mu"@en ;
        stc:observedEntity project:sstp-phase-2 ; stc:measure measure:planned-area ;
        qudt:numericValue 150.0 ; qudt:unit stc:Mu ; stc:comparator stc:Approximately ;
        stc:sameQuantityAs observation:sstp-phase-2-planned-area-m2 ;
        stc:isPlanned true ;
        stc:asOf "2020-06-30"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
    observation:sstp-phase-2-planned-area-m2 a stc:Observation ;
        skos:prefLabel "SinoSwiss Technopark second phase: planned area in m²"@en ;
        stc:observedEntity project:sstp-phase-2 ; stc:measure measure:planned-area ;
        qudt:numericValue 100000.0 ; qudt:unit unit:M2 ; stc:comparator stc:Approximately ;
        stc:isPlanned true ;
        stc:asOf "2020-06-30"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:006-sstp-second-phase a stc:NewsArticle ;
        skos:prefLabel "Chongqing Daily, 30 Jun 2020: SinoSwiss Technopark plans its second phase"@en ;
        stc:fileName "006_9c4e21b7a0d35f68.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article with a figure in a QUDT unit the data has not used yet (square kilometres)",
       ("007-science-city-area.trig", None, _PREFIXES + """
# Facts from 007_3b7d5f0a2c9e8146.txt (iChongqing, 2021-01-05), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:007-science-city-area {

    source:007-science-city-area a stc:NewsArticle ;
        dct:title "Western (Chongqing) Science City: 1,198 square kilometres of innovation"@en ;
        dct:publisher organisation:ichongqing ;
        stc:publicationDate "2021-01-05"^^xsd:date .

    organisation:ichongqing a stc:MediaOrganisation ; skos:prefLabel "iChongqing"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en .
    park:western-chongqing-science-city a stc:ScienceCity ;
        skos:prefLabel "Western (Chongqing) Science City"@en ;
        stc:locatedIn place:chongqing .

    observation:science-city-planned-area a stc:Observation ;
        skos:prefLabel "Western (Chongqing) Science City: planned area"@en ;
        stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:planned-area ;
        qudt:numericValue 1198.0 ; qudt:unit unit:KiloM2 ; stc:comparator stc:Exactly ;
        stc:asOf "2021-01-05"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:007-science-city-area a stc:NewsArticle ;
        skos:prefLabel "iChongqing, 5 Jan 2021: Western (Chongqing) Science City: 1,198 square kilometres of innovation"@en ;
        stc:fileName "007_3b7d5f0a2c9e8146.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article by a known publisher: a later figure of the allocated area, in hectares",
       ("008-changzhou-park-hectares.trig", None, _PREFIXES + """
# Facts from 008_e2a6c41f7b903d58.txt (PR Newswire, 2022-05-20), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:008-changzhou-park-hectares {

    source:008-changzhou-park-hectares a stc:NewsArticle ;
        dct:title "Sino-Swiss (Changzhou) Innovation Park welcomes new Swiss investors"@en ;
        dct:publisher organisation:pr-newswire ;
        stc:publicationDate "2022-05-20"^^xsd:date .

    organisation:pr-newswire a stc:MediaOrganisation ; skos:prefLabel "PR Newswire"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:changzhou a stc:City ; skos:prefLabel "Changzhou"@en .
    place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en .
    park:sino-swiss-changzhou-innovation-park a stc:InnovationPark , stc:InternationalCooperationPark ;
        skos:prefLabel "Sino-Swiss (Changzhou) Innovation Park"@en ;
        stc:locatedIn place:changzhou ;
        stc:partnerCountry place:switzerland .

    observation:sino-swiss-changzhou-allocated-area-2022 a stc:Observation ;
        skos:prefLabel "Sino-Swiss (Changzhou) Innovation Park: area allocated to the park, May 2022"@en ;
        stc:observedEntity park:sino-swiss-changzhou-innovation-park ; stc:measure measure:allocated-area ;
        qudt:numericValue 67.0 ; qudt:unit unit:HA ; stc:comparator stc:Approximately ;
        stc:asOf "2022-05-20"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:008-changzhou-park-hectares a stc:NewsArticle ;
        skos:prefLabel "PR Newswire, 20 May 2022: Sino-Swiss (Changzhou) Innovation Park welcomes new Swiss investors"@en ;
        stc:fileName "008_e2a6c41f7b903d58.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article with a planned event dated after it (isPlanned true), the year read from its date",
       ("009-model-park-construction.trig", None, _PREFIXES + """
# Facts from 009_71f0b3d8c5a2e694.txt (Liangjiang New Area Media Center, 2024-05-10), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:009-model-park-construction {

    source:009-model-park-construction a stc:NewsArticle ;
        dct:title "Construction of the Liangjiang-Singapore model park to start next year"@en ;
        dct:publisher organisation:liangjiang-media-center ;
        stc:publicationDate "2024-05-10"^^xsd:date .

    organisation:liangjiang-media-center a stc:MediaOrganisation ; skos:prefLabel "Liangjiang New Area Media Center"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en .
    place:singapore a stc:Country ; skos:prefLabel "Singapore"@en .
    park:liangjiang-new-area a stc:ParkOrZone ; skos:prefLabel "Liangjiang New Area"@en ;
        stc:locatedIn place:chongqing .
    park:china-singapore-model-park a stc:InnovationPark , stc:InternationalCooperationPark ;
        skos:prefLabel "Liangjiang–Singapore model park for international science, technology and innovation cooperation"@en ;
        stc:locatedIn park:liangjiang-new-area ;
        stc:partnerCountry place:singapore ;
        stc:developmentStatus stc:Planned ;
        stc:statusAsOf "2024-05-10"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate .

    event:china-singapore-model-park-construction-start a stc:ConstructionStart ;
        skos:prefLabel "Start of construction of the Liangjiang–Singapore model park"@en ;
        stc:date "2025"^^xsd:gYear ;
        stc:dateNote "The article says construction is to start next year; the year is read from its date (10 May 2024)."@en ;
        stc:isPlanned true ;
        stc:concerns park:china-singapore-model-park .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:009-model-park-construction a stc:NewsArticle ;
        skos:prefLabel "Liangjiang New Area Media Center, 10 May 2024: Construction of the Liangjiang-Singapore model park to start next year"@en ;
        stc:fileName "009_71f0b3d8c5a2e694.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article dating the Changzhou park's opening 2020 against source 001's 2019, with the discrepancy recorded",
       ("010-changzhou-park-opening-2020.trig", None, _PREFIXES + """
# Facts from 010_c85e2a9f1d4b7036.txt (PR Newswire, 2022-09-01), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:010-changzhou-park-opening-2020 {

    source:010-changzhou-park-opening-2020 a stc:NewsArticle ;
        dct:title "Swiss companies thrive in Changzhou park opened in 2020"@en ;
        dct:publisher organisation:pr-newswire ;
        stc:publicationDate "2022-09-01"^^xsd:date .

    organisation:pr-newswire a stc:MediaOrganisation ; skos:prefLabel "PR Newswire"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:changzhou a stc:City ; skos:prefLabel "Changzhou"@en .
    park:sino-swiss-changzhou-innovation-park a stc:InnovationPark , stc:InternationalCooperationPark ;
        skos:prefLabel "Sino-Swiss (Changzhou) Innovation Park"@en ;
        stc:locatedIn place:changzhou .
    event:sino-swiss-changzhou-innovation-park-opening a stc:Opening ;
        skos:prefLabel "Opening of the Sino-Swiss (Changzhou) Innovation Park"@en ;
        stc:date "2020"^^xsd:gYear ;
        stc:concerns park:sino-swiss-changzhou-innovation-park .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:010-changzhou-park-opening-2020 a stc:NewsArticle ;
        skos:prefLabel "PR Newswire, 1 Sep 2022: Swiss companies thrive in Changzhou park opened in 2020"@en ;
        stc:fileName "010_c85e2a9f1d4b7036.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}

source:curation {
    discrepancy:changzhou-park-opening-year a stc:Discrepancy ;
        skos:prefLabel "Opening of the Sino-Swiss (Changzhou) Innovation Park dated 2019 and 2020"@en ;
        stc:involves event:sino-swiss-changzhou-innovation-park-opening ,
            source:001-china-switzerland-launch-conference , source:010-changzhou-park-opening-2020 ;
        stc:discrepancyKind stc:ConflictingDates ;
        stc:variantReading "2019 (PR Newswire, 12 Nov 2021)"@en , "2020 (PR Newswire, 1 Sep 2022)"@en ;
        stc:resolutionStatus stc:Unresolved ;
        stc:resolution "The sources do not say which year is right; both are kept."@en .
}
""")),
    _v("a new article with new people, a post, an organisation, a competition and its award ceremony, and a count",
       ("011-incubation-competition-2022.trig", None, _PREFIXES + """
# Facts from 011_4d9a6e2c0f1b8573.txt (iChongqing, 2022-11-20), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:011-incubation-competition-2022 {

    source:011-incubation-competition-2022 a stc:NewsArticle ;
        dct:title "2022 Sino-Swiss Business Incubation Competition awards presented"@en ;
        dct:publisher organisation:ichongqing ;
        dct:creator person:wang-lu ;
        stc:publicationDate "2022-11-20"^^xsd:date .

    organisation:ichongqing a stc:MediaOrganisation ; skos:prefLabel "iChongqing"@en .
    person:wang-lu a stc:Person ; skos:prefLabel "Wang Lu"@en .
    post:wang-lu-ichongqing-author-011 a stc:PostHolding ;
        skos:prefLabel "Wang Lu: author, iChongqing"@en ;
        org:member person:wang-lu ; org:role role:author ; org:organization organisation:ichongqing ;
        stc:asOf "2022-11-20"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en .
    place:chengdu a stc:City ; skos:prefLabel "Chengdu"@en .
    park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;
        skos:prefLabel "SinoSwiss Technopark"@en .
    organisation:swiss-consulate-chengdu a stc:Consulate ;
        skos:prefLabel "Swiss Consulate in Chengdu"@en ;
        stc:basedIn place:chengdu ;
        stc:headquartersCountry place:switzerland .
    organisation:swissnex-china a org:FormalOrganization ;
        skos:prefLabel "Swissnex in China"@en ;
        stc:headquartersCountry place:switzerland .

    person:sabine-keller a stc:Person ; skos:prefLabel "Sabine Keller"@en .
    post:sabine-keller-swiss-consulate-chengdu-consul-general a stc:PostHolding ;
        skos:prefLabel "Sabine Keller: consul general, Swiss Consulate in Chengdu"@en ;
        org:member person:sabine-keller ; org:role role:consul-general ;
        org:organization organisation:swiss-consulate-chengdu ;
        stc:asOf "2022-11-18"^^xsd:date ; stc:asOfBasis stc:EventDate ; stc:tenure stc:CurrentPost .

    event:sino-swiss-business-incubation-competition-2022 a stc:Competition ;
        skos:prefLabel "2022 Sino-Swiss Business Incubation Competition"@en ;
        stc:date "2022"^^xsd:gYear ;
        stc:dateNote "Year taken from the competition's name."@en ;
        stc:concerns park:sinoswiss-technopark ;
        stc:participantOrigin place:switzerland .
    event:sino-swiss-business-incubation-competition-2022-award-ceremony a stc:AwardCeremony ;
        skos:prefLabel "2022 Sino-Swiss Business Incubation Competition Award Ceremony"@en ;
        stc:date "2022-11-18"^^xsd:date ;
        stc:venue park:sinoswiss-technopark ;
        stc:subEventOf event:sino-swiss-business-incubation-competition-2022 ;
        stc:concerns park:sinoswiss-technopark ;
        stc:participant person:sabine-keller , organisation:swissnex-china ;
        stc:speaker person:sabine-keller .

    observation:competition-2022-participants a stc:Observation ;
        skos:prefLabel "2022 Sino-Swiss Business Incubation Competition Award Ceremony: startups and SMEs taking part"@en ;
        stc:observedEntity event:sino-swiss-business-incubation-competition-2022-award-ceremony ;
        stc:measure measure:participant-count ;
        qudt:numericValue 15.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;
        stc:asOf "2022-11-18"^^xsd:date ; stc:asOfBasis stc:EventDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:011-incubation-competition-2022 a stc:NewsArticle ;
        skos:prefLabel "iChongqing, 20 Nov 2022: 2022 Sino-Swiss Business Incubation Competition awards presented"@en ;
        stc:fileName "011_4d9a6e2c0f1b8573.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new undated article with an estimated date and its reason, and a later figure as of that estimate",
       ("012-block71-chongqing-third-year.trig", None, _PREFIXES + """
# Facts from 012_a0c3e7f5b29d6418.txt (Liangjiang New Area Media Center, no date stated, estimated 2024), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:012-block71-chongqing-third-year {

    source:012-block71-chongqing-third-year a stc:NewsArticle ;
        dct:title "BLOCK71 Chongqing in its third year"@en ;
        dct:publisher organisation:liangjiang-media-center .

    organisation:liangjiang-media-center a stc:MediaOrganisation ; skos:prefLabel "Liangjiang New Area Media Center"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    park:block71-chongqing a stc:Incubator ;
        skos:prefLabel "BLOCK71 Chongqing"@en .

    observation:block71-chongqing-cultivated-companies-2024 a stc:Observation ;
        skos:prefLabel "BLOCK71 Chongqing: high-tech companies cultivated, 2024"@en ;
        stc:observedEntity park:block71-chongqing ; stc:measure measure:cultivated-company-count ;
        qudt:numericValue 40.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;
        stc:asOf "2024"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:012-block71-chongqing-third-year a stc:NewsArticle ;
        skos:prefLabel "Liangjiang New Area Media Center, undated: BLOCK71 Chongqing in its third year"@en ;
        stc:fileName "012_a0c3e7f5b29d6418.txt" ;
        stc:titleStatus stc:TitleSupplied ;
        stc:dateStatus stc:DateNotStated ;
        stc:estimatedPublicationDate "2024"^^xsd:gYear ;
        stc:dateEstimateReason "Earliest plausible year: the article reports BLOCK71 Chongqing's third year, and it was launched in 2021."@en .
}
""")),
    _v("a new article on a change of office: a new mayor (current) and his predecessor (former) at one date",
       ("013-chongqing-new-mayor.trig", None, _PREFIXES + """
# Facts from 013_6f2b8d4a1e7c0935.txt (iChongqing, 2022-03-01), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:013-chongqing-new-mayor {

    source:013-chongqing-new-mayor a stc:NewsArticle ;
        dct:title "Hu Henghua elected mayor of Chongqing"@en ;
        dct:publisher organisation:ichongqing ;
        stc:publicationDate "2022-03-01"^^xsd:date .

    organisation:ichongqing a stc:MediaOrganisation ; skos:prefLabel "iChongqing"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en .
    person:hu-henghua a stc:Person ; skos:prefLabel "Hu Henghua"@en .
    post:hu-henghua-chongqing-mayor a stc:PostHolding ;
        skos:prefLabel "Hu Henghua: mayor, Chongqing"@en ;
        org:member person:hu-henghua ; org:role role:mayor ;
        stc:jurisdiction place:chongqing ;
        stc:asOf "2022-03-01"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .
    person:tang-liangzhi a stc:Person ; skos:prefLabel "Tang Liangzhi"@en .
    post:tang-liangzhi-chongqing-mayor-013 a stc:PostHolding ;
        skos:prefLabel "Tang Liangzhi: former mayor, Chongqing"@en ;
        org:member person:tang-liangzhi ; org:role role:mayor ;
        stc:jurisdiction place:chongqing ;
        stc:asOf "2022-03-01"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:FormerPost .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:013-chongqing-new-mayor a stc:NewsArticle ;
        skos:prefLabel "iChongqing, 1 Mar 2022: Hu Henghua elected mayor of Chongqing"@en ;
        stc:fileName "013_6f2b8d4a1e7c0935.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article with a company's investment in Swiss francs (unit:CCY_CHF, a QUDT currency)",
       ("014-medela-changzhou-investment.trig", None, _PREFIXES + """
# Facts from 014_b9e1d7c3f05a2846.txt (PR Newswire, 2023-04-12), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:014-medela-changzhou-investment {

    source:014-medela-changzhou-investment a stc:NewsArticle ;
        dct:title "Medela expands in Changzhou"@en ;
        dct:publisher organisation:pr-newswire ;
        stc:publicationDate "2023-04-12"^^xsd:date .

    organisation:pr-newswire a stc:MediaOrganisation ; skos:prefLabel "PR Newswire"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    place:switzerland a stc:Country ; skos:prefLabel "Switzerland"@en .
    place:changzhou a stc:City ; skos:prefLabel "Changzhou"@en .
    park:sino-swiss-changzhou-innovation-park a stc:InnovationPark , stc:InternationalCooperationPark ;
        skos:prefLabel "Sino-Swiss (Changzhou) Innovation Park"@en ;
        stc:locatedIn place:changzhou .
    organisation:medela a stc:Company ; skos:prefLabel "Medela"@en ;
        stc:headquartersCountry place:switzerland ;
        stc:tenantOf park:sino-swiss-changzhou-innovation-park .

    observation:medela-changzhou-expansion-investment a stc:Observation ;
        skos:prefLabel "Medela: investment in the expansion of its Changzhou plant"@en ;
        stc:observedEntity organisation:medela ; stc:measure measure:investment ;
        qudt:numericValue 20000000.0 ; qudt:unit unit:CCY_CHF ; stc:comparator stc:Exactly ;
        stc:qualifier "expansion of its plant in the Sino-Swiss (Changzhou) Innovation Park"@en ;
        stc:asOf "2023-04-12"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:014-medela-changzhou-investment a stc:NewsArticle ;
        skos:prefLabel "PR Newswire, 12 Apr 2023: Medela expands in Changzhou"@en ;
        stc:fileName "014_b9e1d7c3f05a2846.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article dated to the month (gYearMonth) by a known author: a later figure of introduced companies",
       ("015-nus-institute-companies.trig", None, _PREFIXES + """
# Facts from 015_2c8f4a6e9b1d7305.txt (Liangjiang New Area Media Center, 2023-05), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:015-nus-institute-companies {

    source:015-nus-institute-companies a stc:NewsArticle ;
        dct:title "NUS (Chongqing) Research Institute brings in more technology companies"@en ;
        dct:publisher organisation:liangjiang-media-center ;
        dct:creator person:guo-shuyu ;
        stc:publicationDate "2023-05"^^xsd:gYearMonth .

    organisation:liangjiang-media-center a stc:MediaOrganisation ; skos:prefLabel "Liangjiang New Area Media Center"@en .
    person:guo-shuyu a stc:Person ; skos:prefLabel "Guo Shuyu"@en .
    post:guo-shuyu-liangjiang-media-center-author-015 a stc:PostHolding ;
        skos:prefLabel "Guo Shuyu: author, Liangjiang New Area Media Center"@en ;
        org:member person:guo-shuyu ; org:role role:author ; org:organization organisation:liangjiang-media-center ;
        stc:asOf "2023-05"^^xsd:gYearMonth ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    park:nus-chongqing-research-institute a stc:ResearchInstitute ;
        skos:prefLabel "National University of Singapore (Chongqing) Research Institute"@en ;
        skos:altLabel "NUS (Chongqing) Research Institute"@en .

    observation:nus-institute-introduced-companies-2023 a stc:Observation ;
        skos:prefLabel "NUS (Chongqing) Research Institute: technology companies introduced since 2020, May 2023"@en ;
        stc:observedEntity park:nus-chongqing-research-institute ; stc:measure measure:introduced-company-count ;
        qudt:numericValue 12.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;
        stc:sinceDate "2020"^^xsd:gYear ;
        stc:asOf "2023-05"^^xsd:gYearMonth ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:015-nus-institute-companies a stc:NewsArticle ;
        skos:prefLabel "Liangjiang New Area Media Center, 2023-05: NUS (Chongqing) Research Institute brings in more technology companies"@en ;
        stc:fileName "015_2c8f4a6e9b1d7305.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
    _v("a new article with a percentage (a phase's share of the park's planned area) and the new share measure it needs",
       (CUR, "    measure:total-building-area a stc:Measure ;",
        '    measure:planned-area-share a stc:Measure ; skos:prefLabel "share of a planned land area"@en ; skos:inScheme measure:scheme ;\n'
        "        qudt:hasQuantityKind quantitykind:DimensionlessRatio ; stc:plausibleMaximum 1 .\n"
        "    measure:total-building-area a stc:Measure ;"),
       ("016-sstp-phase-2-share.trig", None, _PREFIXES + """
# Facts from 016_d3a7f1c9e5b20864.txt (Liangjiang New Area Media Center, 2021-03-10), written by kg new-source;
# the article's facts go into its graph below (docs/CURATING.md).

source:016-sstp-phase-2-share {

    source:016-sstp-phase-2-share a stc:NewsArticle ;
        dct:title "Second phase to cover over half of SinoSwiss Technopark"@en ;
        dct:publisher organisation:liangjiang-media-center ;
        stc:publicationDate "2021-03-10"^^xsd:date .

    organisation:liangjiang-media-center a stc:MediaOrganisation ; skos:prefLabel "Liangjiang New Area Media Center"@en .

    # ---- the article's facts: places, parks, organisations, people, events, figures
    park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;
        skos:prefLabel "SinoSwiss Technopark"@en .
    project:sstp-phase-2 a stc:ConstructionPhase ;
        skos:prefLabel "SinoSwiss Technopark, second phase"@en ;
        stc:phaseOf park:sinoswiss-technopark ;
        stc:phaseNumber 2 .

    observation:sstp-phase-2-planned-area-share a stc:Observation ;
        skos:prefLabel "SinoSwiss Technopark second phase: share of the park's planned area"@en ;
        stc:observedEntity project:sstp-phase-2 ; stc:measure measure:planned-area-share ;
        qudt:numericValue 50.0 ; qudt:unit unit:PERCENT ; stc:comparator stc:MoreThan ;
        stc:shareOfEntity park:sinoswiss-technopark ; stc:shareOfMeasure measure:planned-area ;
        stc:asOf "2021-03-10"^^xsd:date ; stc:asOfBasis stc:PublicationDate .
}

# The catalogue entry (curators' metadata about the source)
source:curation {
    source:016-sstp-phase-2-share a stc:NewsArticle ;
        skos:prefLabel "Liangjiang New Area Media Center, 10 Mar 2021: Second phase to cover over half of SinoSwiss Technopark"@en ;
        stc:fileName "016_d3a7f1c9e5b20864.txt" ;
        stc:titleStatus stc:TitleStated ;
        stc:dateStatus stc:DateStated .
}
""")),
]
