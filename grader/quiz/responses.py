"""Students' answers: the instruction shown per type, parsing, and the key written the same way.

Parsed shapes (the key of a VariantQuestion has the same shape):
  single -> int (shown number)         multiple -> frozenset[int]
  truefalse -> bool                    numeric, param_numeric -> float
  matching -> {left number: right index (0 = a)}   ordering -> tuple of shown numbers
Answers come from a terminal line (str) or from a YAML answers file (already
typed: int, float, bool, list, dict), so every parser accepts both.
"""
from __future__ import annotations

import math
import re
import string
from typing import Any

LETTERS = string.ascii_lowercase
# Cyrillic look-alikes typed with a Russian layout: а, с, е look like a, c, e.
_HOMOGLYPHS = str.maketrans({"а": "a", "с": "c", "е": "e", "о": "o", "х": "x", "р": "p"})

INSTRUCTIONS = {
    "single": "Введите номер одного варианта, например: 2",
    "multiple": "Введите номера всех верных вариантов через запятую или пробел, например: 1,3",
    "truefalse": "Введите «да» (утверждение верно) или «нет» (неверно)",
    "numeric": "Введите число, например: 0.25 (можно с запятой: 0,25)",
    "param_numeric": "Введите число, например: 0.25 (можно с запятой: 0,25)",
    "matching": ("Для каждого пункта слева укажите букву справа в виде «номер-буква» "
                 "через пробел, например: 1-b 2-a 3-c"),
    "ordering": "Введите номера пунктов в правильном порядке через пробел, например: 2 1 3",
}
EXAMPLES = {  # short form for comments in the answers template
    "single": "номер варианта, например 2",
    "multiple": "номера верных вариантов, например 1,3",
    "truefalse": "да или нет",
    "numeric": "число, например 0.25",
    "param_numeric": "число, например 0.25",
    "matching": "пары номер-буква, например 1-b 2-a 3-c",
    "ordering": "номера в правильном порядке, например 2 1 3",
}

_TRUE = {"да", "д", "верно", "правда", "true", "t", "yes", "y", "1", "+"}
_FALSE = {"нет", "н", "неверно", "ложь", "false", "f", "no", "n", "0", "-"}


class ResponseError(ValueError):
    """The answer cannot be read; the message says what is expected."""


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == [] or raw == {}


def parse(vq, raw: Any) -> Any:
    """Parse a non-blank raw answer for this variant question."""
    kind = vq.type
    if kind == "single":
        return _choice(raw, len(vq.option_order))
    if kind == "multiple":
        return _choices(raw, len(vq.option_order))
    if kind == "truefalse":
        return _bool(raw)
    if kind in ("numeric", "param_numeric"):
        return _number(raw)
    if kind == "matching":
        return _matching(raw, len(vq.left_order))
    if kind == "ordering":
        return _ordering(raw, len(vq.item_order))
    raise ResponseError(f"неизвестный тип вопроса {kind}")


def _int_in_range(token: Any, n: int) -> int:
    if isinstance(token, bool):
        raise ResponseError(f"ожидается номер от 1 до {n}")
    if isinstance(token, float) and token.is_integer():
        token = int(token)
    if isinstance(token, str):
        token = token.strip().rstrip(").")
        if not token.isdigit():
            raise ResponseError(f"«{token}» — не номер; ожидается номер от 1 до {n}")
        token = int(token)
    if not isinstance(token, int) or not 1 <= token <= n:
        raise ResponseError(f"номер {token} вне диапазона: ожидается от 1 до {n}")
    return token


def _tokens(raw: Any) -> list:
    if isinstance(raw, (list, tuple)):
        return list(raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return [raw]
    if isinstance(raw, str):
        return [t for t in re.split(r"[\s,;]+", raw.strip()) if t]
    raise ResponseError("ответ не похож на список номеров")


def _choice(raw: Any, n: int) -> int:
    tokens = _tokens(raw)
    if len(tokens) != 1:
        raise ResponseError(f"нужен ровно один номер от 1 до {n}")
    return _int_in_range(tokens[0], n)


def _choices(raw: Any, n: int) -> frozenset[int]:
    return frozenset(_int_in_range(t, n) for t in _tokens(raw))


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower().rstrip(".!")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ResponseError(f"«{raw}» — ожидается «да» или «нет»")


def _number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise ResponseError("ожидается число")
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = str(raw).strip().replace("\u2212", "-").replace(" ", "")
        if re.fullmatch(r"[-+]?\d+,\d+", text):  # Russian decimal comma
            text = text.replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise ResponseError(f"«{raw}» — не число; пример: 0.25") from None
    if not math.isfinite(value):
        raise ResponseError("ожидается конечное число")
    return value


def _matching(raw: Any, n: int) -> dict[int, int]:
    pairs: list[tuple[Any, Any]]
    if isinstance(raw, dict):
        pairs = list(raw.items())
    else:
        text = " ".join(map(str, raw)) if isinstance(raw, (list, tuple)) else str(raw)
        text = text.lower().translate(_HOMOGLYPHS)
        found = re.findall(r"(\d+)\s*[-–—:=>)]*\s*([a-z])\b", text)
        leftover = re.sub(r"(\d+)\s*[-–—:=>)]*\s*([a-z])\b", " ", text)
        if not found or re.search(r"[^\s,;]", leftover):
            raise ResponseError("не удалось разобрать пары; пример: 1-b 2-a 3-c")
        pairs = found
    result: dict[int, int] = {}
    for left, right in pairs:
        number = _int_in_range(left, n)
        letter = str(right).strip().lower().translate(_HOMOGLYPHS)
        if len(letter) != 1 or letter not in LETTERS[:n]:
            raise ResponseError(f"буква «{right}» вне списка: допустимы {', '.join(LETTERS[:n])}")
        if number in result:
            raise ResponseError(f"пункт {number} указан дважды")
        result[number] = LETTERS.index(letter)
    return result


def _ordering(raw: Any, n: int) -> tuple[int, ...]:
    numbers = tuple(_int_in_range(t, n) for t in _tokens(raw))
    if sorted(numbers) != list(range(1, n + 1)):
        raise ResponseError(f"перечислите все номера от 1 до {n}, каждый ровно один раз")
    return numbers


def format_response(vq, value: Any) -> str:
    """A parsed answer (or the key) written the way a student would type it."""
    kind = vq.type
    if value is None:
        return "—"
    if kind == "single":
        return str(value)
    if kind == "multiple":
        return ",".join(str(v) for v in sorted(value))
    if kind == "truefalse":
        return "да" if value else "нет"
    if kind in ("numeric", "param_numeric"):
        return f"{value:.10g}"
    if kind == "matching":
        return " ".join(f"{k}-{LETTERS[v]}" for k, v in sorted(value.items()))
    if kind == "ordering":
        return " ".join(str(v) for v in value)
    return str(value)
