"""One quiz attempt per student and quiz, enforced by the database.

save_attempt() replaces a student's earlier attempt; two writers at once could
both find none and both insert. A unique index turns the second insert into an
error the store retries. Older duplicates (if a race already happened) are
reduced to the newest attempt first, else the index could not be built.

Revision ID: 0002_one_quiz_attempt
Revises: 0001_baseline
Create Date: 2026-11-29
"""
from alembic import op

revision = "0002_one_quiz_attempt"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None

_STALE = ("SELECT a.id FROM quiz_attempts a WHERE EXISTS (SELECT 1 FROM quiz_attempts b WHERE "
          "b.student_id = a.student_id AND b.quiz_id = a.quiz_id AND b.id > a.id)")


def upgrade() -> None:
    op.execute(f"DELETE FROM quiz_answers WHERE attempt_id IN ({_STALE})")
    op.execute(f"DELETE FROM quiz_attempts WHERE id IN ({_STALE})")
    op.create_index("uq_quiz_attempts_student_quiz", "quiz_attempts", ["student_id", "quiz_id"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_quiz_attempts_student_quiz", table_name="quiz_attempts")
