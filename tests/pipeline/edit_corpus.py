"""A corpus of realistic single edits to data/, for measuring validation from outside.

Two lists, data only (tests/pipeline/test_edit_corpus.py runs them):

* ``ERRORS``: edits a curator could make that leave the data wrong. Each is a dict with
  ``family``, ``what`` (one line), ``edits`` (a list of ``(file under data/, old text that occurs
  exactly once, new text)``; old text ``None`` creates the file) and ``node`` (the IRI or CURIE of
  the node a good report names: the entity the wrong statement is about).
* ``VALID``: legitimate edits, written the way the existing files do things, that must build
  clean (warnings allowed). Each is a dict with ``what`` and ``edits``.

Edits of one entry are applied in order, each to the file as the previous ones left it. The
families are those issue 16 names (posts, temporal-order, units, shares, provenance, wikidata,
reversed-relations, identity, source-metadata, places-status, dates, language-tags, classes,
cycles) and families it does not name (numbers-comparators, discrepancy-records, concept-schemes,
events, frameworks-parties, observations-subject, source-publishers-authors, labels-names,
iri-typos, datatypes-literals, blank-nodes, prefixes, copy-paste, restated-changed-value,
wrong-graph). The corpus was written from the data, the ontology's definitions and the articles,
without reading the shapes, the profiles or the saved checks.
"""

from kg.namespaces import DATA_PREFIXES, turtle_prologue

A0 = "000-sinoswiss-technopark-opening.trig"
A1 = "001-china-switzerland-launch-conference.trig"
A2 = "002-china-singapore-cci-projects.trig"
A3 = "003-western-science-city-press-conference.trig"
A4 = "004-china-singapore-model-park.trig"
C = "curation.trig"
W = "wikidata-verified.trig"


def _e(family, what, node, *edits):
    return {"family": family, "what": what, "node": node, "edits": list(edits)}


def _v(what, *edits):
    return {"what": what, "edits": list(edits)}


# ---------------------------------------------------------------------------------------------
# Blocks that some edits move or reuse (as they stand in data/)

_QIN_MEMBER_POST = (
    "    post:qin-shubin-liangjiang-party-work-committee-member a stc:PostHolding ;\n"
    "        skos:prefLabel \"Qin Shubin: member, Liangjiang New Area Party Work Committee\"@en ;\n"
    "        org:member person:qin-shubin ; org:role role:member ;\n"
    "        org:organization organisation:liangjiang-party-work-committee ;\n"
    "        stc:asOf \"2022\"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate ; stc:tenure stc:CurrentPost .\n"
)
_CCI_FOCUS_AREAS = (
    "    observation:cci-focus-areas a stc:Observation ;\n"
    "        skos:prefLabel \"CCI: focus areas\"@en ;\n"
    "        stc:observedEntity agreement:cci ; stc:measure measure:focus-area-count ;\n"
    "        qudt:numericValue 4.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n"
    "        stc:asOf \"2022\"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate .\n"
)
_NUS_PHD_DISCREPANCY = (
    "    discrepancy:nus-phd-students-his a stc:Discrepancy ;\n"
    "        skos:prefLabel \"Whose PhD students work at the NUS (Chongqing) Research Institute\"@en ;\n"
    "        stc:involves observation:nus-institute-phd-students ;\n"
    "        stc:discrepancyKind stc:AmbiguousStatement ;\n"
    "        stc:variantReading \"more than 60 of his PhD students\"@en ;\n"
    "        stc:resolutionStatus stc:Unresolved ;\n"
    "        stc:resolution \"The possessive has no antecedent in the article; the figure is kept as PhD students engaged at the institute since 2022.\"@en .\n"
)
_CHANGZHOU_FOUNDING = (
    "    event:sino-swiss-changzhou-innovation-park-founding a stc:Founding ;\n"
    "        skos:prefLabel \"Establishment of the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
    "        stc:date \"2018\"^^xsd:gYear ;\n"
    "        stc:concerns park:sino-swiss-changzhou-innovation-park .\n"
)
_C_SERVICES = "    # ---- services ------------------------------------------------------------------\n"
_A4_FIGURES = "    # ---- figures -------------------------------------------------------------------------------\n"
_A4_SECTORS = "    # ---- fields and sectors this article names (the scheme and its hierarchy are in source:curation)\n"


ERRORS = [
    # =========================================================================================
    # Families issue 16 names (new cases)
    # =========================================================================================

    # ---- posts ----------------------------------------------------------------------------------
    _e("posts", "Wang Jiakong's director post names Xin Yuewen as its holder (wrong member pasted)",
       "post:wang-jiakong-nus-chongqing-research-institute-director",
       (A4, "org:member person:wang-jiakong ; org:role role:director ;",
        "org:member person:xin-yuewen ; org:role role:director ;")),
    _e("posts", "Xin Yuewen's director post put in the NUS institute, which already has a director (Wang Jiakong) that year",
       "post:xin-yuewen-liangjiang-sti-bureau-director",
       (A4, "org:member person:xin-yuewen ; org:role role:director ;\n        org:organization organisation:liangjiang-sti-bureau ;",
        "org:member person:xin-yuewen ; org:role role:director ;\n        org:organization park:nus-chongqing-research-institute ;")),
    _e("posts", "Qin Shubin's party-committee post loses its role",
       "post:qin-shubin-liangjiang-party-work-committee-member",
       (A2, "org:member person:qin-shubin ; org:role role:member ;", "org:member person:qin-shubin ;")),
    _e("posts", "Paul Sives, president of the EUCCC Southwest Chapter at the ceremony, marked as a former president",
       "post:paul-sives-euccc-southwest-chapter-president",
       (A0, "org:organization organisation:euccc-southwest-chapter ;\n        stc:asOf \"2018-12-14\"^^xsd:date ; stc:asOfBasis stc:EventDate ; stc:tenure stc:CurrentPost .",
        "org:organization organisation:euccc-southwest-chapter ;\n        stc:asOf \"2018-12-14\"^^xsd:date ; stc:asOfBasis stc:EventDate ; stc:tenure stc:FormerPost .")),
    _e("posts", "Mayor of Chongqing given a district (Beibei) as jurisdiction",
       "post:tang-liangzhi-chongqing-mayor",
       (A3, "stc:jurisdiction place:chongqing ;", "stc:jurisdiction place:beibei ;")),
    _e("posts", "Yuling Chen's author post held by the publisher organisation instead of the person",
       "post:yuling-chen-ichongqing-author",
       (A0, "org:member person:yuling-chen ; org:role role:author ;",
        "org:member organisation:ichongqing ; org:role role:author ;")),
    _e("posts", "An Lei's director post loses its organisation (neither organisation nor jurisdiction left)",
       "post:an-lei-torch-center-international-department-director",
       (A1, "org:member person:an-lei ; org:role role:director ;\n        org:organization organisation:torch-center-international-department ;\n",
        "org:member person:an-lei ; org:role role:director ;\n")),

    # ---- temporal order -------------------------------------------------------------------------
    _e("temporal-order", "SSTP construction start moved to Dec 2019, a year after the park opened",
       "event:sstp-construction-start",
       (A0, "stc:date \"2015-12\"^^xsd:gYearMonth ;", "stc:date \"2019-12\"^^xsd:gYearMonth ;")),
    _e("temporal-order", "NUS institute's introduced companies counted since 2018, before the institute was founded (2019)",
       "observation:nus-institute-introduced-companies",
       (A2, "stc:sinceDate \"2020\"^^xsd:gYear ;", "stc:sinceDate \"2018\"^^xsd:gYear ;")),
    _e("temporal-order", "Award ceremony dated 2019 although it is part of the 2018 competition and held with the 2018 opening",
       "event:sino-swiss-business-incubation-competition-2018-award-ceremony",
       (A0, "stc:date \"2018-12-14\"^^xsd:date ;\n        stc:venue park:liangjiang-new-area ;\n        stc:subEventOf",
        "stc:date \"2019-12-14\"^^xsd:date ;\n        stc:venue park:liangjiang-new-area ;\n        stc:subEventOf")),
    _e("temporal-order", "RCEP start date moved to 2024, after the 2022 article that reports its implementation",
       "agreement:rcep",
       (C, "stc:startDate \"2022-01-01\"^^xsd:date .", "stc:startDate \"2024-01-01\"^^xsd:date .")),
    _e("temporal-order", "61 CCI projects counted since 2024 but as of 2023",
       "observation:liangjiang-cci-projects-61",
       (A4, "stc:sinceDate \"2015\"^^xsd:gYear ;\n        stc:qualifier \"counted in",
        "stc:sinceDate \"2024\"^^xsd:gYear ;\n        stc:qualifier \"counted in")),
    _e("temporal-order", "2020 Smart China Expo Online dated 2019, its press conference sub-event 2020-09-16",
       "event:smart-china-expo-2020-online",
       (A3, "stc:date \"2020\"^^xsd:gYear ;\n        stc:dateNote \"Year taken from the expo's name.\"@en .",
        "stc:date \"2019\"^^xsd:gYear ;\n        stc:dateNote \"Year taken from the expo's name.\"@en .")),
    _e("temporal-order", "BLOCK71 Chongqing's cultivated companies stated as of 2020, before the hub was launched (2021)",
       "observation:block71-chongqing-cultivated-companies",
       (A4, "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:Nearly ;\n        stc:asOf \"2023\"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate .",
        "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:Nearly ;\n        stc:asOf \"2020\"^^xsd:gYear ; stc:asOfBasis stc:StatedInSource .")),

    # ---- units against measures --------------------------------------------------------------
    _e("units", "Construction duration (3 years) given in percent",
       "observation:sstp-construction-duration",
       (A0, "qudt:numericValue 3.0 ; qudt:unit unit:YR ;", "qudt:numericValue 3.0 ; qudt:unit unit:PERCENT ;")),
    _e("units", "Rail travel time (30 minutes) given in yuan",
       "observation:science-city-rail-travel-time",
       (A3, "qudt:numericValue 30.0 ; qudt:unit unit:MIN ;", "qudt:numericValue 30.0 ; qudt:unit cur:CNY ;")),
    _e("units", "Number of enterprises in the SSTP given in years",
       "observation:sstp-enterprises",
       (A0, "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;",
        "qudt:numericValue 30.0 ; qudt:unit unit:YR ; stc:comparator stc:MoreThan ;")),
    _e("units", "Allocated area of the Changzhou park in metres (a length) instead of square metres",
       "observation:sino-swiss-changzhou-allocated-area",
       (A1, "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ;", "qudt:numericValue 670000.0 ; qudt:unit unit:M ;")),
    _e("units", "Contract amount of the 61 CCI projects in square metres",
       "observation:liangjiang-cci-contract-amount-61",
       (A4, "qudt:numericValue 10980000000.0 ; qudt:unit cur:USD ;",
        "qudt:numericValue 10980000000.0 ; qudt:unit unit:M2 ;")),
    _e("units", "Share of projects (21%) given as a count",
       "observation:liangjiang-cci-projects-61-share",
       (A4, "qudt:numericValue 21.0 ; qudt:unit unit:PERCENT ;", "qudt:numericValue 21.0 ; qudt:unit unit:NUM ;")),
    _e("units", "Park value (RMB 2 billion) given in mu",
       "observation:sstp-park-investment-about-section",
       (A0, "qudt:numericValue 2000000000.0 ; qudt:unit cur:CNY ;",
        "qudt:numericValue 2000000000.0 ; qudt:unit stc:Mu ;")),
    _e("units", "Number of colleges in the Science City given in hectares",
       "observation:science-city-colleges",
       (A3, "qudt:numericValue 28.0 ; qudt:unit unit:NUM ;", "qudt:numericValue 28.0 ; qudt:unit unit:HA ;")),

    # ---- shares -------------------------------------------------------------------------------------
    _e("shares", "Bus coverage typed as 1000 percent",
       "observation:science-city-bus-coverage",
       (A3, "qudt:numericValue 100.0 ; qudt:unit unit:PERCENT ;", "qudt:numericValue 1000.0 ; qudt:unit unit:PERCENT ;")),
    _e("shares", "21% share of projects without the measure it is a share of",
       "observation:liangjiang-cci-projects-61-share",
       (A4, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:cooperation-project-count ;",
        "stc:shareOfEntity place:chongqing ;")),
    _e("shares", "Bus coverage stated as a share of its own measure (bus coverage) instead of the urban area",
       "observation:science-city-bus-coverage",
       (A3, "stc:shareOfMeasure measure:urban-area ;", "stc:shareOfMeasure measure:bus-coverage ;")),
    _e("shares", "24% share recorded with the count measure instead of the share measure",
       "observation:liangjiang-cci-projects-44-share",
       (A2, "stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-share ;",
        "stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-count ;")),
    _e("shares", "Liangjiang's 44% share of the contract amount stated as a share of Liangjiang itself",
       "observation:liangjiang-cci-contract-amount-44-share",
       (A2, "stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:contract-amount ;",
        "stc:shareOfEntity park:liangjiang-new-area ; stc:shareOfMeasure measure:contract-amount ;")),

    # ---- provenance -------------------------------------------------------------------------------
    _e("provenance", "Science City press conference (003) said to concern the SinoSwiss Technopark, which 003 never mentions",
       "event:western-science-city-press-conference",
       (A3, "stc:concerns park:western-chongqing-science-city ;\n        stc:participant person:tang-liangzhi ;",
        "stc:concerns park:western-chongqing-science-city , park:sinoswiss-technopark ;\n        stc:participant person:tang-liangzhi ;")),
    _e("provenance", "Medela made a tenant of the SinoSwiss Technopark in the graph of 001, which speaks of Changzhou only",
       "organisation:medela",
       (A1, "organisation:medela a stc:Company ; skos:prefLabel \"Medela\"@en ;\n        stc:tenantOf park:sino-swiss-changzhou-innovation-park .",
        "organisation:medela a stc:Company ; skos:prefLabel \"Medela\"@en ;\n        stc:tenantOf park:sino-swiss-changzhou-innovation-park , park:sinoswiss-technopark .")),
    _e("provenance", "A figure put in the curation graph from a curator's memory (no article states it)",
       "observation:sstp-enterprises-2020",
       (C, _C_SERVICES,
        "    observation:sstp-enterprises-2020 a stc:Observation ;\n"
        "        skos:prefLabel \"SinoSwiss Technopark: enterprises operating in the park (2020)\"@en ;\n"
        "        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:enterprise-count ;\n"
        "        qudt:numericValue 50.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n"
        "        stc:asOf \"2020-12-31\"^^xsd:date ; stc:asOfBasis stc:StatedInSource .\n\n" + _C_SERVICES)),
    _e("provenance", "Photo credit to Li Qian added to 001 (a press release with no photo credit; Li Qian is not in its graph)",
       "source:001-china-switzerland-launch-conference",
       (A1, "stc:dateline place:changzhou .", "stc:dateline place:changzhou ;\n        stc:photoCredit person:li-qian .")),

    # ---- Wikidata -------------------------------------------------------------------------------------
    _e("wikidata", "A Wikidata link for Guangdong added without a record in the verified list",
       "place:guangdong",
       (W, "    place:jialing-river stc:wikidata wd:Q1045185 .\n",
        "    place:jialing-river stc:wikidata wd:Q1045185 .\n    place:guangdong stc:wikidata wd:Q15175 .\n")),
    _e("wikidata", "Jiangjin's QID mistyped (two digits swapped) in the link",
       "place:jiangjin",
       (W, "place:jiangjin stc:wikidata wd:Q201723 .", "place:jiangjin stc:wikidata wd:Q201732 .")),
    _e("wikidata", "Beibei's record says it was verified for Bishan (copy-paste in foaf:focus)",
       "wd:Q713547",
       (W, "foaf:focus place:beibei ;", "foaf:focus place:bishan ;")),
    _e("wikidata", "Chengdu's record gives the kind Municipality while Chengdu is a City",
       "wd:Q30002",
       (W, "foaf:focus place:chengdu ; stc:verifiedKind stc:City .", "foaf:focus place:chengdu ; stc:verifiedKind stc:Municipality .")),
    _e("wikidata", "Zurich's Wikidata link written as the string \"Q72\"",
       "place:zurich",
       (W, "place:zurich stc:wikidata wd:Q72 .", "place:zurich stc:wikidata \"Q72\" .")),
    _e("wikidata", "Germany linked to the Wikidata web page instead of the entity IRI",
       "place:germany",
       (W, "place:germany stc:wikidata wd:Q183 .", "place:germany stc:wikidata <https://www.wikidata.org/wiki/Q183> .")),

    # ---- reversed relations -----------------------------------------------------------------------
    _e("reversed-relations", "org:unitOf reversed: the EUCCC made a unit of its Southwest Chapter",
       "organisation:euccc",
       (A0, "organisation:euccc a stc:ChamberOfCommerce ; skos:altLabel \"EUCCC\"@en .",
        "organisation:euccc a stc:ChamberOfCommerce ; skos:altLabel \"EUCCC\"@en ;\n        org:unitOf organisation:euccc-southwest-chapter ."),
       (A0, "skos:prefLabel \"EUCCC Southwest Chapter\"@en ;\n        org:unitOf organisation:euccc .",
        "skos:prefLabel \"EUCCC Southwest Chapter\"@en .")),
    _e("reversed-relations", "stc:phaseOf reversed: the park stated to be a phase of its first phase",
       "park:sinoswiss-technopark",
       (A0, "        stc:phaseOf park:sinoswiss-technopark ;\n", ""),
       (A0, "skos:altLabel \"SSTP\"@en ;\n", "skos:altLabel \"SSTP\"@en ;\n        stc:phaseOf project:sstp-phase-1 ;\n")),
    _e("reversed-relations", "stc:locatedIn reversed: Changzhou placed in the Changzhou National Hi-Tech District",
       "place:changzhou",
       (A1, "stc:administrativeLevel stc:NationalLevel ;\n        stc:locatedIn place:changzhou .",
        "stc:administrativeLevel stc:NationalLevel ."),
       (A1, "place:changzhou a stc:City ; skos:prefLabel \"Changzhou\"@en .",
        "place:changzhou a stc:City ; skos:prefLabel \"Changzhou\"@en ;\n        stc:locatedIn park:changzhou-national-hi-tech-district .")),
    _e("reversed-relations", "stc:tenantOf reversed: the Changzhou park made a tenant of Leoni",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, "organisation:leoni a stc:Company ; skos:prefLabel \"Leoni\"@en ;\n        stc:tenantOf park:sino-swiss-changzhou-innovation-park .",
        "organisation:leoni a stc:Company ; skos:prefLabel \"Leoni\"@en .\n    park:sino-swiss-changzhou-innovation-park stc:tenantOf organisation:leoni .")),
    _e("reversed-relations", "stc:subEventOf reversed: the expo made a sub-event of its press conference",
       "event:smart-china-expo-2020-online",
       (A3, "        stc:subEventOf event:smart-china-expo-2020-online ;\n", ""),
       (A3, "stc:dateNote \"Year taken from the expo's name.\"@en .",
        "stc:dateNote \"Year taken from the expo's name.\"@en ;\n        stc:subEventOf event:western-science-city-press-conference .")),
    _e("reversed-relations", "stc:memberCountriesOf reversed: ASEAN stated to be the member countries of the region",
       "organisation:asean",
       (A2, "skos:prefLabel \"ASEAN countries\"@en ;\n        stc:memberCountriesOf organisation:asean .\n    organisation:asean a stc:InternationalOrganisation ; skos:altLabel \"ASEAN\"@en .",
        "skos:prefLabel \"ASEAN countries\"@en .\n    organisation:asean a stc:InternationalOrganisation ; skos:altLabel \"ASEAN\"@en ;\n        stc:memberCountriesOf place:asean-countries .")),
    _e("reversed-relations", "stc:partOfObservation reversed: allocated area (670,000 m2) made part of occupied area (270,000 m2)",
       "observation:sino-swiss-changzhou-allocated-area",
       (A1, "        stc:partOfObservation observation:sino-swiss-changzhou-allocated-area ;\n", ""),
       (A1, "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ; stc:comparator stc:Approximately ;\n",
        "qudt:numericValue 670000.0 ; qudt:unit unit:M2 ; stc:comparator stc:Approximately ;\n        stc:partOfObservation observation:sino-swiss-changzhou-occupied-area ;\n")),
    _e("reversed-relations", "stc:coreArea reversed: Liangjiang New Area given the CCI as its core area",
       "park:liangjiang-new-area",
       (A4, "stc:partnerCountry place:singapore ;\n        stc:coreArea park:liangjiang-new-area .",
        "stc:partnerCountry place:singapore ."),
       (A4, "stc:plannedCooperationSector sector:science-and-technology-innovation .",
        "stc:plannedCooperationSector sector:science-and-technology-innovation ;\n        stc:coreArea agreement:cci .")),

    # ---- identity / duplicates -------------------------------------------------------------------
    _e("identity", "004 mints sector:ai for artificial intelligence instead of reusing sector:artificial-intelligence",
       "sector:ai",
       (A4, "sector:smart-sensors , sector:artificial-intelligence ,", "sector:smart-sensors , sector:ai ,"),
       (A4, "    sector:artificial-intelligence a stc:Sector ; skos:prefLabel \"artificial intelligence\"@en .\n",
        "    sector:ai a stc:Sector ; skos:prefLabel \"artificial intelligence\"@en .\n")),
    _e("identity", "004 mints event:cci-launch-2015 for the CCI launch that 002 calls event:cci-launch",
       "event:cci-launch-2015",
       (A4, "    event:cci-launch a stc:Founding ;\n        stc:date \"2015\"^^xsd:gYear ;",
        "    event:cci-launch-2015 a stc:Founding ;\n        skos:prefLabel \"Launch of the CCI\"@en ;\n        stc:date \"2015\"^^xsd:gYear ;")),
    _e("identity", "The NUS institute minted again as an organisation for Wang Jiakong's post",
       "organisation:nus-chongqing-research-institute",
       (A4, "org:organization park:nus-chongqing-research-institute ;", "org:organization organisation:nus-chongqing-research-institute ;"),
       (A4, "    person:wang-jiakong a stc:Person ; skos:prefLabel \"Wang Jiakong\"@en .\n",
        "    person:wang-jiakong a stc:Person ; skos:prefLabel \"Wang Jiakong\"@en .\n"
        "    organisation:nus-chongqing-research-institute a stc:ResearchInstitute ;\n"
        "        skos:prefLabel \"National University of Singapore (Chongqing) Research Institute\"@en .\n")),
    _e("identity", "Liangjiang New Area minted again as a government body to be a founder of the NUS institute",
       "organisation:liangjiang-new-area",
       (A2, "stc:foundedBy organisation:nus , park:liangjiang-new-area ;", "stc:foundedBy organisation:nus , organisation:liangjiang-new-area ;"),
       (A2, "    service:incubation a stc:Service ; skos:prefLabel \"incubation\"@en .\n",
        "    service:incubation a stc:Service ; skos:prefLabel \"incubation\"@en .\n"
        "    organisation:liangjiang-new-area a stc:GovernmentBody ; skos:prefLabel \"Liangjiang New Area\"@en .\n")),
    _e("identity", "A second measure for colleges and universities, with the same label as measure:college-count",
       "measure:number-of-colleges",
       (C, "    measure:platform-count a stc:Measure ;",
        "    measure:number-of-colleges a stc:Measure ; skos:prefLabel \"number of colleges and universities\"@en ; skos:inScheme measure:scheme ;\n"
        "        qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 1 ; stc:plausibleMaximum 1000 .\n"
        "    measure:platform-count a stc:Measure ;"),
       (A3, "stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:college-count ;",
        "stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:number-of-colleges ;")),

    # ---- source metadata -------------------------------------------------------------------------
    _e("source-metadata", "Publication date of 001 deleted (its catalogue entry says the date is stated)",
       "source:001-china-switzerland-launch-conference",
       (A1, "dct:publisher organisation:pr-newswire ;\n        stc:publicationDate \"2021-11-12\"^^xsd:date ;\n",
        "dct:publisher organisation:pr-newswire ;\n")),
    _e("source-metadata", "Estimated date of 004 kept without its reason",
       "source:004-china-singapore-model-park",
       (C, "stc:estimatedPublicationDate \"2023\"^^xsd:gYear ;\n        stc:dateEstimateReason \"Earliest plausible year: the latest figure the article reports is as of 2023.\"@en .",
        "stc:estimatedPublicationDate \"2023\"^^xsd:gYear .")),
    _e("source-metadata", "Undated article 002 given a publication date (its status says the date is not stated)",
       "source:002-china-singapore-cci-projects",
       (A2, "stc:contentProvider organisation:liangjiang-media-center ;\n        stc:photoCredit person:li-qian .",
        "stc:contentProvider organisation:liangjiang-media-center ;\n        stc:publicationDate \"2022-06-20\"^^xsd:date ;\n        stc:photoCredit person:li-qian .")),
    _e("source-metadata", "Publication date of 000 set to 13 Dec 2018, the day before the ceremony it reports",
       "source:000-sinoswiss-technopark-opening",
       (A0, "stc:publicationDate \"2018-12-15\"^^xsd:date ;", "stc:publicationDate \"2018-12-13\"^^xsd:date ;")),
    _e("source-metadata", "Dated article 003 also given an estimated publication date",
       "source:003-western-science-city-press-conference",
       (C, "stc:fileName \"003_55746115177d4237.txt\" ;\n        stc:dateStatus stc:DateStated ;",
        "stc:fileName \"003_55746115177d4237.txt\" ;\n        stc:estimatedPublicationDate \"2020\"^^xsd:gYear ;\n        stc:dateStatus stc:DateStated ;")),
    _e("source-metadata", "Dated article 003 catalogued as DateNotStated",
       "source:003-western-science-city-press-conference",
       (C, "stc:fileName \"003_55746115177d4237.txt\" ;\n        stc:dateStatus stc:DateStated ;",
        "stc:fileName \"003_55746115177d4237.txt\" ;\n        stc:dateStatus stc:DateNotStated ;")),

    # ---- places and status ------------------------------------------------------------------------
    _e("places-status", "Jiangjin District placed in Chengdu instead of Chongqing",
       "place:jiangjin",
       (C, "place:jiangjin a stc:District ; skos:prefLabel \"Jiangjin District\"@en ; stc:locatedIn place:chongqing .",
        "place:jiangjin a stc:District ; skos:prefLabel \"Jiangjin District\"@en ; stc:locatedIn place:chengdu .")),
    _e("places-status", "Guangdong province placed in Hong Kong",
       "place:guangdong",
       (C, "place:guangdong a stc:Province ; skos:prefLabel \"Guangdong\"@en ;\n        stc:locatedIn place:china .",
        "place:guangdong a stc:Province ; skos:prefLabel \"Guangdong\"@en ;\n        stc:locatedIn place:hong-kong .")),
    _e("places-status", "Science City marked planned on 16 Sep 2020, after its construction started (11 Sep)",
       "park:western-chongqing-science-city",
       (A3, "stc:developmentStatus stc:UnderConstruction ;", "stc:developmentStatus stc:Planned ;")),
    _e("places-status", "Multimodal centre's development status set to a tenure value (CurrentPost)",
       "park:cci-multimodal-connectivity-center",
       (A2, "stc:developmentStatus stc:Operating ;\n        stc:statusAsOf \"2022\"^^xsd:gYear",
        "stc:developmentStatus stc:CurrentPost ;\n        stc:statusAsOf \"2022\"^^xsd:gYear")),
    _e("places-status", "Changzhou park's status left without its as-of date and basis",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, "stc:developmentStatus stc:Operating ;\n        stc:statusAsOf \"2021-11-12\"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate ;\n",
        "stc:developmentStatus stc:Operating ;\n")),
    _e("places-status", "Xiyong Microelectronics Park located in the Jialing River",
       "park:xiyong-microelectronics-park",
       (C, "park:xiyong-microelectronics-park a stc:IndustrialPark ;\n        stc:locatedIn place:chongqing .",
        "park:xiyong-microelectronics-park a stc:IndustrialPark ;\n        stc:locatedIn place:jialing-river .")),

    # ---- dates ------------------------------------------------------------------------------------------
    _e("dates", "SSTP opening ceremony dated 2081 (digits swapped)",
       "event:sstp-opening-ceremony",
       (A0, "skos:altLabel \"SinoSwiss Technopark opening ceremony\"@en ;\n        stc:date \"2018-12-14\"^^xsd:date ;",
        "skos:altLabel \"SinoSwiss Technopark opening ceremony\"@en ;\n        stc:date \"2081-12-14\"^^xsd:date ;")),
    _e("dates", "Changzhou park founded in 1018 (typo)",
       "event:sino-swiss-changzhou-innovation-park-founding",
       (A1, "stc:date \"2018\"^^xsd:gYear ;", "stc:date \"1018\"^^xsd:gYear ;")),
    _e("dates", "Launch conference date written as text without a datatype",
       "event:china-switzerland-launch-conference-2021",
       (A1, "stc:date \"2021-10-21\"^^xsd:date ;", "stc:date \"21 October 2021\" ;")),
    _e("dates", "Press conference date written day before month (2020-16-09), not a valid xsd:date",
       "event:western-science-city-press-conference",
       (A3, "stc:date \"2020-09-16\"^^xsd:date ;", "stc:date \"2020-16-09\"^^xsd:date ;")),
    _e("dates", "SSTP enterprise count as of 2019-12-15 with basis 'publication date' (the article is of 2018-12-15)",
       "observation:sstp-enterprises",
       (A0, "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n        stc:asOf \"2018-12-15\"^^xsd:date",
        "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n        stc:asOf \"2019-12-15\"^^xsd:date")),
    _e("dates", "CCI start year typed xsd:date (\"2015\" is not a valid xsd:date)",
       "agreement:cci",
       (A2, "stc:startDate \"2015\"^^xsd:gYear ;", "stc:startDate \"2015\"^^xsd:date ;")),
    _e("dates", "Estimated publication year of 004 typed as 2032",
       "source:004-china-singapore-model-park",
       (C, "stc:estimatedPublicationDate \"2023\"^^xsd:gYear ;", "stc:estimatedPublicationDate \"2032\"^^xsd:gYear ;")),
    _e("dates", "Opening of the multimodal centre on 31 June (no such day)",
       "event:cci-multimodal-connectivity-center-opening",
       (A2, "stc:date \"--06-17\"^^xsd:gMonthDay ;", "stc:date \"--06-31\"^^xsd:gMonthDay ;")),

    # ---- language tags ----------------------------------------------------------------------------
    _e("language-tags", "An Lei's name tagged Chinese instead of English (no English label left)",
       "person:an-lei",
       (A1, "person:an-lei a stc:Person ; skos:prefLabel \"An Lei\"@en .", "person:an-lei a stc:Person ; skos:prefLabel \"An Lei\"@zh .")),
    _e("language-tags", "Chinese characters tagged @en as an alternative label of Liangjiang New Area",
       "park:liangjiang-new-area",
       (C, "park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel \"Liangjiang New Area\"@en ;",
        "park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel \"Liangjiang New Area\"@en ;\n        skos:altLabel \"两江新区\"@en ;")),
    _e("language-tags", "Leoni's label tagged @ne (Nepali) by a typo for @en",
       "organisation:leoni",
       (A1, "skos:prefLabel \"Leoni\"@en", "skos:prefLabel \"Leoni\"@ne")),
    _e("language-tags", "Tang Zongwei's label written without a language tag",
       "person:tang-zongwei",
       (A0, "person:tang-zongwei a stc:Person ; skos:prefLabel \"Tang Zongwei\"@en .",
        "person:tang-zongwei a stc:Person ; skos:prefLabel \"Tang Zongwei\" .")),
    _e("language-tags", "Pinyin tagged @zh-Hans (a Han-script tag) as a label of Liangjiang New Area",
       "park:liangjiang-new-area",
       (C, "park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel \"Liangjiang New Area\"@en ;",
        "park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel \"Liangjiang New Area\"@en ;\n        skos:altLabel \"Liangjiang Xinqu\"@zh-Hans ;")),
    _e("language-tags", "Han characters tagged @zh-Latn-pinyin as a label of Chongqing",
       "place:chongqing",
       (C, "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ;",
        "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ; skos:altLabel \"重庆\"@zh-Latn-pinyin ;")),
    _e("language-tags", "English headline of 003 tagged @zh-Hant",
       "source:003-western-science-city-press-conference",
       (A3, "dct:title \"Western (Chongqing) Science City Conference held during SCE OL\"@en ;",
        "dct:title \"Western (Chongqing) Science City Conference held during SCE OL\"@zh-Hant ;")),

    # ---- classes ------------------------------------------------------------------------------------
    _e("classes", "Paul Sives typed as a company",
       "person:paul-sives",
       (A0, "person:paul-sives a stc:Person ;", "person:paul-sives a stc:Company ;")),
    _e("classes", "France typed as a city in 000 (a country everywhere else)",
       "place:france",
       (A0, "place:france a stc:Country ;", "place:france a stc:City ;")),
    _e("classes", "BLOCK71 Chongqing's launch typed both Founding and Opening",
       "event:block71-chongqing-launch",
       (A4, "event:block71-chongqing-launch a stc:Founding ;", "event:block71-chongqing-launch a stc:Founding , stc:Opening ;")),
    _e("classes", "Green development (a cooperation field) typed as a measure in 004",
       "sector:green-development",
       (A4, "sector:green-development a stc:Sector ;", "sector:green-development a stc:Measure ;")),
    _e("classes", "Xin Yuewen introduced in 004 without a type",
       "person:xin-yuewen",
       (A4, "person:xin-yuewen a stc:Person ; skos:prefLabel", "person:xin-yuewen skos:prefLabel")),
    _e("classes", "BLOCK71 Chongqing's figure typed as an event",
       "observation:block71-chongqing-cultivated-companies",
       (A4, "observation:block71-chongqing-cultivated-companies a stc:Observation ;",
        "observation:block71-chongqing-cultivated-companies a stc:Event ;")),
    _e("classes", "BLOCK71 (the organisation) typed as an incubator, a park class, under organisation:",
       "organisation:block71",
       (A2, "organisation:block71 a org:FormalOrganization ;", "organisation:block71 a stc:Incubator ;")),

    # ---- cycles -------------------------------------------------------------------------------------
    _e("cycles", "Jiangsu placed in Changzhou as well as in China (Changzhou is in Jiangsu)",
       "place:jiangsu",
       (C, "place:jiangsu a stc:Province ; skos:prefLabel \"Jiangsu\"@en ;\n        stc:locatedIn place:china .",
        "place:jiangsu a stc:Province ; skos:prefLabel \"Jiangsu\"@en ;\n        stc:locatedIn place:china , place:changzhou .")),
    _e("cycles", "MOST made a sub-organisation of its own Torch Center",
       "organisation:most",
       (C, "organisation:most a stc:Ministry ;\n        skos:prefLabel",
        "organisation:most a stc:Ministry ;\n        org:subOrganizationOf organisation:torch-center ;\n        skos:prefLabel")),
    _e("cycles", "The 2018 competition made a sub-event of its own award ceremony",
       "event:sino-swiss-business-incubation-competition-2018",
       (A0, "stc:dateNote \"Year taken from the competition's name.\"@en ;",
        "stc:dateNote \"Year taken from the competition's name.\"@en ;\n        stc:subEventOf event:sino-swiss-business-incubation-competition-2018-award-ceremony ;")),
    _e("cycles", "Introduced companies (8) made part of the JIDF companies (2), which are part of them",
       "observation:nus-institute-introduced-companies",
       (A2, "stc:sinceDate \"2020\"^^xsd:gYear ;",
        "stc:sinceDate \"2020\"^^xsd:gYear ;\n        stc:partOfObservation observation:nus-institute-jidf-companies ;")),
    _e("cycles", "BLOCK71 Chongqing located in itself",
       "park:block71-chongqing",
       (A4, "park:block71-chongqing a stc:Incubator ;\n        skos:prefLabel \"BLOCK71 Chongqing\"@en ;",
        "park:block71-chongqing a stc:Incubator ;\n        skos:prefLabel \"BLOCK71 Chongqing\"@en ;\n        stc:locatedIn park:block71-chongqing ;")),
    _e("cycles", "CPC Chongqing Municipal Committee made a sub-organisation of its own Standing Committee",
       "organisation:cpc-chongqing-municipal-committee",
       (A0, "organisation:cpc-chongqing-municipal-committee a stc:PartyCommittee ;\n        skos:altLabel \"Chongqing CPC Municipal Committee\"@en .",
        "organisation:cpc-chongqing-municipal-committee a stc:PartyCommittee ;\n        skos:altLabel \"Chongqing CPC Municipal Committee\"@en ;\n        org:subOrganizationOf organisation:cpc-chongqing-standing-committee .")),

    # =========================================================================================
    # Families issue 16 does not name
    # =========================================================================================

    # ---- numbers and their comparators ------------------------------------------------------------
    _e("numbers-comparators", "Comparator written as the text \"more than\" instead of stc:MoreThan",
       "observation:sstp-enterprises",
       (A0, "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;",
        "qudt:numericValue 30.0 ; qudt:unit unit:NUM ; stc:comparator \"more than\"@en ;")),
    _e("numbers-comparators", "A figure given two comparators (more than and exactly)",
       "observation:sstp-partner-smes",
       (A0, "qudt:numericValue 200.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;",
        "qudt:numericValue 200.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan , stc:Exactly ;")),
    _e("numbers-comparators", "A figure left without a comparator",
       "observation:science-city-platforms",
       (A3, "qudt:numericValue 169.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;",
        "qudt:numericValue 169.0 ; qudt:unit unit:NUM ;")),
    _e("numbers-comparators", "Numeric value written as the string \"28\"",
       "observation:science-city-colleges",
       (A3, "qudt:numericValue 28.0 ;", "qudt:numericValue \"28\" ;")),
    _e("numbers-comparators", "169 platforms typed as 16,900,000",
       "observation:science-city-platforms",
       (A3, "qudt:numericValue 169.0 ;", "qudt:numericValue 16900000.0 ;")),
    _e("numbers-comparators", "Number of districts negative (-5)",
       "observation:science-city-districts",
       (A3, "qudt:numericValue 5.0 ;", "qudt:numericValue -5.0 ;")),
    _e("numbers-comparators", "'about USD 14.9 billion' recorded as exact",
       "observation:science-city-expo-investment-usd",
       (A3, "qudt:numericValue 14900000000.0 ; qudt:unit cur:USD ; stc:comparator stc:Approximately ;",
        "qudt:numericValue 14900000000.0 ; qudt:unit cur:USD ; stc:comparator stc:Exactly ;")),
    _e("numbers-comparators", "Value pasted with thousands separators (1,000,000,000.0 reads as four numbers)",
       "observation:sstp-phase-1-investment",
       (A0, "qudt:numericValue 1000000000.0 ;", "qudt:numericValue 1,000,000,000.0 ;")),
    _e("numbers-comparators", "Planned area in mu given the square-metre number (184000 mu)",
       "observation:sstp-planned-area-mu",
       (A0, "qudt:numericValue 276.0 ; qudt:unit stc:Mu ;", "qudt:numericValue 184000.0 ; qudt:unit stc:Mu ;")),

    # ---- discrepancy records ------------------------------------------------------------------------
    _e("discrepancy-records", "Discrepancy record without its kind",
       "discrepancy:tang-liangzhi-spelling",
       (C, "stc:involves person:tang-liangzhi , source:003-western-science-city-press-conference ;\n        stc:discrepancyKind stc:NameVariant ;",
        "stc:involves person:tang-liangzhi , source:003-western-science-city-press-conference ;")),
    _e("discrepancy-records", "Preferred reading set to the misspelling (Tang Liangzi), not the label used",
       "discrepancy:tang-liangzhi-spelling",
       (C, "stc:preferredReading \"Tang Liangzhi\"@en ;", "stc:preferredReading \"Tang Liangzi\"@en ;")),
    _e("discrepancy-records", "Discrepancy left involving nothing",
       "discrepancy:nus-phd-students-his",
       (C, "        stc:involves observation:nus-institute-phd-students ;\n", "")),
    _e("discrepancy-records", "Discrepancy both resolved and unresolved",
       "discrepancy:sstp-investment-scope",
       (C, "stc:resolutionStatus stc:Resolved ;\n        stc:resolution \"Different scopes:",
        "stc:resolutionStatus stc:Resolved , stc:Unresolved ;\n        stc:resolution \"Different scopes:")),
    _e("discrepancy-records", "Discrepancy involves a misspelt observation IRI (project for projects)",
       "discrepancy:cci-projects-same-amount",
       (C, "stc:involves observation:liangjiang-cci-projects-44 , observation:liangjiang-cci-contract-amount-44 ,",
        "stc:involves observation:liangjiang-cci-project-44 , observation:liangjiang-cci-contract-amount-44 ,")),
    _e("discrepancy-records", "Reviewed value of the first-phase investment recorded a factor of ten too small",
       "observation:sstp-phase-1-investment",
       (C, "observation:sstp-phase-1-investment stc:reviewedValue 1000000000.0 .",
        "observation:sstp-phase-1-investment stc:reviewedValue 100000000.0 .")),
    _e("discrepancy-records", "'Liangjiang Province' recorded as conflicting figures (no figure is involved)",
       "discrepancy:liangjiang-province",
       (C, "stc:discrepancyKind stc:WrongCategory ;", "stc:discrepancyKind stc:ConflictingFigures ;")),
    _e("discrepancy-records", "Discrepancy involves the ceremony's name as a string instead of the ceremony",
       "discrepancy:competition-ceremony-name",
       (C, "stc:involves event:sino-swiss-business-incubation-competition-2018-award-ceremony ;",
        "stc:involves \"2018 Sino-Swiss Business Incubation Competition Award Ceremony\"@en ;")),
    _e("discrepancy-records", "Discrepancy without a resolution status",
       "discrepancy:block71-two-names",
       (C, "stc:resolutionStatus stc:Unresolved ;\n        stc:resolution \"Source 002 says",
        "stc:resolution \"Source 002 says")),

    # ---- concept schemes and the sector hierarchy ---------------------------------------------------
    _e("concept-schemes", "Sector aviation left out of the sector scheme",
       "sector:aviation",
       (C, "sector:aviation a stc:Sector ; skos:prefLabel \"aviation\"@en ;\n        skos:broader sector:transportation ; skos:inScheme sector:scheme .",
        "sector:aviation a stc:Sector ; skos:prefLabel \"aviation\"@en ;\n        skos:broader sector:transportation .")),
    _e("concept-schemes", "Smart sensors given a broader sector that does not exist (intelligent-sensors)",
       "sector:smart-sensors",
       (C, "skos:broader sector:intelligent-sensing ; skos:inScheme sector:scheme .",
        "skos:broader sector:intelligent-sensors ; skos:inScheme sector:scheme .")),
    _e("concept-schemes", "Top concept finance given a broader sector (services)",
       "sector:finance",
       (C, "sector:finance a stc:Sector ; skos:prefLabel \"finance\"@en ; skos:inScheme sector:scheme .",
        "sector:finance a stc:Sector ; skos:prefLabel \"finance\"@en ; skos:broader sector:services ; skos:inScheme sector:scheme .")),
    _e("concept-schemes", "Healthcare made its own broader sector",
       "sector:healthcare",
       (C, "sector:healthcare a stc:Sector ; skos:prefLabel \"healthcare\"@en ;\n        skos:broader sector:health ;",
        "sector:healthcare a stc:Sector ; skos:prefLabel \"healthcare\"@en ;\n        skos:broader sector:healthcare ;")),
    _e("concept-schemes", "Measure district-count left out of the measure scheme",
       "measure:district-count",
       (C, "measure:district-count a stc:Measure ; skos:prefLabel \"number of districts spanned\"@en ; skos:inScheme measure:scheme ;",
        "measure:district-count a stc:Measure ; skos:prefLabel \"number of districts spanned\"@en ;")),
    _e("concept-schemes", "Measure college-count without a quantity kind",
       "measure:college-count",
       (C, "qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 1 ; stc:plausibleMaximum 1000 .",
        "stc:plausibleMinimum 1 ; stc:plausibleMaximum 1000 .")),
    _e("concept-schemes", "Plausible minimum and maximum of urban area swapped",
       "measure:urban-area",
       (C, "stc:plausibleMinimum 1000000 ; stc:plausibleMaximum 100000000000 .",
        "stc:plausibleMinimum 100000000000 ; stc:plausibleMaximum 1000000 .")),
    _e("concept-schemes", "Sector trade put in the measure scheme",
       "sector:trade",
       (C, "sector:trade a stc:Sector ; skos:prefLabel \"trade\"@en ; skos:inScheme sector:scheme .",
        "sector:trade a stc:Sector ; skos:prefLabel \"trade\"@en ; skos:inScheme measure:scheme .")),
    _e("concept-schemes", "A service (intellectual property) listed among the SSTP's focus sectors",
       "park:sinoswiss-technopark",
       (A0, "sector:automobile , sector:healthcare ,", "sector:automobile , sector:healthcare , service:intellectual-property ,")),

    # ---- events, venues and participants -----------------------------------------------------------
    _e("events", "Opening ceremony's venue given as the administrative committee (an organisation)",
       "event:sstp-opening-ceremony",
       (A0, "stc:venue park:liangjiang-new-area ;\n        stc:concerns park:sinoswiss-technopark , project:sstp-phase-1 ;",
        "stc:venue organisation:liangjiang-administrative-committee ;\n        stc:concerns park:sinoswiss-technopark , project:sstp-phase-1 ;")),
    _e("events", "A country listed as a participant of the launch conference",
       "event:china-switzerland-launch-conference-2021",
       (A1, "stc:speaker person:an-lei ;", "stc:speaker person:an-lei ;\n        stc:participant place:switzerland ;")),
    _e("events", "Guests' origin given as Chongqing (a municipality) instead of China",
       "event:sstp-opening-ceremony",
       (A0, "stc:participantOrigin place:china , place:switzerland ;\n        skos:note \"Guests also",
        "stc:participantOrigin place:chongqing , place:switzerland ;\n        skos:note \"Guests also")),
    _e("events", "Speaker given as An Lei's post instead of An Lei",
       "event:china-switzerland-launch-conference-2021",
       (A1, "stc:speaker person:an-lei ;", "stc:speaker post:an-lei-torch-center-international-department-director ;")),
    _e("events", "SSTP opening said to be held together with the 2020 Science City press conference",
       "event:sstp-opening-ceremony",
       (A0, "stc:heldTogetherWith event:sino-swiss-business-incubation-competition-2018-award-ceremony ;",
        "stc:heldTogetherWith event:western-science-city-press-conference ;")),
    _e("events", "BLOCK71 Chongqing's launch left without its date (2021)",
       "event:block71-chongqing-launch",
       (A4, "stc:date \"2021\"^^xsd:gYear ;\n        stc:concerns park:block71-chongqing .",
        "stc:concerns park:block71-chongqing .")),
    _e("events", "Press conference made a sub-event of a figure (pasted from stc:duringEvent)",
       "event:western-science-city-press-conference",
       (A3, "stc:subEventOf event:smart-china-expo-2020-online ;", "stc:subEventOf observation:science-city-expo-projects ;")),
    _e("events", "Changzhou launch conference's venue given as Liangjiang New Area (Chongqing)",
       "event:china-switzerland-launch-conference-2021",
       (A1, "stc:venue park:changzhou-national-hi-tech-district ;", "stc:venue park:liangjiang-new-area ;")),

    # ---- frameworks and their parties ----------------------------------------------------------------
    _e("frameworks-parties", "Chongqing-Zurich sister-city relation left with one party",
       "agreement:chongqing-zurich-sister-cities",
       (A0, "stc:party place:chongqing , place:zurich .", "stc:party place:chongqing .")),
    _e("frameworks-parties", "China given as the partner country of BLOCK71 Chongqing (a Chinese hub; the partner is Singapore)",
       "park:block71-chongqing",
       (A4, "stc:launchedBy park:nus-chongqing-research-institute ;\n        stc:partnerCountry place:singapore ;",
        "stc:launchedBy park:nus-chongqing-research-institute ;\n        stc:partnerCountry place:china ;")),
    _e("frameworks-parties", "China (a country) given as signatory of the joint statement instead of its ministry",
       "agreement:china-switzerland-joint-statement-science-innovation",
       (A1, "stc:signatory organisation:most , organisation:swiss-eaer ;", "stc:signatory place:china , organisation:swiss-eaer ;")),
    _e("frameworks-parties", "Singapore given as the core area of the CCI instead of Liangjiang New Area",
       "agreement:cci",
       (A2, "stc:coreArea park:liangjiang-new-area .", "stc:coreArea place:singapore .")),
    _e("frameworks-parties", "GDS data center said to be part of Liangjiang New Area as a framework",
       "park:gds-chongqing-data-center",
       (A2, "stc:partOfFramework agreement:cci .\n", "stc:partOfFramework park:liangjiang-new-area .\n")),
    _e("frameworks-parties", "NDRC plan said to be issued by China (a country) instead of the NDRC",
       "agreement:ndrc-national-region-action-plan",
       (A4, "stc:issuedBy organisation:ndrc ;", "stc:issuedBy place:china ;")),
    _e("frameworks-parties", "Cooperation programme launched at Changzhou (a city) instead of the conference",
       "agreement:china-switzerland-innovation-entrepreneurship-cooperation",
       (A1, "stc:launchedAt event:china-switzerland-launch-conference-2021 .", "stc:launchedAt place:changzhou .")),

    # ---- observations and what they are about ---------------------------------------------------------
    _e("observations-subject", "SSTP focus-area count made about the measure itself",
       "observation:sstp-focus-areas",
       (A0, "stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:focus-area-count ;",
        "stc:observedEntity measure:focus-area-count ; stc:measure measure:focus-area-count ;")),
    _e("observations-subject", "College count made about the article instead of the Science City",
       "observation:science-city-colleges",
       (A3, "stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:college-count ;",
        "stc:observedEntity source:003-western-science-city-press-conference ; stc:measure measure:college-count ;")),
    _e("observations-subject", "Industrial-park count without its measure",
       "observation:science-city-industrial-parks",
       (A3, "stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:industrial-park-count ;",
        "stc:observedEntity park:western-chongqing-science-city ;")),
    _e("observations-subject", "BLOCK71 Chongqing's figure without the entity it is about",
       "observation:block71-chongqing-cultivated-companies",
       (A4, "stc:observedEntity park:block71-chongqing ; stc:measure measure:cultivated-company-count ;",
        "stc:measure measure:cultivated-company-count ;")),
    _e("observations-subject", "Projects signed during the Science City itself (a park) instead of during the expo",
       "observation:science-city-expo-projects",
       (A3, "qudt:numericValue 43.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:duringEvent event:smart-china-expo-2020-online ;",
        "qudt:numericValue 43.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n        stc:duringEvent park:western-chongqing-science-city ;")),
    _e("observations-subject", "276 mu linked as the same quantity as the 550,000 m2 building area instead of the 184,000 m2 land area",
       "observation:sstp-planned-area-mu",
       (A0, "stc:sameQuantityAs observation:sstp-planned-area-m2 ;", "stc:sameQuantityAs observation:sstp-total-building-area ;")),
    _e("observations-subject", "The About section's RMB 2 billion (whole park) put on the first phase, which is worth RMB 1 billion",
       "observation:sstp-park-investment-about-section",
       (A0, "stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:investment ;",
        "stc:observedEntity project:sstp-phase-1 ; stc:measure measure:investment ;")),
    _e("observations-subject", "61 projects made about both Liangjiang and the CCI",
       "observation:liangjiang-cci-projects-61",
       (A4, "stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-count ;",
        "stc:observedEntity park:liangjiang-new-area , agreement:cci ; stc:measure measure:cooperation-project-count ;")),
    _e("observations-subject", "District count's measure given as the unit unit:NUM",
       "observation:science-city-districts",
       (A3, "stc:measure measure:district-count ;", "stc:measure unit:NUM ;")),

    # ---- sources' publishers and authors --------------------------------------------------------------
    _e("source-publishers-authors", "Article 003's publisher given as its author (a person)",
       "source:003-western-science-city-press-conference",
       (A3, "dct:publisher organisation:ichongqing ;", "dct:publisher person:mikkel-larsen ;")),
    _e("source-publishers-authors", "Article 000's creator given as iChongqing (an organisation) instead of Yuling Chen",
       "source:000-sinoswiss-technopark-opening",
       (A0, "dct:creator person:yuling-chen ;", "dct:creator organisation:ichongqing ;")),
    _e("source-publishers-authors", "Article 004's content provider given as its author Guo Shuyu (a person)",
       "source:004-china-singapore-model-park",
       (A4, "stc:contentProvider organisation:liangjiang-media-center ;", "stc:contentProvider person:guo-shuyu ;")),
    _e("source-publishers-authors", "Article 001's publisher misspelt organisation:prnewswire (not described anywhere)",
       "source:001-china-switzerland-launch-conference",
       (A1, "dct:publisher organisation:pr-newswire ;", "dct:publisher organisation:prnewswire ;")),
    _e("source-publishers-authors", "Mikkel Larsen's author post put at PR Newswire instead of iChongqing",
       "post:mikkel-larsen-ichongqing-author",
       (A3, "org:member person:mikkel-larsen ; org:role role:author ; org:organization organisation:ichongqing ;",
        "org:member person:mikkel-larsen ; org:role role:author ; org:organization organisation:pr-newswire ;")),
    _e("source-publishers-authors", "Photo credit of 000 written as the string \"Li Qian\"",
       "source:000-sinoswiss-technopark-opening",
       (A0, "stc:photoCredit person:li-qian .", "stc:photoCredit \"Li Qian\" .")),
    _e("source-publishers-authors", "Yuling Chen (author of 000) added as a second author of 003",
       "source:003-western-science-city-press-conference",
       (A3, "dct:creator person:mikkel-larsen ;", "dct:creator person:mikkel-larsen , person:yuling-chen ;")),

    # ---- labels and names ---------------------------------------------------------------------------
    _e("labels-names", "NUS institute's short name made a second English preferred label",
       "park:nus-chongqing-research-institute",
       (A4, "skos:altLabel \"NUS (Chongqing) Research Institute\"@en ;", "skos:prefLabel \"NUS (Chongqing) Research Institute\"@en ;")),
    _e("labels-names", "Wang Jiakong's label emptied",
       "person:wang-jiakong",
       (A4, "person:wang-jiakong a stc:Person ; skos:prefLabel \"Wang Jiakong\"@en .",
        "person:wang-jiakong a stc:Person ; skos:prefLabel \"\"@en .")),
    _e("labels-names", "Frank Eggman's label with a trailing space",
       "person:frank-eggman",
       (A0, "person:frank-eggman a stc:Person ; skos:prefLabel \"Frank Eggman\"@en .",
        "person:frank-eggman a stc:Person ; skos:prefLabel \"Frank Eggman \"@en .")),
    _e("labels-names", "Liangjiang New Area given its preferred label again as an alternative label",
       "park:liangjiang-new-area",
       (A0, "skos:altLabel \"Chongqing Liangjiang New Area\"@en ;\n        stc:locatedIn place:chongqing ;\n        foaf:homepage",
        "skos:altLabel \"Liangjiang New Area\"@en ;\n        stc:locatedIn place:chongqing ;\n        foaf:homepage")),
    _e("labels-names", "A hidden misspelling of An Lei with no discrepancy recording it",
       "person:an-lei",
       (A1, "person:an-lei a stc:Person ; skos:prefLabel \"An Lei\"@en .",
        "person:an-lei a stc:Person ; skos:prefLabel \"An Lei\"@en ; skos:hiddenLabel \"An Ley\"@en .")),
    _e("labels-names", "Beibei given 'Shapingba' as its alternative label (copy-paste from the next line)",
       "place:beibei",
       (A3, "place:beibei a stc:District ; skos:prefLabel \"Beibei District\"@en ; skos:altLabel \"Beibei\"@en .",
        "place:beibei a stc:District ; skos:prefLabel \"Beibei District\"@en ; skos:altLabel \"Shapingba\"@en .")),
    _e("labels-names", "Frank Eggman's post labelled 'ambassador' while its role is consul general",
       "post:frank-eggman-swiss-consulate-chengdu-consul-general",
       (A0, "skos:prefLabel \"Frank Eggman: consul general, Swiss Consulate in Chengdu\"@en ;",
        "skos:prefLabel \"Frank Eggman: ambassador, Swiss Consulate in Chengdu\"@en ;")),
    _e("labels-names", "COTESA labelled 'SID' (copy-paste from the line above)",
       "organisation:cotesa",
       (A1, "organisation:cotesa a stc:Company ; skos:prefLabel \"COTESA\"@en ;", "organisation:cotesa a stc:Company ; skos:prefLabel \"SID\"@en ;")),

    # ---- IRIs, slugs and typos in IRIs ---------------------------------------------------------------
    _e("iri-typos", "Class misspelt stc:DataCenter (the ontology says DataCentre)",
       "park:gds-chongqing-data-center",
       (A2, "park:gds-chongqing-data-center a stc:DataCentre , stc:CooperationProject ;",
        "park:gds-chongqing-data-center a stc:DataCenter , stc:CooperationProject ;")),
    _e("iri-typos", "Property misspelt stc:locatedin (lower-case i)",
       "park:cci-multimodal-connectivity-center",
       (A2, "stc:locatedIn park:liangjiang-new-area , place:guoyuan-port ;", "stc:locatedin park:liangjiang-new-area , place:guoyuan-port ;")),
    _e("iri-typos", "Observation slug in capitals",
       "observation:Science-City-Districts",
       (A3, "observation:science-city-districts a stc:Observation ;", "observation:Science-City-Districts a stc:Observation ;")),
    _e("iri-typos", "SID's park misspelt (inovation)",
       "organisation:sid",
       (A1, "organisation:sid a stc:Company ; skos:prefLabel \"SID\"@en ;\n        stc:tenantOf park:sino-swiss-changzhou-innovation-park .",
        "organisation:sid a stc:Company ; skos:prefLabel \"SID\"@en ;\n        stc:tenantOf park:sino-swiss-changzhou-inovation-park .")),
    _e("iri-typos", "Measure misspelt measure:cooperation-projects-count",
       "observation:liangjiang-cci-projects-44",
       (A2, "stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-count ;",
        "stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-projects-count ;")),
    _e("iri-typos", "Role misspelt role:vice-directer",
       "post:qin-shubin-liangjiang-administrative-committee-vice-director",
       (A2, "org:member person:qin-shubin ; org:role role:vice-director ;", "org:member person:qin-shubin ; org:role role:vice-directer ;")),
    _e("iri-typos", "Unit written unit:m2 (QUDT says unit:M2)",
       "observation:sstp-total-building-area",
       (A0, "qudt:numericValue 550000.0 ; qudt:unit unit:M2 ;", "qudt:numericValue 550000.0 ; qudt:unit unit:m2 ;")),
    _e("iri-typos", "An Lei written as a full IRI with http instead of https",
       "post:an-lei-torch-center-international-department-director",
       (A1, "org:member person:an-lei ; org:role role:director ;",
        "org:member <http://w3id.org/stcoop/id/person/an-lei> ; org:role role:director ;")),
    _e("iri-typos", "Bonded zone slug written with underscores in 003",
       "park:xiyong_comprehensive_bonded_zone",
       (A3, "park:xiyong-comprehensive-bonded-zone a stc:BondedZone ;", "park:xiyong_comprehensive_bonded_zone a stc:BondedZone ;")),
    _e("iri-typos", "Focus sector misspelt sector:rail-transits",
       "park:sinoswiss-technopark",
       (A0, "stc:focusSector sector:aerospace , sector:rail-transit , sector:software-development ,",
        "stc:focusSector sector:aerospace , sector:rail-transits , sector:software-development ,")),
    _e("iri-typos", "Class written stc:person (lower case)",
       "person:guo-shuyu",
       (A4, "person:guo-shuyu a stc:Person ;", "person:guo-shuyu a stc:person ;")),

    # ---- datatypes and literals ---------------------------------------------------------------------
    _e("datatypes-literals", "Phase number written as the string \"1\"",
       "project:sstp-phase-1",
       (A0, "stc:phaseNumber 1 ;", "stc:phaseNumber \"1\" ;")),
    _e("datatypes-literals", "CCI ordinal written as \"3rd\"",
       "agreement:cci",
       (A2, "stc:ordinal 3 ;", "stc:ordinal \"3rd\" ;")),
    _e("datatypes-literals", "isPlanned written as the string \"yes\"",
       "observation:science-city-rail-travel-time",
       (A3, "from north to south\"@en ; stc:isPlanned true ;", "from north to south\"@en ; stc:isPlanned \"yes\" ;")),
    _e("datatypes-literals", "RCEP start date typed xsd:string",
       "agreement:rcep",
       (C, "stc:startDate \"2022-01-01\"^^xsd:date .", "stc:startDate \"2022-01-01\"^^xsd:string .")),
    _e("datatypes-literals", "singleHolder of the director role written as \"yes\"",
       "role:director",
       (C, "role:director a org:Role ; skos:prefLabel \"director\"@en ; skos:inScheme role:scheme ; stc:singleHolder true ;",
        "role:director a org:Role ; skos:prefLabel \"director\"@en ; skos:inScheme role:scheme ; stc:singleHolder \"yes\" ;")),
    _e("datatypes-literals", "Liangjiang's homepage written as a string instead of an IRI",
       "park:liangjiang-new-area",
       (A0, "foaf:homepage <http://english.liangjiang.gov.cn/> .", "foaf:homepage \"http://english.liangjiang.gov.cn/\" .")),
    _e("datatypes-literals", "Publication date of 000 given as midnight xsd:dateTime (the source gives a day)",
       "source:000-sinoswiss-technopark-opening",
       (A0, "stc:publicationDate \"2018-12-15\"^^xsd:date ;", "stc:publicationDate \"2018-12-15T00:00:00\"^^xsd:dateTime ;")),
    _e("datatypes-literals", "As-of year written as the bare integer 2022",
       "observation:liangjiang-cci-projects-44",
       (A2, "they were signed under the CCI\"@en ;\n        stc:asOf \"2022\"^^xsd:gYear ;",
        "they were signed under the CCI\"@en ;\n        stc:asOf 2022 ;")),

    # ---- blank nodes -------------------------------------------------------------------------------
    _e("blank-nodes", "The districts figure written as a blank node",
       "park:western-chongqing-science-city",
       (A3, "    observation:science-city-districts a stc:Observation ;", "    [] a stc:Observation ;")),
    _e("blank-nodes", "An Lei's post written as a blank node",
       "person:an-lei",
       (A1, "    post:an-lei-torch-center-international-department-director a stc:PostHolding ;", "    [] a stc:PostHolding ;")),
    _e("blank-nodes", "Venue of the multimodal centre's opening written as an anonymous port",
       "event:cci-multimodal-connectivity-center-opening",
       (A2, "stc:venue place:guoyuan-port ;", "stc:venue [ a stc:Port ; skos:prefLabel \"Guoyuan Port\"@en ] ;")),
    _e("blank-nodes", "A focus sector of the Changzhou park written as an anonymous sector",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, "sector:biomedicine , sector:medical-devices ;", "sector:biomedicine , [ a stc:Sector ; skos:prefLabel \"medical devices\"@en ] ;")),

    # ---- prefixes ---------------------------------------------------------------------------------
    _e("prefixes", "stc: declared with a slash instead of a hash in 001",
       "source:001-china-switzerland-launch-conference",
       (A1, "@prefix stc:          <https://w3id.org/stcoop/ontology#> .", "@prefix stc:          <https://w3id.org/stcoop/ontology/> .")),
    _e("prefixes", "person: declared as .../id/people/ in 004",
       "https://w3id.org/stcoop/id/people/wang-jiakong",
       (A4, "@prefix person:       <https://w3id.org/stcoop/id/person/> .", "@prefix person:       <https://w3id.org/stcoop/id/people/> .")),
    _e("prefixes", "unit: declared as .../vocab/units/ in 003",
       "observation:science-city-districts",
       (A3, "@prefix unit:         <http://qudt.org/vocab/unit/> .", "@prefix unit:         <http://qudt.org/vocab/units/> .")),
    _e("prefixes", "xsd: declared with a slash instead of a hash in 002",
       "agreement:cci",
       (A2, "@prefix xsd:          <http://www.w3.org/2001/XMLSchema#> .", "@prefix xsd:          <http://www.w3.org/2001/XMLSchema/> .")),
    _e("prefixes", "foaf: declaration deleted from 000, which uses foaf:homepage",
       "park:liangjiang-new-area",
       (A0, "@prefix foaf:         <http://xmlns.com/foaf/0.1/> .\n", "")),
    _e("prefixes", "wd: declared as the Wikidata web-page namespace (/wiki/)",
       "place:chongqing",
       (W, "@prefix wd:           <http://www.wikidata.org/entity/> .", "@prefix wd:           <http://www.wikidata.org/wiki/> .")),
    _e("prefixes", "sector: declared as .../id/sectors/ in 002",
       "https://w3id.org/stcoop/id/sectors/aviation",
       (A2, "@prefix sector:       <https://w3id.org/stcoop/id/sector/> .", "@prefix sector:       <https://w3id.org/stcoop/id/sectors/> .")),

    # ---- copy-paste mistakes -------------------------------------------------------------------------
    _e("copy-paste", "Tang Zongwei's vice-director post pasted from Duan Chenggang's and left with Duan as member",
       "post:tang-zongwei-liangjiang-administrative-committee-vice-director",
       (A0, "org:member person:tang-zongwei ; org:role role:vice-director ;", "org:member person:duan-chenggang ; org:role role:vice-director ;")),
    _e("copy-paste", "Industrial-park count pasted from the platform count and left with the platform measure",
       "observation:science-city-industrial-parks",
       (A3, "stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:industrial-park-count ;",
        "stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:platform-count ;")),
    _e("copy-paste", "Partner-SME count pasted from the enterprise count and left at 30 (the article says 200)",
       "observation:sstp-partner-smes",
       (A0, "qudt:numericValue 200.0 ;", "qudt:numericValue 30.0 ;")),
    _e("copy-paste", "Sector list of 000 pasted into 004: aerospace typed in 004's graph, which never mentions it",
       "sector:aerospace",
       (A4, "    sector:advanced-manufacturing a stc:Sector ; skos:prefLabel \"advanced manufacturing\"@en .\n",
        "    sector:aerospace a stc:Sector ; skos:prefLabel \"aerospace\"@en .\n    sector:advanced-manufacturing a stc:Sector ; skos:prefLabel \"advanced manufacturing\"@en .\n")),
    _e("copy-paste", "Guo Shuyu's post given 000's publication date with basis 'estimated publication date'",
       "post:guo-shuyu-liangjiang-media-center-author",
       (A4, "org:organization organisation:liangjiang-media-center ;\n        stc:asOf \"2023\"^^xsd:gYear ;",
        "org:organization organisation:liangjiang-media-center ;\n        stc:asOf \"2018-12-15\"^^xsd:date ;")),
    _e("copy-paste", "Model park's status date pasted from 000 (14 Dec 2018, event date)",
       "park:china-singapore-model-park",
       (A4, "stc:developmentStatus stc:Planned ;\n        stc:statusAsOf \"2023\"^^xsd:gYear ; stc:statusAsOfBasis stc:EstimatedPublicationDate ;",
        "stc:developmentStatus stc:Planned ;\n        stc:statusAsOf \"2018-12-14\"^^xsd:date ; stc:statusAsOfBasis stc:EventDate ;")),
    _e("copy-paste", "Platform figure labelled like the college figure above it",
       "observation:science-city-platforms",
       (A3, "skos:prefLabel \"Western (Chongqing) Science City: platforms in the area\"@en ;",
        "skos:prefLabel \"Western (Chongqing) Science City: colleges and universities in the area\"@en ;")),

    # ---- duplicated statements with a changed value ----------------------------------------------------
    _e("restated-changed-value", "003 restates Chongqing's label as 'Chongqing Municipality' (a second English preferred label)",
       "place:chongqing",
       (A3, "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en .",
        "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing Municipality\"@en .")),
    _e("restated-changed-value", "College count restated in the same figure as 29",
       "observation:science-city-colleges",
       (A3, "qudt:numericValue 28.0 ;", "qudt:numericValue 28.0 , 29.0 ;")),
    _e("restated-changed-value", "004 restates the media center's label in British spelling (Centre)",
       "organisation:liangjiang-media-center",
       (A4, "organisation:liangjiang-media-center a stc:MediaOrganisation ;\n        skos:prefLabel \"Liangjiang New Area Media Center\"@en .",
        "organisation:liangjiang-media-center a stc:MediaOrganisation ;\n        skos:prefLabel \"Liangjiang New Area Media Centre\"@en .")),
    _e("restated-changed-value", "Curation restates the national high-tech zone at provincial level (003 says national)",
       "park:national-high-tech-zone",
       (C, "park:national-high-tech-zone a stc:HighTechZone ;\n        stc:locatedIn place:chongqing .",
        "park:national-high-tech-zone a stc:HighTechZone ;\n        stc:locatedIn place:chongqing ;\n        stc:administrativeLevel stc:ProvincialLevel .")),
    _e("restated-changed-value", "Opening of the multimodal centre restated with a second day (17 July)",
       "event:cci-multimodal-connectivity-center-opening",
       (A2, "stc:date \"--06-17\"^^xsd:gMonthDay ;", "stc:date \"--06-17\"^^xsd:gMonthDay , \"--07-17\"^^xsd:gMonthDay ;")),
    _e("restated-changed-value", "004 restates the CCI as the fourth intergovernmental project (002 says third)",
       "agreement:cci",
       (A4, "stc:startDate \"2015\"^^xsd:gYear ;\n        stc:party place:china , place:singapore ;",
        "stc:startDate \"2015\"^^xsd:gYear ;\n        stc:ordinal 4 ;\n        stc:party place:china , place:singapore ;")),
    _e("restated-changed-value", "Changzhou park given a second administrative level (national)",
       "park:sino-swiss-changzhou-innovation-park",
       (A1, "stc:partnerCountry place:switzerland ;\n        stc:administrativeLevel stc:ProvincialLevel ;",
        "stc:partnerCountry place:switzerland ;\n        stc:administrativeLevel stc:ProvincialLevel , stc:NationalLevel ;")),

    # ---- facts moved to the wrong graph ------------------------------------------------------------------
    _e("wrong-graph", "Qin Shubin's party post moved from 002's graph to 004's, which does not mention him",
       "post:qin-shubin-liangjiang-party-work-committee-member",
       (A2, _QIN_MEMBER_POST, ""),
       (A4, _A4_FIGURES, _QIN_MEMBER_POST + "\n" + _A4_FIGURES)),
    _e("wrong-graph", "003's headline stated in 000's graph",
       "source:003-western-science-city-press-conference",
       (A3, "        dct:title \"Western (Chongqing) Science City Conference held during SCE OL\"@en ;\n", ""),
       (A0, "        stc:photoCredit person:li-qian .\n",
        "        stc:photoCredit person:li-qian .\n    source:003-western-science-city-press-conference dct:title \"Western (Chongqing) Science City Conference held during SCE OL\"@en .\n")),
    _e("wrong-graph", "002's CCI focus-area figure moved into the curation graph",
       "observation:cci-focus-areas",
       (A2, _CCI_FOCUS_AREAS, ""),
       (C, _C_SERVICES, _CCI_FOCUS_AREAS + "\n" + _C_SERVICES)),
    _e("wrong-graph", "A discrepancy record moved from the curation graph into 004's graph",
       "discrepancy:nus-phd-students-his",
       (C, _NUS_PHD_DISCREPANCY, ""),
       (A4, _A4_SECTORS, _NUS_PHD_DISCREPANCY + "\n" + _A4_SECTORS)),
    _e("wrong-graph", "Jialing River's Wikidata link moved from the verified-list graph into the curation graph",
       "place:jialing-river",
       (W, "    place:jialing-river stc:wikidata wd:Q1045185 .\n", ""),
       (C, "place:jialing-river a stc:River ; skos:prefLabel \"Jialing River\"@en .",
        "place:jialing-river a stc:River ; skos:prefLabel \"Jialing River\"@en .\n    place:jialing-river stc:wikidata wd:Q1045185 .")),
    _e("wrong-graph", "Changzhou park's founding moved from 001's graph into 000's (which is about Chongqing)",
       "event:sino-swiss-changzhou-innovation-park-founding",
       (A1, _CHANGZHOU_FOUNDING, ""),
       (A0, "    # ---- figures -------------------------------------------------------------------------\n",
        _CHANGZHOU_FOUNDING + "\n    # ---- figures -------------------------------------------------------------------------\n")),
]


# =============================================================================================
# Valid edits
# =============================================================================================

_PREFIXES = turtle_prologue(names=DATA_PREFIXES)


def _article(slug, comment, body):
    """A new article file written like the existing ones: prefixes, a comment, one named graph."""
    return (slug + ".trig", None,
            _PREFIXES + "\n" + comment + "\n\nsource:" + slug + " {\n\n" + body + "}\n")


# The catalogue entry of a new article goes into the source catalogue of data/curation.trig,
# after the last article's entry.
_AFTER_004 = ("        stc:dateEstimateReason \"Earliest plausible year: the latest figure the article "
              "reports is as of 2023.\"@en .\n")


def _catalogue(entry):
    return (C, _AFTER_004, _AFTER_004 + entry)


def _dated(slug, label, file, title_status="stc:TitleStated"):
    return _catalogue(
        "    source:" + slug + " a stc:NewsArticle ;\n"
        "        skos:prefLabel \"" + label + "\"@en ;\n"
        "        stc:fileName \"" + file + "\" ;\n"
        "        stc:dateStatus stc:DateStated ;\n"
        "        stc:titleStatus " + title_status + " .\n")


_ICHONGQING = "    organisation:ichongqing a stc:MediaOrganisation ; skos:prefLabel \"iChongqing\"@en .\n"
_PRNEWSWIRE = ("    organisation:pr-newswire a stc:MediaOrganisation ;\n"
               "        skos:prefLabel \"PR Newswire\"@en ;\n        skos:altLabel \"PRNewswire\"@en .\n")
_MEDIA_CENTER = ("    organisation:liangjiang-media-center a stc:MediaOrganisation ;\n"
                 "        skos:prefLabel \"Liangjiang New Area Media Center\"@en .\n")
_SSTP = ("    park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;\n"
         "        skos:prefLabel \"SinoSwiss Technopark\"@en ;\n"
         "        stc:locatedIn park:liangjiang-new-area .\n")
_LIANGJIANG = ("    park:liangjiang-new-area a stc:ParkOrZone ;\n"
               "        skos:prefLabel \"Liangjiang New Area\"@en ;\n"
               "        stc:locatedIn place:chongqing .\n"
               "    place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en .\n")
_CHANGZHOU_PARK = ("    park:sino-swiss-changzhou-innovation-park a stc:InnovationPark , stc:InternationalCooperationPark ;\n"
                   "        skos:prefLabel \"Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
                   "        stc:locatedIn place:changzhou .\n"
                   "    place:changzhou a stc:City ; skos:prefLabel \"Changzhou\"@en .\n")
_SCIENCE_CITY = ("    park:western-chongqing-science-city a stc:ScienceCity ;\n"
                 "        skos:prefLabel \"Western (Chongqing) Science City\"@en .\n")


def _src(slug, title, publisher, date, creator=None):
    text = ("    source:" + slug + " a stc:NewsArticle ;\n"
            "        dct:title \"" + title + "\"@en ;\n"
            "        dct:publisher " + publisher + " ;\n")
    if creator:
        text += "        dct:creator " + creator + " ;\n"
    return text + "        stc:publicationDate \"" + date + "\"^^xsd:date .\n\n"


_S5 = "005-sinoswiss-technopark-third-anniversary"
_S5_FILE = "005_9f1c2d3e4b5a6978.txt"

VALID = [
    # ---- labels in other languages and scripts (background facts, in the curation graph) -----------
    _v("German preferred label for the SinoSwiss Technopark",
       (C, "    park:block71-chongqing a stc:Incubator ;\n        stc:locatedIn place:chongqing .\n",
        "    park:block71-chongqing a stc:Incubator ;\n        stc:locatedIn place:chongqing .\n"
        "    park:sinoswiss-technopark skos:prefLabel \"Chinesisch-Schweizerischer Technologiepark\"@de .\n")),
    _v("French and German names of the Swiss federal department (its official names)",
       (C, "    organisation:euccc a stc:ChamberOfCommerce ;\n        skos:prefLabel \"European Union Chamber of Commerce in China\"@en .\n",
        "    organisation:euccc a stc:ChamberOfCommerce ;\n        skos:prefLabel \"European Union Chamber of Commerce in China\"@en .\n"
        "    organisation:swiss-eaer skos:prefLabel \"Département fédéral de l'économie, de la formation et de la recherche\"@fr ,\n"
        "        \"Eidgenössisches Departement für Wirtschaft, Bildung und Forschung\"@de .\n")),
    _v("Pinyin alternative label for Chongqing (zh-Latn-pinyin)",
       (C, "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ;",
        "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ; skos:altLabel \"Chóngqìng\"@zh-Latn-pinyin ;")),
    _v("Simplified Chinese preferred label for Chongqing (zh-Hans)",
       (C, "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ;",
        "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en , \"重庆\"@zh-Hans ;")),
    _v("Traditional Chinese preferred label for Liangjiang New Area (zh-Hant)",
       (C, "park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel \"Liangjiang New Area\"@en ;",
        "park:liangjiang-new-area a stc:StateLevelNewArea ;\n        skos:prefLabel \"Liangjiang New Area\"@en , \"兩江新區\"@zh-Hant ;")),
    _v("Japanese preferred label for Japan",
       (C, "place:japan a stc:Country ; skos:prefLabel \"Japan\"@en .", "place:japan a stc:Country ; skos:prefLabel \"Japan\"@en , \"日本\"@ja .")),
    _v("Russian preferred label for Russia (Cyrillic)",
       (C, "place:russia a stc:Country ; skos:prefLabel \"Russia\"@en .", "place:russia a stc:Country ; skos:prefLabel \"Russia\"@en , \"Россия\"@ru .")),
    _v("Korean preferred label for South Korea (Hangul)",
       (C, "place:south-korea a stc:Country ; skos:prefLabel \"South Korea\"@en .",
        "place:south-korea a stc:Country ; skos:prefLabel \"South Korea\"@en , \"대한민국\"@ko .")),
    _v("German and Italian labels for Zurich",
       (C, "place:zurich a stc:City ; skos:prefLabel \"Zurich\"@en ;",
        "place:zurich a stc:City ; skos:prefLabel \"Zurich\"@en , \"Zürich\"@de , \"Zurigo\"@it ;")),
    _v("Chinese label (plain zh) for Changzhou",
       (C, "place:changzhou a stc:City ; skos:prefLabel \"Changzhou\"@en ;",
        "place:changzhou a stc:City ; skos:prefLabel \"Changzhou\"@en , \"常州\"@zh ;")),
    _v("Simplified Chinese name of Tang Liangzhi",
       (C, "person:tang-liangzhi a stc:Person ;\n        skos:prefLabel \"Tang Liangzhi\"@en .",
        "person:tang-liangzhi a stc:Person ;\n        skos:prefLabel \"Tang Liangzhi\"@en , \"唐良智\"@zh-Hans .")),
    _v("English alternative label for Chongqing",
       (C, "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ;",
        "place:chongqing a stc:Municipality ; skos:prefLabel \"Chongqing\"@en ; skos:altLabel \"Chongqing Municipality\"@en ;")),
    _v("Hidden label for the run-together 'TheCCI' of 002, with the reading added to the discrepancy on the CCI's names",
       (A2, "skos:hiddenLabel \"CIC\"@en ;", "skos:hiddenLabel \"CIC\"@en , \"TheCCI\"@en ;"),
       (C, "\"CCI\"@en , \"CIC\"@en ;", "\"CCI\"@en , \"CIC\"@en , \"TheCCI\"@en ;")),
    _v("Definition added to a sector",
       (C, "sector:smart-sensors a stc:Sector ; skos:prefLabel \"smart sensors\"@en ;",
        "sector:smart-sensors a stc:Sector ; skos:prefLabel \"smart sensors\"@en ;\n"
        "        skos:definition \"Sensors that process what they measure before passing it on.\"@en ;")),

    # ---- vocabularies and background facts --------------------------------------------------------
    _v("New sector under an existing one (biopharmaceuticals under biomedicine)",
       (C, "    sector:medical-devices a stc:Sector ; skos:prefLabel \"medical devices\"@en ;\n",
        "    sector:biopharmaceuticals a stc:Sector ; skos:prefLabel \"biopharmaceuticals\"@en ;\n"
        "        skos:broader sector:biomedicine ; skos:inScheme sector:scheme .\n"
        "    sector:medical-devices a stc:Sector ; skos:prefLabel \"medical devices\"@en ;\n")),
    _v("New province between Chengdu and China (Sichuan)",
       (C, "place:chengdu a stc:City ; skos:prefLabel \"Chengdu\"@en ;\n        stc:locatedIn place:china .",
        "place:chengdu a stc:City ; skos:prefLabel \"Chengdu\"@en ;\n        stc:locatedIn place:sichuan .\n"
        "    place:sichuan a stc:Province ; skos:prefLabel \"Sichuan\"@en ;\n        stc:locatedIn place:china .")),
    _v("New role (vice mayor, a city office)",
       (C, "    role:author a org:Role ; skos:prefLabel \"author\"@en ; skos:inScheme role:scheme .\n",
        "    role:author a org:Role ; skos:prefLabel \"author\"@en ; skos:inScheme role:scheme .\n"
        "    role:vice-mayor a org:Role , stc:CityOffice ; skos:prefLabel \"vice mayor\"@en ; skos:inScheme role:scheme .\n")),
    _v("New measure (number of patents granted) in the measure scheme",
       (C, "    # ---- services ------------------------------------------------------------------\n",
        "    measure:patent-count a stc:Measure ; skos:prefLabel \"number of patents granted\"@en ; skos:inScheme measure:scheme ;\n"
        "        qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 1 ; stc:plausibleMaximum 1000000 .\n\n"
        "    # ---- services ------------------------------------------------------------------\n")),
    _v("New framework as a background fact (China-Switzerland free trade agreement, in force 1 July 2014)",
       (C, "    # ---- background facts: people -------------------------------------------\n",
        "    agreement:china-switzerland-fta a stc:TradeAgreement ;\n"
        "        skos:prefLabel \"China-Switzerland Free Trade Agreement\"@en ;\n"
        "        stc:party place:china , place:switzerland ;\n"
        "        stc:startDate \"2014-07-01\"^^xsd:date .\n\n"
        "    # ---- background facts: people -------------------------------------------\n")),
    _v("New verified Wikidata link with its record (Mongolia, Q711)",
       (W, "    place:jialing-river stc:wikidata wd:Q1045185 .\n",
        "    place:jialing-river stc:wikidata wd:Q1045185 .\n    place:mongolia stc:wikidata wd:Q711 .\n"),
       (W, "        foaf:focus place:jialing-river ; stc:verifiedKind stc:River .\n",
        "        foaf:focus place:jialing-river ; stc:verifiedKind stc:River .\n"
        "    wd:Q711 skos:prefLabel \"Mongolia\"@en ;\n        skos:note \"country\"@en ;\n"
        "        foaf:focus place:mongolia ; stc:verifiedKind stc:Country .\n")),
    _v("New discrepancy between two sources (short names of Liangjiang New Area in 000 and 002)",
       (C, "    discrepancy:ndrc-plan-name a stc:Discrepancy ;",
        "    discrepancy:liangjiang-short-names a stc:Discrepancy ;\n"
        "        skos:prefLabel \"Liangjiang New Area named in full and in short in sources 000 and 002\"@en ;\n"
        "        stc:involves park:liangjiang-new-area , source:000-sinoswiss-technopark-opening , source:002-china-singapore-cci-projects ;\n"
        "        stc:discrepancyKind stc:NameVariant ;\n"
        "        stc:variantReading \"Chongqing Liangjiang New Area\"@en , \"Liangjiang\"@en ;\n"
        "        stc:preferredReading \"Liangjiang New Area\"@en ;\n"
        "        stc:resolutionStatus stc:Resolved ;\n"
        "        stc:resolution \"One new area: 000 adds the municipality, 002 drops 'New Area'. Both forms are kept as alternative labels.\"@en .\n\n"
        "    discrepancy:ndrc-plan-name a stc:Discrepancy ;")),

    # ---- new article files ---------------------------------------------------------------------------
    _v("New article with a catalogue entry: a later SSTP enterprise count (same measure, later as-of date)",
       _article(_S5, "# Facts from " + _S5_FILE + " (iChongqing, 14 Dec 2021): the SinoSwiss Technopark three years on.",
                _src(_S5, "SinoSwiss Technopark marks three years of operation", "organisation:ichongqing", "2021-12-14")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "\n    observation:sstp-enterprises-2021 a stc:Observation ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark: enterprises operating in the park (2021)\"@en ;\n"
                "        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:enterprise-count ;\n"
                "        qudt:numericValue 80.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n"
                "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated(_S5, "iChongqing, 14 Dec 2021: SinoSwiss Technopark marks three years of operation", _S5_FILE)),
    _v("New article file alone, written like the existing ones (no catalogue entry yet)",
       _article(_S5, "# Facts from " + _S5_FILE + " (iChongqing, 14 Dec 2021): the SinoSwiss Technopark three years on.",
                _src(_S5, "SinoSwiss Technopark marks three years of operation", "organisation:ichongqing", "2021-12-14")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "\n    observation:sstp-enterprises-2021 a stc:Observation ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark: enterprises operating in the park (2021)\"@en ;\n"
                "        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:enterprise-count ;\n"
                "        qudt:numericValue 80.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n"
                "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n")),
    _v("New article with an area in square kilometres (unit:KiloM2)",
       _article("005-western-science-city-planned-area",
                "# Facts from 005_0a1b2c3d4e5f6071.txt (iChongqing, 10 Mar 2021): the planned area of the Western (Chongqing) Science City.",
                _src("005-western-science-city-planned-area", "Western (Chongqing) Science City sets out its plan",
                     "organisation:ichongqing", "2021-03-10")
                + _ICHONGQING + _SCIENCE_CITY
                + "\n    observation:science-city-planned-area a stc:Observation ;\n"
                "        skos:prefLabel \"Western (Chongqing) Science City: planned area\"@en ;\n"
                "        stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:planned-area ;\n"
                "        qudt:numericValue 1198.0 ; qudt:unit unit:KiloM2 ; stc:comparator stc:Approximately ;\n"
                "        stc:asOf \"2021-03-10\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated("005-western-science-city-planned-area", "iChongqing, 10 Mar 2021: Western (Chongqing) Science City sets out its plan",
              "005_0a1b2c3d4e5f6071.txt")),
    _v("New article with an area in hectares (unit:HA), the same area as 001 gives in m2, later",
       _article("005-changzhou-park-area",
                "# Facts from 005_1b2c3d4e5f607182.txt (PR Newswire, 10 May 2022): the Sino-Swiss (Changzhou) Innovation Park's land.",
                _src("005-changzhou-park-area", "Sino-Swiss (Changzhou) Innovation Park welcomes new tenants",
                     "organisation:pr-newswire", "2022-05-10")
                + _PRNEWSWIRE + _CHANGZHOU_PARK
                + "\n    observation:sino-swiss-changzhou-allocated-area-2022 a stc:Observation ;\n"
                "        skos:prefLabel \"Sino-Swiss (Changzhou) Innovation Park: area allocated to the park (2022)\"@en ;\n"
                "        stc:observedEntity park:sino-swiss-changzhou-innovation-park ; stc:measure measure:allocated-area ;\n"
                "        qudt:numericValue 67.0 ; qudt:unit unit:HA ; stc:comparator stc:Approximately ;\n"
                "        stc:asOf \"2022-05-10\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated("005-changzhou-park-area", "PR Newswire, 10 May 2022: Sino-Swiss (Changzhou) Innovation Park welcomes new tenants",
              "005_1b2c3d4e5f607182.txt")),
    _v("New article with an investment in euros (unit:CCY_EUR)",
       _article("005-changzhou-park-investment",
                "# Facts from 005_2c3d4e5f60718293.txt (PR Newswire, 20 Jun 2022): European investment in the Changzhou park.",
                _src("005-changzhou-park-investment", "European companies expand in the Sino-Swiss (Changzhou) Innovation Park",
                     "organisation:pr-newswire", "2022-06-20")
                + _PRNEWSWIRE + _CHANGZHOU_PARK
                + "\n    observation:sino-swiss-changzhou-european-investment a stc:Observation ;\n"
                "        skos:prefLabel \"Sino-Swiss (Changzhou) Innovation Park: investment by European companies\"@en ;\n"
                "        stc:observedEntity park:sino-swiss-changzhou-innovation-park ; stc:measure measure:investment ;\n"
                "        qudt:numericValue 50000000.0 ; qudt:unit unit:CCY_EUR ; stc:comparator stc:MoreThan ;\n"
                "        stc:qualifier \"investment by European companies in the park\"@en ;\n"
                "        stc:asOf \"2022-06-20\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated("005-changzhou-park-investment", "PR Newswire, 20 Jun 2022: European companies expand in the Sino-Swiss (Changzhou) Innovation Park",
              "005_2c3d4e5f60718293.txt")),
    _v("New article with an investment in Swiss francs (unit:CCY_CHF)",
       _article("005-changzhou-park-swiss-investment",
                "# Facts from 005_3d4e5f6071829304.txt (PR Newswire, 20 Jun 2022): Swiss investment in the Changzhou park.",
                _src("005-changzhou-park-swiss-investment", "Swiss companies invest in the Sino-Swiss (Changzhou) Innovation Park",
                     "organisation:pr-newswire", "2022-06-20")
                + _PRNEWSWIRE + _CHANGZHOU_PARK
                + "\n    observation:sino-swiss-changzhou-swiss-investment a stc:Observation ;\n"
                "        skos:prefLabel \"Sino-Swiss (Changzhou) Innovation Park: investment by Swiss companies\"@en ;\n"
                "        stc:observedEntity park:sino-swiss-changzhou-innovation-park ; stc:measure measure:investment ;\n"
                "        qudt:numericValue 150000000.0 ; qudt:unit unit:CCY_CHF ; stc:comparator stc:Approximately ;\n"
                "        stc:qualifier \"investment by Swiss companies in the park\"@en ;\n"
                "        stc:asOf \"2022-06-20\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated("005-changzhou-park-swiss-investment", "PR Newswire, 20 Jun 2022: Swiss companies invest in the Sino-Swiss (Changzhou) Innovation Park",
              "005_3d4e5f6071829304.txt")),
    _v("New article with an investment in euros written with the currency vocabulary the existing files use (cur:EUR)",
       _article("005-changzhou-park-investment",
                "# Facts from 005_2c3d4e5f60718293.txt (PR Newswire, 20 Jun 2022): European investment in the Changzhou park.",
                _src("005-changzhou-park-investment", "European companies expand in the Sino-Swiss (Changzhou) Innovation Park",
                     "organisation:pr-newswire", "2022-06-20")
                + _PRNEWSWIRE + _CHANGZHOU_PARK
                + "\n    observation:sino-swiss-changzhou-european-investment a stc:Observation ;\n"
                "        skos:prefLabel \"Sino-Swiss (Changzhou) Innovation Park: investment by European companies\"@en ;\n"
                "        stc:observedEntity park:sino-swiss-changzhou-innovation-park ; stc:measure measure:investment ;\n"
                "        qudt:numericValue 50000000.0 ; qudt:unit cur:EUR ; stc:comparator stc:MoreThan ;\n"
                "        stc:qualifier \"investment by European companies in the park\"@en ;\n"
                "        stc:asOf \"2022-06-20\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated("005-changzhou-park-investment", "PR Newswire, 20 Jun 2022: European companies expand in the Sino-Swiss (Changzhou) Innovation Park",
              "005_2c3d4e5f60718293.txt")),
    _v("New article with a second construction phase and its planned duration in months (unit:MO_MeanGREGORIAN)",
       _article(_S5, "# Facts from " + _S5_FILE + " (iChongqing, 14 Dec 2021): the SinoSwiss Technopark's second phase.",
                _src(_S5, "SinoSwiss Technopark starts its second phase", "organisation:ichongqing", "2021-12-14")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "\n    project:sstp-phase-2 a stc:ConstructionPhase ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark, second phase\"@en ;\n"
                "        stc:phaseOf park:sinoswiss-technopark ;\n"
                "        stc:phaseNumber 2 ;\n"
                "        stc:developmentStatus stc:UnderConstruction ;\n"
                "        stc:statusAsOf \"2021-12-14\"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate .\n"
                "    observation:sstp-phase-2-construction-duration a stc:Observation ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark second phase: planned construction time\"@en ;\n"
                "        stc:observedEntity project:sstp-phase-2 ; stc:measure measure:construction-duration ;\n"
                "        qudt:numericValue 18.0 ; qudt:unit unit:MO_MeanGREGORIAN ; stc:comparator stc:Exactly ;\n"
                "        stc:qualifier \"planning target\"@en ; stc:isPlanned true ;\n"
                "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated(_S5, "iChongqing, 14 Dec 2021: SinoSwiss Technopark starts its second phase", _S5_FILE)),
    _v("New article with a construction duration in days (unit:DAY)",
       _article(_S5, "# Facts from " + _S5_FILE + " (iChongqing, 14 Dec 2021): the SinoSwiss Technopark's second phase.",
                _src(_S5, "SinoSwiss Technopark starts its second phase", "organisation:ichongqing", "2021-12-14")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "\n    project:sstp-phase-2 a stc:ConstructionPhase ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark, second phase\"@en ;\n"
                "        stc:phaseOf park:sinoswiss-technopark ;\n"
                "        stc:phaseNumber 2 .\n"
                "    observation:sstp-phase-2-construction-duration a stc:Observation ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark second phase: planned construction time\"@en ;\n"
                "        stc:observedEntity project:sstp-phase-2 ; stc:measure measure:construction-duration ;\n"
                "        qudt:numericValue 540.0 ; qudt:unit unit:DAY ; stc:comparator stc:Exactly ;\n"
                "        stc:qualifier \"planning target\"@en ; stc:isPlanned true ;\n"
                "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated(_S5, "iChongqing, 14 Dec 2021: SinoSwiss Technopark starts its second phase", _S5_FILE)),
    _v("New article with a new park (a Sino-German industrial park in Liangjiang New Area)",
       _article("005-sino-german-park-opening",
                "# Facts from 005_4e5f60718293a4b5.txt (iChongqing, 8 Apr 2022): a Sino-German industrial park opens in Liangjiang New Area.",
                _src("005-sino-german-park-opening", "Sino-German industrial park opens in Liangjiang New Area",
                     "organisation:ichongqing", "2022-04-08")
                + _ICHONGQING + _LIANGJIANG
                + "    place:germany a stc:Country ; skos:prefLabel \"Germany\"@en .\n"
                "    sector:intelligent-equipment a stc:Sector ; skos:prefLabel \"intelligent equipment\"@en .\n\n"
                "    park:sino-german-liangjiang-industrial-park a stc:IndustrialPark , stc:InternationalCooperationPark ;\n"
                "        skos:prefLabel \"Sino-German Industrial Park (Liangjiang)\"@en ;\n"
                "        stc:locatedIn park:liangjiang-new-area ;\n"
                "        stc:partnerCountry place:germany ;\n"
                "        stc:focusSector sector:intelligent-equipment ;\n"
                "        stc:developmentStatus stc:Operating ;\n"
                "        stc:statusAsOf \"2022-04-08\"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate .\n"),
       _dated("005-sino-german-park-opening", "iChongqing, 8 Apr 2022: Sino-German industrial park opens in Liangjiang New Area",
              "005_4e5f60718293a4b5.txt")),
    _v("New article with a new organisation (a Swiss company) as tenant of the Changzhou park",
       _article("005-changzhou-park-new-tenant",
                "# Facts from 005_5f60718293a4b5c6.txt (PR Newswire, 15 Sep 2022): a new tenant of the Changzhou park.",
                _src("005-changzhou-park-new-tenant", "Swiss machine maker opens plant in Sino-Swiss (Changzhou) Innovation Park",
                     "organisation:pr-newswire", "2022-09-15")
                + _PRNEWSWIRE + _CHANGZHOU_PARK
                + "    place:switzerland a stc:Country ; skos:prefLabel \"Switzerland\"@en .\n\n"
                "    organisation:buhler a stc:Company ; skos:prefLabel \"Bühler\"@en ;\n"
                "        stc:headquartersCountry place:switzerland ;\n"
                "        stc:tenantOf park:sino-swiss-changzhou-innovation-park .\n"),
       _dated("005-changzhou-park-new-tenant", "PR Newswire, 15 Sep 2022: Swiss machine maker opens plant in Sino-Swiss (Changzhou) Innovation Park",
              "005_5f60718293a4b5c6.txt")),
    _v("New article with a new person and post (a vice director of the Liangjiang administrative committee)",
       _article("005-liangjiang-investment-forum",
                "# Facts from 005_60718293a4b5c6d7.txt (Liangjiang New Area Media Center, 12 Oct 2022): an investment forum.",
                _src("005-liangjiang-investment-forum", "Liangjiang New Area holds an international investment forum",
                     "organisation:liangjiang-media-center", "2022-10-12")
                + _MEDIA_CENTER + _LIANGJIANG
                + "    organisation:liangjiang-administrative-committee a stc:AdministrativeCommittee ;\n"
                "        skos:prefLabel \"Liangjiang New Area Administrative Committee\"@en .\n\n"
                "    person:zhou-min a stc:Person ; skos:prefLabel \"Zhou Min\"@en .\n"
                "    post:zhou-min-liangjiang-administrative-committee-vice-director a stc:PostHolding ;\n"
                "        skos:prefLabel \"Zhou Min: vice director, Liangjiang New Area Administrative Committee\"@en ;\n"
                "        org:member person:zhou-min ; org:role role:vice-director ;\n"
                "        org:organization organisation:liangjiang-administrative-committee ;\n"
                "        stc:asOf \"2022-10-12\"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .\n"),
       _dated("005-liangjiang-investment-forum", "Liangjiang New Area Media Center, 12 Oct 2022: Liangjiang New Area holds an international investment forum",
              "005_60718293a4b5c6d7.txt")),
    _v("New role (vice mayor) and a post in it from a new article",
       (C, "    role:author a org:Role ; skos:prefLabel \"author\"@en ; skos:inScheme role:scheme .\n",
        "    role:author a org:Role ; skos:prefLabel \"author\"@en ; skos:inScheme role:scheme .\n"
        "    role:vice-mayor a org:Role , stc:CityOffice ; skos:prefLabel \"vice mayor\"@en ; skos:inScheme role:scheme .\n"),
       _article("005-chongqing-vice-mayor-visit",
                "# Facts from 005_718293a4b5c6d7e8.txt (iChongqing, 3 Nov 2022): a vice mayor visits the SinoSwiss Technopark.",
                _src("005-chongqing-vice-mayor-visit", "Vice mayor visits SinoSwiss Technopark", "organisation:ichongqing", "2022-11-03")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "\n    person:li-hua a stc:Person ; skos:prefLabel \"Li Hua\"@en .\n"
                "    post:li-hua-chongqing-vice-mayor a stc:PostHolding ;\n"
                "        skos:prefLabel \"Li Hua: vice mayor, Chongqing\"@en ;\n"
                "        org:member person:li-hua ; org:role role:vice-mayor ;\n"
                "        stc:jurisdiction place:chongqing ;\n"
                "        stc:asOf \"2022-11-03\"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .\n"),
       _dated("005-chongqing-vice-mayor-visit", "iChongqing, 3 Nov 2022: Vice mayor visits SinoSwiss Technopark", "005_718293a4b5c6d7e8.txt")),
    _v("New article with a new event (a signing ceremony with venue, participants and date)",
       _article("005-sstp-signing-ceremony",
                "# Facts from 005_8293a4b5c6d7e8f9.txt (iChongqing, 22 Mar 2023): a signing ceremony at the SinoSwiss Technopark.",
                _src("005-sstp-signing-ceremony", "SinoSwiss Technopark signs up Swiss start-ups", "organisation:ichongqing", "2023-03-22")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "    organisation:swiss-consulate-chengdu a stc:Consulate ;\n"
                "        skos:prefLabel \"Swiss Consulate in Chengdu\"@en .\n"
                "    place:switzerland a stc:Country ; skos:prefLabel \"Switzerland\"@en .\n"
                "    place:china a stc:Country ; skos:prefLabel \"China\"@en .\n\n"
                "    event:sstp-signing-ceremony-2023 a stc:Ceremony ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark signing ceremony with Swiss start-ups\"@en ;\n"
                "        stc:date \"2023-03-21\"^^xsd:date ;\n"
                "        stc:venue park:sinoswiss-technopark ;\n"
                "        stc:concerns park:sinoswiss-technopark ;\n"
                "        stc:participant organisation:swiss-consulate-chengdu ;\n"
                "        stc:participantOrigin place:china , place:switzerland .\n"),
       _dated("005-sstp-signing-ceremony", "iChongqing, 22 Mar 2023: SinoSwiss Technopark signs up Swiss start-ups", "005_8293a4b5c6d7e8f9.txt")),
    _v("New article with a planned event dated after the article (planned opening of the model park in 2027)",
       _article("005-model-park-plan",
                "# Facts from 005_93a4b5c6d7e8f90a.txt (Liangjiang New Area Media Center, 15 May 2024): the model park's timetable.",
                _src("005-model-park-plan", "Liangjiang-Singapore model park sets its timetable",
                     "organisation:liangjiang-media-center", "2024-05-15")
                + _MEDIA_CENTER + _LIANGJIANG
                + "    park:china-singapore-model-park a stc:InnovationPark , stc:InternationalCooperationPark ;\n"
                "        skos:prefLabel \"Liangjiang–Singapore model park for international science, technology and innovation cooperation\"@en ;\n"
                "        stc:locatedIn park:liangjiang-new-area ;\n"
                "        stc:developmentStatus stc:Planned ;\n"
                "        stc:statusAsOf \"2024-05-15\"^^xsd:date ; stc:statusAsOfBasis stc:PublicationDate .\n\n"
                "    event:china-singapore-model-park-opening a stc:Opening ;\n"
                "        skos:prefLabel \"Planned opening of the Liangjiang–Singapore model park\"@en ;\n"
                "        stc:date \"2027\"^^xsd:gYear ;\n"
                "        stc:isPlanned true ;\n"
                "        stc:concerns park:china-singapore-model-park .\n"),
       _dated("005-model-park-plan", "Liangjiang New Area Media Center, 15 May 2024: Liangjiang-Singapore model park sets its timetable",
              "005_93a4b5c6d7e8f90a.txt")),
    _v("New measure (patents granted) and a figure of it in a new article",
       (C, "    # ---- services ------------------------------------------------------------------\n",
        "    measure:patent-count a stc:Measure ; skos:prefLabel \"number of patents granted\"@en ; skos:inScheme measure:scheme ;\n"
        "        qudt:hasQuantityKind quantitykind:Count ; stc:plausibleMinimum 1 ; stc:plausibleMaximum 1000000 .\n\n"
        "    # ---- services ------------------------------------------------------------------\n"),
       _article("005-science-city-patents",
                "# Facts from 005_a4b5c6d7e8f90a1b.txt (iChongqing, 9 Jan 2023): patents in the Western (Chongqing) Science City.",
                _src("005-science-city-patents", "Western (Chongqing) Science City reports its patent count",
                     "organisation:ichongqing", "2023-01-09")
                + _ICHONGQING + _SCIENCE_CITY
                + "\n    observation:science-city-patents-2022 a stc:Observation ;\n"
                "        skos:prefLabel \"Western (Chongqing) Science City: patents granted in 2022\"@en ;\n"
                "        stc:observedEntity park:western-chongqing-science-city ; stc:measure measure:patent-count ;\n"
                "        qudt:numericValue 12000.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n"
                "        stc:sinceDate \"2022-01-01\"^^xsd:date ;\n"
                "        stc:asOf \"2022-12-31\"^^xsd:date ; stc:asOfBasis stc:StatedInSource .\n"),
       _dated("005-science-city-patents", "iChongqing, 9 Jan 2023: Western (Chongqing) Science City reports its patent count",
              "005_a4b5c6d7e8f90a1b.txt")),
    _v("New article with two publishers (republished by iChongqing from the Liangjiang media center)",
       _article("005-liangjiang-singapore-exchange",
                "# Facts from 005_b5c6d7e8f90a1b2c.txt (Liangjiang New Area Media Center and iChongqing, 6 Jun 2023): a Singapore delegation.",
                "    source:005-liangjiang-singapore-exchange a stc:NewsArticle ;\n"
                "        dct:title \"Singapore delegation visits Liangjiang New Area\"@en ;\n"
                "        dct:publisher organisation:liangjiang-media-center , organisation:ichongqing ;\n"
                "        stc:publicationDate \"2023-06-06\"^^xsd:date .\n\n"
                + _MEDIA_CENTER + _ICHONGQING + _LIANGJIANG
                + "    place:singapore a stc:Country ; skos:prefLabel \"Singapore\"@en .\n"
                "    park:liangjiang-new-area stc:plansCooperationWith place:singapore .\n"),
       _dated("005-liangjiang-singapore-exchange", "Liangjiang New Area Media Center and iChongqing, 6 Jun 2023: Singapore delegation visits Liangjiang New Area",
              "005_b5c6d7e8f90a1b2c.txt")),
    _v("New undated article: estimated publication year with its reason, figure as of that year",
       _article("005-nus-institute-update",
                "# Facts from 005_c6d7e8f90a1b2c3d.txt (Liangjiang New Area Media Center; no date stated, estimated 2024 in source:curation):\n# the NUS (Chongqing) Research Institute's companies.",
                "    source:005-nus-institute-update a stc:NewsArticle ;\n"
                "        stc:contentProvider organisation:liangjiang-media-center .\n\n"
                + _MEDIA_CENTER + _LIANGJIANG
                + "    park:nus-chongqing-research-institute a stc:ResearchInstitute ;\n"
                "        skos:prefLabel \"National University of Singapore (Chongqing) Research Institute\"@en ;\n"
                "        stc:locatedIn park:liangjiang-new-area .\n\n"
                "    observation:nus-institute-introduced-companies-2024 a stc:Observation ;\n"
                "        skos:prefLabel \"NUS (Chongqing) Research Institute: technology companies introduced since 2020 (2024)\"@en ;\n"
                "        stc:observedEntity park:nus-chongqing-research-institute ; stc:measure measure:introduced-company-count ;\n"
                "        qudt:numericValue 15.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n"
                "        stc:sinceDate \"2020\"^^xsd:gYear ;\n"
                "        stc:asOf \"2024\"^^xsd:gYear ; stc:asOfBasis stc:EstimatedPublicationDate .\n"),
       _catalogue("    source:005-nus-institute-update a stc:NewsArticle ;\n"
                  "        skos:prefLabel \"Liangjiang New Area Media Center, undated: the NUS (Chongqing) Research Institute's companies\"@en ;\n"
                  "        stc:fileName \"005_c6d7e8f90a1b2c3d.txt\" ;\n"
                  "        dct:title \"The NUS (Chongqing) Research Institute's technology companies\"@en ;\n"
                  "        stc:titleStatus stc:TitleSupplied ;\n"
                  "        stc:dateStatus stc:DateNotStated ;\n"
                  "        stc:estimatedPublicationDate \"2024\"^^xsd:gYear ;\n"
                  "        stc:dateEstimateReason \"Earliest plausible year: the article reports a count as of 2024.\"@en .\n")),
    _v("New article with a later count of CCI projects (70 as of 2024) and a later share",
       _article("005-liangjiang-cci-projects-2024",
                "# Facts from 005_d7e8f90a1b2c3d4e.txt (Liangjiang New Area Media Center, 20 Mar 2025): CCI projects in Liangjiang.",
                _src("005-liangjiang-cci-projects-2024", "Liangjiang counts its China-Singapore projects",
                     "organisation:liangjiang-media-center", "2025-03-20")
                + _MEDIA_CENTER + _LIANGJIANG
                + "\n    observation:liangjiang-cci-projects-70 a stc:Observation ;\n"
                "        skos:prefLabel \"Liangjiang New Area: China-Singapore cooperation projects as of 2024 (70)\"@en ;\n"
                "        stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-count ;\n"
                "        qudt:numericValue 70.0 ; qudt:unit unit:NUM ; stc:comparator stc:Exactly ;\n"
                "        stc:sinceDate \"2015\"^^xsd:gYear ;\n"
                "        stc:asOf \"2024\"^^xsd:gYear ; stc:asOfBasis stc:StatedInSource .\n"
                "    observation:liangjiang-cci-projects-70-share a stc:Observation ;\n"
                "        skos:prefLabel \"Liangjiang New Area: share of Chongqing's China-Singapore cooperation projects (2024)\"@en ;\n"
                "        stc:observedEntity park:liangjiang-new-area ; stc:measure measure:cooperation-project-share ;\n"
                "        qudt:numericValue 22.0 ; qudt:unit unit:PERCENT ; stc:comparator stc:Exactly ;\n"
                "        stc:shareOfEntity place:chongqing ; stc:shareOfMeasure measure:cooperation-project-count ;\n"
                "        stc:asOf \"2024\"^^xsd:gYear ; stc:asOfBasis stc:StatedInSource .\n"),
       _dated("005-liangjiang-cci-projects-2024", "Liangjiang New Area Media Center, 20 Mar 2025: Liangjiang counts its China-Singapore projects",
              "005_d7e8f90a1b2c3d4e.txt")),
    _v("New article with an event held during an existing event (a forum during the 2020 Smart China Expo Online)",
       _article("005-smart-china-expo-forum",
                "# Facts from 005_e8f90a1b2c3d4e5f.txt (iChongqing, 18 Sep 2020): a Sino-Swiss forum at the Smart China Expo Online.",
                _src("005-smart-china-expo-forum", "Sino-Swiss innovation forum held online during SCE 2020",
                     "organisation:ichongqing", "2020-09-18")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "    event:smart-china-expo-2020-online a stc:Expo ;\n"
                "        skos:prefLabel \"2020 Smart China Expo Online\"@en .\n\n"
                "    event:sino-swiss-innovation-forum-2020 a stc:Conference ;\n"
                "        skos:prefLabel \"Sino-Swiss innovation forum at the 2020 Smart China Expo Online\"@en ;\n"
                "        stc:date \"2020-09-15\"^^xsd:date ;\n"
                "        stc:subEventOf event:smart-china-expo-2020-online ;\n"
                "        stc:concerns park:sinoswiss-technopark .\n"),
       _dated("005-smart-china-expo-forum", "iChongqing, 18 Sep 2020: Sino-Swiss innovation forum held online during SCE 2020",
              "005_e8f90a1b2c3d4e5f.txt")),
    _v("New article that uses a new alternative name of an existing park (in its own graph)",
       _article(_S5, "# Facts from " + _S5_FILE + " (iChongqing, 14 Dec 2021): the SinoSwiss Technopark three years on.",
                _src(_S5, "Sino-Swiss Technopark marks three years of operation", "organisation:ichongqing", "2021-12-14")
                + _ICHONGQING + _LIANGJIANG
                + "    park:sinoswiss-technopark a stc:TechnologyPark , stc:InternationalCooperationPark ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark\"@en ;\n"
                "        skos:altLabel \"Sino-Swiss Technopark\"@en ;\n"
                "        stc:locatedIn park:liangjiang-new-area .\n"),
       _dated(_S5, "iChongqing, 14 Dec 2021: Sino-Swiss Technopark marks three years of operation", _S5_FILE)),
    _v("New article with one figure in two currencies linked as the same quantity (RMB 700 million, about USD 100 million)",
       _article("005-sstp-new-investment",
                "# Facts from 005_f90a1b2c3d4e5f60.txt (iChongqing, 5 Jul 2023): new investment in the SinoSwiss Technopark.",
                _src("005-sstp-new-investment", "SinoSwiss Technopark attracts new investment", "organisation:ichongqing", "2023-07-05")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "\n    observation:sstp-investment-2023-cny a stc:Observation ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark: investment signed in the first half of 2023 (RMB)\"@en ;\n"
                "        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:investment ;\n"
                "        qudt:numericValue 700000000.0 ; qudt:unit cur:CNY ; stc:comparator stc:Exactly ;\n"
                "        stc:sameQuantityAs observation:sstp-investment-2023-usd ;\n"
                "        stc:qualifier \"investment of the projects signed in the first half of 2023\"@en ;\n"
                "        stc:asOf \"2023-07-05\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"
                "    observation:sstp-investment-2023-usd a stc:Observation ;\n"
                "        skos:prefLabel \"SinoSwiss Technopark: investment signed in the first half of 2023 (USD)\"@en ;\n"
                "        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:investment ;\n"
                "        qudt:numericValue 100000000.0 ; qudt:unit cur:USD ; stc:comparator stc:Approximately ;\n"
                "        stc:qualifier \"investment of the projects signed in the first half of 2023\"@en ;\n"
                "        stc:asOf \"2023-07-05\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"),
       _dated("005-sstp-new-investment", "iChongqing, 5 Jul 2023: SinoSwiss Technopark attracts new investment", "005_f90a1b2c3d4e5f60.txt")),
    _v("New article with a new organisational unit of an existing body",
       _article("005-liangjiang-investment-bureau",
                "# Facts from 005_0a1b2c3d4e5f6172.txt (Liangjiang New Area Media Center, 2 Aug 2023): Liangjiang's investment promotion bureau.",
                _src("005-liangjiang-investment-bureau", "Liangjiang investment promotion bureau meets Singapore firms",
                     "organisation:liangjiang-media-center", "2023-08-02")
                + _MEDIA_CENTER
                + "    organisation:liangjiang-administrative-committee a stc:AdministrativeCommittee ;\n"
                "        skos:prefLabel \"Liangjiang New Area Administrative Committee\"@en .\n"
                "    organisation:liangjiang-investment-promotion-bureau a stc:GovernmentBody , org:OrganizationalUnit ;\n"
                "        skos:prefLabel \"Liangjiang New Area Investment Promotion Bureau\"@en ;\n"
                "        org:unitOf organisation:liangjiang-administrative-committee .\n"),
       _dated("005-liangjiang-investment-bureau", "Liangjiang New Area Media Center, 2 Aug 2023: Liangjiang investment promotion bureau meets Singapore firms",
              "005_0a1b2c3d4e5f6172.txt")),
    _v("New article with a new sector (under an existing one) that a new park focuses on",
       (C, "    sector:medical-devices a stc:Sector ; skos:prefLabel \"medical devices\"@en ;\n",
        "    sector:biopharmaceuticals a stc:Sector ; skos:prefLabel \"biopharmaceuticals\"@en ;\n"
        "        skos:broader sector:biomedicine ; skos:inScheme sector:scheme .\n"
        "    sector:medical-devices a stc:Sector ; skos:prefLabel \"medical devices\"@en ;\n"),
       _article("005-liangjiang-biopharma-park",
                "# Facts from 005_1a2b3c4d5e6f7081.txt (iChongqing, 11 Nov 2023): a biopharmaceutical park in Liangjiang New Area.",
                _src("005-liangjiang-biopharma-park", "Liangjiang opens an international biopharmaceutical park",
                     "organisation:ichongqing", "2023-11-11")
                + _ICHONGQING + _LIANGJIANG
                + "    sector:biopharmaceuticals a stc:Sector ; skos:prefLabel \"biopharmaceuticals\"@en .\n\n"
                "    park:liangjiang-biopharmaceutical-park a stc:IndustrialPark ;\n"
                "        skos:prefLabel \"Liangjiang International Biopharmaceutical Park\"@en ;\n"
                "        stc:locatedIn park:liangjiang-new-area ;\n"
                "        stc:focusSector sector:biopharmaceuticals .\n"),
       _dated("005-liangjiang-biopharma-park", "iChongqing, 11 Nov 2023: Liangjiang opens an international biopharmaceutical park",
              "005_1a2b3c4d5e6f7081.txt")),
    _v("New article by an author already known (Yuling Chen of 000), with her post as this article reports it (a post holding of its own)",
       _article(_S5, "# Facts from " + _S5_FILE + " (iChongqing, Yuling Chen, 14 Dec 2021): the SinoSwiss Technopark three years on.",
                _src(_S5, "SinoSwiss Technopark marks three years of operation", "organisation:ichongqing", "2021-12-14",
                     creator="person:yuling-chen")
                + _ICHONGQING + _SSTP + _LIANGJIANG
                + "    person:yuling-chen a stc:Person ; skos:prefLabel \"Yuling Chen\"@en .\n"
                "    post:yuling-chen-ichongqing-author-2021 a stc:PostHolding ;\n"
                "        skos:prefLabel \"Yuling Chen: author, iChongqing\"@en ;\n"
                "        org:member person:yuling-chen ; org:role role:author ; org:organization organisation:ichongqing ;\n"
                "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .\n"),
       _dated(_S5, "iChongqing, 14 Dec 2021: SinoSwiss Technopark marks three years of operation", _S5_FILE)),

    # ---- following docs/CURATING.md (kg new-source: catalogue entry in a source:curation block of the new file)
    # The first one is refused at 905743c: kg new-source restates the known author's post IRI with the new
    # date, and a post holding may have one stc:asOf only (the tool and the shapes disagree).
    _v("The file kg new-source writes for an article by an author already in the graph (--author person:yuling-chen), as docs/CURATING.md says, with one figure added",
       ("005-sstp-anniversary.trig", None,
        _PREFIXES + "\n"
        "# Facts from 005_0123456789abcdef.txt (iChongqing, 2021-12-14), written by kg new-source;\n"
        "# the article's facts go into its graph below (docs/CURATING.md).\n\n"
        "source:005-sstp-anniversary {\n\n"
        "    source:005-sstp-anniversary a stc:NewsArticle ;\n"
        "        dct:title \"SinoSwiss Technopark marks three years\"@en ;\n"
        "        dct:publisher organisation:ichongqing ;\n"
        "        dct:creator person:yuling-chen ;\n"
        "        stc:publicationDate \"2021-12-14\"^^xsd:date .\n\n"
        "    organisation:ichongqing a stc:MediaOrganisation ; skos:prefLabel \"iChongqing\"@en .\n"
        "    person:yuling-chen a stc:Person ; skos:prefLabel \"Yuling Chen\"@en .\n"
        "    post:yuling-chen-ichongqing-author-005 a stc:PostHolding ;\n"
        "        skos:prefLabel \"Yuling Chen: author, iChongqing\"@en ;\n"
        "        org:member person:yuling-chen ; org:role role:author ; org:organization organisation:ichongqing ;\n"
        "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .\n\n"
        "    # ---- the article's facts: places, parks, organisations, people, events, figures\n"
        + _SSTP + _LIANGJIANG
        + "    observation:sstp-enterprises-2021 a stc:Observation ;\n"
        "        skos:prefLabel \"SinoSwiss Technopark: enterprises operating in the park (2021)\"@en ;\n"
        "        stc:observedEntity park:sinoswiss-technopark ; stc:measure measure:enterprise-count ;\n"
        "        qudt:numericValue 80.0 ; qudt:unit unit:NUM ; stc:comparator stc:MoreThan ;\n"
        "        stc:asOf \"2021-12-14\"^^xsd:date ; stc:asOfBasis stc:PublicationDate .\n"
        "}\n\n"
        "# The catalogue entry (curators' metadata about the source)\n"
        "source:curation {\n"
        "    source:005-sstp-anniversary a stc:NewsArticle ;\n"
        "        skos:prefLabel \"iChongqing, 14 Dec 2021: SinoSwiss Technopark marks three years\"@en ;\n"
        "        stc:fileName \"005_0123456789abcdef.txt\" ;\n"
        "        stc:titleStatus stc:TitleStated ;\n"
        "        stc:dateStatus stc:DateStated .\n"
        "}\n")),
    _v("New article in the layout kg new-source writes (catalogue entry in its own file), with a new author and post",
       ("005-changzhou-park-visit.trig", None,
        _PREFIXES + "\n"
        "# Facts from 005_1234567890abcdef.txt (PR Newswire, 2023-04-12), written by kg new-source;\n"
        "# the article's facts go into its graph below (docs/CURATING.md).\n\n"
        "source:005-changzhou-park-visit {\n\n"
        "    source:005-changzhou-park-visit a stc:NewsArticle ;\n"
        "        dct:title \"Swiss delegation visits the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
        "        dct:publisher organisation:pr-newswire ;\n"
        "        dct:creator person:anna-meier ;\n"
        "        stc:publicationDate \"2023-04-12\"^^xsd:date .\n\n"
        "    organisation:pr-newswire a stc:MediaOrganisation ; skos:prefLabel \"PR Newswire\"@en .\n"
        "    person:anna-meier a stc:Person ; skos:prefLabel \"Anna Meier\"@en .\n"
        "    post:anna-meier-pr-newswire-author a stc:PostHolding ;\n"
        "        skos:prefLabel \"Anna Meier: author, PR Newswire\"@en ;\n"
        "        org:member person:anna-meier ; org:role role:author ; org:organization organisation:pr-newswire ;\n"
        "        stc:asOf \"2023-04-12\"^^xsd:date ; stc:asOfBasis stc:PublicationDate ; stc:tenure stc:CurrentPost .\n\n"
        "    # ---- the article's facts: places, parks, organisations, people, events, figures\n"
        + _CHANGZHOU_PARK
        + "    place:switzerland a stc:Country ; skos:prefLabel \"Switzerland\"@en .\n"
        "    event:changzhou-park-swiss-delegation-visit-2023 a stc:Conference ;\n"
        "        skos:prefLabel \"Swiss delegation's visit to the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
        "        stc:date \"2023-04-11\"^^xsd:date ;\n"
        "        stc:venue park:sino-swiss-changzhou-innovation-park ;\n"
        "        stc:concerns park:sino-swiss-changzhou-innovation-park ;\n"
        "        stc:participantOrigin place:switzerland .\n"
        "}\n\n"
        "# The catalogue entry (curators' metadata about the source)\n"
        "source:curation {\n"
        "    source:005-changzhou-park-visit a stc:NewsArticle ;\n"
        "        skos:prefLabel \"PR Newswire, 12 Apr 2023: Swiss delegation visits the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
        "        stc:fileName \"005_1234567890abcdef.txt\" ;\n"
        "        stc:titleStatus stc:TitleStated ;\n"
        "        stc:dateStatus stc:DateStated .\n"
        "}\n")),
    _v("New article that dates the Changzhou park's opening differently (2020, 001 says 2019), with the discrepancy recorded",
       ("005-changzhou-park-history.trig", None,
        _PREFIXES + "\n"
        "# Facts from 005_2345678901abcdef.txt (PR Newswire, 2023-09-01), written by kg new-source;\n"
        "# the article's facts go into its graph below (docs/CURATING.md).\n\n"
        "source:005-changzhou-park-history {\n\n"
        "    source:005-changzhou-park-history a stc:NewsArticle ;\n"
        "        dct:title \"Five years of the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
        "        dct:publisher organisation:pr-newswire ;\n"
        "        stc:publicationDate \"2023-09-01\"^^xsd:date .\n\n"
        "    organisation:pr-newswire a stc:MediaOrganisation ; skos:prefLabel \"PR Newswire\"@en .\n\n"
        + _CHANGZHOU_PARK
        + "    event:sino-swiss-changzhou-innovation-park-opening a stc:Opening ;\n"
        "        skos:prefLabel \"Opening of the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
        "        stc:date \"2020\"^^xsd:gYear ;\n"
        "        stc:concerns park:sino-swiss-changzhou-innovation-park .\n"
        "}\n\n"
        "source:curation {\n"
        "    source:005-changzhou-park-history a stc:NewsArticle ;\n"
        "        skos:prefLabel \"PR Newswire, 1 Sep 2023: Five years of the Sino-Swiss (Changzhou) Innovation Park\"@en ;\n"
        "        stc:fileName \"005_2345678901abcdef.txt\" ;\n"
        "        stc:titleStatus stc:TitleStated ;\n"
        "        stc:dateStatus stc:DateStated .\n\n"
        "    discrepancy:changzhou-park-opening-year a stc:Discrepancy ;\n"
        "        skos:prefLabel \"Opening year of the Sino-Swiss (Changzhou) Innovation Park in sources 001 and 005\"@en ;\n"
        "        stc:involves event:sino-swiss-changzhou-innovation-park-opening ,\n"
        "            source:001-china-switzerland-launch-conference , source:005-changzhou-park-history ;\n"
        "        stc:discrepancyKind stc:ConflictingDates ;\n"
        "        stc:variantReading \"since its opening in 2019 (001)\"@en , \"opened in 2020 (005)\"@en ;\n"
        "        stc:resolutionStatus stc:Unresolved ;\n"
        "        stc:resolution \"The sources do not say which year is right; both are kept.\"@en .\n"
        "}\n")),
]
