"""Per-file scores of hyte on the corpus of other municipalities' templates (issue 13).

    .venv/bin/python bench/corpus_score.py [-v]      # or: make corpus-score

Extracts every file of tests/corpus/ with the generic profile and prints, per file, the
actions (or key-figure rows) expected, read, matched, extra, recall, field accuracy and
record score (defined in tests/corpus_scoring.py), the period hyte gave the document
against the expected one, then the accuracy per field over the whole corpus and the
means. With -v, every missed record and wrong field. Not timed, not part of `make test`;
tests/test_corpus.py holds each file to its bar.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus_scoring import corpus_files, load_expected, score_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed records and wrong fields")
    args = parser.parse_args(argv)
    files = corpus_files()
    if not files:
        print("no corpus files found under tests/corpus/expected/", file=sys.stderr)
        return 1
    head = f"{'file':34} {'exp':>4} {'read':>4} {'match':>5} {'extra':>5} {'recall':>6} {'fields':>6} {'record':>6}  period"
    print(head)
    print("-" * len(head))
    totals: dict[str, list[int]] = {}
    scores = []
    for path, expectation in files:
        result = score_file(path, expectation)
        scores.append(result)
        want_period = load_expected(expectation).get("period")
        period = "" if want_period is None else f"{result.period or '-'} (want {want_period})"
        print(f"{path.name:34} {result.expected:4} {result.read:4} {result.matched:5} {result.extra:5} "
              f"{result.recall:6.2f} {result.accuracy:6.2f} {result.record_score:6.2f}  {period}")
        for name, (right, total) in result.by_field.items():
            tally = totals.setdefault(name, [0, 0])
            tally[0] += right
            tally[1] += total
        if result.error:
            print(f"    error: {result.error}")
        if args.verbose:
            for miss in result.misses:
                print(f"    missed: {miss}")
            for wrong in result.wrong:
                print(f"    wrong:  {wrong}")
    print("-" * len(head))
    mean = sum(s.record_score for s in scores) / len(scores)
    print(f"{len(scores)} files; mean recall {sum(s.recall for s in scores) / len(scores):.2f}, "
          f"mean field accuracy {sum(s.accuracy for s in scores) / len(scores):.2f}, mean record score {mean:.2f}, "
          f"files at zero {sum(s.record_score == 0 for s in scores)}")
    print("field accuracy over matched records: " + ", ".join(
        f"{name} {right}/{total}" for name, (right, total) in sorted(totals.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
