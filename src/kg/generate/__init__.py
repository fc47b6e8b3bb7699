"""Deterministic synthetic data for benchmarking and testing ``kg build`` and the queries.

``generate(out_dir, triples, seed=0, prefix="gen")`` writes TriG files that ``kg build`` reads as data
files: ``{prefix}-vocabulary.trig`` and chunks ``{prefix}-NNNN.trig`` of news articles (what they hold
and why it is built so: docs/ENGINES.md, "Synthetic data"). The modules, roughly in the order they
run: writer (the files, ``generate``), vocabulary (the schemes), world (shared places, organisations,
names), article (one article: date, place, park, source), figures, people, frameworks, events,
followups (restating the previous article, discrepancies); text (Turtle literals, one graph)."""

from kg.generate.writer import GenerateSummary, generate

__all__ = ["GenerateSummary", "generate"]
