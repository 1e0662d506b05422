"""Definite descriptions as mentions of the actor they refer to: "the regime", "the Defense
Ministry", "rebel shelling", "the judge", "the company", "their government".

A description is a mention only of an actor the document supports; without one it stays
unresolved, whatever actor a pack gives the word (there is no default actor). Two kinds:

- a catalog pack's descriptions (``descriptions`` in ``actors.yml``): the candidates are the
  catalog actors that list it; used as a definite noun phrase or as an agent ("regime
  airstrikes", "government forces");
- role nouns of the document's actors (:attr:`DocumentActors.roles
  <helpers.actors.document_actors.DocumentActors.roles>`: "Judge Amy Smith ... the judge", "Acme
  Corp ... the company", "Pakistan says ... the government", "Jane Roe was charged ... the
  accused"), after "the", "this", "that" or a possessive ("its air force"); and the nouns of a
  catalog actor's kind ("Islamic State ... the group": ``kind_roles`` of
  :mod:`helpers.actors.references`), only in the description's sentence and the one before, and
  never when another actor of the kind is named in the sentence of the last one (a tie).

Which actor (:meth:`Descriptions.__call__`), in order:

1. the antecedent mentioned last before the description: for a catalog description, a catalog
   actor of a candidate's tree named by an alias, or a description resolved so far; for a role
   noun, any mention of an actor with that role (from its title, an apposition, a naming verb,
   a word of its name). The later of the two wins. A description many states' institutions
   share ("the army", "the foreign ministry") whose last antecedent is older than the sentence
   before is the institution of the state the document has named most so far, in any use (a
   story about Zimbabwe quoting "not the British" in passing: "the army" is Zimbabwe's).
   (Seats, demonyms and surnames are no antecedents here: counting them changed 10 descriptions
   of the 480 vendored articles, 4 for the better and 6 for the worse: "Kurds ... the
   administration"; except that a demonym standing for a state's agents, "Russian commanders",
   names the state for the descriptions of its institutions, "the Defense Ministry", now that
   every state has them.)
2. for a catalog description without one that only one actor has, used as an agent ("rebel
   shelling", "regime airstrikes") or as a name ("the Regime", the NER's "Regime forces"): that
   actor if the document supports it, with a name anywhere in the document, in any use (an
   actor, a place, a nationality: "in Damascus", "Syrian civilians", the headline), of an actor
   of the same country: its tree, or one sharing the state whose name or demonym is in their
   names ("Syrian" in "Syrian opposition" and "Syrian Democratic Forces"; :func:`support_roots`);
   the antecedent offsets are those of the nearest such name before the description, else after it.
3. for a role noun of a state ("the government", "its air force"), the last state outside the
   catalog the text made a party before it ("Pakistan says ..."; ``state_roles`` of
   :mod:`helpers.actors.references`).
4. none: unresolved.

A description right after a demonym of its family ("the Russian military") is one mention of the
described actor; one right after another state's name or demonym ("Turkish Foreign Ministry",
"the United States government") is that state's, so it is not resolved here, and a role noun
needs its determiner right before it ("the Texas governor" is not resolved). A nationality
outside the catalog before a catalog description that no actor the document supports has
("Croatian authorities") stands for the agents itself (an actor), not for their nationality.

Nothing here names a pack: the candidates, trees and names are any loaded pack's (a ``world``
pack's "Pakistan ... the government" resolves through its own aliases and descriptions).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from helpers.actors.catalog import Catalog, strip_name
from helpers.actors.document_actors import DocumentActors
from helpers.text.words import DEFINITE_DETERMINERS

__all__ = ["Descriptions", "support_roots"]

Offsets = tuple[int, int]
# Catalog types that belong to a state: "the United States government" is not Syria's.
_INSTITUTIONS = {"state", "government", "government_body", "military"}
_LONGEST_ROLE = 3  # words


def _off(s: Span) -> Offsets:
    return (s.start_char, s.end_char)


def support_roots(cat: Catalog) -> dict[str, frozenset[str]]:
    """``{actor id: roots}``: the actor's own root and the roots of the states (and demonyms)
    named inside its names ("Syrian opposition" -> the root of "Syrian"), followed once more
    through those. A name of actor B in a document supports actor A as the referent of A's
    descriptions when their roots meet ("Syrian Democratic Forces" supports "the regime")."""
    states = {alias: a.id for a in cat.actors.values() if a.type == "state" for alias in (a.name, *a.aliases)}

    def named_in(actor_id: str) -> set[str]:
        a = cat.actors[actor_id]
        out = set()
        for name in (a.name, *a.aliases):
            words = re.split(r"[\s\-]+", name)
            for n in range(1, 4):
                for k in range(len(words) - n + 1):
                    gram = " ".join(words[k : k + n])
                    hit = states.get(gram) or cat.demonyms.get(gram)
                    if hit:
                        out.add(cat.root(hit))
        return out

    direct = {aid: {cat.root(aid)} | named_in(aid) for aid in cat.actors}
    return {aid: frozenset(roots.union(*(direct.get(r, set()) for r in roots))) for aid, roots in direct.items()}


class Descriptions:
    """Resolves the definite descriptions of a document (see the module docstring)."""

    def __init__(self, catalog: Catalog, agentive):
        """``agentive(span, catalog)``: does a nationality stand for agents ("Croatian authorities")."""
        self.catalog, self.agentive = catalog, agentive
        self.support = support_roots(catalog)
        self.max_len = max((len(k) for k in catalog.descriptions), default=0)

    def __call__(self, doc: Doc, spans: list[Span], info: dict, names, actors: DocumentActors) -> list[Span]:
        """Add the descriptions to ``spans`` (and to ``info`` and ``actors``); return all spans.
        ``names``: the :class:`~helpers.actors.resolver.Names` of the incoming entities."""
        cat = self.catalog
        spans = sorted(spans, key=lambda s: s.start)
        state = _State(doc, spans, info, names, actors, cat)
        self._entities(state)
        self._scan(state)
        self._nationalities(state)
        return sorted(state.spans, key=lambda s: s.start)

    def _nationalities(self, st: _State) -> None:
        """A nationality outside the catalog before a catalog description ("Islamist rebels",
        "Croatian authorities") is the nationality of the described actor where the document
        supports one of its candidates; otherwise it stands for the agents itself (an actor)."""
        cat = self.catalog
        for s in st.spans:
            key = _off(s)
            head = s.root.head
            words = (head.lower_,)
            if s.label_ != "NORP" or s.id_ or st.info[key] != {"kind": "group", "source": "ner"} \
                    or words not in cat.descriptions or head.i in st.taken or not self.agentive(s, cat):
                continue
            if not any(self._supported(st, cand) for cand in cat.descriptions[words]):
                st.info[key]["kind"] = "actor"
                st.actors.add_name(s, tuple(strip_name(s.text, cat).split()))

    def _supported(self, st: _State, cand: str) -> bool:
        roots = self.support[cand]
        return any(not roots.isdisjoint(self.support[actor]) for _, actor, _ in st.evidence)

    # ----- entities the NER found that are descriptions ("the Defense Ministry", "Regime forces")
    def _entities(self, st: _State) -> None:
        cat = self.catalog
        for k, s in enumerate(st.spans):
            key = _off(s)
            if s.id_ or st.info[key]["kind"] != "actor":
                continue
            text = strip_name(s.text, cat).lower()
            words = tuple(text.split())
            hit = None
            if words in cat.descriptions:
                candidates = cat.descriptions[words]  # "Regime forces": the NER took it for a name
                hit = self._catalog(st, s.start, candidates, supported=len(candidates) == 1)
            if len(words) <= _LONGEST_ROLE:
                hit = _choose(hit, st.role_antecedent(s.start, text), st.role_antecedent(s.start, text, weak=True),
                              st.kind_antecedent(s.start, text))
            if hit is None or hit[1] == st.actors.actor.get(key):
                continue  # (or "Police ... Police": a name used again)
            _, actor, _, ante = hit
            st.actors.drop(key)
            st.spans[k] = st.add(s.start, s.end, actor, ante, replace=s)

    # ----- descriptions in the text -------------------------------------------------------------
    def _scan(self, st: _State) -> None:
        cat, doc, lower = self.catalog, st.doc, st.lower
        i = 0
        while i < len(doc):
            n = next((n for n in range(self.max_len, 0, -1) if i + n <= len(doc)
                      and tuple(lower[i : i + n]) in cat.descriptions
                      and not st.taken.intersection(range(i, i + n))), 0)
            r = self._role_length(st, i)
            if not n and not r:
                i += 1
                continue
            hit, start = None, i
            if n:
                hit, start = self._catalog_description(st, i, n)
            if r:
                phrase = " ".join(lower[i : i + r])
                best = _choose(hit, st.role_antecedent(i, phrase), st.role_antecedent(i, phrase, weak=True),
                               st.kind_antecedent(i, phrase))
                if best is not None and best is not hit:
                    hit, start, n = best, i, r
            if hit is not None:
                _, actor, _, ante = hit
                st.add(start, i + n, actor, ante)
            i += max(n, r)

    def _role_length(self, st: _State, i: int) -> int:
        """The number of words of the role noun starting at token ``i`` used as a definite
        description ("the judge", "its air force"), or 0."""
        doc = st.doc
        if i == 0 or not st.roles or st.lower[i] not in st.role_words:
            return 0
        det = doc[i - 1]
        if not (det.lower_ in DEFINITE_DETERMINERS or det.tag_ == "PRP$"):
            return 0
        for n in range(min(_LONGEST_ROLE, len(doc) - i), 0, -1):
            if " ".join(st.lower[i : i + n]) not in st.roles or st.taken.intersection(range(i, i + n)):
                continue
            words = doc[i : i + n]
            last = words[-1]
            if last.tag_ in ("NNS", "NNPS") or not all(t.is_lower for t in words):
                return 0  # "the judges"; "the Judge" (a title or a name)
            if i + n < len(doc) and (i + n in st.starts or doc[i + n].pos_ == "PROPN"):
                return 0  # "the judge Amy Smith": a title before a name
            if any(c.dep_ == "appos" and c.i in st.taken for c in last.children) or (
                    last.dep_ == "appos" and last.head.i in st.taken):
                return 0  # "the judge, Amy Smith": the name's introduction
            if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ or g.pos_ == "PROPN" for g in c.children)
                   for c in last.children):
                return 0  # "the president of Pakistan": another one
            return n
        return 0

    def _catalog_description(self, st: _State, i: int, n: int):
        """``(hit, start)`` for the catalog description ``doc[i : i + n]``: ``hit`` is ``(antecedent
        token, actor, supported only, antecedent offsets)`` or None; ``start`` the mention's first
        token (a demonym before it joins it)."""
        cat, doc = self.catalog, st.doc
        candidates = cat.descriptions[tuple(t.lower_ for t in doc[i : i + n])]
        prev = st.by_end.get(i)
        prev_source = st.info.get(_off(prev), {}).get("source") if prev is not None else None
        if prev_source == "demonym":  # "Russian military" -> the Russian military
            fam = cat.family(prev.id_)
            actor = next((c for c in candidates if c in fam), None)
            if actor:
                st.remove(prev)
                return (prev.start, actor, False, None), prev.start
        last = doc[i + n - 1]
        agent = last.pos_ in ("NOUN", "PROPN") and (
            _agent_position(doc, i + n, cat) or (last.dep_ == "nsubj" and last.head.pos_ == "VERB"))
        if not agent and last.pos_ == "ADJ" and len(candidates) == 1 and prev is None \
                and _agent_position(doc, i + n, cat):  # "Rebel fire", tagged as an adjective
            return self._catalog(st, i, candidates, supported=True), i
        # another state's demonym right before ("Turkish Foreign Ministry") says whose it is;
        # a place ("Syria rebels") or an ideology ("Islamist rebels") does not
        # (whose: the actor the name stands for, even where it was a place: "United States government")
        owner = (prev.id_ or st.names.actors.get(prev.start, "")) if prev is not None else ""
        owned = owner in cat and (prev.label_ == "NORP" or all(cat.actors[c].type in _INSTITUTIONS for c in candidates))
        if owned or not (agent or _definite(doc[i : i + n])):
            return None, i
        # used as an agent ("rebel shelling") or as a name ("the Regime"), a description one actor
        # has may also refer to it where the document only supports it
        supported = len(candidates) == 1 and (agent or (doc[i].is_title and not doc[i].is_sent_start))
        return self._catalog(st, i, candidates, supported), i

    def _catalog(self, st: _State, i: int, candidates: list[str], supported: bool):
        """``(antecedent token, actor, supported only, antecedent offsets)`` for a catalog
        description with ``candidates`` at token ``i``: its antecedent, else (``supported``) the
        candidate the document supports; None when neither."""
        cat = self.catalog
        hits = []
        for cand in candidates:
            fam = cat.family(cat.root(cand))
            named = st.named_with_agents if cat.actors[cand].type in _INSTITUTIONS else st.named
            for pos, actor, off in reversed(named):
                if pos < i and actor in fam:
                    hits.append((pos, cand, False, off))
                    break
        best = max(hits, key=lambda h: h[0]) if hits else None
        if len(hits) > 1 and best[0] < st.recent(i):
            best = max(hits, key=lambda h: (st.weight(cat.family(cat.root(h[1])), i), h[0]))
        if best is not None or not supported:
            return best
        found = None
        for cand in candidates:
            roots = self.support[cand]
            for pos, actor, off in st.evidence:
                if not roots.isdisjoint(self.support[actor]):
                    rank = (0, i - pos) if pos < i else (1, pos - i)
                    if found is None or rank < found[0]:
                        found = (rank, (pos, cand, True, off))
        return found[1] if found is not None else None


class _State:
    """What the description pass of one document reads and updates."""

    def __init__(self, doc: Doc, spans: list[Span], info: dict, names, actors: DocumentActors, cat: Catalog):
        self.doc, self.spans, self.info, self.names, self.actors, self.cat = doc, spans, info, names, actors, cat
        self.by_end = {s.end: s for s in spans}
        self.starts = {s.start for s in spans}
        self.taken = {i for s in spans for i in range(s.start, s.end)}
        # level 1 of catalog descriptions: actors named by an alias (and descriptions resolved)
        self.named = sorted([(s.start, s.id_, _off(s)) for s in spans if s.id_ in cat and s.start in names.aliases
                             and info[_off(s)]["kind"] == "actor"]
                            + [info[_off(s)]["state"] for s in spans if "state" in info[_off(s)]])
        # for a state's institutions ("the Defense Ministry"), a demonym standing for the state's
        # agents ("Russian commanders") names the state as well
        self.agents = [(s.start, s.id_, _off(s)) for s in spans if s.id_ in cat
                       and info[_off(s)]["kind"] == "actor" and info[_off(s)].get("source") == "demonym"]
        self.named_with_agents = sorted(self.named + self.agents)
        # level 2: every name the catalog knows, in any use
        ev = {(e.start, a, (e.start_char, e.end_char)) for e in doc.ents if (a := names.actors.get(e.start))}
        ev |= {(s.start, s.id_, _off(s)) for s in spans if s.id_ in cat}
        self.evidence = sorted(ev)
        self.roles = set().union(*actors.roles.values(), *actors.state_roles.values(), *actors.kind_roles.values())
        self.role_words = {r.split()[0] for r in self.roles}  # first words of the role nouns
        self.lower = [t.lower_ for t in doc]

    def recent(self, i: int) -> int:
        """The first token of the sentence before the one holding token ``i`` (of that sentence
        when it is the first): antecedents from there on are the description's recent context."""
        start = self.doc[i].sent.start
        return self.doc[start - 1].sent.start if start > 0 else start

    def weight(self, family: frozenset[str], i: int) -> int:
        """How often the document names an actor of ``family`` before token ``i``, in any use."""
        return sum(1 for pos, actor, _ in self.evidence if pos < i and actor in family)

    def role_antecedent(self, i: int, phrase: str, weak: bool = False):
        """``(token, actor, False, offsets)`` of the last mention before token ``i`` of an actor
        with the role ``phrase`` (``weak``: a state's role), or None."""
        if phrase not in self.roles:
            return None
        roles = self.actors.state_roles if weak else self.actors.roles
        for pos, actor, off in reversed(self.actors.seen()):  # (sorted per call: roles are rare)
            if pos < i and phrase in roles.get(actor, ()):
                return pos, actor, False, off
        return None

    def kind_antecedent(self, i: int, phrase: str):
        """``(token, actor, False, offsets)`` of the last mention, in the sentence of token ``i`` or
        the one before, of a catalog actor whose type has the role ``phrase`` ("Islamic State ...
        the group"); None when there is none, or when another such actor is named in the same
        sentence as that mention (a tie: "Hamas and Islamic Jihad ... the group")."""
        floor = self.recent(i)
        found = [(pos, actor, off) for pos, actor, off in self.actors.seen()
                 if floor <= pos < i and phrase in self.actors.kind_roles.get(actor, ())]
        if not found:
            return None
        pos, actor, off = found[-1]
        sent = self.doc[pos].sent
        if any(a != actor and sent.start <= p < sent.end for p, a, _ in found):
            return None
        return pos, actor, False, off

    def label(self, actor: str) -> str:
        return self.cat.actors[actor].label if actor in self.cat else self.actors.labels[actor]

    def add(self, start: int, end: int, actor: str, ante: Offsets | None, replace: Span | None = None) -> Span:
        span = Span(self.doc, start, end, self.label(actor), span_id=actor if actor in self.cat else "")
        if replace is not None:
            del self.info[_off(replace)]
        else:
            self.spans.append(span)
        self.info[_off(span)] = {"kind": "actor", "source": "description"}
        self.actors.add(span, actor, "description", ante)
        if actor in self.cat:
            self.named = sorted(self.named + [(start, actor, _off(span))])
            self.named_with_agents = sorted(self.named + self.agents)
        self.starts.add(start)
        self.taken.update(range(start, end))
        return span

    def remove(self, span: Span) -> None:
        self.spans.remove(span)
        del self.info[_off(span)]
        self.actors.drop(_off(span))


def _choose(catalog, role, weak, kind):
    """The antecedent of a description: the latest of the catalog's antecedent, the last actor
    with the role and the near actor of the role's kind; else the catalog actor the document
    supports; else the last state with the role (each ``(token, actor, supported only, offsets)``
    or None)."""
    firm = [h for h in (catalog, role, kind) if h is not None and not h[2]]
    if firm:
        return max(firm, key=lambda h: h[0])
    return catalog if catalog is not None else weak


def _agent_position(doc: Doc, j: int, cat: Catalog) -> bool:
    """Is the word at ``j`` (after at most two more nouns) an agent noun: "rebel shelling",
    "regime barrel bomb attacks", "rebel forces"?"""
    for k in range(j, min(j + 3, len(doc))):
        if doc[k].lower_ in cat.agent_heads or doc[k].lemma_.lower() in cat.agent_heads:
            return True
        if doc[k].pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
    return False


def _definite(span: Span) -> bool:
    """'the regime', 'the Syrian regime's ...', 'their government', or a modifier of a noun
    ('regime forces')."""
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or (c.dep_ == "poss" and c.tag_ == "PRP$")
           for c in head.children):
        return True
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.lower_ == "the" or prev.tag_ == "PRP$"):
        return True
    return head.dep_ in ("compound", "nmod") and head.head.pos_ == "NOUN" and head.head.i > head.i
