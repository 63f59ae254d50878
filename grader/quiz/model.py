"""Schema of the question bank (docs/quiz_format.md) as pydantic v2 models.

One model per question type, joined into a discriminated union on `type`, so a
schema error names the field of the right type ("options", "pairs", ...)
instead of a list of every type that did not match.
"""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import (BaseModel, ConfigDict, Field, StrictBool, StrictStr,
                      TypeAdapter, model_validator)

# Assignment topics in course order (folder exercises/NN_<topic>).
TOPICS: tuple[str, ...] = (
    "neuron", "activations", "losses", "backprop",
    "optimizers", "regularization", "normalization", "training",
)

# Syllabus section ids -> Russian names (shown in "что повторить").
SECTIONS: dict[str, str] = {
    "neuron": "Анатомия нейрона, веса и смещение",
    "activations": "Функции активации: зачем нелинейность, ReLU/Sigmoid/Softmax/Leaky ReLU",
    "losses": "Функции потерь: MSE, BCE, CCE — когда какую",
    "optimization": "Градиентный спуск и оптимизаторы: SGD, Momentum, Adam",
    "backprop": "Обратное распространение и цепное правило",
    "regularization": "Регуляризация: Dropout, L1/L2, ранняя остановка",
    "normalization": "Батч-нормализация (BatchNorm)",
    "initialization": "Инициализация весов: нули, Xavier, He",
    "vanishing_gradient": "Затухающий и взрывающийся градиент",
    "troubleshooting": "Что делать, если модель плохо учится",
}

QUESTION_TYPES: tuple[str, ...] = (
    "single", "multiple", "truefalse", "numeric", "param_numeric", "matching", "ordering",
)

# Russian names of the types (tables, sheets).
TYPE_NAMES: dict[str, str] = {
    "single": "один вариант",
    "multiple": "несколько вариантов",
    "truefalse": "верно/неверно",
    "numeric": "число",
    "param_numeric": "число (параметры)",
    "matching": "сопоставление",
    "ordering": "порядок",
}

Section = Literal[
    "neuron", "activations", "losses", "optimization", "backprop", "regularization",
    "normalization", "initialization", "vanishing_gradient", "troubleshooting",
]
NonEmpty = Annotated[StrictStr, Field(min_length=1)]


class _Strict(BaseModel):
    # A typo such as `tolerence:` must be an error, not a silently ignored key.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    text: NonEmpty
    correct: StrictBool = False


class Pair(_Strict):
    left: NonEmpty
    right: NonEmpty


class ParamSpec(_Strict):
    """Either a uniform draw {min, max, decimals} or {choices: [...]}."""

    min: float | None = None
    max: float | None = None
    decimals: Annotated[int, Field(ge=0, le=10)] = 2
    choices: list[float | int | StrictStr] | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "ParamSpec":
        uniform = self.min is not None or self.max is not None
        if self.choices is not None:
            if uniform:
                raise ValueError("задайте либо min/max, либо choices, но не оба сразу")
            if not self.choices:
                raise ValueError("список choices пуст")
        elif self.min is None or self.max is None:
            raise ValueError("нужны оба поля min и max (или список choices)")
        elif self.min > self.max:
            raise ValueError(f"min ({self.min}) больше max ({self.max})")
        return self


class _Question(_Strict):
    id: NonEmpty
    difficulty: Literal[1, 2, 3]
    section: Section
    stem: NonEmpty
    explanation: NonEmpty
    topic: StrictStr | None = None  # optional: the file's `topic` is authoritative
    # Graded quizzes only: never in a self-check (a student bundle ships self-check answers).
    exam_only: StrictBool = False


class SingleQuestion(_Question):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)


class MultipleQuestion(_Question):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=2)


class TrueFalseQuestion(_Question):
    type: Literal["truefalse"]
    answer: StrictBool


class NumericQuestion(_Question):
    type: Literal["numeric"]
    answer: float
    tolerance: Annotated[float, Field(ge=0)] = 0.0


class ParamNumericQuestion(_Question):
    type: Literal["param_numeric"]
    params: dict[str, ParamSpec] = Field(min_length=1)
    answer: NonEmpty  # Python expression evaluated with the reference library
    tolerance: Annotated[float, Field(ge=0)] = 0.0


class MatchingQuestion(_Question):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=26)  # right items are lettered a..z


class OrderingQuestion(_Question):
    type: Literal["ordering"]
    items: list[NonEmpty] = Field(min_length=2)  # in the correct order


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, NumericQuestion,
          ParamNumericQuestion, MatchingQuestion, OrderingQuestion],
    Field(discriminator="type"),
]
QUESTION_ADAPTER: TypeAdapter = TypeAdapter(Question)


class QuizFileHeader(_Strict):
    """Top level of a quiz.yaml; `questions` are validated one by one (see bank.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: NonEmpty
    title: NonEmpty
    questions: list = Field(min_length=1)
