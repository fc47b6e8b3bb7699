"""pyshacl, the reference, called as the build calls it (kg.validate.shacl_issues), with the validation
report pyshacl made in that call, so that a test can read the report itself (its constraint components,
which the Issues leave out) and check that it says what the Issues say."""

from __future__ import annotations


def shacl_issues_and_report(data_graph, shapes_graph, origin: str):
    """``kg.shacl.reference.shacl_issues(data_graph, shapes_graph, origin)`` and the rdflib Graph of pyshacl's report
    (None when shacl_issues did not call pyshacl)."""
    import pyshacl

    from kg.shacl import reference as v

    captured = []
    original = pyshacl.validate

    def spy(*args, **kwargs):
        answer = original(*args, **kwargs)
        captured.append(answer[1])
        return answer

    pyshacl.validate = spy
    try:
        issues = v.shacl_issues(data_graph, shapes_graph, origin)
    finally:
        pyshacl.validate = original
    return issues, (captured[0] if captured else None)
