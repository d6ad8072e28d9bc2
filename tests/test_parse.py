"""Parse helpers the later stages share."""
from __future__ import annotations

import pytest

from eventwire.model import CleanArticle
from eventwire.parse import paragraph_text, sentences


def test_a_sentence_paragraph_is_its_line_cut_around_it_when_a_limit_is_given(pipeline):
    text = ("Rioters burned tyres in Kisumu. They stoned the police station.\n\n"
            "Police said calm had returned on Tuesday. Ten people were arrested.")
    listed = sentences(pipeline.parser.parse(CleanArticle("t", text, "test")).doc)
    burned, police = (next(s for s in listed if word in s.text) for word in ("burned", "calm"))
    assert paragraph_text(burned) == "Rioters burned tyres in Kisumu. They stoned the police station."
    assert paragraph_text(police) == "Police said calm had returned on Tuesday. Ten people were arrested."
    assert paragraph_text(police, limit=30) == "Police said calm had returned on Tuesday. Ten people wer"


def test_a_sentence_ending_its_line_does_not_take_the_next_paragraph(pipeline):
    text = "Rioters burned tyres in Kisumu.\n\nSoldiers shelled Kismayo on Tuesday."
    listed = sentences(pipeline.parser.parse(CleanArticle("t", text, "test")).doc)
    assert paragraph_text(listed[0]) == "Rioters burned tyres in Kisumu."


def test_an_irregular_past_tense_tagged_as_a_base_form_takes_its_lemma(pipeline):
    doc = pipeline.parser.parse(CleanArticle("t", "Rebels retook the town of Idlib on Monday.", "test")).doc
    assert [t.lemma_ for t in doc if t.text == "retook"] == ["retake"]


@pytest.mark.parametrize("text, expected", [
    # An editor's insertion inside a sentence is part of it ...
    ("Iraqi security forces withdrew today [Sunday] from the Walid crossing.",
     ["Iraqi security forces withdrew today [Sunday] from the Walid crossing."]),
    ("Kenyans in Namanga [border town] demonstrated on Monday [27 March].",
     ["Kenyans in Namanga [border town] demonstrated on Monday [27 March]."]),
    # ... but a bracket after a full stop may open the next one.
    ("Police came. [Translated] Rebels fled.", ["Police came.", "[Translated] Rebels fled."]),
])
def test_a_bracketed_insertion_never_starts_a_sentence(pipeline, text, expected):
    doc = pipeline.parser.parse(CleanArticle("t", text, "test")).doc
    assert [s.text for s in sentences(doc)] == expected
