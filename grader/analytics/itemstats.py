"""Item analysis with the definitions of Moodle's quiz statistics report.

Source: Moodle developer docs, "Quiz statistics calculations"
(docs.moodle.org/dev/Quiz_statistics_calculations) and the code that implements
them (question/classes/statistics/questions/calculator.php). Notation there:
x_i(s) is the score of attempt s on item i, X_i(s) = T(s) - x_i(s) the score on
the rest of the test, V() a sample variance (divisor S - 1), C() a sample
covariance. The classical upper-lower 27 % index (Kelley 1939) is given beside
them. Everything is plain NumPy on arrays of scores; nothing here knows a quiz.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Moodle's report calls an item "dubious" below these; we use them as flags.
EASY_FACILITY = 90.0
HARD_FACILITY = 20.0
LOW_DISCRIMINATION = 20.0   # Moodle greys out discrimination below 20 ... (%, correlation ×100)
LOW_EFFICIENCY = 30.0
MIN_ATTEMPTS = 10           # fewer attempts than this: too noisy to flag anything


@dataclass
class ItemStats:
    n: int                       # attempts that had this item
    facility: float              # %: 100 (mean - min) / (max - min)
    sd: float                    # %: 100 sqrt(V(x)) / (max - min)
    discrimination: float        # 100 r(x_i, X_i); nan when undefined (a constant column)
    efficiency: float            # 100 C(x_i, X_i) / C_max(x_i, X_i); nan when undefined
    upper_lower: float           # 100 (mean in top 27 % - mean in bottom 27 %) / (max - min)
    flags: list[str] = field(default_factory=list)


def _sample_var(x: np.ndarray) -> float:
    return float(np.var(x, ddof=1)) if x.size > 1 else float("nan")


def _sample_cov(x: np.ndarray, y: np.ndarray) -> float:
    if x.size < 2:
        return float("nan")
    return float(np.sum((x - x.mean()) * (y - y.mean())) / (x.size - 1))


def correlation(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson's r; nan when either side is constant."""
    vx, vy = _sample_var(x), _sample_var(y)
    if not (vx > 0 and vy > 0):
        return float("nan")
    return _sample_cov(x, y) / np.sqrt(vx * vy)


def efficiency(x: np.ndarray, rest: np.ndarray) -> float:
    """Discriminative efficiency: the covariance reached over the largest one possible
    for these two sets of values, which pairs them both sorted the same way."""
    c_max = _sample_cov(np.sort(x), np.sort(rest))
    if not c_max > 0:
        return float("nan")
    return 100.0 * _sample_cov(x, rest) / c_max


def upper_lower(x: np.ndarray, total: np.ndarray, lo: float, hi: float, share: float = 0.27) -> float:
    """Mean item score of the top `share` of attempts by total minus that of the bottom, as % of range."""
    k = int(round(share * x.size))
    if k < 1 or hi <= lo:
        return float("nan")
    order = np.argsort(total, kind="stable")
    return 100.0 * (x[order[-k:]].mean() - x[order[:k]].mean()) / (hi - lo)


def item_stats(x, total, max_score: float = 1.0, min_score: float = 0.0) -> ItemStats:
    """Statistics of one item from its scores and the attempts' total scores (same order)."""
    x = np.asarray(x, dtype=float)
    total = np.asarray(total, dtype=float)
    rest = total - x
    span = max_score - min_score
    n = int(x.size)
    if n == 0 or span <= 0:
        nan = float("nan")
        return ItemStats(n, nan, nan, nan, nan, nan)
    stats = ItemStats(
        n=n,
        facility=100.0 * (x.mean() - min_score) / span,
        sd=100.0 * np.sqrt(_sample_var(x)) / span if n > 1 else float("nan"),
        discrimination=100.0 * correlation(x, rest),
        efficiency=efficiency(x, rest),
        upper_lower=upper_lower(x, total, min_score, max_score),
    )
    stats.flags = flag_item(stats)
    return stats


def flag_item(s: ItemStats) -> list[str]:
    """Russian reasons to look at this item again (none when there are too few attempts)."""
    if s.n < MIN_ATTEMPTS:
        return []
    flags = []
    if s.facility > EASY_FACILITY:
        flags.append(f"слишком лёгкий (лёгкость {s.facility:.0f} > {EASY_FACILITY:.0f})")
    if s.facility < HARD_FACILITY:
        flags.append(f"слишком трудный (лёгкость {s.facility:.0f} < {HARD_FACILITY:.0f})")
    if np.isnan(s.discrimination):
        flags.append("дискриминация не определена: все ответили одинаково")
    elif s.discrimination < 0:
        flags.append(f"отрицательная дискриминация ({s.discrimination:.0f}): сильные студенты ошибаются чаще "
                     "слабых — проверьте ключ")
    elif s.discrimination < LOW_DISCRIMINATION:
        flags.append(f"слабая дискриминация ({s.discrimination:.0f} < {LOW_DISCRIMINATION:.0f})")
    return flags


@dataclass
class QuizStats:
    n: int
    items: int
    mean: float          # as % of the maximum
    median: float        # %
    sd: float            # % (sample SD)
    alpha: float         # Cronbach's α (Moodle: coefficient of internal consistency), as a fraction
    kr20: float          # KR-20: α's shortcut for 0/1 items (nan when items are not all 0/1)
    sem: float           # standard error of measurement, % of the maximum: SD sqrt(1 - α)


def cronbach_alpha(matrix) -> float:
    """α = P/(P-1) (1 - Σ V(x_i) / V(T)) over a complete attempts × items matrix."""
    m = np.asarray(matrix, dtype=float)
    p = m.shape[1]
    var_total = _sample_var(m.sum(axis=1))
    if p < 2 or not var_total > 0:
        return float("nan")
    return p / (p - 1) * (1.0 - sum(_sample_var(m[:, i]) for i in range(p)) / var_total)


def kr20(matrix) -> float:
    """KR-20 = P/(P-1) (1 - Σ p_i q_i / σ²_T) for 0/1 items; nan when not all scores are 0 or 1.

    With population variances (divisor S) in both places it equals α computed with
    sample variances (the S/(S-1) factors cancel), so the two are a check on each other."""
    m = np.asarray(matrix, dtype=float)
    if m.size == 0 or not np.all((m == 0) | (m == 1)):
        return float("nan")
    p = m.shape[1]
    var_total = float(np.var(m.sum(axis=1)))
    if p < 2 or not var_total > 0:
        return float("nan")
    share = m.mean(axis=0)
    return p / (p - 1) * (1.0 - float(np.sum(share * (1 - share))) / var_total)


def quiz_stats(matrix, max_scores) -> QuizStats:
    """Whole-test statistics of a complete attempts × items matrix (item maxima in `max_scores`)."""
    m = np.asarray(matrix, dtype=float)
    top = float(np.sum(max_scores))
    totals = 100.0 * m.sum(axis=1) / top if top > 0 else np.full(m.shape[0], np.nan)
    alpha = cronbach_alpha(m)
    sd = float(np.std(totals, ddof=1)) if totals.size > 1 else float("nan")
    return QuizStats(
        n=int(m.shape[0]), items=int(m.shape[1]),
        mean=float(totals.mean()) if totals.size else float("nan"),
        median=float(np.median(totals)) if totals.size else float("nan"),
        sd=sd, alpha=alpha, kr20=kr20(m),
        sem=sd * float(np.sqrt(1 - alpha)) if alpha <= 1 and not np.isnan(alpha) else float("nan"),
    )


def spearman(a, b) -> float:
    """Spearman's ρ: Pearson's r of the ranks (ties get their mean rank)."""
    return correlation(_ranks(np.asarray(a, float)), _ranks(np.asarray(b, float)))


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    ranks = np.empty(x.size)
    ranks[order] = np.arange(x.size, dtype=float)
    for value in np.unique(x):  # average the ranks of ties
        tied = x == value
        ranks[tied] = ranks[tied].mean()
    return ranks
