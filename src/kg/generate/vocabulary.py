"""The controlled vocabularies the synthetic articles use, and the file that declares them.

Sectors (a scheme with ``skos:broader``), measures with their QUDT quantity kinds, roles and
services, each concept ``{kind}:{prefix}-{slug}``; the classes of park an article can be about;
and ``source:curation``, the project's own curation source, declared with the type and label the
project gives it (the shape stcsh:Discrepancy-curation wants every discrepancy in that graph, and
identical triples merge when both are built together)."""

from __future__ import annotations

from kg.generate.text import Graph, lit

CURATION_LABEL = "kg curation: background knowledge"

# (slug, label, broader slugs): data rows, alike in shape by nature (duplicates lists them)
SECTORS = (
    ("manufacturing", "manufacturing", ()),
    ("advanced-manufacturing", "advanced manufacturing", ("manufacturing",)),
    ("smart-manufacturing", "smart manufacturing", ("advanced-manufacturing",)),
    ("precision-machinery", "precision machinery", ("advanced-manufacturing",)),
    ("industrial-robotics", "industrial robotics", ("advanced-manufacturing",)),
    ("automotive", "automotive", ("manufacturing",)),
    ("new-energy-vehicles", "new energy vehicles", ("automotive",)),
    ("aerospace", "aerospace", ("manufacturing",)),
    ("materials", "materials", ()),
    ("advanced-materials", "advanced materials", ("materials",)),
    ("composite-materials", "composite materials", ("advanced-materials",)),
    ("nanomaterials", "nanomaterials", ("advanced-materials",)),
    ("fine-chemicals", "fine chemicals", ("materials",)),
    ("health", "health", ()),
    ("biomedicine", "biomedicine", ("health",)),
    ("medical-devices", "medical devices", ("health",)),
    ("healthcare-services", "healthcare services", ("health",)),
    ("information-technology", "information technology", ()),
    ("software", "software", ("information-technology",)),
    ("semiconductors", "semiconductors", ("information-technology",)),
    ("smart-sensors", "smart sensors", ("semiconductors",)),
    ("artificial-intelligence", "artificial intelligence", ("information-technology",)),
    ("cloud-computing", "cloud computing", ("information-technology",)),
    ("big-data", "big data", ("information-technology",)),
    ("energy-and-environment", "energy and environment", ()),
    ("new-energy", "new energy", ("energy-and-environment",)),
    ("solar-power", "solar power", ("new-energy",)),
    ("hydrogen-energy", "hydrogen energy", ("new-energy",)),
    ("energy-storage", "energy storage", ("energy-and-environment",)),
    ("environmental-protection", "environmental protection", ("energy-and-environment",)),
    ("transport-and-logistics", "transport and logistics", ()),
    ("rail-transit", "rail transit", ("transport-and-logistics",)),
    ("aviation", "aviation", ("transport-and-logistics",)),
    ("modern-logistics", "modern logistics", ("transport-and-logistics",)),
    ("port-services", "port services", ("transport-and-logistics",)),
    ("finance", "finance", ()),
    ("financial-services", "financial services", ("finance",)),
    ("financial-technology", "financial technology", ("finance",)),
    ("venture-capital", "venture capital", ("finance",)),
    ("research-and-innovation", "research and innovation", ()),
    ("research-and-development", "research and development", ("research-and-innovation",)),
    ("technology-transfer", "technology transfer", ("research-and-innovation",)),
    ("innovation-and-entrepreneurship", "innovation and entrepreneurship", ("research-and-innovation",)),
    ("trade", "trade", ()),
    ("cross-border-trade", "cross-border trade", ("trade",)),
    ("e-commerce", "e-commerce", ("trade",)),
    ("trade-and-logistics", "trade and logistics", ("trade", "transport-and-logistics")),
    ("agriculture", "agriculture", ()),
    ("smart-agriculture", "smart agriculture", ("agriculture",)),
    ("food-processing", "food processing", ("agriculture",)),
    ("human-resources", "human resources", ()),
    ("talent-services", "talent services", ("human-resources",)),
    ("vocational-training", "vocational training", ("human-resources",)),
)
LEAF_SECTORS = tuple(s for s, _, _ in SECTORS if not any(s in b for _, _, b in SECTORS))
SECTOR_LABEL = {s: label for s, label, _ in SECTORS}

MEASURES = (
    ("planned-area", "planned land area"),
    ("total-building-area", "total building area"),
    ("investment", "investment value"),
    ("contract-amount", "contract amount"),
    ("enterprise-count", "number of enterprises operating"),
    ("foreign-enterprise-count", "number of foreign enterprises operating"),
    ("cooperation-project-count", "number of cooperation projects"),
    ("cooperation-project-share", "share of a total number of cooperation projects"),
    ("construction-duration", "construction duration"),
    ("participant-count", "number of participating startups and companies"),
    ("signed-project-count", "number of projects signed"),
    ("employee-count", "number of employees"),
    ("researcher-count", "number of researchers"),
    ("patent-count", "number of patents granted"),
    ("district-count", "number of districts spanned"),
    ("rail-travel-time", "rail travel time to the city centre"),
)
MEASURE_LABEL = dict(MEASURES)
# each measure's QUDT quantity kind, as the project's measures state theirs (the figures' units must fit)
_MEASURE_KIND = {m: "Area" if m.endswith("area") else "Currency" if m in ("investment", "contract-amount")
                 else "Time" if m in ("construction-duration", "rail-travel-time")
                 else "DimensionlessRatio" if m.endswith("share") else "Count" for m, _ in MEASURES}

ROLES = (
    ("director", "director"), ("deputy-director", "deputy director"), ("mayor", "mayor"),
    ("vice-mayor", "vice mayor"), ("secretary", "secretary"), ("deputy-secretary", "deputy secretary"),
    ("member", "member"), ("president", "president"), ("vice-president", "vice president"),
    ("consul-general", "consul general"), ("general-manager", "general manager"), ("author", "author"),
)
ROLE_LABEL = dict(ROLES)
CITY_OFFICES = ("mayor", "vice-mayor")

SERVICES = (
    ("financing", "financing"), ("investment-promotion", "investment promotion"),
    ("market-matchmaking", "market matchmaking"), ("intellectual-property", "intellectual property"),
    ("incubation", "incubation"), ("legal-advice", "legal advice"), ("talent-recruitment", "talent recruitment"),
)

# park classes: (class CURIEs, name word), and how often an article is about each
PARK_KINDS = (
    (("stc:TechnologyPark",), "Technology Park"),
    (("stc:InnovationPark",), "Innovation Park"),
    (("stc:IndustrialPark",), "Industrial Park"),
    (("stc:HighTechZone",), "High-Tech Zone"),
    (("stc:Incubator",), "Startup Hub"),
    (("stc:ResearchInstitute", "stc:CooperationProject"), "Research Institute"),
    (("stc:LogisticsHub", "stc:CooperationProject"), "Logistics Centre"),
    (("stc:DataCentre", "stc:CooperationProject"), "Data Centre"),
    (("stc:ScienceCity",), "Science City"),
    (("stc:DemonstrationZone",), "Innovation Demonstration Zone"),
    (("stc:FreeTradeZone",), "Pilot Free Trade Zone"),
    (("stc:BondedZone",), "Comprehensive Bonded Zone"),
)
PARK_WEIGHTS = (14, 14, 10, 8, 6, 8, 6, 5, 4, 4, 3, 3)

# the entities the vocabulary file declares, per kind: each scheme and its concepts, and the two sources
VOCABULARY_ENTITIES = {"source": 2, "sector": len(SECTORS) + 1, "measure": len(MEASURES) + 1,
                       "role": len(ROLES) + 1, "service": len(SERVICES) + 1}


def vocabulary_graphs(prefix: str) -> tuple[Graph, Graph]:
    """The generated curation source with its vocabularies, and source:curation."""
    graph = Graph(f"source:{prefix}-curation")
    graph.add(f"source:{prefix}-curation", ("a", "stc:CurationSource"),
              ("skos:prefLabel", lit(f"Synthetic data ({prefix}): controlled vocabularies")),
              ("dct:description", lit("Generated by kg.generate for benchmarks and tests: the sector and measure "
                                      "schemes, roles and services the synthetic articles use, and the "
                                      "synthetic articles' catalogue.")))
    _sectors_and_measures(graph, prefix)
    _roles_and_services(graph, prefix)
    curation = Graph("source:curation")
    curation.add("source:curation", ("a", "stc:CurationSource"), ("skos:prefLabel", lit(CURATION_LABEL)))
    return graph, curation


def _sectors_and_measures(graph: Graph, prefix: str) -> None:
    tops = [f"sector:{prefix}-{slug}" for slug, _, broader in SECTORS if not broader]
    graph.add(f"sector:{prefix}-scheme", ("a", "skos:ConceptScheme"),
              ("skos:prefLabel", lit(f"Sectors and fields of cooperation ({prefix})")), ("skos:hasTopConcept", tops))
    for slug, label, broader in SECTORS:
        graph.add(f"sector:{prefix}-{slug}", ("a", "stc:Sector"), ("skos:prefLabel", lit(label)),
                  ("skos:broader", [f"sector:{prefix}-{b}" for b in broader]),
                  ("skos:inScheme", f"sector:{prefix}-scheme"))
    graph.add(f"measure:{prefix}-scheme", ("a", "skos:ConceptScheme"),
              ("skos:prefLabel", lit(f"Measures reported in the synthetic articles ({prefix})")))
    for slug, label in MEASURES:
        graph.add(f"measure:{prefix}-{slug}", ("a", "stc:Measure"), ("skos:prefLabel", lit(label)),
                  ("skos:inScheme", f"measure:{prefix}-scheme"),
                  ("qudt:hasQuantityKind", f"quantitykind:{_MEASURE_KIND[slug]}"))


def _roles_and_services(graph: Graph, prefix: str) -> None:
    """Roles and services in schemes of their own: a concept may share its label with one of another
    scheme (the project's "mayor"), not with one of its own."""
    graph.add(f"role:{prefix}-scheme", ("a", "skos:ConceptScheme"), ("skos:prefLabel", lit(f"Roles ({prefix})")))
    for slug, label in ROLES:
        # mayors and vice mayors hold the office of a city (stcsh:PostHolding-cityOffice)
        classes = ["org:Role", "stc:CityOffice"] if slug in CITY_OFFICES else "org:Role"
        graph.add(f"role:{prefix}-{slug}", ("a", classes), ("skos:prefLabel", lit(label)),
                  ("skos:inScheme", f"role:{prefix}-scheme"))
    graph.add(f"service:{prefix}-scheme", ("a", "skos:ConceptScheme"), ("skos:prefLabel", lit(f"Services ({prefix})")))
    for slug, label in SERVICES:
        graph.add(f"service:{prefix}-{slug}", ("a", "stc:Service"), ("skos:prefLabel", lit(label)),
                  ("skos:inScheme", f"service:{prefix}-scheme"))
