"""The class invariant (issue 16): every honest student's grade in a class equals their grade alone.

Hypothesis builds classes of assignment 02 — honest students (the reference, a different but
correct formula, students with typical mistakes) with hostile submissions at random positions:
the fast half of the hostile corpus (tests/hostile/, including the copy-back attacker
mirror_special.py) and the malformed files of tests/malformed.py. Classes are graded across
chunk boundaries and by one or two grading processes. Bounded: a few small classes, derandomized
(the same examples on every run), hostile files chosen among those that take about a second.
"""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from grader.course import load_course
from grader.gradebook import Gradebook
from grader.grading.discover import Candidate, discover
from grader.grading.parallel import grade_in_parallel
from grader.grading.synthetic import assignment_mutants, mutant_submission
from grader.sandbox.launcher import isolation_level
from malformed import BUILDERS

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).with_name("hostile")
COURSE = load_course(ROOT)
A02 = COURSE.course.assignment("02")
LEVEL, _ = isolation_level()

# Hostile files that cost at most about a second each (hangs, memory and CPU bombs cost their
# full time limits and are covered one by one in test_sandbox_hostile.py).
FAST_HOSTILE = ["background_thread", "builtins_hijack", "evil_exception", "exit_at_import", "fake_output",
                "fd_forgery", "hardcoded_public", "import_reference", "keyboard_interrupt", "kill_parent",
                "lying_subclass", "mirror_special", "object_array", "os_exit_in_function", "patch_numpy",
                "patch_pytest", "stack_frames", "surrogate_reply", "system_exit"]
MALFORMED = sorted(BUILDERS)


def _honest_sources() -> dict[str, str]:
    reference = COURSE.solution_path(A02).read_text(encoding="utf-8")
    xmul = reference.replace("return _out(np.maximum(x, 0.0))", "return _out(x * (x > 0))")
    assert xmul != reference
    mutants = assignment_mutants(COURSE, "02")
    # Students with typical mistakes: their scores depend on every input, which makes them sensitive.
    wrong = {f"wrong_{m.function}": mutant_submission(COURSE, "02", m) for m in mutants[::max(1, len(mutants) // 3)][:3]}
    return {"reference": reference, "xmul": xmul, **wrong}


HONEST = _honest_sources()


def _write(folder: Path, kind: str, name: str) -> None:
    folder.mkdir(parents=True)
    if kind == "honest":
        (folder / "activations.py").write_text(HONEST[name], encoding="utf-8")
    elif kind == "hostile":
        (folder / "activations.py").write_text((HOSTILE / f"{name}.py").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    else:
        BUILDERS[name](folder, "activations")


def _grade(root: Path, students: list[tuple[str, str]], *, jobs: int, chunk: int) -> dict[str, float]:
    """Grade `students` ([(kind, name)], in this order) as one class; student id -> score."""
    for position, (kind, name) in enumerate(students):
        _write(root / f"{position:02d}_{kind}_{name}", kind, name)
    found = {c.student_id: c for c in discover(root, A02)}
    ordered: list[Candidate] = [found[f"{p:02d}_{k}_{n}"] for p, (k, n) in enumerate(students)]
    with Gradebook(f"sqlite:///{root / 'gradebook.sqlite'}") as gradebook:
        for record in grade_in_parallel(ROOT, A02.id, ordered, level=LEVEL, jobs=jobs, chunk=chunk):
            gradebook.save(record)  # whatever a submission sent back must be storable
        records = gradebook.current(A02.id)
    assert sorted(r.student_id for r in records) == sorted(found), "every submission gets exactly one record"
    return {r.student_id: r.score for r in records}


@pytest.fixture(scope="module")
def solo_scores(tmp_path_factory) -> dict[str, float]:
    """Each honest student graded alone (the right-hand side of the invariant)."""
    scores = {}
    for name in HONEST:
        graded = _grade(tmp_path_factory.mktemp(f"solo-{name}"), [("honest", name)], jobs=1, chunk=1)
        scores[name] = next(iter(graded.values()))
    assert scores["reference"] == scores["xmul"] == 100
    assert all(score < 100 for name, score in scores.items() if name.startswith("wrong_"))
    return scores


hostile_member = st.one_of(st.tuples(st.just("hostile"), st.sampled_from(FAST_HOSTILE)),
                           st.tuples(st.just("malformed"), st.sampled_from(MALFORMED)))


@st.composite
def classes(draw):
    honest = draw(st.lists(st.tuples(st.just("honest"), st.sampled_from(sorted(HONEST))), min_size=2, max_size=4))
    hostile = draw(st.lists(hostile_member, min_size=1, max_size=3))
    students = list(honest)
    for member in hostile:  # each hostile submission at a random position, first and last included
        students.insert(draw(st.integers(0, len(students))), member)
    return students, draw(st.sampled_from([1, 2])), draw(st.integers(1, 3))


# No shrinking: each example grades a class (seconds); a failure already prints its class.
@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=classes())
def test_honest_score_in_a_hostile_class_equals_the_solo_score(tmp_path_factory, solo_scores, case):
    students, jobs, chunk = case
    scores = _grade(tmp_path_factory.mktemp("class"), students, jobs=jobs, chunk=chunk)
    for position, (kind, name) in enumerate(students):
        if kind == "honest":
            assert scores[f"{position:02d}_{kind}_{name}"] == solo_scores[name], (students, jobs, chunk, scores)


def test_attacker_first_then_every_honest_student_in_one_chunk(tmp_path, solo_scores):
    """The deterministic worst case behind the property: every attacker ahead of everyone, one session."""
    students = [("hostile", "mirror_special"), ("hostile", "surrogate_reply"), ("hostile", "patch_numpy"),
                ("malformed", "zip_bad_crc"),
                *[("honest", name) for name in HONEST]]
    scores = _grade(tmp_path, students, jobs=1, chunk=len(students))
    for position, (kind, name) in enumerate(students):
        if kind == "honest":
            assert scores[f"{position:02d}_{kind}_{name}"] == solo_scores[name], scores
