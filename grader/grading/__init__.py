"""Grading a whole class: find submissions, grade them in parallel sandboxes, store the records."""
