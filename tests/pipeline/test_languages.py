"""Language tags: any valid BCP 47 tag is accepted, a well-formed tag that names no language is a
Violation on the subject whose text carries it (kg.languages, through the build)."""

from __future__ import annotations

import pytest

from helpers.knowledge import build_copy, edited_copy
from kg.languages import is_valid

VALID = ["en", "de", "fr", "zh", "zh-Hans", "zh-Hant", "zh-Latn-pinyin", "ja", "ko", "ru", "mn", "pt-BR", "en-GB",
         "sgn-CH-DE", "und", "mul", "x-private", "en-Latn-US-x-kg", "yue-Hant-HK", "EN"]
INVALID = ["ge", "english", "zz", "en-ZX", "en-Xxxx", "chinese", "sw1ss"]  # no such language, region or script


@pytest.mark.parametrize("tag", VALID)
def test_valid_tags(tag):
    assert is_valid(tag)


@pytest.mark.parametrize("tag", INVALID)
def test_tags_that_name_no_language(tag):
    assert not is_valid(tag)


CHONGQING = 'place:chongqing a stc:Municipality ; skos:prefLabel "Chongqing"@en ;'


def _tagged(tag: str):
    return [("curation.trig", CHONGQING, CHONGQING.replace('"Chongqing"@en ;', f'"Chongqing"@en , "Tschungking"@{tag} ;'))]


def test_a_tag_that_names_no_language_is_a_violation_on_its_subject(tmp_path):
    built = build_copy(edited_copy(tmp_path, _tagged("ge")))
    hits = [i for i in built.report().issues if i.origin == "languages"]
    assert not built.conforms and len(hits) == 1
    assert hits[0].focus.endswith("/place/chongqing") and hits[0].severity == "Violation" and "@ge" in hits[0].message


def test_a_valid_tag_of_another_language_builds_clean(tmp_path):
    assert build_copy(edited_copy(tmp_path, _tagged("de"))).conforms
