"""Theory quizzes: the Russian question bank, per-student variants, scoring and LMS export.

Modules, one job each: model (schema) · bank (loading with line numbers via
grader.yamlsource) · validate (+ cues: answer cues, glossary: one terminology) ·
rng/params/reference (deterministic draws, reference answers) · config (course.yaml
quizzes) · variants · responses/scoring · selfcheck (take) · roster/paper/paper_html
(sheets, printable HTML, answer key) · grading/store (answer files -> gradebook) ·
export_* (Moodle XML, GIFT) · release · cli.
"""
