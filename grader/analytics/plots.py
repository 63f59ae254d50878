"""Figures as inline SVG text (matplotlib, no display needed): one function per figure."""
from __future__ import annotations

import io
from datetime import datetime

import numpy as np


def _figure(width: float = 7.0, height: float = 3.2):
    import matplotlib
    matplotlib.use("Agg")  # no display on a server; must precede pyplot
    import matplotlib.pyplot as plt
    plt.rcParams.update({"svg.fonttype": "none", "font.size": 9})  # text stays text: searchable, small
    return plt, *plt.subplots(figsize=(width, height))


def _svg(plt, fig) -> str:
    buffer = io.StringIO()
    fig.tight_layout()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog: the SVG goes inline into HTML


def histogram(values: list[float], xlabel: str, title: str = "") -> str:
    plt, fig, ax = _figure()
    ax.hist(values, bins=np.linspace(0, 100, 21), color="#4c72b0", edgecolor="white")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("студентов")
    ax.set_xlim(0, 100)
    if title:
        ax.set_title(title)
    return _svg(plt, fig)


def hbar(labels: list[str], values: list[float], xlabel: str, limit: float | None = 100.0) -> str:
    plt, fig, ax = _figure(height=max(1.6, 0.32 * len(labels) + 0.8))
    y = np.arange(len(labels))
    ax.barh(y, values, color="#55a868")
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    if limit is not None:
        ax.set_xlim(0, limit)
    return _svg(plt, fig)


def heatmap(matrix: np.ndarray, rows: list[str], columns: list[str]) -> str:
    """Students × functions; row labels only while they stay readable."""
    height = min(12.0, max(2.0, 0.22 * len(rows) + 1.2))
    plt, fig, ax = _figure(width=7.5, height=height)
    image = ax.imshow(matrix if matrix.size else np.zeros((1, max(1, len(columns)))), aspect="auto",
                      cmap="RdYlGn", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks(np.arange(len(columns)), columns, rotation=40, ha="right")
    if len(rows) <= 60:
        ax.set_yticks(np.arange(len(rows)), rows)
    else:
        ax.set_ylabel(f"{len(rows)} студентов")
        ax.set_yticks([])
    fig.colorbar(image, ax=ax, label="доля баллов")
    return _svg(plt, fig)


def timeline(times: list[datetime], deadline: datetime | None) -> str:
    """Cumulative attempts over time with the deadline marked."""
    plt, fig, ax = _figure()
    ordered = sorted(times)
    ax.step(ordered, np.arange(1, len(ordered) + 1), where="post", color="#4c72b0", label="попытки (нарастающим итогом)")
    if deadline is not None:
        ax.axvline(deadline, color="#c44e52", linestyle="--", label="срок сдачи")
    ax.set_ylabel("попыток")
    ax.legend(loc="upper left")
    fig.autofmt_xdate()
    return _svg(plt, fig)


def facility_discrimination(facility: list[float], discrimination: list[float], labels: list[str]) -> str:
    plt, fig, ax = _figure(height=3.8)
    ax.axhspan(-100, 20, color="#f3d9d9", zorder=0)
    ax.axvspan(0, 20, color="#f6ecd4", zorder=0)
    ax.axvspan(90, 100, color="#f6ecd4", zorder=0)
    ax.scatter(facility, discrimination, s=18, color="#4c72b0", zorder=2)
    for f, d, label in zip(facility, discrimination, labels):
        if f > 90 or f < 20 or d < 20:
            ax.annotate(label, (f, d), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlim(0, 100)
    ax.set_ylim(min(-20, min(discrimination, default=0) - 5), 100)
    ax.set_xlabel("лёгкость, %")
    ax.set_ylabel("дискриминация, %")
    return _svg(plt, fig)
