"""String-based constraint components (SHACL 1.0, 4.4): sh:minLength, sh:maxLength, sh:pattern (with
sh:flags), sh:languageIn, sh:uniqueLang.  sh:pattern is Python's re with flags i and m; sh:languageIn
matches a tag or its first subtag (pyshacl's readings)."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import DataError
from kg.shacl.graph import LANG_STRING, SH, XSD_STRING
from kg.shacl.registry import Component
from kg.shacl.run import ValidationResult


# ---- sh:minLength, sh:maxLength (blank nodes fail; IRIs and literals by their text)
def compile_min_length(ctx) -> None:
    n, run, kind_of = ctx.integer("minLength"), ctx.run, ctx.run.kinds()
    ctx.per_value("MinLengthConstraintComponent",
                  lambda v: n == 0 or (kind_of[v] != 1 and len(run.term(v).value) >= n), cache=False)


def compile_max_length(ctx) -> None:
    n, run, kind_of = ctx.integer("maxLength"), ctx.run, ctx.run.kinds()
    ctx.per_value("MaxLengthConstraintComponent",
                  lambda v: kind_of[v] != 1 and len(run.term(v).value) <= n, cache=False)


def _length_message(local: str, symbol: str):
    def message(text, r) -> str:
        return f"String length not {symbol} {text.shapes(text.param(r.shape, local)[0])}"

    return message


# ---- sh:pattern
def compile_pattern(ctx) -> None:
    flags = ctx.objs("flags")
    re_flags = 0
    if flags:
        letters = flags[0].value.lower()
        re_flags = (re.I if "i" in letters else 0) | (re.M if "m" in letters else 0)
    run, kind_of = ctx.run, ctx.run.kinds()
    for pattern in ctx.objs("pattern"):
        if not isinstance(pattern, ox.Literal):
            raise DataError(f"{ctx.what}: sh:pattern must be a literal")
        try:
            rx = re.compile(pattern.value, re_flags)
        except re.error as exc:
            raise DataError(f"{ctx.what}: sh:pattern {pattern.value!r} is not a valid regular expression: {exc}")
        ctx.per_value("PatternConstraintComponent",
                      lambda v, rx=rx: kind_of[v] != 1 and rx.search(run.term(v).value) is not None, cache=False)


def message_pattern(text, r) -> str:
    patterns = text.param(r.shape, "pattern")
    if len(patterns) < 2:
        return f"Value does not match pattern '{patterns[0].value}'"
    return "Value does not match every pattern in ('{}')".format("', '".join(p.value for p in patterns))


# ---- sh:languageIn
def compile_language_in(ctx) -> None:
    wanted = set()
    for item in ctx.sg.items(ctx.single("languageIn"), f"{ctx.what}: sh:languageIn"):
        if not (isinstance(item, ox.Literal) and item.datatype in (XSD_STRING, LANG_STRING)):
            raise DataError(f"{ctx.what}: the members of sh:languageIn must be strings")
        wanted.add(item.value.lower())
    run, kind_of, wildcard = ctx.run, ctx.run.kinds(), "*" in wanted

    def ok(v):
        if kind_of[v] != 2:
            return False
        lang = run.term(v).language
        if not lang:
            return False
        lang = lang.lower()
        return wildcard or lang in wanted or lang.split("-")[0] in wanted

    ctx.per_value("LanguageInConstraintComponent", ok)


def message_language_in(text, r) -> str:
    return f"String language is not in {text.shapes(text.param(r.shape, 'languageIn')[0])}"


# ---- sh:uniqueLang: one result per language used twice or more (on only for the literal true)
def compile_unique_lang(ctx) -> None:
    ctx.need_property("uniqueLang")
    if not ctx.boolean("uniqueLang"):
        return
    comp, shape, run, kind_of = SH + "UniqueLangConstraintComponent", ctx.shape, ctx.run, ctx.run.kinds()

    def check(f, vals, out):
        seen, dup = set(), set()
        for v in vals:
            if kind_of[v] == 2:
                lang = run.term(v).language
                if lang:
                    lang = lang.lower()
                    (dup if lang in seen else seen).add(lang)
        if dup and out is not None:
            out.extend(ValidationResult(shape, f, None, comp) for _ in dup)
        return bool(dup)

    ctx.add(check)


def message_unique_lang(text, r) -> str:
    return "More than one String shares the same Language"


COMPONENTS = (
    Component("MinLength", ("minLength",), compile_min_length, _length_message("minLength", ">=")),
    Component("MaxLength", ("maxLength",), compile_max_length, _length_message("maxLength", "<=")),
    Component("Pattern", ("pattern", "flags"), compile_pattern, message_pattern, triggers=("pattern",)),
    Component("LanguageIn", ("languageIn",), compile_language_in, message_language_in),
    Component("UniqueLang", ("uniqueLang",), compile_unique_lang, message_unique_lang),
)
