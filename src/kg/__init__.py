"""kg: the knowledge graph of international science-and-technology cooperation parks.

The library is the product; ``kg.cli`` is a thin click layer over it.  The
flow, one module per stage::

    project   locate the working copy and the build folder
    load      parse ontology / data / shapes files (pyoxigraph, precise syntax errors)
    merge     ontology graph + source graphs + derived dct:source
    reason    OWL RL closure (owlrl), cleaned
    validate  SHACL (pyshacl) + saved checks, a report grouped by focus node
    build     orchestrates the above, content-hashed and atomic
    store     THE query-engine interface (pyoxigraph by default)
    catalogue saved queries and their headers
    params    query parameters to RDF terms
    results   rendering of query results
    export    deterministic dumps, VoID/DCAT, checksums
    stats     counts per class and property
    describe  everything about one entity

Nothing heavy is imported here, so that ``kg query`` starts fast.
"""

__version__ = "0.1.0"
