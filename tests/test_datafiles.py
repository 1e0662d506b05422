"""helpers.datafiles.read_yaml: the one reader of the YAML data files (rules, lexicons, packs)."""

from __future__ import annotations

import pytest
import yaml

from helpers.datafiles import read_yaml


def test_reads_what_safe_load_reads(tmp_path):
    text = ("# provenance: written for this test\nverbs: [accuse, blame]\nweights: {near: 0.5, far: 1}\n"
            "date: 2016-09-26\nphrases:\n  - 'held responsible'\n  - \"Moscow's role\"\nnothing: null\n")
    path = tmp_path / "lexicon.yml"
    path.write_text(text, encoding="utf-8")
    assert read_yaml(path) == yaml.safe_load(text)


@pytest.mark.parametrize("text", ["verbs: [accuse, blame\n", "!!python/object/apply:os.system ['echo hi']\n"])
def test_invalid_or_unsafe_yaml_names_the_file(tmp_path, text):
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules\.yml: not valid YAML"):
        read_yaml(path)
