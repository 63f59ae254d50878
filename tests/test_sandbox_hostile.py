"""Hostile submissions get exactly the score they earned honestly, and grading goes on.

Every file in tests/hostile/ implements `relu` honestly (40 points in the mini
course) and attacks in `sigmoid` or at import; its first line states the score
it deserves. Each attack is bounded even if the sandbox failed: at most a few
hundred processes, 3 GiB of memory, 200 MiB of disk, network only to 127.0.0.1.
"""
import os
import re
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from fakecourse import HIDDEN, REFERENCE, make_course
from grader.course import load_course
from grader.harness.runner import run_tests
from grader.sandbox.launcher import FULL, isolation_level

HOSTILE = Path(__file__).with_name("hostile")
LEVEL, REASON = isolation_level()

# relu is tested before and after sigmoid, so a worker killed by sigmoid must be restarted.
HOSTILE_HIDDEN = HIDDEN.replace('@points(40, "relu")', '@points(20, "relu")') + '''

@points(20, "relu")
def test_relu_after_sigmoid(student):
    x = np.array([[-3.0, 0.0, 2.5]])
    assert_close(student.relu(x), ref.relu(x))
'''


class Limits:
    call_timeout_s = 2.0
    submission_budget_s = 30.0
    memory_mb = 768


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return load_course(make_course(tmp_path_factory.mktemp("hostile-course"), hidden=HOSTILE_HIDDEN))


def grade(course, submission: Path) -> tuple[float, list]:
    results = run_tests(course.hidden_tests(course.course.assignments[0]), submission=submission,
                        isolation=LEVEL, limits=Limits)
    return sum(r.points for r in results), results


def expected_points(path: Path) -> float:
    return float(re.match(r"# expected: (\d+)", path.read_text(encoding="utf-8")).group(1))


def test_the_full_isolation_level_is_what_ci_exercises():
    if os.environ.get("CI"):
        assert LEVEL == FULL, REASON


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.py")), ids=lambda p: p.stem)
def test_hostile_submission_earns_its_honest_score(course, path):
    score, results = grade(course, path)
    summary = [(r.test_id, r.passed, r.message[:120]) for r in results]
    assert score == expected_points(path), summary
    assert len(results) == 5  # every test ran: grading went on


def test_output_flood_is_capped_not_buffered(course):
    score, _ = grade(course, HOSTILE / "output_flood.py")
    assert score == 100


def test_honest_reference_scores_full(course, tmp_path):
    path = tmp_path / "act.py"
    path.write_text(REFERENCE, encoding="utf-8")
    assert grade(course, path)[0] == 100


def test_network_to_localhost_is_unreachable(course, tmp_path):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    received: list[bytes] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    received.append(conn.recv(100))
                except OSError:
                    pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    source = REFERENCE.replace("def sigmoid(x):", f'''def sigmoid(x):
    import socket
    try:
        s = socket.create_connection(("127.0.0.1", {port}), timeout=1)
        s.sendall(b"stolen")
        s.close()
    except OSError:
        return np.zeros(np.shape(x))
    return _real(x)

def _real(x):''')
    path = tmp_path / "net.py"
    path.write_text(source, encoding="utf-8")
    try:
        score, _ = grade(course, path)
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
    if LEVEL == FULL:
        assert received == [] and score == 40
    else:
        assert score in (40, 100)


def test_zip_with_path_traversal_is_refused_without_extracting(course, tmp_path):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("../../evil_outside.py", "print('x')")
        z.writestr("act.py", REFERENCE)
    score, results = grade(course, archive)
    assert score == 0
    assert "недопустимый путь" in results[0].message
    assert not (tmp_path.parent / "evil_outside.py").exists()


def test_zip_symlink_members_are_not_followed(course, tmp_path):
    archive = tmp_path / "links.zip"
    with zipfile.ZipFile(archive, "w") as z:
        link = zipfile.ZipInfo("act.py")
        link.external_attr = (0o120777 << 16)
        z.writestr(link, str(course.root / "solutions" / "act.py"))
    score, results = grade(course, archive)
    assert score == 0 and "не найден файл act.py" in results[0].message


def test_symlink_to_the_reference_is_not_graded_as_the_reference(course, tmp_path):
    folder = tmp_path / "student"
    folder.mkdir()
    (folder / "act.py").symlink_to(course.root / "solutions" / "act.py")
    assert grade(course, folder)[0] == 0
    assert grade(course, folder / "act.py")[0] == 0


def test_nothing_survives_between_submissions(course, tmp_path):
    """Files left in the working directory, HOME and TMPDIR are gone for the next submission (every level)."""
    places = "[os.getcwd(), os.environ.get('HOME', '.'), tempfile.gettempdir()]"
    writer = tmp_path / "writer.py"
    writer.write_text(REFERENCE + f"\nimport os, tempfile\nfor d in {places}:\n"
                      "    open(os.path.join(d, 'marker'), 'w').write('1')\n", encoding="utf-8")
    reader = tmp_path / "reader.py"
    reader.write_text(REFERENCE.replace("def relu(x):", "def relu(x):\n    import os, tempfile\n"
                                        f"    if any(os.path.exists(os.path.join(d, 'marker')) for d in {places}):\n"
                                        "        return None"), encoding="utf-8")
    assert grade(course, writer)[0] == 100
    assert grade(course, reader)[0] == 100


@pytest.mark.skipif(LEVEL != FULL, reason=f"только при полной изоляции (без неё /tmp — общий каталог машины): {REASON}")
def test_the_sandbox_tmp_is_its_own(course, tmp_path):
    writer = tmp_path / "writer.py"
    writer.write_text(REFERENCE + "\nopen('/tmp/nngrader-marker', 'w').write('1')\n", encoding="utf-8")
    reader = tmp_path / "reader.py"
    reader.write_text(REFERENCE.replace("def relu(x):", "def relu(x):\n    import os\n"
                                        "    if os.path.exists('/tmp/nngrader-marker'):\n"
                                        "        return None"), encoding="utf-8")
    assert grade(course, writer)[0] == 100
    assert not Path("/tmp/nngrader-marker").exists()  # the host's /tmp was never the sandbox's
    assert grade(course, reader)[0] == 100


def test_an_infinite_loop_costs_one_timeout_and_the_rest_keeps_its_credit(course):
    import time
    started = time.monotonic()
    score, results = grade(course, HOSTILE / "infinite_loop.py")
    elapsed = time.monotonic() - started
    assert score == 40
    assert sum("превышен лимит времени" in r.message for r in results) == 1
    assert elapsed < Limits.call_timeout_s + 3, elapsed
