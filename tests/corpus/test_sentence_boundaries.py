"""The corpus tables keep the sentence starts that paragraph breaks fix: a headline, a lead opening
with a dateline, a paragraph without final punctuation and list items are sentences of their own,
in the ``sentences`` table (clean and raw offsets) and in the Docs the sentiment scorers read."""

import re

from helpers.corpus import RawDocument, analyze
from helpers.corpus.sentences import sentence_docs, sentence_rows
from helpers.resources import load_resources
from helpers.text import clean

RAW = ("Pakistan Says Air Strikes Hit Militant Camps in Afghanistan\n\n"
       "ISLAMABAD - Pakistan's air force struck militant camps in eastern Afghanistan on Tuesday, the army said,\n"
       "a day after a suicide attack killed seven soldiers at a border post.\n\n"
       "The foreign ministry summoned the Afghan charge d'affaires\n\n"
       "- Kabul condemned the strikes.\n\n"
       "- The Taliban government said civilians were among the dead.")
SENTENCES = ["Pakistan Says Air Strikes Hit Militant Camps in Afghanistan",
             "ISLAMABAD - Pakistan's air force struck militant camps in eastern Afghanistan on Tuesday, the army said, "
             "a day after a suicide attack killed seven soldiers at a border post.",
             "The foreign ministry summoned the Afghan charge d'affaires",
             "- Kabul condemned the strikes.",
             "- The Taliban government said civilians were among the dead."]


def test_sentence_table_and_sentence_docs_keep_paragraph_starts():
    resources = load_resources("syria", sentiment="none")
    tables = analyze([RawDocument(doc_id="pk", text=RAW, source="test")], resources)
    s = tables["sentences"]
    assert list(s.text) == SENTENCES
    assert list(s.paragraph) == [0, 1, 2, 3, 4]
    assert not any(re.search(r"^\s|\s$|\n\s*\n", t) for t in s.text)
    assert [" ".join(RAW[a:b].split()) for a, b in zip(s.raw_start, s.raw_end)] == SENTENCES
    assert tables["documents"].n_sentences.iloc[0] == len(SENTENCES)

    cdoc = clean(RAW, doc_id="pk")
    sdoc = resources.nlp(cdoc.text)
    assert [r["text"] for r in sentence_rows(cdoc, sdoc)] == SENTENCES
    docs = sentence_docs(sdoc)
    assert list(docs) == SENTENCES
    assert all(d.text == text and d[0].is_sent_start for text, d in docs.items())
    assert [sum(t.is_sent_start for t in d) for d in docs.values()] == [1] * len(SENTENCES)
    headline_ents = [(e.text, e.label_) for e in docs[SENTENCES[0]].ents]
    assert ("Pakistan", "GPE") in headline_ents and ("Afghanistan", "GPE") in headline_ents

    again = analyze([RawDocument(doc_id="pk", text=RAW, source="test")], resources)["sentences"]
    assert again.equals(s)
