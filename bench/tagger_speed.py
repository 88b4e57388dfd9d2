"""The temporal tagger's speed on the snapshot's texts (`bench.tagger_snapshot`: TempEval-3 train, the
Recognizers-Text specs, the seeds, devnews, 300 benchmark documents; 6,236 texts), to compare two commits.

    python -m bench.tagger_speed [ROUNDS]   # run from each commit's checkout, alternately

The texts are read once; each round tags all of them and the best round counts (the least disturbed by
whatever else the machine runs). Seconds are the process's CPU time (the tagger runs on one thread), so
other work on the machine slows a round less than it would the wall clock. Prints the texts,
characters, best and median CPU seconds per round.
"""

from __future__ import annotations

import statistics
import sys
import time

from bench.tagger_snapshot import texts
from transforms.temporal import tag


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else 5
    corpus = list(texts())
    for _, text, dct, lang in corpus[:50]:  # warm up: grammars compiled, caches filled
        tag(text, dct, lang)
    seconds = []
    for _ in range(rounds):
        started = time.process_time()
        for _, text, dct, lang in corpus:
            tag(text, dct, lang)
        seconds.append(time.process_time() - started)
    chars = sum(len(text) for _, text, _, _ in corpus)
    print(
        f"{len(corpus)} texts, {chars:,} characters: best {min(seconds):.3f} s, "
        f"median {statistics.median(seconds):.3f} s CPU over {rounds} rounds"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
