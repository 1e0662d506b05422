"""Build the ``world`` catalog pack (``src/helpers/catalogs/world/``) from country data.

    python scripts/build_world_pack.py            # (re)write the four files of the pack
    python scripts/build_world_pack.py --check    # exit 1 if the files differ from what it would write
    make world-pack                               # the same as the first line

Sources (read at build time only; the pack is plain YAML and needs none of them to load):

- ``country_converter`` (coco, GPL-3.0; its ``country_data.tsv``, read as data): the list of
  states and territories, ISO 3166-1 codes, short and official English names, and the year of
  UN membership (193 members);
- ``countryinfo`` (MIT; its ``data/*.json``): demonyms, capitals, English alternative names,
  population (which of two states keeps a shared name or demonym);
- ``wordfreq`` (MIT, already a dependency): which ISO alpha-3 codes are safe as aliases (rarer
  than :data:`ISO3_MAX_ZIPF` in English: "AND", "CAN", "PER" are words, "ZWE" is not);
- ``scripts/world_pack/``: what no library has, written for this project from public facts,
  with provenance in each file: ``states.yml`` (per-state corrections: news names, seats of
  government, demonyms, the ids the ``syria`` pack already used), ``institutions.yml`` (the
  institutions of a state and their name patterns), ``organisations.yml`` (international
  organisations) and ``places.yml`` (places whose names contain a state's).

The output is deterministic: entries in a fixed order (states by id, each followed by its
institutions; organisations as listed), lists de-duplicated in order, a header naming the
sources and their versions.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "world_pack"
OUT = ROOT / "src" / "helpers" / "catalogs" / "world"
#: ISO alpha-3 codes rarer than this in English (wordfreq Zipf scale) become aliases.
ISO3_MAX_ZIPF = 1.5
#: Words of a library's alternative name that need not be English words (articles, "of").
_FUNCTION_WORDS = {"of", "the", "and"}
#: A word of an English alternative name must be at least this frequent (Zipf) in English.
ENGLISH_MIN_ZIPF = 2.5
ROLE_ORDER = ("government", "military", "army", "air_force", "navy", "foreign_ministry", "defence_ministry")


# ----- reading the sources ---------------------------------------------------------------------
def read_yaml(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def coco_rows() -> list[dict]:
    """country_converter's table (as strings: "NA" is Namibia, not a missing value)."""
    path = resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def countryinfo_records() -> dict[str, dict]:
    """countryinfo's records by ISO alpha-3; duplicates merged (the one with a demonym first)."""
    out: dict[str, dict] = {}
    files = sorted((f for f in (resources.files("countryinfo") / "data").iterdir() if f.name.endswith(".json")),
                   key=lambda f: f.name)
    for f in files:
        rec = json.loads(f.read_text(encoding="utf-8"))
        a3 = (rec.get("ISO") or {}).get("alpha3")
        if not a3:
            continue
        if a3 in out:
            first, second = sorted([out[a3], rec], key=lambda r: (not r.get("demonym"), r.get("name", "")))
            merged = dict(first)
            merged["altSpellings"] = list(first.get("altSpellings") or []) + list(second.get("altSpellings") or [])
            rec = merged
        out[a3] = rec
    return out


def versions() -> dict[str, str]:
    return {p: metadata.version(p) for p in ("country_converter", "countryinfo", "wordfreq")}


# ----- text helpers ----------------------------------------------------------------------------
def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")


def unique(items) -> list:
    out, seen = [], set()
    for x in items:
        x = " ".join(str(x).split())
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def plural(adjective: str) -> str | None:
    """The people noun of a demonym adjective ("Pakistani" -> "Pakistanis", "South African" ->
    "South Africans"), or None where it is the adjective itself or another word ("Chinese",
    "British", "Czech": states.yml adds those)."""
    if re.search(r"(ese|ish|ss|sh|ch|x|y|ois|que|ai|ic)$", adjective) or " and " in adjective:
        return None
    if " " in adjective and not adjective.endswith("n"):
        return None
    return adjective + "s"


def english_name(name: str, own: set[str]) -> bool:
    """Is the library's alternative name an English name of the state: several words, each an
    English word or one of the state's own name words ("Republic of Benin", not "République du
    Bénin" or "Bundesrepublik Deutschland"), no comma ("Korea, Republic of")?"""
    from wordfreq import zipf_frequency

    words = name.replace("'s", "").split()
    if len(words) < 2 or "," in name or not any(w.lower() in own for w in words):
        return False
    return all(w.lower() in own or w.lower() in _FUNCTION_WORDS or
               (w[:1].isupper() and zipf_frequency(w.lower(), "en") >= ENGLISH_MIN_ZIPF) for w in words)


def iso3_alias(code: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(code.lower(), "en") < ISO3_MAX_ZIPF


# ----- states ----------------------------------------------------------------------------------
@dataclass
class State:
    """One state or territory, from the sources and its corrections in states.yml."""

    iso3: str
    iso2: str
    id: str
    name: str
    status: str  # member, observer, territory
    aliases: list[str]
    adjectives: list[str]
    demonyms: list[str]
    attributive: list[str]
    seats: list[str]
    descriptions: list[str]
    population: int
    roles: list[str]
    agents: str  # "state", or "government": the demonym and seats stand for the government
    institutions: dict = field(default_factory=dict)


def read_states() -> list[State]:
    conf = read_yaml("states.yml")
    info = countryinfo_records()
    overrides = conf["states"]
    states = []
    for row in coco_rows():
        a3 = row["ISO3"]
        if row["obsolete"] or a3 in conf["skip"]:
            continue
        states.append(make_state(row, info.get(a3, {}), overrides.get(a3) or {}, conf))
    unknown = set(overrides) - {s.iso3 for s in states}
    if unknown:
        raise SystemExit(f"states.yml corrects unknown or skipped states: {sorted(unknown)}")
    return states


def make_state(row: dict, rec: dict, o: dict, conf: dict) -> State:
    a3 = row["ISO3"]
    status = "member" if row["UNmember"] else "observer" if a3 in conf["observers"] else "territory"
    name = o.get("name") or re.sub(r"\bSt\. ", "Saint ", row["name_short"])
    official = row["name_official"]
    own = {w.lower() for n in (name, official, rec.get("name", "")) for w in n.replace("'s", "").split()}
    alts = [a.strip() for a in rec.get("altSpellings") or [] if english_name(a.strip(), own)]
    iso = [a3] if iso3_alias(a3) else []
    aliases = unique([name, official, rec.get("name", ""), *alts, *o.get("aliases", []), *iso])
    aliases = [a for a in aliases if a not in set(o.get("drop_aliases", []))
               and "," not in a and not re.search(r"\bSt\. ", a)]
    if "adjectives" in o:  # the library's demonym replaced (a noun, an old spelling)
        adjectives = unique(o["adjectives"])
    else:
        lib = [d.strip() for d in re.split(r"[,/]", rec.get("demonym") or "") if d.strip()]
        adjectives = [d for d in unique(lib) if d not in set(o.get("drop_demonyms", [])) and d not in aliases]
    demonyms = unique(adjectives + [p for a in adjectives if (p := plural(a))] + o.get("demonyms", []))
    capital = rec.get("capital") if isinstance(rec.get("capital"), str) else None
    seats = o["seats"] if "seats" in o else ([capital] if capital and status != "territory" else [])
    if status == "member":
        roles = [r for r in ROLE_ORDER[1:] if (a3 not in conf["no_armed_forces"] or r.endswith("ministry"))
                 and not (r == "navy" and a3 in conf["no_navy"])]
    else:
        roles = []
    roles = o.get("roles", roles)
    if o.get("agents") == "government":
        roles = ["government", *roles]
    iso2 = row["ISO2"] if re.fullmatch(r"[A-Z]{2}", row["ISO2"]) else (rec.get("ISO") or {}).get("alpha2", "")
    return State(
        iso3=a3, iso2=iso2,
        id=o.get("id") or slug(name), name=name, status=status, aliases=aliases, adjectives=adjectives,
        demonyms=demonyms, attributive=unique([name, *o.get("attributive", [])]), seats=unique(seats),
        descriptions=o.get("descriptions", []), population=int(rec.get("population") or 0), roles=roles,
        agents=o.get("agents", "state"), institutions=o.get("institutions") or {},
    )


def fill(template: str, state: State) -> list[str]:
    """Every expansion of ``template`` with the state's adjectives (its names where it has none:
    "New Zealand Army") and attributive names; "{Name}'s" is "{Name}'" after an s ("Bahamas'")."""
    def name(n: str) -> str:
        out = template.replace("{Name}", n)
        return out.replace("s's ", "s' ") if n.endswith("s") else out

    if "{Adj}" in template:
        return [template.replace("{Adj}", a) for a in state.adjectives or state.attributive]
    if "{Name}" in template:
        return [name(n) for n in state.attributive]
    return [template]


def share_demonyms(states: list[State]) -> list[str]:
    """A demonym of several states stays with the most populous ("Congolese": DR Congo, not the
    Republic of the Congo; "Dominican": the Dominican Republic). Returns what was decided."""
    owners: dict[str, list[State]] = {}
    for s in states:
        for d in s.demonyms:
            owners.setdefault(d, []).append(s)
    decisions = []
    for d, ss in sorted(owners.items()):
        if len(ss) < 2:
            continue
        ss = sorted(ss, key=lambda s: (-s.population, s.id))
        for loser in ss[1:]:
            loser.demonyms = [x for x in loser.demonyms if x != d]
            loser.adjectives = [x for x in loser.adjectives if x != d]
        decisions.append(f"demonym {d!r}: {ss[0].id} (not {', '.join(s.id for s in ss[1:])})")
    return decisions


def seat_places(states: list[State]) -> list[dict]:
    """Seats that contain a state's one-word name ("Mexico City", "Kuwait City") become places:
    the name is marked before the NER, which could then never see the seat whole. A seat that
    is a name of its state ("Singapore") is dropped."""
    one_word = {a for s in states for a in s.aliases if " " not in a}
    places = []
    for s in states:
        keep = []
        for seat in s.seats:
            if seat in s.aliases:
                continue
            if " " in seat and one_word & set(seat.split()):
                places.append({"id": slug(seat), "name": seat, "label": "GPE", "within": s.id, "aliases": [seat]})
            else:
                keep.append(seat)
        s.seats = keep
    return places


def institution_entries(state: State, templates: dict) -> list[dict]:
    """The state's institutions (roles of institutions.yml) as actor entries."""
    ids = {"state": state.id}
    for role in state.roles:
        custom = state.institutions.get(role) or {}
        ids[role] = custom.get("id") or ids.get(custom.get("same_as", ""), "") or f"{state.id}_{role}"
    if state.agents == "government":
        ids["state"] = ids["government"]  # the government stands for the state's agents
    entries: dict[str, dict] = {}
    for role in state.roles:
        custom = state.institutions.get(role) or {}
        t = templates["roles"].get(role, {"type": "government", "parent": None, "name": "{Adj} government",
                                            "aliases": [], "descriptions": []})
        aliases = [a for pat in t["aliases"] for a in fill(pat, state)] + custom.get("aliases", [])
        aliases = [a for a in aliases if a not in set(custom.get("drop_aliases", []))]
        descriptions = custom["descriptions"] if "descriptions" in custom else t["descriptions"]
        if role == "government":
            parent = None
        else:
            parent = ids.get(custom.get("parent") or t["parent"]) or ids["state"]
            parent = custom.get("parent_id", parent)
        aid = ids[role]
        if aid in entries:  # two roles, one actor ("same_as"): its names are both roles'
            entries[aid]["aliases"] = unique(entries[aid]["aliases"] + aliases)
            entries[aid]["descriptions"] = unique(entries[aid]["descriptions"] + descriptions)
            continue
        names = fill(t["name"], state)
        entries[aid] = {
            "id": aid, "name": custom.get("name") or names[0], "type": t["type"], "parent": parent,
            "aliases": unique(aliases), "demonyms": [], "seats": [], "descriptions": unique(descriptions),
        }
    if state.agents == "government":
        gov = entries[ids["government"]]
        gov["demonyms"], gov["seats"] = state.demonyms, state.seats
    return list(entries.values())


def state_entries(state: State, templates: dict) -> list[dict]:
    own = [a for pat in templates["state"]["aliases"] for a in fill(pat, state)] if state.status != "territory" else []
    by_government = state.agents == "government"
    entry = {
        "id": state.id, "name": state.name, "type": "state", "parent": None,
        "aliases": unique(state.aliases + ([] if by_government else own)),
        "demonyms": [] if by_government else state.demonyms, "seats": [] if by_government else state.seats,
        "descriptions": unique(templates["state"]["descriptions"] + state.descriptions) if not by_government else [],
        "iso": {"alpha2": state.iso2, "alpha3": state.iso3},
        "status": state.status,
    }
    institutions = institution_entries(state, templates)
    if by_government:
        gov = next(e for e in institutions if e["type"] == "government")
        gov["aliases"] = unique(own + gov["aliases"])
        gov["descriptions"] = unique(templates["state"]["descriptions"] + state.descriptions + gov["descriptions"])
    return [entry, *institutions]


# ----- names shared by several entries ---------------------------------------------------------
def share_out(entries: list[dict], population: dict[str, int]) -> list[str]:
    """Give each alias, demonym and seat to one entry: the state (or its institution) with the
    larger population keeps it ("Congolese": DR Congo), the others lose it. Returns what was
    decided, for the header."""
    decisions = []
    for key in ("aliases", "demonyms", "seats"):
        owners: dict[str, list[dict]] = {}
        for e in entries:
            for name in e[key]:
                owners.setdefault(name if key != "aliases" else name.lower(), []).append(e)
        for name, es in sorted(owners.items()):
            if len({e["id"] for e in es}) < 2:
                continue
            es = sorted(es, key=lambda e: (-population.get(e["id"], 0), e["id"]))
            for loser in es[1:]:
                loser[key] = [n for n in loser[key] if (n if key != "aliases" else n.lower()) != name]
            label = {"aliases": "alias", "demonyms": "demonym", "seats": "seat"}[key]
            decisions.append(f"{label} {name!r}: {es[0]['id']} (not {', '.join(e['id'] for e in es[1:])})")
    return decisions


# ----- the pack --------------------------------------------------------------------------------
def build() -> dict[str, str]:
    """The four files of the pack, as text."""
    templates = read_yaml("institutions.yml")
    states = sorted(read_states(), key=lambda s: s.id)
    decisions = share_demonyms(states)
    places = read_yaml("places.yml")["places"] + seat_places(states)
    entries, population = [], {}
    for s in states:
        for e in state_entries(s, templates):
            population[e["id"]] = s.population
            entries.append(e)
    orgs = read_yaml("organisations.yml")["organisations"]
    entries += [dict(o, demonyms=o.get("demonyms", []), seats=o.get("seats", []),
                     descriptions=o.get("descriptions", [])) for o in orgs]
    decisions += share_out(entries, population)
    check(entries, places)
    v = versions()
    counts = {st: sum(s.status == st for s in states) for st in ("member", "observer", "territory")}
    return {
        "pack.yml": pack_yml(v, counts),
        "actors.yml": header("actors", v, counts, decisions) + dump({"actors": entries}),
        "places.yml": header("places", v, counts, []) + dump({"places": places}),
        "rules.yml": rules_yml(v),
    }


def rules_yml(v: dict[str, str]) -> str:
    text = (DATA / "rules.yml").read_text(encoding="utf-8")
    return ("# rules.yml of the `world` pack. GENERATED by scripts/build_world_pack.py, a copy of\n"
            "# scripts/world_pack/rules.yml: edit that file and run `make world-pack`.\n" + text)


def check(entries: list[dict], places: list[dict]) -> None:
    ids = [e["id"] for e in entries] + [p["id"] for p in places]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise SystemExit(f"ids used twice: {dup}")
    known = set(ids)
    bad = [e["id"] for e in entries if e["parent"] and e["parent"] not in known]
    if bad:
        raise SystemExit(f"unknown parents: {bad}")


def dump(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=None)


def source_line(v: dict[str, str]) -> str:
    return (f"country_converter {v['country_converter']} (GPL-3.0, read as data), "
            f"countryinfo {v['countryinfo']} (MIT), wordfreq {v['wordfreq']} (MIT), "
            "scripts/world_pack/*.yml (this project, public facts)")


def header(kind: str, v: dict[str, str], counts: dict[str, int], decisions: list[str]) -> str:
    lines = [
        f"# {kind}.yml of the `world` pack. GENERATED by scripts/build_world_pack.py (`make world-pack`):",
        "# do not edit; change the script or its data in scripts/world_pack/ and run it again.",
        f"# Sources: {source_line(v)}.",
        f"# States: {counts['member']} UN members, {counts['observer']} observer states, "
        f"{counts['territory']} other territories.",
        "# Fields as in the syria pack (../syria/actors.yml); `iso` and `status` are documentation only.",
    ]
    if decisions:
        lines.append("# Names two entries had, given to one (the more populous state's):")
        lines += [f"#   {d}" for d in decisions]
    return "\n".join(lines) + "\n"


def pack_yml(v: dict[str, str], counts: dict[str, int]) -> str:
    meta = {
        "name": "world",
        "description": (
            f"Every state ({counts['member']} UN members, {counts['observer']} observer states) and "
            f"{counts['territory']} other territories (Taiwan, Kosovo, Western Sahara, Hong Kong, ...) with "
            "their English short and official names, safe ISO codes, demonyms and seats of government; each "
            "UN member's armed forces, army, air force, navy, foreign and defence ministries; the major "
            "international organisations (the UN and its main bodies and agencies, EU, NATO, AU, ASEAN, Arab "
            "League, OIC, ICC, ICJ, IMF, World Bank, WTO, OPEC, G7, G20, Interpol, ...)."),
        "provenance": (
            f"Generated by scripts/build_world_pack.py from {source_line(v)}. States, ISO codes, names and UN "
            "membership from country_converter; demonyms, capitals and alternative names from countryinfo; "
            "corrections, seats of government, institutions and organisations compiled by hand from public "
            "facts (scripts/world_pack/, provenance in each file); no text copied from any dataset."),
        "extends": None,
    }
    return ("# A catalog pack (format: ../README.md). GENERATED by scripts/build_world_pack.py: do not edit.\n"
            + dump(meta))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="the pack folder to write (default: %(default)s)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = ap.parse_args(argv)
    files = build()
    changed = [n for n, text in files.items()
               if not (args.out / n).is_file() or (args.out / n).read_text(encoding="utf-8") != text]
    if args.check:
        print("up to date" if not changed else f"out of date: {', '.join(changed)} (run make world-pack)")
        return 1 if changed else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for n, text in files.items():
        (args.out / n).write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {args.out} ({', '.join(changed) or 'no change'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
