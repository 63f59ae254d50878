"""The `web:` section of course.yaml: what the site allows, per assignment and quiz.

    web:
      upload_limit_kb: 512        # largest file a student may upload
      queue_limit: 500            # submissions waiting at once; more are refused with a message
      per_student_per_minute: 6   # uploads per student per minute
      assignments:
        02_activations: {hidden_per_day: 5, public_per_day: 20, feedback: full}   # feedback: full | score | after_deadline
      quizzes:
        midterm: {opens: 2026-12-01T10:00:00+03:00, closes: 2026-12-01T12:00:00+03:00, minutes: 40}

Per assignment: `hidden_per_day` — uploads graded by the hidden tests (a grade in the gradebook);
`public_per_day` — runs of the open (public) tests on the site: feedback only, never a grade, None
(the default) = unlimited; the per-minute limit counts both; `feedback` — how much of the hidden
tests' feedback a student sees and when.

Defaults: hidden tests 10 times a day, open tests unlimited, full feedback, graded quizzes always
open, no time limit.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AssignmentPolicy(_Strict):
    hidden_per_day: int | None = Field(10, ge=1)   # None: unlimited
    public_per_day: int | None = Field(None, ge=1)  # open-test runs on the site; None: unlimited
    feedback: Literal["full", "score", "after_deadline"] = "full"


class QuizWindow(_Strict):
    opens: datetime | None = None
    closes: datetime | None = None
    minutes: int | None = Field(None, ge=1)


class WebConfig(_Strict):
    upload_limit_kb: int = Field(512, ge=1, le=50_000)
    queue_limit: int = Field(500, ge=1)
    per_student_per_minute: int = Field(6, ge=1)
    assignments: dict[str, AssignmentPolicy] = Field(default_factory=dict)
    quizzes: dict[str, QuizWindow] = Field(default_factory=dict)

    def policy(self, assignment_id: str) -> AssignmentPolicy:
        return self.assignments.get(assignment_id, AssignmentPolicy())

    def window(self, quiz_id: str) -> QuizWindow:
        return self.quizzes.get(quiz_id, QuizWindow())


def load_web_config(course_root: Path) -> WebConfig:
    data = yaml.safe_load((Path(course_root) / "course.yaml").read_text(encoding="utf-8")) or {}
    return WebConfig.model_validate(data.get("web") or {})
