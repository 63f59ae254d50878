"""Per-student feedback in Russian (Markdown or phone-friendly HTML) from the gradebook."""
from .render import FORMATS, render_index, render_student
from .view import FeedbackView, build_view, detail_lines, pretty_test, safe_message
from .writer import FeedbackError, atomic_write, render_feedback, safe_stem, write_feedback

__all__ = [
    "FORMATS", "FeedbackError", "FeedbackView", "atomic_write", "build_view", "detail_lines", "pretty_test",
    "render_feedback", "render_index", "render_student", "safe_message", "safe_stem", "write_feedback",
]
