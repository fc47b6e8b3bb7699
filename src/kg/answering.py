"""The build queries answer from: the newest conforming one, built first when the inputs changed (unless
the caller says not to), with a warning when it is stale or not the newest.  What every read-only command
(query, describe, stats, export, docs, serve) calls; kg.builds finds the builds, kg.build writes them.
"""

from __future__ import annotations

from kg.builds import Built, current, fresh, input_hash, latest
from kg.errors import BuildError
from kg.progress import SILENT, Reporter
from kg.project import Project


def ensure_built(project: Project, reporter: Reporter = SILENT) -> Built:
    """The newest build of the inputs, building it first when missing or stale."""
    built = fresh(project)
    if built is not None:
        return built
    from kg.build import build

    reporter.note("the build is missing or stale: building first")
    return build(project, reporter=reporter)


def open_store(project: Project, build_if_stale: bool = True, reporter: Reporter = SILENT):
    """A read-only store over the build that queries answer from.

    With ``build_if_stale`` the inputs are checked (cheaply) and built first when
    they changed; without, the current build answers, with a warning when
    the inputs changed since.  When the newest build does not conform, the
    last conforming one answers and the reporter says so."""
    return open_built(serving_build(project, build_if_stale=build_if_stale, reporter=reporter))


def open_built(built: Built):
    """A read-only store over one build (its asserted.nq loaded only for an ``asserted_only`` query)."""
    from kg.store import OxigraphStore

    return OxigraphStore.open(built.store_path, asserted=built.path / "asserted.nq")


def serving_build(project: Project, build_if_stale: bool = True, reporter: Reporter = SILENT) -> Built:
    """The build queries answer from (see open_store)."""
    newest = ensure_built(project, reporter) if build_if_stale else latest(project)
    if newest is None:
        raise BuildError(f"there is no build in {project.build_dir}: run kg build")
    if not build_if_stale and newest.manifest.get("hash") != input_hash(project):
        reporter.note("warning: the inputs changed since the build; answering from the build of "
                      f"{newest.manifest.get('built_at', '?')} (run kg build to update it)")
    if newest.conforms:
        return newest
    good = current(project)
    if good is None or good.manifest.get("hash") == newest.manifest.get("hash"):
        if good is not None:  # published anyway (--allow-invalid)
            reporter.note("warning: the current build does not conform (published with --allow-invalid)")
            return good
        raise BuildError("the build does not conform and there is no earlier conforming build to answer from; "
                         "kg validate shows why (kg build --allow-invalid publishes it anyway)")
    reporter.note("warning: the newest build does not conform (kg validate shows why); answering from the "
                  f"last conforming build, of {good.manifest.get('built_at', '?')}")
    return good
