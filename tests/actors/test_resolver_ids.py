"""helpers.actors.resolver: every id the resolver emits is a catalog actor id (or empty), every
mention it records is a span of ``doc.ents`` (issue 13, item 2).

The cause of the bug this guards against: inside the resolver ``Span.ent_id_`` is the root token's
id, which is still the rulers' pattern id ("demonym:kurdish_forces", "seat:russia") until
``doc.ents`` is reassigned; the resolver must read a span's own id (``span.id_``). The sweep puts
every name the syria catalog knows (actor names, aliases, seats, demonyms, titles) and hyphenated
pairs of demonyms into short news-like templates; the regression tests use sentences of the
vendored development articles (Wikinews, CC BY 2.5; FA-KES, CC BY 4.0: see their SOURCE.md).
"""

from __future__ import annotations

import pytest

from helpers.actors import MENTIONS_KEY, actor_pipeline, load_catalog

#: Templates: the name as a subject, as the modifier of an agent noun, and followed by a definite
#: description that refers back ("the alliance said the regime ...").
TEMPLATES = (
    "{x} said on Monday that the regime had shelled the town.",
    "{x} forces shelled the town, the army said.",
    "An {x} alliance surrounded the town. The alliance said the regime shelled it.",
    "Speaking in {x}, the ministry said the {x} military and the coalition would attend the talks.",
)
#: Nationalities the catalog does not list, paired with its demonyms ("Arab-Kurdish").
OTHER_NATIONALITIES = ("Arab", "Sunni", "Alawite", "Assyrian")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(("syria",))


@pytest.fixture(scope="module")
def nlp(catalog):
    return actor_pipeline(catalog)


def demonym_pairs(catalog, partners: int = 3, every: int = 1) -> list[str]:
    """Each demonym (every ``every``-th, sorted) hyphenated with the next ``partners`` demonyms
    of other actors (cyclic) and with the nationalities outside the catalog, in both orders:
    "Arab-Kurdish", "Kurdish-Arab", "Russian-Syrian"."""
    dem = sorted(catalog.demonyms)[::every]
    pairs = set()
    for k, a in enumerate(dem):
        others = [d for d in dem[k + 1:] + dem[:k] if catalog.demonyms[d] != catalog.demonyms[a]]
        for b in others[:partners] + list(OTHER_NATIONALITIES):
            pairs.update({f"{a}-{b}", f"{b}-{a}"})
    return sorted(pairs)


def all_names(catalog) -> list[str]:
    """Every surface the catalog recognises: actor names, aliases, seats, demonyms, titles."""
    names = {a.name for a in catalog.actors.values()}
    names.update(alias for a in catalog.actors.values() for alias in a.aliases)
    names.update(catalog.seats, catalog.demonyms, catalog.titles)
    return sorted(names)


def run(texts: list[str], nlp) -> list[tuple[str, object]]:
    """``(text, doc)`` for each text, batched; one by one, with the exception for a doc, when a
    batch raised."""
    try:
        return list(zip(texts, nlp.pipe(texts, batch_size=256)))
    except Exception:  # noqa: BLE001 - find and report the texts that raise
        out = []
        for text in texts:
            try:
                out.append((text, nlp(text)))
            except Exception as exc:  # noqa: BLE001
                out.append((text, exc))
        return out


def id_problems(texts: list[str], nlp, catalog) -> tuple[int, list[str]]:
    """Run ``texts`` through the pipeline; return the number of entities checked and what is wrong:
    an exception, an emitted id that is not a catalog actor, a mention without its span or a
    span without its mention."""
    problems, n_ents = [], 0
    for text, doc in run(texts, nlp):
        if isinstance(doc, Exception):
            problems.append(f"{text!r}: {type(doc).__name__}: {doc}")
            continue
        n_ents += len(doc.ents)
        for ent in doc.ents:
            if ent.ent_id_ and ent.ent_id_ not in catalog:
                problems.append(f"{text!r}: {ent.text!r} has id {ent.ent_id_!r}, not a catalog actor")
        for span in doc.spans["dropped"]:
            if span.id_ and span.id_ not in catalog:
                problems.append(f"{text!r}: dropped {span.text!r} has id {span.id_!r}")
        spans = {(e.start_char, e.end_char) for e in doc.ents}
        mentions = set(doc.user_data[MENTIONS_KEY])
        problems += [f"{text!r}: mention {doc.text[a:b]!r} {(a, b)} is no entity" for a, b in sorted(mentions - spans)]
        problems += [f"{text!r}: entity {doc.text[a:b]!r} has no mention" for a, b in sorted(spans - mentions)]
    return n_ents, problems


def sweep(names: list[str], templates, nlp, catalog) -> tuple[int, int]:
    texts = [t.format(x=name) for name in names for t in templates]
    n_ents, problems = id_problems(texts, nlp, catalog)
    assert not problems, f"{len(problems)} problems in {len(texts)} texts, e.g.:\n" + "\n".join(problems[:20])
    return len(texts), n_ents


# ----- the sweep ---------------------------------------------------------------------------
def test_demonyms_and_their_hyphenated_pairs(nlp, catalog):
    """The crash's own class, fast enough for every run: every 8th demonym (54 of the world and
    syria packs' 425) and its hyphenated pairs (756) modifying an agent noun that a description
    then refers to ("An Arab-Kurdish alliance surrounded the town. The alliance said ..."); the
    slow sweep has every demonym and the other templates."""
    names = sorted(catalog.demonyms)[::8] + demonym_pairs(catalog, every=8)
    n_texts, n_ents = sweep(names, TEMPLATES[2:3], nlp, catalog)
    # every text gives entities (the pair, and "the alliance" where a description resolves; "the
    # regime" only where the text supports the Syrian government: issue 14); the test's subject
    # is sweep()'s check that no entity carries an id outside the catalog
    assert len(names) > 700 and n_ents > n_texts


@pytest.mark.slow
def test_every_catalog_name_in_every_template(nlp, catalog):
    """Every 5th actor name, alias, seat, demonym and title (about 2,600 of the world and syria
    packs' 13,000: the world pack's names are generated from a few patterns) and the demonym
    pairs of every 8th demonym, in the four templates."""
    names = all_names(catalog)[::5] + demonym_pairs(catalog, every=8)
    n_texts, _ = sweep(names, TEMPLATES, nlp, catalog)
    assert len(names) > 3000 and n_texts == 4 * len(names)


@pytest.mark.slow
def test_every_demonym_before_every_description(nlp, catalog):
    """Every 8th demonym before every catalog description ("the Kurdish alliance said", "the
    Russian military said"): where a demonym and a description become one mention."""
    demonyms = sorted(catalog.demonyms)[::8]
    names = [f"{d} {' '.join(desc)}" for d in demonyms for desc in sorted(catalog.descriptions)]
    n_texts, _ = sweep(names, ("The {x} said the regime shelled the town.",), nlp, catalog)
    assert n_texts == len(demonyms) * len(catalog.descriptions)


# ----- regressions -------------------------------------------------------------------------
def ents(nlp, text) -> list[tuple[str, str, str, str]]:
    doc = nlp(text)
    info = doc.user_data[MENTIONS_KEY]
    return [(e.text, e.ent_id_, info[(e.start_char, e.end_char)]["kind"], info[(e.start_char, e.end_char)]["source"])
            for e in doc.ents]


def test_arab_kurdish_alliance_is_the_sdf(nlp):
    """The issue's text (it raised KeyError 'demonym:kurdish_forces'). "Kurdish" modifies
    "alliance", a description of the SDF and of NATO; only the SDF is a Kurdish force, so
    "Kurdish alliance" is one mention of the SDF (whose alias is "Kurdish-led alliance"), as is the
    later "The alliance"; "Arab" is outside the catalog, a nationality."""
    assert ents(nlp, "An Arab-Kurdish alliance surrounded the town. The alliance said the regime shelled it.") == [
        ("Arab", "", "group", "ner"),
        ("Kurdish alliance", "sdf", "actor", "description"),
        ("alliance", "sdf", "actor", "description"),
        ("regime", "syrian_government", "actor", "description"),
    ]


def test_another_states_demonym_owns_the_description(nlp):
    """Wikinews, 2 Sep 2020: the German government and the Russian opposition are not Syria's
    (before the fix the NER's "German" and "Russian" had no actor yet where this was decided)."""
    got = ents(nlp, "On Wednesday, the German government said Russian opposition leader Alexei Navalny "
                    "was poisoned with Novichok.")
    assert ("Russian", "russia", "actor", "demonym") in got
    assert not [e for e in got if e[1] in ("syrian_government", "syrian_opposition")], got


def test_a_state_named_as_a_place_still_owns_the_description(nlp):
    """Wikinews: "the United States government" is no mention of the Syrian government, although
    "United States" itself is resolved as a place there."""
    got = ents(nlp, "In 2007, the United States government labeled Soleimani as a terrorist and levied sanctions "
                    "against him.")
    assert not [e for e in got if e[1] == "syrian_government"], got


def test_acronym_takes_the_actor_of_the_entity_that_spells_it(nlp):
    """An acronym takes the actor of its long form's entity when that entity spells most of its
    initials (IRGC, UK); "Syria" in "Syria Live Network (SLN)" is only part of it (FA-KES)."""
    irgc = ents(nlp, "The Iranian Revolutionary Guard Corps (IRGC), which includes the Quds Force, declared that "
                     "Soleimani was martyred. The IRGC said so.")
    assert [e[1] for e in irgc if e[0] == "IRGC"] == ["irgc", "irgc"]
    uk = ents(nlp, "On Thursday, the United Kingdom's (UK) Conservative Party netted an additional 66 seats.")
    assert ("UK", "united_kingdom", "actor", "acronym") in uk
    sln = ents(nlp, "Regime airstrikes killed 20 civilians on Monday in the Bab al-Maqam neighborhood of Aleppo "
                    "Syria Live Network (SLN) reported.")
    assert [e[1] for e in sln if e[0] == "SLN"] == [""]


def test_acronym_of_a_long_form_holding_a_seat_gets_no_seat_id(nlp, catalog):
    """Wikinews, 2019: "TfL" took the rulers' id of "London", "seat:united_kingdom", as its
    ent_id (the one id outside the catalog that the 480 vendored articles produced)."""
    doc = nlp("Transport for London (TfL) told morning rush-hour passengers to take a longer way around instead "
              "of the travelator. An official from TfL stated: \"We are working with colleagues in the British "
              "Transport Police.\"")
    assert [(e.text, e.ent_id_) for e in doc.ents if e.text in ("London", "TfL")] == [
        ("London", "united_kingdom"), ("TfL", "")]
    assert all(e.ent_id_ in catalog for e in doc.ents if e.ent_id_)


def test_a_seat_named_as_a_persons_surname_is_the_person(nlp):
    """Wikinews, 3 Feb 2020: "Amman" after "Sudesh Amman" is the attacker, not Jordan."""
    got = ents(nlp, "The attacker, identified as Sudesh Amman, 20, was placed under police surveillance. Amman, who "
                    "was described as knife-obsessed by the police, sent his girlfriend videos of beheadings.")
    assert [e[2:] for e in got if e[0] == "Amman"] == [("actor", "surname")]


def test_an_untagged_surname_is_the_one_person_of_the_document_who_bears_it(nlp):
    """The recogniser misses a bare surname ("Schiff" after "Adam Schiff", Wikinews) or cuts a
    name short ("Judge Amy Berman" + "Jackson"); the document names one person so, so the mention
    table (not only the blame rules) has that person there. A surname two people share stays
    unresolved."""
    schiff = ents(nlp, "The committee is chaired by Adam Schiff. Schiff said the report would be released.")
    assert schiff == [("Adam Schiff", "", "actor", "ner"), ("Schiff", "", "actor", "surname")]
    judge = ents(nlp, "Paul Manafort was sentenced by Judge Amy Berman Jackson to 73 months in federal prison. "
                      "Jackson said he had lied.")
    assert ("Jackson", "", "actor", "surname") in judge, judge
    shared = ents(nlp, "The committee is chaired by Adam Schiff and Eve Schiff. Schiff said the report would be "
                       "released.")
    assert ("Schiff", "", "actor", "surname") not in shared, shared
