"""Title Case and ALL CAPS headlines get their entities from a sentence-cased copy (``headline_entities``)."""

import pytest

from helpers.actors import actor_pipeline, load_catalog, new_actor_pipeline
from helpers.actors.headlines import body_case, headlines, sentence_cased

ARMY = ("Syrian Army Kills Dozens of Rebels in Adra Ambush\n\n"
        "The Syrian army killed dozens of rebels on Tuesday in an ambush near Adra, northeast of Damascus, "
        "state media said. The rebels had been moving supplies toward the eastern suburbs, the report said.")
CAPS = ("PAKISTAN STRIKES MILITANT CAMPS IN AFGHANISTAN\n\n"
        "Pakistan said on Tuesday its air force had struck militant camps in Afghanistan, a day after an "
        "attack on a border post killed seven soldiers. The militants were planning attacks on Pakistani "
        "cities, the army said.")
GOVERNOR = ("Governor Hochul Criticises Mayor Adams Over Migrant Shelters\n\n"
            "New York Governor Kathy Hochul criticised Mayor Eric Adams on Monday over the city's handling of "
            "migrant shelters. Hochul said the shelters were overcrowded.")
STATION = ("Crew Dragon Capsule Docks With International Space Station\n\n"
           "A Crew Dragon capsule carrying four astronauts docked with the International Space Station on "
           "Friday, NASA said. The capsule reached the station 28 hours after launch.")
GHOUTA = ("135 Civilians Killed in Shelling of Eastern Ghouta\n\n"
          "At least 135 civilians were killed in shelling of Eastern Ghouta over three days, a monitoring "
          "group said. The shelling hit markets and a hospital.")
PROSE = ("Rebels shelled the outskirts of Aleppo on Sunday\n\n"
         "The Syrian army said it had repelled the attack. Russia called for talks in Geneva.")


@pytest.fixture(scope="module")
def pipelines():
    """The actor pipeline (the process's shared one: these tests only read it), and a fresh one
    without ``headline_entities``."""
    catalog = load_catalog(["syria"])
    without = new_actor_pipeline(catalog)
    without.remove_pipe("headline_entities")
    return actor_pipeline(catalog), without


def headline_ents(nlp, text):
    doc = nlp(text)
    end = text.index("\n\n")
    return [(e.text, e.label_) for e in doc.ents if e.end_char <= end]


def test_title_case_headlines_lose_capitalised_common_words(pipelines):
    nlp, plain = pipelines
    assert ("Rebels", "GPE") in headline_ents(plain, ARMY)
    assert headline_ents(nlp, ARMY) == [("Syrian Army", "ORG"), ("Dozens", "CARDINAL"), ("Adra", "GPE")]
    # without the headline component the NER runs "Criticises" into the name; the untagged
    # "Adams" is still Eric Adams, the one person of the body with that surname
    assert headline_ents(plain, GOVERNOR) == [("Governor Hochul Criticises", "PERSON"), ("Mayor Adams", "PERSON")]
    assert headline_ents(nlp, GOVERNOR) == [("Governor Hochul", "PERSON"), ("Mayor Adams", "PERSON")]  # title + name


def test_all_caps_headlines_get_their_places(pipelines):
    nlp, plain = pipelines
    assert ("PAKISTAN STRIKES MILITANT CAMPS", "ORG") in headline_ents(plain, CAPS)
    assert headline_ents(nlp, CAPS) == [("PAKISTAN", "GPE"), ("AFGHANISTAN", "GPE")]


def test_a_name_the_body_writes_alike_keeps_its_capitals(pipelines):
    nlp, _ = pipelines
    assert headline_ents(nlp, STATION) == [("International Space Station", "ORG")]


def test_sentence_case_from_the_body(pipelines):
    nlp, _ = pipelines
    hl = nlp.get_pipe("headline_entities")
    for text, cased in ((GHOUTA, "135 civilians killed in shelling of Eastern Ghouta"),
                        (ARMY, "Syrian army kills dozens of rebels in Adra ambush"),
                        (CAPS, "Pakistan Strikes militant camps in Afghanistan")):
        doc = nlp(text)
        spans = headlines(doc, hl.stop_words, hl.max_words, hl.min_capitalised)
        assert spans == [(0, len(nlp.make_doc(text.split("\n\n")[0])))]
        body = body_case(doc, spans, hl.stop_words, hl.min_capitalised, hl.suffixes)
        assert " ".join(sentence_cased(doc, *spans[0], body, hl.stop_words, hl.suffixes)) == cased


def test_prose_paragraphs_are_left_alone(pipelines):
    nlp, plain = pipelines
    doc = nlp(PROSE)
    hl = nlp.get_pipe("headline_entities")
    assert headlines(doc, hl.stop_words, hl.max_words, hl.min_capitalised) == []
    assert [(e.text, e.label_, e.start) for e in doc.ents] == [(e.text, e.label_, e.start) for e in plain(PROSE).ents]


def test_settings_are_in_the_config_and_results_do_not_depend_on_the_batch(pipelines):
    nlp, _ = pipelines
    config = nlp.config["components"]["headline_entities"]
    assert config["rerun"] == ["actor_names", "actor_acronyms", "ner"]
    assert nlp.pipe_names.index("headline_entities") == nlp.pipe_names.index("ner") + 1
    texts = [ARMY, CAPS, GOVERNOR, STATION, PROSE]
    alone = [[(e.start, e.end, e.label_) for e in nlp(t).ents] for t in texts]
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=2)] == alone
