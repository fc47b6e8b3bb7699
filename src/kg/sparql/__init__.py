"""SPARQL query text: the one place kg reads a query's text before an engine does.

    text     strings, IRIs and comments blanked out; query form; variables; refusals (SERVICE, FROM,
             updates); syntax errors that point into the text
    scan     one pass over a query's structure: groups, sub-selects, AS targets, keywords
    binding  values bound to variables, one rule for every store, SHACL and the server
"""

from kg.sparql.binding import Prebinding, bind
from kg.sparql.scan import QueryScan
from kg.sparql.text import (blank_out, check_read_only, check_safe, query_form, query_variables,
                            syntax_error)

__all__ = ["Prebinding", "QueryScan", "bind", "blank_out", "check_read_only", "check_safe", "query_form",
           "query_variables", "syntax_error"]
