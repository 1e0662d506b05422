"""Document actors: who each actor mention of one document is, when no catalog pack lists it.

A PERSON, ORG, GPE or NORP mention outside every pack is an actor of its document. Its mentions
are grouped (:func:`group_mentions`):

- the same name is the same actor ("Acme Corp" ... "Acme Corp");
- a shorter form joins the longer form it is part of, the nearest one before it (else after):
  a person's surname or first name ("Smith", "Amy"), a person's name inside a longer one ("Ali
  Khamenei" in "Sayyid Ali Hosseini Khamenei"), an organisation's first words ("Acme" of "Acme
  Corp"), initials ("HKPF") or institution word ("the House" of "United States House of
  Representatives"), an acronym the document defines; a one-word name of another label that no
  person's name accounts for is the organisation whose name it begins ("Mahan" of "Mahan Air",
  "Houthis" of "Houthi movement", the NER labelling such words a person or a place at random);
  a one-word name several people named
  before share ("Mugabe" after "Robert Mugabe" and "Grace Mugabe") is the person with the most
  mentions so far, ties to the first named (the story's main bearer of the name);
- a person's name (or surname) that is a catalog person's is that catalog actor ("Sayyid Ali
  Hosseini Khamenei" is ``ali_khamenei`` when the pack lists "Ali Khamenei");
- titles before a name are not part of it ("Speaker Johnson" is "Johnson": :mod:`helpers.actors.titles`).

Each document actor is named by its longest form in the document (most words, then most
characters, then the first) and keyed ``doc:<name>`` (:meth:`DocumentActors.keys`), so the key
is the same whatever else is in the batch. Every mention also gets ``via`` (``name``, ``alias``,
``title``, ``description``; ``pronoun`` is the pronoun component's) and the mention it was
linked to (its antecedent), and every actor the role nouns its mentions gave it
(:meth:`DocumentActors.add_roles`): titles, appositions ("Acme, a carmaker"), "a man named X",
"identified the suspect as X", a legal step against a person ("X was charged": "the accused"),
the words of an organisation's name ("the ministry"), a state's institutions ("the government"),
a catalog actor's type ("Islamic State": "the group", near its mention only).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from helpers.actors.catalog import Catalog, strip_name
from helpers.actors.references import References
from helpers.actors.titles import Titled

__all__ = ["DocumentActors", "group_mentions", "person_aliases", "DOC_KEY_PREFIX"]

#: The prefix of a document actor's key: ``doc:<canonical name>``.
DOC_KEY_PREFIX = "doc:"
Offsets = tuple[int, int]
# How a catalog mention's source (resolver) reads as the form of the mention.
_VIA_BY_SOURCE = {"seat": "name", "demonym": "alias", "acronym": "alias", "surname": "alias",
                  "description": "description"}


def _off(s: Span) -> Offsets:
    return (s.start_char, s.end_char)


@dataclass
class DocumentActors:
    """The actor of every actor mention of one document, how it names it, and what it refers to.

    ``actor``: mention offsets -> a catalog id, or ``"#<n>"`` for the n-th document actor;
    ``via``: mention offsets -> ``name``/``alias``/``title``/``description``; ``antecedent``:
    mention offsets -> offsets of the mention it was linked to; ``words``: mention offsets -> the
    name it uses (without a title), for names (not descriptions); ``labels``: ``"#<n>"`` -> the
    spaCy label of its first mention; ``roles``: actor -> role nouns ("judge", "company");
    ``state_roles``: actor -> the weak role nouns of a state outside the catalog ("government");
    ``kind_roles``: catalog actor -> the role nouns of its type ("Islamic State": "group"), used
    only near its mention;
    ``starts``: mention offsets -> token start.
    """

    actor: dict[Offsets, str] = field(default_factory=dict)
    via: dict[Offsets, str] = field(default_factory=dict)
    antecedent: dict[Offsets, Offsets] = field(default_factory=dict)
    words: dict[Offsets, tuple[str, ...]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    state_roles: dict[str, set[str]] = field(default_factory=dict)
    kind_roles: dict[str, set[str]] = field(default_factory=dict)
    starts: dict[Offsets, int] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)  # a name, case-folded -> its document actor

    def add_name(self, span: Span, words: tuple[str, ...]) -> None:
        """Record a document actor's mention by its name, found later."""
        key = _off(span)
        actor = self.groups.setdefault(" ".join(words).casefold(), f"#{len(self.groups)}")
        self.actor[key], self.via[key], self.starts[key], self.words[key] = actor, "name", span.start, words
        self.labels.setdefault(actor, span.label_)

    def add(self, span: Span, actor: str, via: str, antecedent: Offsets | None) -> None:
        """Record a mention found later (a description)."""
        key = _off(span)
        self.actor[key], self.via[key], self.starts[key] = actor, via, span.start
        if antecedent is not None:
            self.antecedent[key] = antecedent

    def drop(self, key: Offsets) -> None:
        for d in (self.actor, self.via, self.antecedent, self.starts, self.words):
            d.pop(key, None)

    def seen(self) -> list[tuple[int, str, Offsets]]:
        """``(token start, actor, offsets)`` of every mention, in text order."""
        return sorted((self.starts[k], a, k) for k, a in self.actor.items())

    def keys(self) -> dict[str, tuple[str, str]]:
        """``"#<n>"`` -> ``(key, canonical name)``: the longest form (most words, then characters,
        then the first used)."""
        forms: dict[str, list[tuple[str, ...]]] = {}
        for _, actor, off in self.seen():
            if actor.startswith("#") and off in self.words:
                forms.setdefault(actor, []).append(self.words[off])
        out = {}
        for ref, names in forms.items():
            best = max(enumerate(names), key=lambda kf: (len(kf[1]), len(" ".join(kf[1])), -kf[0]))[1]
            out[ref] = (DOC_KEY_PREFIX + " ".join(best), " ".join(best))
        return out

    # ----- roles -------------------------------------------------------------------------------
    def add_roles(self, doc: Doc, spans: list[Span], titled: Titled, refs: References, acting,
                  types: dict[str, str]) -> None:
        """The role nouns each actor's mentions give it (see the module docstring). ``acting(span)``:
        is the mention a party (subject, possessor, agent), as a state outside the catalog must be
        once for its weak ``state_roles``; ``types``: catalog actor -> its type (for ``kind_roles``)."""
        for s in spans:
            key = _off(s)
            actor = self.actor.get(key)
            if actor is None:
                continue
            roles = self.roles.setdefault(actor, set())
            roles.update(titled.get(key, (0, frozenset()))[1])
            roles.update(_apposition_roles(s, refs))
            if s.label_ == "PERSON" and _on_trial(s, refs):
                roles.update(refs.trial_roles)
            if s.label_ == "PERSON" and _perpetrator(s, refs):
                roles.update(refs.perpetrator_roles)
            if actor.startswith("#") and s.label_ == "ORG":
                for word in s.text.lower().split():
                    roles.update(refs.name_words.get(word, ()))
            if actor in types and types[actor] in refs.kind_roles:
                self.kind_roles.setdefault(actor, set()).update(refs.kind_roles[types[actor]])
            if actor.startswith("#") and s.label_ == "GPE" and acting(s):
                self.state_roles.setdefault(actor, set()).update(refs.state_roles)


def _noun_phrase(tok) -> str:
    """A role noun with its lower-case noun modifiers: "opposition leader", "judge"."""
    mods = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower]
    return " ".join([c.lower_ for c in mods] + [tok.lemma_.lower()])


def _apposition_roles(span: Span, refs: References) -> set[str]:
    """Roles an apposition or a naming verb gives: "Amy Smith, the judge", "the judge, Amy Smith",
    "a man named John Doe", "the attacker, identified as Sudesh Amman"."""
    root, out = span.root, set()
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and not head.ent_type_:
        nouns.append(head)
    if root.dep_ in ("oprd", "dobj", "attr") and head.lemma_.lower() in refs.naming_verbs and head.dep_ == "acl":
        nouns.append(head.head)  # "a man named John Doe"
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in refs.naming_verbs \
            and head.head.dep_ == "acl":
        nouns.append(head.head.head)  # "the attacker, identified as Sudesh Amman"
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in refs.naming_verbs:
        nouns += [c for c in head.head.children if c.dep_ == "dobj"]  # "identified the suspect as John Doe"
    for n in nouns:
        if n.pos_ != "NOUN" or n.i in range(span.start, span.end) or n.lemma_.lower() not in refs.vocabulary:
            continue
        out.add(n.lemma_.lower())
        out.add(_noun_phrase(n))
        if n.lemma_.lower() in refs.generic_person_nouns:
            out.update(refs.anonymous_roles)
    return out


def _on_trial(span: Span, refs: References) -> bool:
    """Is the person the object of a legal step (``trial_verbs``), not negated: "Jane Roe was
    charged", "police arrested Jane Roe", "Jane Roe, accused of fraud, ...", "Jane Roe appeared
    in court, charged with murder"?"""
    root = span.root
    np = root.head if root.dep_ == "appos" else root  # "An Australian, Jane Roe, ..."
    verbs = refs.trial_verbs
    if root.dep_ in ("nsubjpass", "dobj") and _done(root.head, verbs):
        return True
    if np.dep_ == "nsubjpass" and _done(np.head, verbs):
        return True
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and _done(c, verbs) for c in (*root.children, *np.children)):
        return True  # "Jane Roe, accused of fraud, ..."
    if np.dep_ == "nsubj":  # "Jane Roe appeared in court, charged with murder"
        return any(c.dep_ in ("advcl", "conj") and c.tag_ == "VBN" and _done(c, verbs)
                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in np.head.children)
    return False


def _perpetrator(span: Span, refs: References) -> bool:
    """Is the person the doer of a violent act (``perpetrator_verbs``), not negated: "Usman Khan
    stabbed several people", "the crowd was attacked by Jane Roe"?"""
    root = span.root
    if root.dep_ == "nsubj" and _done(root.head, refs.perpetrator_verbs):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "agent" and _done(root.head.head, refs.perpetrator_verbs)


def _done(verb, lemmas: frozenset[str]) -> bool:
    """Is ``verb`` one of ``lemmas``, not negated?"""
    return verb.lemma_.lower() in lemmas and not any(c.dep_ == "neg" for c in verb.children)


# ----- grouping -------------------------------------------------------------------------------
def person_aliases(cat: Catalog) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """``{last word: [(alias words, actor id), ...]}`` for the catalog's persons' names of two or
    more words, to recognise them inside longer names ("Sayyid Ali Hosseini Khamenei")."""
    out: dict[str, list] = {}
    for a in cat.actors.values():
        if a.type != "person":
            continue
        for alias in sorted({a.name, *a.aliases}):
            words = tuple(alias.split())
            if len(words) > 1:
                out.setdefault(words[-1], []).append((words, a.id))
    return out


def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name without the lower-case function words the NER sometimes runs it into
    ("Parliament of", "Center for Biological Diversity and")."""
    words = name.split()
    while len(words) > 1 and words[-1].islower() and words[-1] in STOP_WORDS:
        words.pop()
    return tuple(words)


def _person_name(words: tuple[str, ...]) -> bool:
    """Can these words be a person's full name (no figures, a capital in its last word: "al-Muhandis")?
    Not the NER's "Humberto 785 miles"."""
    return any(c.isupper() for c in words[-1]) and not any(c.isdigit() for w in words for c in w)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _shorter_form(short: tuple[str, ...], long: tuple[str, ...], labels: tuple[str, str], refs: References) -> bool:
    """Is ``short`` (a mention labelled ``labels[0]``) a shorter form of the name ``long`` (``labels[1]``)?
    A person's only of a person's; an organisation's only of an organisation's, as its first word
    ("Acme" of "Acme Corp"), its first words before words of ``refs.name_words`` ("Hong Kong
    Police" of "Hong Kong Police Force", not "Boston University" of "Boston University School of
    ..."), or the one word of its name in ``refs.institution_words`` ("House" of "United States
    House of Representatives")."""
    person = labels[0] == "PERSON"
    if len(short) >= len(long) or person != (labels[1] == "PERSON"):
        return False
    if person:
        if len(short) == 1:
            return short[0] == long[-1] or short[0] == long[0]
        return short[-1] == long[-1] and _subsequence(short, long)
    if labels[1] != "ORG":
        return False
    if labels[0] == "ORG" and long[: len(short)] == short and (
            len(short) == 1 or all(w.lower() in refs.name_words for w in long[len(short) :])):
        return True
    if labels[0] == "ORG" and len(short) == 1 and short[0].lower() in refs.institution_words and short[0] in long:
        return True
    one = short[0]
    return len(short) == 1 and one.isupper() and len(one) >= 2 and one == _initials(long)  # "HKPF"


def _nearest(s: Span, candidates: list[Span]) -> Span | None:
    before = [c for c in candidates if c.start < s.start]
    if before:
        return max(before, key=lambda c: c.start)
    after = [c for c in candidates if c.start > s.start]
    return min(after, key=lambda c: c.start) if after else None


def _catalog_via(span: Span, words: tuple[str, ...], source: str, cat: Catalog) -> str:
    if source in _VIA_BY_SOURCE:
        return _VIA_BY_SOURCE[source]
    actor = cat.actors.get(span.id_)
    if actor is None or actor.type == "place":
        return "name"
    text = " ".join(words).lower()
    full = len(actor.name.split())
    if text == actor.name.lower() or any(text == a.lower() and len(a.split()) >= full for a in actor.aliases):
        return "name"
    return "alias"


def group_mentions(doc: Doc, spans: list[Span], info: dict, titled: Titled, cat: Catalog,
                   persons: dict[str, list], refs: References) -> tuple[list[Span], DocumentActors]:
    """Group the actor mentions of ``spans`` into actors (see the module docstring); return the
    spans (a mention found to be a catalog person gets its id) and the :class:`DocumentActors`.
    ``persons``: :func:`person_aliases` of the catalog; ``refs``: its ``name_words`` are the
    words that may follow an organisation's shorter name."""
    spans = sorted(spans, key=lambda s: s.start)
    mentions = [s for s in spans if info[_off(s)]["kind"] == "actor"]
    words = {_off(s): _name_words(strip_name(doc[s.start + titled.get(_off(s), (0,))[0] : s.end].text, cat))
             or (s.text,) for s in mentions}
    by_off = {_off(s): s for s in spans}
    target, new_ids = _links(mentions, words, info, by_off, cat, persons, refs)
    out = DocumentActors()

    def actor_of(key: Offsets) -> str:
        if key not in out.actor:
            s = by_off[key]
            out.actor[key] = (new_ids[key] if key in new_ids else s.id_ if s.id_ in cat
                              else actor_of(_off(target[key])) if key in target and _off(target[key]) in words
                              else out.groups.setdefault(" ".join(words.get(key, (s.text,))).casefold(),
                                                         f"#{len(out.groups)}"))
        return out.actor[key]

    for s in mentions:
        key = _off(s)
        a = actor_of(key)
        out.starts[key] = s.start
        if a.startswith("#"):
            out.words[key] = words[key]
            out.labels.setdefault(a, s.label_)
        source, long_form = info[key]["source"], info[key].get("long_form")
        if key in target:
            out.antecedent[key] = _off(target[key])
        elif long_form in by_off:  # an acronym's definition, a surname's full name
            out.antecedent[key] = long_form
        if key in titled:
            out.via[key] = "title"
        elif key in target or key in new_ids or source == "acronym":
            out.via[key] = "alias"
        else:
            out.via[key] = "name" if a.startswith("#") else _catalog_via(s, words[key], source, cat)
    # a mention that joined a catalog actor carries its id, like the catalog's own mentions
    spans = [Span(doc, s.start, s.end, s.label_, span_id=a) if (a := out.actor.get(_off(s), "")) in cat
             and a != s.id_ else s for s in spans]
    return spans, out


def _links(mentions: list[Span], words: dict, info: dict, by_off: dict, cat: Catalog, persons: dict,
           refs: References) -> tuple[dict[Offsets, Span], dict[Offsets, str]]:
    """For each mention outside the catalog: the mention of the longer form it is a shorter form
    of (its target), or the catalog person whose name it contains."""
    index: dict[str, list[Span]] = {}  # the longer forms by last word, first word, initials, institution words
    for c in mentions:
        cw = words[_off(c)]
        if len(cw) > 1:
            for k in {cw[-1], cw[0], _initials(cw), *(w for w in cw if w.lower() in refs.institution_words)}:
                index.setdefault(k, []).append(c)
    target: dict[Offsets, Span] = {}
    new_ids: dict[Offsets, str] = {}
    for s in mentions:
        key = _off(s)
        if s.id_ in cat:
            continue
        w, person = words[key], s.label_ == "PERSON"
        long_form = info[key].get("long_form")
        if long_form in by_off and long_form != key and info[key]["source"] != "surname":
            target[key] = by_off[long_form]  # an acronym's definition (a surname: below, as a person's)
            continue
        hit = next((aid for aw, aid in persons.get(w[-1], ()) if _subsequence(aw, w)), None) if person else None
        if hit and len(w) > 1:
            new_ids[key] = hit
            continue
        near = {c.start: c for k in {w[0], w[-1]} for c in index.get(k, ())}
        longer = [c for _, c in sorted(near.items()) if c is not s
                  and (c.label_ != "PERSON" or _person_name(words[_off(c)]))
                  and _shorter_form(w, words[_off(c)], (s.label_, c.label_), refs)]
        if person and len(w) == 1:  # a surname before a first name
            longer = [c for c in longer if words[_off(c)][-1] == w[0]] or longer
            found = _most_prominent(s, longer, mentions, target, words)
        else:
            found = _nearest(s, longer)
        if found is None and long_form in by_off and long_form != key:
            found = by_off[long_form]
        if found is None and len(w) == 1 and s.label_ != "ORG":
            found = _nearest(s, _organisations_named_by(w[0], index, words))
        if found is not None:
            target[key] = found
    return target, new_ids


def _organisations_named_by(word: str, index: dict[str, list[Span]], words: dict) -> list[Span]:
    """The organisations' names of two or more words whose first word is ``word`` or its singular
    ("Mahan" and "Mahan Air", "the Houthis" and "the Houthi movement"): a one-word name no person's
    name accounts for, whatever label the NER gave it, is that organisation's shorter form."""
    firsts = {word, word[:-1]} if word.endswith("s") and len(word) > 3 else {word}
    return sorted((c for f in firsts for c in index.get(f, ()) if c.label_ == "ORG" and words[_off(c)][0] in firsts),
                  key=lambda c: c.start)


def _person_of(m: Span, target: dict[Offsets, Span], words: dict) -> tuple[str, ...]:
    """The full name a person mention stands for so far: the words of the end of its chain of targets."""
    seen = set()
    while _off(m) in target and _off(m) not in seen:
        seen.add(_off(m))
        m = target[_off(m)]
    return words[_off(m)]


def _most_prominent(s: Span, candidates: list[Span], mentions: list[Span], target: dict[Offsets, Span],
                    words: dict) -> Span | None:
    """The full name a one-word name ("Mugabe") refers to when several people named before it
    share it ("Robert Mugabe", "Grace Mugabe"): the text's main bearer of the name, the person
    with the most mentions before it (full names and the one-word names already given to them),
    ties to the one named first; its mention nearest before. With one person named before, the
    nearest full name (before, else after)."""
    before = [c for c in candidates if c.start < s.start]
    people = {_person_of(c, target, words) for c in before}
    if len(people) < 2:
        return _nearest(s, candidates)
    count, first = dict.fromkeys(people, 0), {}
    for m in mentions:
        if m.start >= s.start:
            break
        if (person := _person_of(m, target, words)) in count:
            count[person] += 1
            first.setdefault(person, m.start)
    chosen = max(people, key=lambda p: (count[p], -first[p]))
    return max((c for c in before if _person_of(c, target, words) == chosen), key=lambda c: c.start)


def mention_records(spans: list[Span], info: dict, actors: DocumentActors) -> dict[Offsets, dict]:
    """The ``doc.user_data[MENTIONS_KEY]`` entry of every span: ``kind`` and ``source`` (from
    ``info``), ``key`` (the catalog id, or the document actor's ``doc:<name>``; empty for a
    mention of no actor), ``name`` (a document actor's canonical name, else empty), ``via`` and
    ``antecedent`` (the offsets of the mention it was linked to, or None)."""
    keys = actors.keys()
    out = {}
    for s in spans:
        off = _off(s)
        actor = actors.actor.get(off, "")
        key, name = keys.get(actor, ("", "")) if actor.startswith("#") else (actor or s.id_, "")
        out[off] = {"kind": info[off]["kind"], "source": info[off]["source"], "key": key, "name": name,
                    "via": actors.via.get(off, "name"), "antecedent": actors.antecedent.get(off)}
    return out
