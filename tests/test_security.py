"""Security audit: HTML made from document text escapes it, data is read without code execution.

- ``helpers.viz.evidence.evidence_cards`` and ``helpers.viz.evidence.entity_html`` (displaCy) show markup in
  an article as text: tests/viz/test_html_escaping.py (the report built from them is checked in a browser
  by tests/viz/test_report.py);
- the package, the scripts and the notebooks never load YAML with an unsafe loader, never
  unpickle, never ``eval``/``exec``, and ``np.load`` always says ``allow_pickle=False``;
- the shipped data and the encoder's weights contain no pickle.

The source scan parses the code (``ast``) rather than grepping it, so ``model.eval()`` (torch's
inference mode) and the word "pickle" in a docstring are not findings, while ``yaml.load(``,
``import pickle``, ``eval(``, ``exec(``, ``allow_pickle=True`` and their disguises are.
"""

from __future__ import annotations

import ast
import zipfile
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers.datafiles import read_yaml
from helpers.paths import DATA_DIR, PROJECT_ROOT, display_path

# --- code that could execute what it reads -------------------------------------------------

#: Where data files live: development data in the checkout, run-time data inside the package.
DATA_ROOTS = (DATA_DIR, PROJECT_ROOT / "src" / "helpers")
UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "shelve", "marshal", "jsonpickle"}
UNSAFE_YAML = {"load", "load_all", "full_load", "full_load_all", "unsafe_load", "unsafe_load_all",
               "Loader", "FullLoader", "UnsafeLoader", "UnsafeConstructor"}


def findings(source: str, name: str) -> list[str]:
    """Unsafe deserialisation or dynamic code in ``source``, as ``name:line: what`` strings."""
    tree = ast.parse(source, filename=name)
    aliases = {"yaml": {"yaml"}, "numpy": {"numpy"}, "torch": {"torch"}}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name in aliases:
                    aliases[a.name].add(a.asname or a.name)
    out = []

    def hit(node, what):
        out.append(f"{name}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in UNSAFE_MODULES:
                    hit(node, f"import {a.name}")
        elif isinstance(node, ast.ImportFrom):
            mod = (node.module or "").split(".")[0]
            if mod in UNSAFE_MODULES:
                hit(node, f"from {node.module} import ...")
            if mod == "yaml" and {a.name for a in node.names} & UNSAFE_YAML:
                hit(node, f"from yaml import {', '.join(a.name for a in node.names)} (use yaml.safe_load)")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            base = node.value.id
            if base in aliases["yaml"] and node.attr in UNSAFE_YAML:
                hit(node, f"yaml.{node.attr} (use yaml.safe_load)")
            if base in aliases["torch"] and node.attr == "load":
                hit(node, "torch.load unpickles (use safetensors)")
        if isinstance(node, ast.Attribute) and node.attr in ("read_pickle", "to_pickle"):
            hit(node, f".{node.attr}")
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in ("eval", "exec", "__import__"):
                hit(node, f"{f.id}(...)")
            kw = {k.arg: k.value for k in node.keywords}
            for arg, safe in (("allow_pickle", False), ("trust_remote_code", False), ("weights_only", True)):
                if arg in kw and not (isinstance(kw[arg], ast.Constant) and kw[arg].value is safe):
                    hit(node, f"{arg}={ast.unparse(kw[arg])}")
            if (isinstance(f, ast.Attribute) and f.attr == "load" and isinstance(f.value, ast.Name)
                    and f.value.id in aliases["numpy"] | {"np"} and "allow_pickle" not in kw):
                hit(node, "np.load without allow_pickle=False")
    return out


def _project_sources():
    for path in sorted([*(PROJECT_ROOT / "src" / "helpers").rglob("*.py"), *(PROJECT_ROOT / "scripts").glob("*.py")]):
        yield display_path(path), path.read_text(encoding="utf-8")
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for k, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                # IPython magics and shell escapes are not Python; the rest must parse
                lines = cell.source.splitlines()
                code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)
                yield f"{display_path(path)}[cell {k}]", code


def test_no_unsafe_yaml_pickle_eval_or_exec_in_the_project():
    sources = list(_project_sources())
    assert any(name.startswith("src/helpers/") for name, _ in sources)
    bad = [f for name, code in sources for f in findings(code, name)]
    assert not bad, "unsafe loading or dynamic code:\n" + "\n".join(bad)


@pytest.mark.parametrize("code, expected", [
    ("import yaml\nyaml.load(open('x'))", "yaml.load"),
    ("import yaml\nyaml.load(s, Loader=yaml.FullLoader)", "yaml.FullLoader"),
    ("import yaml as y\ny.unsafe_load(s)", "yaml.unsafe_load"),
    ("from yaml import load\nload(s)", "from yaml import load"),
    ("import pickle\npickle.loads(b)", "import pickle"),
    ("from joblib import load", "from joblib import"),
    ("import pandas as pd\npd.read_pickle('x')", ".read_pickle"),
    ("import numpy as np\nnp.load('x.npz', allow_pickle=True)", "allow_pickle=True"),
    ("import numpy as np\nnp.load('x.npy')", "np.load without allow_pickle=False"),
    ("import torch\ntorch.load('w.pt')", "torch.load"),
    ("eval('1 + 1')", "eval(...)"),
    ("exec(code)", "exec(...)"),
    ("AutoModel.from_pretrained(p, trust_remote_code=True)", "trust_remote_code=True"),
])
def test_the_scan_finds_each_unsafe_pattern(code, expected):
    found = findings(code, "snippet.py")
    assert any(expected in f for f in found), found


def test_the_scan_allows_the_safe_forms():
    code = ("import yaml\nimport numpy as np\nyaml.safe_load(s)\nyaml.safe_dump(d)\n"
            "np.load(p, allow_pickle=False)\nmodel.eval()\nx = 'pickle'  # no pickle here\n")
    assert findings(code, "snippet.py") == []


def test_shipped_data_contains_no_pickle():
    pickles = [display_path(p) for root in DATA_ROOTS for p in root.rglob("*")
               if p.suffix.lower() in {".pkl", ".pickle", ".joblib", ".pt", ".pth", ".bin", ".ckpt", ".npy"}]
    assert not pickles, pickles
    for path in (p for root in DATA_ROOTS for p in root.rglob("*.npz")):
        with np.load(path, allow_pickle=False) as arrays:  # object arrays would raise here
            for key in arrays.files:
                assert arrays[key].dtype != object, f"{display_path(path)}:{key}"
        with zipfile.ZipFile(path) as z:
            assert all(n.endswith(".npy") for n in z.namelist()), display_path(path)


def test_encoder_weights_are_safetensors_only():
    from helpers.sentiment import ENCODER_PACKAGE

    root = pytest.importorskip(ENCODER_PACKAGE).get_model_path()
    files = [p for p in Path(root).rglob("*") if p.is_file()]
    assert any(p.suffix == ".safetensors" for p in files)
    unsafe = [p.name for p in files if p.suffix in {".bin", ".pt", ".pth", ".pkl", ".ckpt", ".h5", ".msgpack"}]
    assert not unsafe, f"pickle-format weights in the encoder package: {unsafe}"


def test_yaml_data_files_load_with_the_safe_loader():
    for path in sorted(p for root in DATA_ROOTS for p in root.rglob("*.y*ml")):
        read_yaml(path)  # a python/object tag would raise (the safe loader refuses it)
