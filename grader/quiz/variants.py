"""Per-student variants: which questions, in which order, options/items shuffled, parameters drawn.

Everything derives from seed = sha256(secret|student|quiz) through HashRng, so the
same student always gets the same variant and the answer key can be recomputed
at grading time instead of being stored anywhere students could reach.
Matching and ordering are always shuffled (otherwise the answer is the shown
order); `shuffle` controls the order of questions and of choice options.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .bank import Bank, BankQuestion
from .config import QuizConfig, QuizDef
from .params import draw_params, render_stem
from .reference import AnswerError, Reference, ReferenceUnavailable
from .rng import HashRng, derive_seed


@dataclass
class VariantQuestion:
    number: int  # 1-based position in the variant
    bq: BankQuestion
    stem: str  # with parameters substituted
    option_order: list[int] | None = None  # shown option i -> original index
    left_order: list[int] | None = None  # matching: shown left i -> original pair
    right_order: list[int] | None = None  # matching: shown letter i -> original pair
    item_order: list[int] | None = None  # ordering: shown item i -> original index
    params: dict[str, Any] | None = None
    key: Any = None  # correct response, in the shape responses.parse() returns
    unavailable: str | None = None  # why the key could not be computed

    @property
    def q(self):
        return self.bq.q

    @property
    def id(self) -> str:
        return self.bq.id

    @property
    def type(self) -> str:
        return self.bq.q.type

    @property
    def topic(self) -> str:
        return self.bq.topic

    def shown_options(self) -> list[str]:
        return [self.q.options[i].text for i in self.option_order]

    def shown_lefts(self) -> list[str]:
        return [self.q.pairs[i].left for i in self.left_order]

    def shown_rights(self) -> list[str]:
        return [self.q.pairs[i].right for i in self.right_order]

    def shown_items(self) -> list[str]:
        return [self.q.items[i] for i in self.item_order]

    def layout(self) -> dict:
        """What makes this question's presentation unique (for the fingerprint)."""
        return {"id": self.id, "o": self.option_order, "l": self.left_order,
                "r": self.right_order, "i": self.item_order, "p": self.params}


@dataclass
class Variant:
    quiz: QuizDef
    student: str
    seed: str  # sha256 hex of secret|student|quiz
    questions: list[VariantQuestion] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Short hash of the layout: grading refuses files whose variant changed since paper."""
        blob = json.dumps([vq.layout() for vq in self.questions], sort_keys=True, default=str)
        return derive_seed(blob)[:12]


class QuizNotFound(Exception):
    pass


def resolve_quiz(name: str, config: QuizConfig, bank: Bank) -> QuizDef:
    """A quiz id from course.yaml, or a topic id (all questions of the topic, self-check)."""
    quiz = config.quiz(name)
    if quiz is not None:
        return quiz
    if name in bank.topics():
        return QuizDef(id=name, title=f"Самопроверка: {bank.topic_title(name)}", topics=[name],
                       pool="selfcheck")
    known = [q.id for q in config.quizzes] + bank.topics()
    raise QuizNotFound(f"нет контрольной или темы «{name}». Доступны: "
                       + (", ".join(known) if known else "ничего (банк вопросов пуст)"))


def pool(bank: Bank, quiz: QuizDef) -> list[BankQuestion]:
    """The questions a quiz draws from.

    Self-checks never show exam-only questions (their answers would reach students
    with the self-check bank). A graded quiz draws only from exam-only questions
    when its topics have any, so nothing it asks was published with its answer;
    a bank without exam-only questions keeps the old behaviour (the whole bank).
    """
    questions = bank.for_topics(quiz.topics)
    kind = quiz.pool
    if kind is None:
        kind = "exam" if any(bq.q.exam_only for bq in questions) else "all"
    if kind == "selfcheck":
        return [bq for bq in questions if not bq.q.exam_only]
    if kind == "exam":
        return [bq for bq in questions if bq.q.exam_only]
    return questions


def build_variant(bank: Bank, quiz: QuizDef, secret: str, student: str,
                  reference: Reference | None = None) -> Variant:
    seed = derive_seed(secret, student, quiz.id)
    rng = HashRng(seed)
    chosen = select_questions(pool(bank, quiz), quiz, rng)
    variant = Variant(quiz=quiz, student=student, seed=seed)
    for number, bq in enumerate(chosen, start=1):
        variant.questions.append(make_question(number, bq, rng, quiz.shuffle, reference))
    return variant


def select_questions(pool: list[BankQuestion], quiz: QuizDef, rng: HashRng) -> list[BankQuestion]:
    n = quiz.n_questions
    if n is None or n >= len(pool):
        chosen = list(pool)
    elif quiz.difficulty is None:
        chosen = _balanced_pick(pool, n, rng)
    else:
        by_level = {d: [bq for bq in pool if bq.q.difficulty == d] for d in (1, 2, 3)}
        counts = allocate(n, quiz.difficulty, {d: len(v) for d, v in by_level.items()})
        chosen = [bq for d in (1, 2, 3) for bq in _balanced_pick(by_level[d], counts[d], rng)]
    if quiz.shuffle:
        ids = rng.order([bq.id for bq in chosen], "question-order")
        by_id = {bq.id: bq for bq in chosen}
        return [by_id[i] for i in ids]
    rank = {bq.id: i for i, bq in enumerate(pool)}
    return sorted(chosen, key=lambda bq: rank[bq.id])


def allocate(n: int, mix: dict[int, float], available: dict[int, int]) -> dict[int, int]:
    """Split n questions over difficulties by the mix (largest remainder), then
    move what a level lacks to the nearest levels that have spare questions."""
    raw = {d: n * mix.get(d, 0.0) for d in (1, 2, 3)}
    counts = {d: int(raw[d]) for d in raw}
    for d in sorted(raw, key=lambda d: (raw[d] - counts[d], -d), reverse=True)[: n - sum(counts.values())]:
        counts[d] += 1
    deficit = 0
    for d in (1, 2, 3):
        if counts[d] > available[d]:
            deficit += counts[d] - available[d]
            counts[d] = available[d]
    for d in (2, 1, 3):  # the middle level first, then easy, then hard
        spare = available[d] - counts[d]
        take = min(spare, deficit)
        counts[d] += take
        deficit -= take
    return counts


def _balanced_pick(group: list[BankQuestion], k: int, rng: HashRng) -> list[BankQuestion]:
    """k questions of the group, spread evenly over its topics (round robin)."""
    if k <= 0:
        return []
    topics = rng.order(sorted({bq.topic for bq in group}), "topic-order")
    queues = {t: rng.order([bq.id for bq in group if bq.topic == t], "pick") for t in topics}
    by_id = {bq.id: bq for bq in group}
    picked: list[BankQuestion] = []
    while len(picked) < k and any(queues.values()):
        for t in topics:
            if queues[t] and len(picked) < k:
                picked.append(by_id[queues[t].pop(0)])
    return picked


def make_question(number: int, bq: BankQuestion, rng: HashRng, shuffle: bool,
                  reference: Reference | None) -> VariantQuestion:
    q = bq.q
    vq = VariantQuestion(number=number, bq=bq, stem=q.stem)
    if q.type in ("single", "multiple"):
        n = len(q.options)
        vq.option_order = rng.permutation(n, q.id, "options") if shuffle else list(range(n))
        shown_correct = [pos + 1 for pos, orig in enumerate(vq.option_order) if q.options[orig].correct]
        vq.key = shown_correct[0] if q.type == "single" else frozenset(shown_correct)
    elif q.type == "truefalse":
        vq.key = q.answer
    elif q.type == "numeric":
        vq.key = q.answer
    elif q.type == "param_numeric":
        vq.params = draw_params(q.params, rng, q.id, "params")
        vq.stem = render_stem(q.stem, vq.params, q.params)
        try:
            if reference is None:
                raise ReferenceUnavailable("эталонная библиотека не подключена")
            vq.key = reference.evaluate(q.answer, vq.params)
        except (ReferenceUnavailable, AnswerError) as exc:
            vq.unavailable = str(exc)
    elif q.type == "matching":
        n = len(q.pairs)
        vq.left_order = rng.permutation(n, q.id, "left") if shuffle else list(range(n))
        vq.right_order = rng.permutation(n, q.id, "right")
        if n > 1 and vq.right_order == vq.left_order:  # else the key is "1-a 2-b 3-c"
            vq.right_order = vq.right_order[1:] + vq.right_order[:1]
        vq.key = {i + 1: vq.right_order.index(p) for i, p in enumerate(vq.left_order)}
    elif q.type == "ordering":
        n = len(q.items)
        vq.item_order = rng.shuffled_not_identity(n, q.id, "items")
        vq.key = tuple(vq.item_order.index(k) + 1 for k in range(n))
    return vq
