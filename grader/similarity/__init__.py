"""Who copied from whom: code similarity across a class (`nngrader similarity`).

normalize   source -> per-function token streams robust to renaming, reordering, dead code
fingerprint winnowing over those tokens (Schleimer et al. 2003)
sources     the class's submissions and the base everyone shares (starter, tests, statement, reference)
score       pair scores for the whole file and per function, clusters
report      pairs.csv, clusters.csv, the Russian HTML report
pipeline    from sources to an Analysis (in parallel for big classes)
command     the CLI verb
"""
