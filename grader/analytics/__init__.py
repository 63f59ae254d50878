"""Class analytics: what the class got wrong (assignments) and which questions are broken (quizzes).

Layers inside: `itemstats` and `assignstats` are pure NumPy over plain tables;
`classdata` reads those tables from the gradebook; `plots` draws SVG;
`report` writes the HTML and CSV; `simulate` makes a demo class.
"""
