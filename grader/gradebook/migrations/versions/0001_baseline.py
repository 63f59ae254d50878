"""Baseline: the schema that Base.metadata.create_all() created before migrations existed.

Each table and index is created only if missing, so this revision both builds a
fresh database and adopts a gradebook written by an older nngrader (which has
the tables but no alembic_version) without touching its rows.

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from grader.gradebook.migrations.adopt import create_missing, drop_present

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None

ISO = sa.String(40)  # grader.gradebook.models.IsoDateTime stores ISO 8601 text


def _tables() -> list[sa.Table]:
    meta = sa.MetaData()
    sa.Table("students", meta,
             sa.Column("id", sa.String(200), primary_key=True),
             sa.Column("name", sa.String(300), nullable=False))
    sa.Table("assignments", meta, sa.Column("id", sa.String(200), primary_key=True))
    submissions = sa.Table(
        "submissions", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_id", sa.String(200), sa.ForeignKey("students.id"), nullable=False),
        sa.Column("assignment_id", sa.String(200), sa.ForeignKey("assignments.id"), nullable=False),
        sa.Column("content_hash", sa.String(128), nullable=False),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("submitted_at", ISO), sa.Column("graded_at", ISO),
        sa.Column("late_days", sa.Integer, nullable=False),
        sa.Column("penalty_percent", sa.Float, nullable=False),
        sa.Column("isolation", sa.String(20), nullable=False),
        sa.Column("raw_score", sa.Float, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("max_score", sa.Float, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("notes", sa.JSON, nullable=False),
        sa.Column("duration", sa.Float, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("result_count", sa.Integer, nullable=False))
    sa.Index("ix_submissions_student_assignment", submissions.c.student_id, submissions.c.assignment_id,
             submissions.c.is_current)
    sa.Index("ix_submissions_assignment_current", submissions.c.assignment_id, submissions.c.is_current)
    sa.Index("uq_submissions_current", submissions.c.student_id, submissions.c.assignment_id, unique=True,
             sqlite_where=sa.text("is_current = 1"), postgresql_where=sa.text("is_current")
             ).ddl_if(dialect=("sqlite", "postgresql"))
    results = sa.Table(
        "test_results", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("submission_id", sa.Integer, sa.ForeignKey("submissions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("test_id", sa.String(500), nullable=False),
        sa.Column("function", sa.String(200)),
        sa.Column("points", sa.Float, nullable=False),
        sa.Column("max_points", sa.Float, nullable=False),
        sa.Column("passed", sa.Boolean, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("hint", sa.Text),
        sa.Column("mutant_id", sa.String(300)),
        sa.Column("duration", sa.Float, nullable=False))
    sa.Index("ix_test_results_submission_id", results.c.submission_id)
    attempts = sa.Table(
        "quiz_attempts", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("student_id", sa.String(200), nullable=False),
        sa.Column("quiz_id", sa.String(200), nullable=False),
        sa.Column("variant_seed", sa.String(64), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("max_score", sa.Float, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False))
    sa.Index("ix_quiz_attempts_student_id", attempts.c.student_id)
    sa.Index("ix_quiz_attempts_quiz_id", attempts.c.quiz_id)
    answers = sa.Table(
        "quiz_answers", meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("attempt_id", sa.Integer, sa.ForeignKey("quiz_attempts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("given", sa.Text),
        sa.Column("points", sa.Float, nullable=False),
        sa.Column("max_points", sa.Float, nullable=False))
    sa.Index("ix_quiz_answers_attempt_id", answers.c.attempt_id)
    return meta.sorted_tables


def upgrade() -> None:
    create_missing(op.get_bind(), _tables())


def downgrade() -> None:
    drop_present(op.get_bind(), _tables())
