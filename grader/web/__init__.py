"""The course site (`nngrader serve`): students submit and take quizzes in the browser, instructors watch.

Layers inside: `config` (the `web:` part of course.yaml), `models` and `accounts`
(users, sign-in links, sessions, CSRF), `jobs` (the grading queue over the same
sandboxed grading as `nngrader grade`), `quizweb` (quizzes in the browser),
`mathtext` (statements with formulas as MathML, no CDN), `routes_*` (pages) and
`app` (assembly). Everything a page shows is Russian.
"""
