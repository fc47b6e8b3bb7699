"""A syntax error says what is wrong in the writer's terms where kg can tell (kg.sparql.syntax_error):
an unknown prefix by name, an empty query, a misspelt query form, an invalid IRI; and always where."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.namespaces import PREFIXES
from kg.sparql import syntax_error

CASES = {
    "unknown prefix": ("SELECT * WHERE { ?s stcc:name ?o }",
                       "q:1:30: SPARQL syntax error: unknown prefix 'stcc:': did you mean 'stc:'"),
    "empty": ("", "q:1:1: SPARQL syntax error: the query is empty"),
    "only a comment": ("# nothing yet\n", "SPARQL syntax error: the query is empty"),
    "misspelt form": ("SELEC ?s WHERE { ?s ?p ?o }",
                      "SPARQL syntax error: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after its PREFIX "
                      "and BASE lines), not 'SELEC' (did you mean SELECT?)"),
    "form after a prologue": ("PREFIX x: <urn:x:>\nASKK { ?s ?p ?o }", "not 'ASKK' (did you mean ASK?)"),
    "invalid IRI": ("ASK { ?s <not an iri> ?o }", "<not an iri> is not a valid IRI"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_syntax_error_says_what_is_wrong(case):
    text, expected = CASES[case]
    with pytest.raises(SyntaxError) as raised:
        ox.Store().query(text, prefixes=PREFIXES)
    message = str(syntax_error(raised.value, text, "q"))
    assert expected in message and "«here»" in message, message


def test_otherwise_the_parser_s_expectations_without_its_character_classes():
    text = "SELECT * WHERE { ?s ?p ?o"
    with pytest.raises(SyntaxError) as raised:
        ox.Store().query(text)
    message = str(syntax_error(raised.value, text, "q"))
    assert message.startswith('q:1:26: SPARQL syntax error: expected one of ",", ".", ";"') and "[" not in message
