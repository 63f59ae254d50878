"""Benchmark: how well `nngrader similarity` separates copies from independent work, and how fast it is.

    PYTHONPATH=. python benchmarks/similarity.py [--students 500] [--jobs 2] [--no-copydetect]

1. Quality on the corpus tests/similarity_corpus/02_activations (12 independent correct solutions
   in different styles, 14 disguised copies of each at 7 levels): ROC AUC and precision at k
   (k = number of copy pairs, and k = 10) per transformation level, for this tool and for
   copydetect (Stepanovich, pip `copydetect`; pygments tokens + winnowing, k = 25, window 6 as in
   its defaults, the same base files as boilerplate). copydetect gets notebooks already turned
   into .py (it reads no .ipynb), which can only help it.
2. Speed: a synthetic class of N students (disguised copies of the corpus originals at random
   levels), all pairs, end to end (read, parse, fingerprint, score) and the report on top.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "similarity_corpus"))

from disguise import API_02, LEVELS, as_notebook, disguise  # noqa: E402
from evaluate import Item, corpus, measure  # noqa: E402

from grader.course import load_course  # noqa: E402
from grader.similarity.pipeline import run  # noqa: E402
from grader.similarity.sources import Source, base_texts, from_folder  # noqa: E402
from grader.submission import read_submission  # noqa: E402


def _text(item: Item) -> str:
    return read_submission(item.path, "activations").text


def ours(base: list[str], functions: list[str]):
    def score(items: list[Item]) -> np.ndarray:
        sources = [Source(it.name, it.name, it.path.name, _text(it)) for it in items]
        analysis = run(sources, base, functions, jobs=1)
        assert not analysis.not_parsed, analysis.not_parsed
        return analysis.file_scores
    return score


def copydetect_scorer(base: list[str], workdir: Path):
    from copydetect import CodeFingerprint, compare_files

    k, window = 25, 6  # copydetect's defaults: noise threshold 25, guarantee threshold 30
    boilerplate = []
    for number, text in enumerate(base):
        path = workdir / f"base_{number}.py"
        path.write_text(text, encoding="utf-8")
        boilerplate.extend(CodeFingerprint(str(path), k, 1).hashes)  # every k-gram, as its Detector does
    boilerplate = np.unique(np.array(boilerplate, dtype=np.int64))  # as copydetect's Detector prepares it
    cache: dict[str, object] = {}
    fallbacks: list[str] = []

    def fingerprint(item: Item):
        if item.name not in cache:
            path = workdir / f"{item.name}.py"
            path.write_text(_text(item), encoding="utf-8")
            try:
                cache[item.name] = CodeFingerprint(str(path), k, window, boilerplate=boilerplate)
            except IndexError:  # a copydetect 0.5 bug in boilerplate removal on some files
                fallbacks.append(item.name)
                cache[item.name] = CodeFingerprint(str(path), k, window)
        return cache[item.name]

    def score(items: list[Item]) -> np.ndarray:
        prints = [fingerprint(it) for it in items]
        n = len(items)
        matrix = np.zeros((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                _, (s1, s2), _ = compare_files(prints[i], prints[j])
                matrix[i, j] = matrix[j, i] = max(s1, s2)
        return matrix
    score.fallbacks = fallbacks
    return score


def print_results(name: str, results) -> None:
    print(f"\n{name}")
    print(f"{'scope':<6} {'copy pairs':>10} {'indep. pairs':>12} {'ROC AUC':>8} {'P@k':>6} {'P@10':>6}")
    for r in results:
        print(f"{r.scope:<6} {r.positives:>10} {r.negatives:>12} {r.auc:>8.3f} {r.precision_at_k:>6.3f} "
              f"{r.precision_at_10:>6.3f}")


def synthetic_class(out: Path, students: int, seed: int = 0) -> None:
    """`students` folders, each a disguised copy of a random original at a random level (.py or .ipynb)."""
    rng = random.Random(seed)
    originals = [it for it in corpus() if it.level == 0]
    for number in range(students):
        original = rng.choice(originals)
        level = rng.choice([1, 2, 3, 4, 5])
        code = disguise(original.path.read_text(encoding="utf-8"), level, seed=seed * 100_000 + number, api=API_02)
        folder = out / f"student{number:04d}" / "02_activations"
        folder.mkdir(parents=True)
        if rng.random() < 0.2:
            (folder / "activations.ipynb").write_text(as_notebook(code), encoding="utf-8")
        else:
            (folder / "activations.py").write_text(code, encoding="utf-8")


def _cpu_seconds() -> float:
    """User + system time of this process and its finished children (the parse workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-copydetect", action="store_true")
    parser.add_argument("--speed-only", action="store_true", help="skip the corpus measurement")
    args = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    course = load_course(ROOT)
    assignment = course.course.assignment("02")
    base = [text for _, text in base_texts(course, assignment)]
    functions = list(assignment.functions)
    items = corpus()
    print(f"corpus: {sum(1 for it in items if not it.level)} originals, "
          f"{sum(1 for it in items if it.level)} copies; levels: "
          + ", ".join(f"L{k} {v}" for k, v in LEVELS.items()))
    if not args.speed_only:
        print_results("nngrader similarity (AST-normalised winnowing)", measure(items, ours(base, functions)))
    if not args.no_copydetect and not args.speed_only:
        try:
            with tempfile.TemporaryDirectory() as tmp:
                scorer = copydetect_scorer(base, Path(tmp))
                print_results("copydetect 0.5 (pygments tokens + winnowing)", measure(items, scorer))
                if scorer.fallbacks:
                    print(f"(copydetect failed to remove boilerplate from {len(scorer.fallbacks)} files — "
                          "an IndexError inside copydetect — and compared them with it)")
        except ImportError:
            print("\ncopydetect is not installed: pip install copydetect (extra `similarity-bench`)")

    with tempfile.TemporaryDirectory() as tmp:
        klass = Path(tmp) / "class"
        synthetic_class(klass, args.students)
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        sources, problems = from_folder(klass, assignment)
        read = time.perf_counter()
        analysis = run(sources, base, functions, jobs=args.jobs)
        scored = time.perf_counter()
        from grader.similarity.report import write_report
        from grader.similarity.score import clusters
        write_report(analysis, Path(tmp) / "out", title="bench", threshold=0.5, top=50,
                     groups=clusters(analysis, 0.5), unreadable=problems,
                     settings={"k": 0, "w": 0, "file_floor": 0, "function_floor": 0, "common_share_percent": 50,
                               "reference": True})
        done = time.perf_counter()
        cpu = _cpu_seconds() - cpu_before
    n = len(analysis.documents)
    print(f"\nsynthetic class: {n} students, {n * (n - 1) // 2} pairs, jobs={args.jobs}, cpu_count={os.cpu_count()}")
    print(f"read {read - started:.2f} s, parse+fingerprint+score {scored - read:.2f} s, "
          f"report {done - scored:.2f} s; total {done - started:.2f} s wall (goal: under 10 s), "
          f"{cpu:.2f} s CPU in all processes; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
