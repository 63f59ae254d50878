"""Deadline extensions granted on the site; the site's jobs learn to be open-test runs.

- `extensions`: one row per student and assignment (student_id, assignment_id, until, who granted
  it, when, comment). Grading takes the latest of course.yaml's deadline and this one.
- `web_jobs.kind` ("grade" | "public") and `web_jobs.outcome` (the open tests' results as JSON:
  they are feedback, never a grade, so they stay out of the submissions table).

Created only if missing (as 0003), so a database where the site already made them is adopted.

Revision ID: 0004_extensions_and_open_tests
Revises: 0003_site_and_identities
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from grader.gradebook.migrations.adopt import create_missing, drop_present

revision = "0004_extensions_and_open_tests"
down_revision = "0003_site_and_identities"
branch_labels = None
depends_on = None

ISO = sa.String(40)  # grader.gradebook.models.IsoDateTime


def _tables() -> list[sa.Table]:
    meta = sa.MetaData()
    sa.Table("extensions", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("student_id", sa.String(200), nullable=False),
             sa.Column("assignment_id", sa.String(200), nullable=False),
             sa.Column("until", ISO, nullable=False),
             sa.Column("granted_by", sa.String(300), nullable=False),
             sa.Column("granted_at", ISO, nullable=False),
             sa.Column("comment", sa.Text, nullable=False),
             sa.UniqueConstraint("student_id", "assignment_id", name="uq_extensions_student_assignment"))
    return meta.sorted_tables


def _job_columns() -> list[sa.Column]:
    return [sa.Column("kind", sa.String(20), nullable=False, server_default="grade"),
            sa.Column("outcome", sa.JSON)]


def upgrade() -> None:
    bind = op.get_bind()
    create_missing(bind, _tables())
    present = {c["name"] for c in sa.inspect(bind).get_columns("web_jobs")}
    for column in _job_columns():
        if column.name not in present:
            op.add_column("web_jobs", column)


def downgrade() -> None:
    bind = op.get_bind()
    present = {c["name"] for c in sa.inspect(bind).get_columns("web_jobs")}
    with op.batch_alter_table("web_jobs") as batch:
        for column in _job_columns():
            if column.name in present:
                batch.drop_column(column.name)
    drop_present(bind, _tables())
