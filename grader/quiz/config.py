"""The quiz part of course.yaml: the quiz definitions and the variant secret.

Expected keys (others are ignored here; grader/course.py owns the full schema):

    title: "Нейронные сети на NumPy"
    secret_env: NNGRADER_SECRET   # env var holding the secret (this is the default name);
                                  # the variable unset -> secret = title (predictable: a warning)
    quizzes:
      - id: midterm
        title: "Промежуточная контрольная"
        topics: [neuron, activations, losses, backprop]
        questions: 12
        difficulty: {1: 0.4, 2: 0.4, 3: 0.2}   # default when omitted
        shuffle: true
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

DEFAULT_TITLE = "nngrader"
DEFAULT_SECRET_ENV = "NNGRADER_SECRET"
DEFAULT_MIX = {1: 0.4, 2: 0.4, 3: 0.2}  # course.yaml quizzes without `difficulty` (as grader/course.py)


class QuizDef(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str = Field(min_length=1)
    title: str = ""
    topics: list[str] = Field(min_length=1)
    # None = every question of the topics (self-check of a whole topic).
    n_questions: int | None = Field(default=None, gt=0,
                                    validation_alias=AliasChoices("questions", "n_questions"))
    difficulty: dict[int, float] | None = None  # share of each difficulty, normalized
    shuffle: bool = True
    # Which questions the quiz draws from: "selfcheck" (topic self-checks: no exam-only
    # questions), "exam" (graded: only exam-only ones), None = graded quiz of course.yaml,
    # "exam" when its topics have exam-only questions, else the whole bank (see variants.pool).
    # Not a course.yaml key: set by resolve_quiz.
    pool: Literal["selfcheck", "exam", "all"] | None = None

    @field_validator("difficulty")
    @classmethod
    def _mix(cls, mix):
        if mix is None:
            return None
        if not set(mix) <= {1, 2, 3}:
            raise ValueError("ключи difficulty — только 1, 2, 3")
        if any(v < 0 for v in mix.values()) or sum(mix.values()) <= 0:
            raise ValueError("доли difficulty должны быть неотрицательны и не все нули")
        total = sum(mix.values())
        return {k: v / total for k, v in sorted(mix.items())}


@dataclass
class QuizConfig:
    title: str = DEFAULT_TITLE
    secret_env: str | None = DEFAULT_SECRET_ENV
    quizzes: list[QuizDef] = field(default_factory=list)

    @property
    def secret(self) -> str:
        if self.secret_env and os.environ.get(self.secret_env):
            return os.environ[self.secret_env]
        return self.title

    @property
    def secret_is_default(self) -> bool:
        """True when no secret is set: variants are then predictable from the title."""
        return not (self.secret_env and os.environ.get(self.secret_env))

    def quiz(self, quiz_id: str) -> QuizDef | None:
        return next((q for q in self.quizzes if q.id == quiz_id), None)


class ConfigError(Exception):
    pass


def load_quiz_config(course_dir: Path) -> QuizConfig:
    """Read course.yaml if present; a course without it still has topic self-checks."""
    path = Path(course_dir) / "course.yaml"
    if not path.is_file():
        return QuizConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: не удалось прочитать course.yaml: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: course.yaml должен быть словарём")
    quizzes = []
    for i, raw in enumerate(data.get("quizzes") or []):
        try:
            if isinstance(raw, dict) and "difficulty" not in raw:
                raw = {**raw, "difficulty": DEFAULT_MIX}
            quizzes.append(QuizDef.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise ConfigError(f"{path}: quizzes[{i}] {loc}: {first['msg']}") from None
    return QuizConfig(title=str(data.get("title") or DEFAULT_TITLE),
                      secret_env=data.get("secret_env", DEFAULT_SECRET_ENV), quizzes=quizzes)
