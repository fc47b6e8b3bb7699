"""kg.owlrl's instance rules as SQL: the same closure, computed by a SQL engine that may run on a cluster.

kg.owlrl closes the schema (small) in Python and compiles it into tables (kg.owlrl.schema); the rules
that touch every instance triple (cax-sco, prp-dom, prp-rng, prp-spo1, prp-inv, prp-symp, prp-trp,
prp-spo2) are joins of the triples with those tables. Here they are SQL over a table of integer triples
``t(s, p, o)``, evaluated semi-naively: each round joins only the triples the last round found
(``delta``) with the rest, and adds what is new, until nothing is. The SQL is plain (joins, UNION ALL,
EXCEPT), so that the same plan runs on DuckDB in this process (:class:`DuckDB`) or on Spark SQL, in
local mode or on a cluster (:class:`Spark`); docs/SCALE.md says what a cluster run needs.

:func:`closure` is kg.owlrl.closure with this runner in place of its agenda: the one-time rules, the
schema, the inconsistencies and the cleaning are kg.owlrl's own, so the answer is the same by
construction where the SQL is, and a test compares the two closures on generated data.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.owlrl.schema import Schema

TRIPLE = "s BIGINT, p BIGINT, o BIGINT"


def rule_queries(schema: Schema, type_id: int) -> list[str]:
    """SELECT statements, each giving (s, p, o) triples a rule derives from ``delta`` (the last round's new
    triples) and ``t`` (all triples so far); the schema tables are ``sco(c, d)``, ``spo(p, q)``,
    ``dom(p, c)``, ``rng(p, c)``, ``inv(p, q)``, ``sym(p)``, ``trans(p)``."""
    queries = [
        # cax-sco (with cax-eqc: equivalence is subsumption both ways in the closed schema)
        f"SELECT d.s, d.p, x.d AS o FROM delta d JOIN sco x ON d.o = x.c WHERE d.p = {type_id}",
        "SELECT d.s, x.q AS p, d.o FROM delta d JOIN spo x ON d.p = x.p",  # prp-spo1 (prp-eqp1/2)
        f"SELECT d.s, {type_id} AS p, x.c AS o FROM delta d JOIN dom x ON d.p = x.p",  # prp-dom
        f"SELECT d.o AS s, {type_id} AS p, x.c AS o FROM delta d JOIN rng x ON d.p = x.p",  # prp-rng
        "SELECT d.o AS s, x.q AS p, d.s AS o FROM delta d JOIN inv x ON d.p = x.p",  # prp-inv1/2
        "SELECT d.o AS s, d.p, d.s AS o FROM delta d JOIN sym x ON d.p = x.p",  # prp-symp
        # prp-trp: a new link extended on either side by the links there are
        "SELECT d.s, d.p, a.o FROM delta d JOIN trans x ON d.p = x.p JOIN t a ON a.p = d.p AND a.s = d.o",
        "SELECT a.s, d.p, d.o FROM delta d JOIN trans x ON d.p = x.p JOIN t a ON a.p = d.p AND a.o = d.s",
    ]
    # prp-spo2: for each chain p1 … pn and each position, the new link there and the links elsewhere
    for target, chain in schema.chains:
        for pos in range(len(chain)):
            tables = [("delta" if k == pos else "t") + f" c{k}" for k in range(len(chain))]
            joins = " JOIN ".join(tables[:1] + [f"{tables[k]} ON c{k}.s = c{k - 1}.o" for k in range(1, len(chain))])
            where = " AND ".join(f"c{k}.p = {member}" for k, member in enumerate(chain))
            queries.append(f"SELECT c0.s, {target} AS p, c{len(chain) - 1}.o FROM {joins} WHERE {where}")
    return queries


def schema_tables(schema: Schema) -> dict[str, tuple[str, list[tuple]]]:
    """The compiled schema as the plan's small tables: name -> (columns, rows)."""
    pairs = lambda table: sorted((a, b) for a, bs in table.items() for b in bs)  # noqa: E731
    return {
        "sco": ("c BIGINT, d BIGINT", pairs(schema.superclasses)),
        "spo": ("p BIGINT, q BIGINT", pairs(schema.superproperties)),
        "dom": ("p BIGINT, c BIGINT", pairs(schema.domains)),
        "rng": ("p BIGINT, c BIGINT", pairs(schema.ranges)),
        "inv": ("p BIGINT, q BIGINT", pairs(schema.inverses)),
        "sym": ("p BIGINT", sorted((p,) for p in schema.symmetric)),
        "trans": ("p BIGINT", sorted((p,) for p in schema.transitive)),
    }


def round_query(schema: Schema, type_id: int, reflexive: Iterable[int]) -> str:
    """The triples one round finds that ``t`` lacks (owlrl never adds ``x p x`` for the ``reflexive``
    predicates: rdfs:subClassOf, owl:sameAs …)."""
    rules = " UNION ALL ".join(f"({q})" for q in rule_queries(schema, type_id))
    skipped = ", ".join(str(p) for p in sorted(reflexive)) or "-1"
    return (f"SELECT s, p, o FROM ({rules}) r WHERE NOT (r.s = r.o AND r.p IN ({skipped})) "
            "EXCEPT SELECT s, p, o FROM t")


def fixpoint(engine, triples: list[tuple[int, int, int]], schema: Schema, type_id: int,
             reflexive: Iterable[int]) -> tuple[list[tuple[int, int, int]], int]:
    """The triples the instance rules add to ``triples`` (and the rounds it took), on ``engine``."""
    for name, (columns, rows) in schema_tables(schema).items():
        engine.table(name, columns, rows)
    engine.table("t", TRIPLE, triples)
    engine.alias("delta", "t")
    query = round_query(schema, type_id, reflexive)
    added: list[tuple[int, int, int]] = []
    rounds = 0
    while True:
        rounds += 1
        new = engine.materialize(f"new{rounds}", query)
        if not new:
            return added, rounds
        added += engine.rows(f"new{rounds}")
        engine.append("t", f"new{rounds}")
        engine.alias("delta", f"new{rounds}")


def closure(triples, engine):
    """kg.owlrl.closure of ``triples`` with the instance rules run by ``engine`` (:class:`DuckDB`,
    :class:`Spark`)."""
    from kg.owlrl.evaluate import closure as kg_closure

    return kg_closure(triples, instance_rules=lambda graph, schema, type_id, reflexive: fixpoint(
        engine, list(graph.triples()), schema, type_id, reflexive)[0])


class DuckDB:
    """The plan in DuckDB, in this process (out of core beyond its memory limit)."""

    def __init__(self, memory_limit: str | None = None):
        import duckdb

        self.db = duckdb.connect()
        if memory_limit:
            self.db.execute(f"SET memory_limit = '{memory_limit}'")

    def table(self, name: str, columns: str, rows: list[tuple]) -> None:
        self.db.execute(f"CREATE OR REPLACE TABLE {name} ({columns})")
        if rows:  # one statement of column lists: executemany inserts a row at a time
            columns = list(zip(*rows))
            unnest = ", ".join(f"UNNEST(${k + 1})" for k in range(len(columns)))
            self.db.execute(f"INSERT INTO {name} SELECT {unnest}", [list(c) for c in columns])

    def alias(self, name: str, table: str) -> None:
        self.db.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM {table}")

    def materialize(self, name: str, query: str) -> int:
        self.db.execute(f"CREATE OR REPLACE TABLE {name} AS {query}")
        return self.db.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]

    def append(self, name: str, other: str) -> None:
        self.db.execute(f"INSERT INTO {name} SELECT * FROM {other}")

    def rows(self, name: str) -> list[tuple]:
        return [tuple(r) for r in self.db.execute(f"SELECT s, p, o FROM {name}").fetchall()]


class Spark:
    """The plan in Spark SQL: ``master`` ``local[N]`` runs it here on N cores, a cluster's URL there.
    Each round's result is checkpointed so that the plans do not grow with the rounds."""

    def __init__(self, master: str = "local[2]", partitions: int = 4):
        from pyspark.sql import SparkSession

        builder = (SparkSession.builder.master(master).appName("kg-owlrl")
                   .config("spark.ui.enabled", "false")
                   .config("spark.sql.shuffle.partitions", str(partitions)))
        if master.startswith("local"):  # on loopback, whatever the host's name resolves to (offline machines)
            builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")
        self.frames: dict = {}

    def _register(self, name: str, frame) -> None:
        self.frames[name] = frame
        frame.createOrReplaceTempView(name)

    def table(self, name: str, columns: str, rows: list[tuple]) -> None:
        self._register(name, self.spark.createDataFrame(rows, columns.lower().replace("bigint", "long")))

    def alias(self, name: str, table: str) -> None:
        self._register(name, self.frames[table])

    def materialize(self, name: str, query: str) -> int:
        frame = self.spark.sql(query).localCheckpoint()
        self._register(name, frame)
        return frame.count()

    def append(self, name: str, other: str) -> None:
        self._register(name, self.frames[name].unionAll(self.frames[other]).localCheckpoint())

    def rows(self, name: str) -> list[tuple]:
        return [(r.s, r.p, r.o) for r in self.frames[name].collect()]

    def stop(self) -> None:
        self.spark.stop()
