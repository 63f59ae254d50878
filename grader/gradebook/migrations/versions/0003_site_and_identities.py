"""The other tables that live in the gradebook database: the course site's and Moodle identities.

The site (grader.web.models) and the Moodle participant mapping (grader.grading.people)
declare them on their own bases and used to create them on first use; from this revision
on a gradebook has them from the start, on SQLite and PostgreSQL alike. Created only if
missing, so a database where the site already made them is adopted as it is.

Revision ID: 0003_site_and_identities
Revises: 0002_one_quiz_attempt
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from grader.gradebook.migrations.adopt import create_missing, drop_present

revision = "0003_site_and_identities"
down_revision = "0002_one_quiz_attempt"
branch_labels = None
depends_on = None

ISO = sa.String(40)  # grader.gradebook.models.IsoDateTime


def _tables() -> list[sa.Table]:
    meta = sa.MetaData()
    sa.Table("nngrader_identities", meta,
             sa.Column("assignment_id", sa.String(200), primary_key=True),
             sa.Column("participant", sa.String(50), primary_key=True),
             sa.Column("person_id", sa.String(200), nullable=False),
             sa.Column("name", sa.String(300), nullable=False))
    sa.Table("web_users", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("login", sa.String(200), nullable=False, unique=True),
             sa.Column("role", sa.String(20), nullable=False),
             sa.Column("student_id", sa.String(200), unique=True),
             sa.Column("name", sa.String(300), nullable=False),
             sa.Column("email", sa.String(300), nullable=False),
             sa.Column("password_hash", sa.Text),
             sa.Column("created_at", ISO, nullable=False))
    sa.Table("web_tokens", meta,
             sa.Column("token_hash", sa.String(64), primary_key=True),
             sa.Column("user_id", sa.Integer, sa.ForeignKey("web_users.id"), nullable=False),
             sa.Column("expires_at", ISO, nullable=False),
             sa.Column("used_at", ISO))
    jobs = sa.Table("web_jobs", meta,
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("student_id", sa.String(200), nullable=False),
                    sa.Column("student_name", sa.String(300), nullable=False),
                    sa.Column("assignment_id", sa.String(200), nullable=False),
                    sa.Column("path", sa.Text, nullable=False),
                    sa.Column("filename", sa.String(300), nullable=False),
                    sa.Column("status", sa.String(20), nullable=False),
                    sa.Column("message", sa.Text, nullable=False),
                    sa.Column("created_at", ISO, nullable=False),
                    sa.Column("finished_at", ISO),
                    sa.Column("submission_id", sa.Integer))
    sa.Index("ix_web_jobs_student_id", jobs.c.student_id)
    sa.Index("ix_web_jobs_status", jobs.c.status, jobs.c.id)
    sa.Table("web_quiz_sessions", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("student_id", sa.String(200), nullable=False),
             sa.Column("quiz_id", sa.String(200), nullable=False),
             sa.Column("started_at", ISO, nullable=False),
             sa.Column("finished_at", ISO),
             sa.Column("score", sa.Double),  # Mapped[float | None] maps to Double in SQLAlchemy 2
             sa.Column("max_score", sa.Double),
             sa.UniqueConstraint("student_id", "quiz_id", name="uq_web_quiz_once"))
    sa.Table("web_quiz_answers", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("session_id", sa.Integer, sa.ForeignKey("web_quiz_sessions.id", ondelete="CASCADE"),
                       nullable=False),
             sa.Column("question_id", sa.String(200), nullable=False),
             sa.Column("given", sa.Text, nullable=False),
             sa.Column("saved_at", ISO, nullable=False),
             sa.UniqueConstraint("session_id", "question_id", name="uq_web_quiz_answer"))
    return meta.sorted_tables


def upgrade() -> None:
    create_missing(op.get_bind(), _tables())


def downgrade() -> None:
    drop_present(op.get_bind(), _tables())
