"""Measure blame attribution on PolNeAR's attributions with a blame cue (development data kept outside the project).

    python scripts/eval_polnear_blame.py --path ../shared/data/polnear/dev.jsonl [--catalog world] [--n-boot 1000]

PolNeAR (Newell et al., LREC 2018) annotates every attribution in US campaign news as source,
cue and content. For each attribution whose cue holds a blame word of the blame lexicon (its
``explicit_verbs`` and ``criticism_verbs``, by lemma): is there a blame row with that cue, and is
its blamer the annotated source? The rules are
:func:`helpers.evaluation.blame_external.polnear_cues`. Prints figures only, with 95% intervals
resampling articles; nothing of the data is written or copied (it states no licence).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, required=True,
                        help="PolNeAR JSONL (e.g. ../shared/data/polnear/dev.jsonl)")
    parser.add_argument("--catalog", default="world", help="catalog packs (default: world)")
    parser.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples per interval")
    args = parser.parse_args(argv)

    from helpers.evaluation.blame_external import polnear_cues, read_jsonl, share_with_ci
    from helpers.resources import load_resources

    records = read_jsonl(args.path)
    cues = polnear_cues(records, load_resources(args.catalog, "none"))
    sourced = cues[cues.has_source]
    found = sourced[sourced.found]
    print(f"PolNeAR {args.path.name}: {len(records)} articles, {sum(len(r['attributions']) for r in records)} "
          f"attributions, {len(cues)} with a blame cue ({len(sourced)} with a source); catalog {args.catalog}")
    print(f"a blame row at the cue: {share_with_ci(cues, 'found', 'article', n=args.n_boot)}")
    print(f"with a source, blamer = source: {share_with_ci(sourced, 'blamer_right', 'article', n=args.n_boot)}")
    print(f"of those found, blamer = source: {share_with_ci(found, 'blamer_right', 'article', n=args.n_boot)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
