"""`nngrader serve --executor dask-local:1`: the site's queue grades its batches on Dask (a LocalCluster
with one worker here) and gives exactly the grade of local grading."""
from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

if os.environ.get("CI", "").lower() not in ("1", "true", "yes"):  # in CI a missing extra must fail, not skip
    pytest.importorskip("distributed", reason="dask/distributed: pip install 'nngrader[scale]'")

from grader.course import load_course  # noqa: E402
from grader.grading.dask_executor import DaskGrading  # noqa: E402
from grader.grading.discover import Candidate  # noqa: E402
from grader.grading.parallel import grade_in_parallel  # noqa: E402
from grader.sandbox.launcher import isolation_level  # noqa: E402
from webhelpers import ROOT, add_people, make_app, sign_in, student_source  # noqa: E402

MUTANT = "leaky_relu:leaky_relu_fixed_alpha"
RUN_FIELDS = ("graded_at", "duration", "source_path", "submitted_at")  # the run, not the grade


def _grade(record) -> dict:
    data = asdict(record)
    for name in RUN_FIELDS:
        data.pop(name)
    for outcome in data["outcomes"]:
        outcome.pop("duration")
    return data


def test_site_grades_on_dask_as_locally(tmp_path):
    level = isolation_level()[0]
    uploads = {"ivanov": student_source(mutant=MUTANT), "petrova": student_source()}
    with DaskGrading("dask-local:1", load_course(ROOT), required_level=level) as dask:
        app = make_app(tmp_path, executor=dask)
        add_people(app)
        with TestClient(app) as client:
            for login, data in uploads.items():
                csrf = sign_in(client, login)
                sent = client.post("/a/02_activations/submit", data={"csrf": csrf},
                                   files={"file": ("activations.py", data)}, follow_redirects=False)
                assert sent.status_code == 303
                client.post("/logout", data={"csrf": csrf})
            assert app.state.site.queue.run_once()  # one batch, both uploads, on the Dask worker
            assert not app.state.site.queue.run_once()
            assert dask.last_worker is not None  # the records really came from the cluster
            site = {r.student_id: _grade(r) for r in app.state.site.gradebook.current("02_activations")}
    assert set(site) == set(uploads)
    candidates = []
    for login, data in uploads.items():
        path = tmp_path / "local" / login / "activations.py"
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        candidates.append(Candidate(login, {"ivanov": "Иванов Иван", "petrova": "Петрова Анна"}[login], path, None))
    local = {r.student_id: _grade(r) for r in grade_in_parallel(ROOT, "02_activations", candidates, level=level,
                                                                jobs=1)}
    assert site == local
    assert site["petrova"]["score"] == 100 and site["ivanov"]["score"] < 100


def test_site_on_a_worker_below_its_isolation_grades_nothing(tmp_path, monkeypatch):
    """As with `grade --executor`: the worker can only reach 'reduced', the site requires 'full'."""
    from distributed import LocalCluster
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    import grader.sandbox.levels as levels
    from grader.web.models import Job
    monkeypatch.setattr(levels, "isolation_level", lambda: ("reduced", "тест: bubblewrap не найден"))
    # Workers in this process (threads) so that they see the patched level.
    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=None,
                      protocol="tcp", host="127.0.0.1") as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        with DaskGrading(address, load_course(ROOT), required_level="full") as dask:
            app = make_app(tmp_path, executor=dask)
            add_people(app)
            with TestClient(app) as client:
                csrf = sign_in(client, "ivanov")
                client.post("/a/02_activations/submit", data={"csrf": csrf},
                            files={"file": ("activations.py", student_source())})
                assert app.state.site.queue.run_once()
                with Session(app.state.site.engine) as session:
                    [job] = session.scalars(select(Job))
                assert job.status == "failed" and "требуется уровень изоляции «full»" in job.message
                assert app.state.site.gradebook.current() == []
                assert "Проверка не удалась" in client.get(f"/jobs/{job.id}").text


def test_serve_refuses_an_unknown_executor():
    from typer.testing import CliRunner

    from grader.cli import app
    result = CliRunner().invoke(app, ["serve", "--executor", "dask:/nowhere", "--allow-reduced",
                                      "--course", str(ROOT)])
    assert result.exit_code == 3
    assert "неизвестный исполнитель «dask:/nowhere»" in " ".join(result.output.split())
