"""Writing the files: the vocabulary file, then the articles in chunk files, and ``generate`` itself.

Articles are written as they are made, so memory stays bounded at any size. An article that would
overshoot the requested size is rebuilt smaller (level 3, then 2, then 1), which keeps the total
within a few dozen triples of the target; the first that does not fit even at level 1 ends the run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.generate.article import Article
from kg.generate.followups import PreviousArticle
from kg.generate.vocabulary import VOCABULARY_ENTITIES, vocabulary_graphs
from kg.generate.world import World
from kg.namespaces import ENTITY_KINDS, turtle_prologue
from kg.namespaces import PREFIXES as PROJECT_PREFIXES

CHUNK_TRIPLES = 50_000  # upper bound of triples per chunk file
MIN_TRIPLES = 2_000
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# The prefixes the generated files declare: the project's that the data uses, and QUDT's quantity
# kinds, which the measures cite and the project's prefixes do not have.
PREFIXES = {name: PROJECT_PREFIXES[name] for name in
            ("stc", *ENTITY_KINDS, "xsd", "skos", "dct", "org", "foaf", "qudt", "unit", "cur")}
PREFIXES["quantitykind"] = "http://qudt.org/vocab/quantitykind/"
_HEADER = turtle_prologue(PREFIXES)


@dataclass
class GenerateSummary:
    """What ``generate`` wrote."""

    out_dir: Path
    files: list[Path]
    triples: int  # triples written (quads of the TriG files, none repeated)
    articles: int  # news articles, one named graph each
    entities: dict[str, int] = field(default_factory=dict)  # distinct entity IRIs per kind
    seed: int = 0
    prefix: str = "gen"

    def __str__(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in self.entities.items())
        return (f"{self.triples} triples in {len(self.files)} files ({self.articles} articles) "
                f"in {self.out_dir}\nentities: {kinds}")


def generate(out_dir, triples: int, seed: int = 0, prefix: str = "gen") -> GenerateSummary:
    """Write about ``triples`` triples of synthetic data as TriG files into ``out_dir``.

    Same arguments, byte-identical files. Earlier output of the same prefix in
    ``out_dir`` (``{prefix}-NNNN.trig``, ``{prefix}-vocabulary.trig``) is removed
    first, so that no stale chunk is left behind. The count is within a few dozen
    triples below ``triples`` (at least 2,000)."""
    if not _SLUG.match(prefix):
        raise ValueError(f"prefix {prefix!r} must be lowercase ASCII words joined by hyphens")
    if int(triples) < MIN_TRIPLES:
        raise ValueError(f"triples must be at least {MIN_TRIPLES}, got {triples}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stale = re.compile(rf"^{re.escape(prefix)}-(\d{{4}}|vocabulary)\.trig$")
    for old in sorted(out.iterdir()):
        if stale.match(old.name):
            old.unlink()
    return _Generator(out, int(triples), int(seed), prefix).run()


class _Generator:
    """One run: the files written, the triples and articles so far, the entities per kind."""

    def __init__(self, out_dir: Path, target: int, seed: int, prefix: str):
        self.out_dir, self.target, self.seed, self.prefix = out_dir, target, seed, prefix
        self.world = World(seed, prefix, target)
        self.files: list[Path] = []
        self.total = 0
        self.articles = 0
        self.seen: dict[str, set[str]] = {}  # shared entity IRIs per kind, stated by any article
        self.counts: dict[str, int] = {kind: 0 for kind in ENTITY_KINDS}

    def run(self) -> GenerateSummary:
        self._write_vocabulary()
        chunks = _Chunks(self.out_dir, self.seed, self.prefix, self.files)
        prev: PreviousArticle | None = None
        number = 0
        try:
            while (article := self._next_article(number, prev)) is not None:
                chunks.write(article)
                self._tally(article)
                prev = article.next_prev
                number += 1
        finally:
            chunks.close()
        for kind, iris in self.seen.items():
            self.counts[kind] += len(iris)
        return GenerateSummary(self.out_dir, self.files, self.total, self.articles,
                               {kind: self.counts[kind] for kind in ENTITY_KINDS}, self.seed, self.prefix)

    def _write_vocabulary(self) -> None:
        graph, curation = vocabulary_graphs(self.prefix)
        for kind, count in VOCABULARY_ENTITIES.items():
            self.counts[kind] += count
        self.total += graph.count + curation.count
        path = self.out_dir / f"{self.prefix}-vocabulary.trig"
        comment = (f"# Synthetic vocabularies (kg.generate, seed {self.seed}, prefix {self.prefix}): the generated\n"
                   "# curation source, sectors, measures, roles and services; and source:curation,\n"
                   "# which holds the discrepancies between synthetic figures.\n\n")
        path.write_text(comment + _HEADER + "\n" + graph.text() + curation.text(), encoding="utf-8", newline="\n")
        self.files.append(path)

    def _next_article(self, number: int, prev: PreviousArticle | None) -> Article | None:
        """A full article when it fits, else a smaller one; None when even the smallest would overshoot."""
        remaining = self.target - self.total
        for level in (3, 2, 1):
            article = Article(self.world, number, level, prev)
            if article.count <= remaining:
                return article
        return None

    def _tally(self, article: Article) -> None:
        self.total += article.count
        self.articles += 1
        for kind, count in article.new.items():
            self.counts[kind] += count
        for iri in article.pooled:
            self.seen.setdefault(iri.split(":", 1)[0], set()).add(iri)


class _Chunks:
    """The chunk files ``{prefix}-NNNN.trig``: the next is begun when an article would take the
    current one over CHUNK_TRIPLES."""

    def __init__(self, out_dir: Path, seed: int, prefix: str, files: list[Path]):
        self.out_dir, self.seed, self.prefix, self.files = out_dir, seed, prefix, files
        self.index = -1
        self.count = 0
        self.handle = None

    def write(self, article: Article) -> None:
        if self.handle is None or self.count + article.count > CHUNK_TRIPLES:
            self._begin()
        self.handle.write(article.text())
        self.count += article.count

    def _begin(self) -> None:
        self.close()
        self.index += 1
        path = self.out_dir / f"{self.prefix}-{self.index:04d}.trig"
        # held open across articles, closed by the next _begin or by close() (run's finally)
        self.handle = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.handle.write(f"# Synthetic news articles (kg.generate, seed {self.seed}, prefix {self.prefix}),"
                          f" chunk {self.index}.\n\n" + _HEADER + "\n")
        self.files.append(path)
        self.count = 0

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
