"""Logical constraint components (SHACL 1.0, 4.6): sh:not, sh:and, sh:or, sh:xone.  A member shape's
answer is conformance (no result of any severity), cached for the run and free of side effects, so the
members are asked only until the answer is known."""

from __future__ import annotations

from kg.shacl.registry import Component


def _add_check(ctx, local: str, members: list) -> None:
    conforms = ctx.run.conforms
    if local == "not":
        [member] = members
        ok = lambda v: not conforms(member, v)  # noqa: E731
    elif local in ("and", "or"):
        ok = _deciding_first(conforms, list(members), decides=local == "or")
    else:
        def ok(v):
            n = 0
            for m in members:
                if conforms(m, v):
                    n += 1
                    if n > 1:
                        return False
            return n == 1
    # conformance is cached by the run already
    ctx.per_value(local[0].upper() + local[1:] + "ConstraintComponent", ok, cache=False)


def _deciding_first(conforms, members: list, decides: bool):
    """sh:or (``decides`` True: a member that conforms settles it) or sh:and (one that does not): the
    members are asked in turn, and the one that settled the last node is asked first for the next, since
    nodes of one target tend to be settled by the same member (a cheap sh:class, where the member asked
    first would match a pattern on every node's IRI). The answer does not depend on the order."""
    # members: never empty (kg.shacl.graph refuses an empty list); the last decider is kept apart rather
    # than by reordering the list, which a recursive shape may be going through when it asks again
    last = [members[0]]

    def ok(v) -> bool:
        first = last[0]
        if conforms(first, v) is decides:
            return decides
        for m in members:
            if m is not first and conforms(m, v) is decides:
                last[0] = m
                return decides
        return not decides

    return ok


def compile_not(ctx) -> None:
    for other in ctx.objs("not"):
        _add_check(ctx, "not", [ctx.other(other)])


def _compile_list(local: str):
    def compile_list(ctx) -> None:
        for head in ctx.objs(local):
            members = ctx.sg.items(head, f"{ctx.what}: sh:{local}")
            if local != "xone":  # a shape listed twice in sh:and / sh:or counts once; in sh:xone twice
                members = list(dict.fromkeys(members))
            _add_check(ctx, local, [ctx.other(m) for m in members])

    return compile_list


def message_not(text, r) -> str:
    nots = text.param(r.shape, "not")
    value = text.data(r.value) if r.value is not None else "None"
    if len(nots) == 1:
        return f"Node {value} must not conform to shape {text.shapes(nots[0])}"
    return "Node {} must not conform to any shapes in {}".format(value, " , ".join(text.shapes(n) for n in nots))


WORDS = {"and": "all shapes in", "or": "one or more shapes in", "xone": "exactly one shape in"}


def _list_message(local: str):
    def message(text, r) -> str:
        texts = [" , ".join(text.shapes(m) for m in text.run.sg.items(head, local))
                 for head in text.param(r.shape, local)]
        joined = texts[0] if len(texts) < 2 else " and ".join(f"({t})" for t in texts)
        value = text.data(r.value) if r.value is not None else "None"
        return f"Node {value} must conform to {WORDS[local]} {joined}"

    return message


COMPONENTS = (
    Component("Not", ("not",), compile_not, message_not),
    *(Component(local.capitalize(), (local,), _compile_list(local), _list_message(local)) for local in WORDS),
)
