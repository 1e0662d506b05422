"""Measure blame extraction on BASIL's negative, targeted spans (development data kept outside the project).

    python scripts/eval_basil.py --path ../shared/data/basil/dev.jsonl [--catalog world] [--n-boot 1000]

BASIL (Fan et al., EMNLP 2019) marks biased spans in US political news with their target, their
polarity and whether they are a quote (with its speaker). For each negative span with a target:
is there a blame row in the sentence holding the span whose blamed names the target, and is its
attribution right (``reported`` with a blamer naming the speaker for a quote, ``author``
otherwise)? The rules are :func:`helpers.evaluation.blame_external.basil_spans`. Prints figures
only, with 95% intervals resampling events (an event's three articles together); nothing of the
data is written or copied (it states no licence).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, required=True, help="BASIL JSONL (e.g. ../shared/data/basil/dev.jsonl)")
    parser.add_argument("--catalog", default="world", help="catalog packs (default: world)")
    parser.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples per interval")
    args = parser.parse_args(argv)

    from helpers.evaluation.blame_external import basil_spans, read_jsonl, share_with_ci
    from helpers.resources import load_resources

    records = read_jsonl(args.path)
    spans = basil_spans(records, load_resources(args.catalog, "none"))
    print(f"BASIL {args.path.name}: {len(records)} articles, {spans.event.nunique()} events, "
          f"{len(spans)} negative spans with a target; catalog {args.catalog}")
    for quoted, label in ((True, "quoted"), (False, "not quoted")):
        part = spans[spans.quoted == quoted]
        found = part[part.found]
        recall = share_with_ci(part, "found", "event", n=args.n_boot)
        right = share_with_ci(found, "attribution_right", "event", n=args.n_boot)
        print(f"{label:>10}: target blamed in its sentence {recall}; of those, attribution right {right}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
