"""What the tests share (no tests here): imported as ``from helpers import knowledge`` or
``from helpers.knowledge import real_store``; pytest puts tests/ on the import path
(``pythonpath = ["tests"]`` in pyproject.toml), so nothing edits sys.path.

* :mod:`helpers.paths`: the repository and the inputs the tests share (tests/fixtures, check_cases, shape_cases, w3c).
* :mod:`helpers.cli`: ``Cli``, click's runner bound to one working copy (the ``cli`` fixtures of conftest.py).
* :mod:`helpers.knowledge`: the real working copy built once per session, edited copies, the source articles.
* :mod:`helpers.thirdparty`: third-party RDF/OWL tools (riot, rapper, HermiT, Jena SHACL, Graphviz, Chromium).
* :mod:`helpers.stores`: Oxigraph server, Virtuoso 7 and Jena TDB2 on loopback.
* :mod:`helpers.serve_fixtures`: the ``kg serve`` server of the real graph and its helpers (a pytest plugin).
* :mod:`helpers.chromium`: one headless Chromium per module (a pytest plugin), for the pages and the docs.
* :mod:`helpers.docs_site`: the static site of the real graph (a pytest plugin) and the ontology's terms.
* :mod:`helpers.shapes_source`: the SHACL shapes the build runs, as each engine takes them.
* :mod:`helpers.pyshacl_report`: pyshacl called as the build calls it, with its own report.
* :mod:`helpers.shacl_departures`: where pyshacl departs from the SHACL specification.
* :mod:`helpers.w3c_shacl`, :mod:`helpers.w3c_owl2`: the vendored W3C suites, read and judged.
* :mod:`helpers.owlrl_fuzz`: random ontologies and data for the OWL RL property test.
* :mod:`helpers.waiting`: ``until(condition)``, for what another thread or process does.

The Java sources the helpers run are here too: jena/ShaclBatch.java (Jena SHACL, many validations in one
JVM); the SPARQL endpoint over Jena TDB2 the store tests run ships with kg (kg/stores/JenaTdbEndpoint.java).
"""
