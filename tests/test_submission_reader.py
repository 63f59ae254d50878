"""Reading what students actually send: encodings, notebooks, folders, archives, broken files."""
import json
import zipfile

import pytest

from grader.submission import SubmissionError, describe_homoglyph, homoglyph_of, read_submission

SOURCE = "# Решение: ReLU\nimport numpy as np\n\ndef relu(x):\n    return np.maximum(x, 0)\n"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data, note", [
    (SOURCE.encode("utf-8"), None),
    (b"\xef\xbb\xbf" + SOURCE.encode("utf-8"), "BOM"),
    (SOURCE.replace("\n", "\r\n").encode("utf-8"), None),
    (SOURCE.encode("cp1251"), "cp1251"),
    (SOURCE.replace("\n", "\r\n").encode("cp1251"), "cp1251"),
])
def test_encodings_all_decode_to_the_same_source(tmp_path, data, note):
    source = read_submission(write(tmp_path, "act.py", data), "act")
    assert source.text == SOURCE
    assert (note is None and not source.notes) or any(note in n for n in source.notes)


def test_undecodable_bytes_name_the_line(tmp_path):
    # 0x98 is undefined in cp1251 and invalid as a UTF-8 start byte.
    data = b"import numpy as np\n\n# \x98\x98 garbage\n"
    with pytest.raises(SubmissionError, match=r"строка 3: файл не в кодировке UTF-8"):
        read_submission(write(tmp_path, "act.py", data), "act")


def test_latin1_text_is_not_mistaken_for_cp1251(tmp_path):
    data = "# café, naïve, über\nx = 1\n".encode("latin-1")
    with pytest.raises(SubmissionError, match="не похож на cp1251"):
        read_submission(write(tmp_path, "act.py", data), "act")


@pytest.mark.parametrize("data", [b"", b"   \n\n"])
def test_empty_file(tmp_path, data):
    with pytest.raises(SubmissionError, match="файл пуст"):
        read_submission(write(tmp_path, "act.py", data), "act")


def test_syntax_error_names_the_line(tmp_path):
    with pytest.raises(SubmissionError, match=r"act.py, строка 4: синтаксическая ошибка: пропущено двоеточие"):
        read_submission(write(tmp_path, "act.py", b"import numpy as np\n\n\ndef relu(x)\n    return x\n"), "act")


def test_indentation_error_names_the_line(tmp_path):
    with pytest.raises(SubmissionError, match=r"строка 3: ошибка отступа"):
        read_submission(write(tmp_path, "act.py", b"def relu(x):\n    y = x\n      return y\n"), "act")


def notebook(*cells):
    return json.dumps({"cells": [{"cell_type": kind, "source": text, "metadata": {}} for kind, text in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode("utf-8")


def test_notebook_code_cells_in_order_without_magics(tmp_path):
    data = notebook(("markdown", "# Задание"), ("code", "!pip install torch\n%matplotlib inline\nimport numpy as np"),
                    ("code", ["def relu(x):\n", "    return x\n"]), ("code", "%%bash\nrm -rf /\n"),
                    ("code", "def relu(x):\n    return np.maximum(x, 0)\n"))
    source = read_submission(write(tmp_path, "act.ipynb", data), "act")
    namespace = {}
    exec(source.text, namespace)  # trusted here: we wrote it
    assert namespace["relu"](-1) == 0  # the last definition wins
    assert "# !pip install torch" in source.text and "# rm -rf /" in source.text
    assert any("магическими" in n for n in source.notes)


def test_broken_notebook(tmp_path):
    with pytest.raises(SubmissionError, match="не является корректным блокнотом"):
        read_submission(write(tmp_path, "act.ipynb", b"{not json"), "act")


def test_folder_and_zip_pick_the_assignment_file(tmp_path):
    folder = tmp_path / "ivanov"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "act.py").write_text(SOURCE, encoding="utf-8")
    (folder / "test_act.py").write_text("x = 1\n", encoding="utf-8")
    assert read_submission(folder, "act").text == SOURCE
    archive = tmp_path / "ivanov.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("ivanov/act.py", SOURCE)
        z.writestr("__MACOSX/ivanov/._act.py", "junk")
    source = read_submission(archive, "act")
    assert source.text == SOURCE and source.origin == "ivanov.zip/ivanov/act.py"


def test_zip_caps(tmp_path):
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for i in range(300):
            z.writestr(f"f{i}.txt", "x")
    with pytest.raises(SubmissionError, match="слишком много файлов"):
        read_submission(archive, "act")
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("act.py", b"#" * (30 * 1024 * 1024))
    with pytest.raises(SubmissionError, match="слишком большой"):
        read_submission(bomb, "act")


def test_ambiguous_folder(tmp_path):
    (tmp_path / "a.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.py").write_text(SOURCE, encoding="utf-8")
    with pytest.raises(SubmissionError, match="назовите его act.py"):
        read_submission(tmp_path, "act")


def test_homoglyphs():
    assert homoglyph_of("relu", ["rеlu", "other"]) == "rеlu"  # Cyrillic е
    assert homoglyph_of("relu", ["relu2"]) is None
    assert "U+0435" in describe_homoglyph("rеlu")


def test_folder_holding_only_an_uploaded_zip(tmp_path):
    folder = tmp_path / "Иван Петров_1234_assignsubmission_file_"
    folder.mkdir()
    with zipfile.ZipFile(folder / "work.zip", "w") as z:
        z.writestr("ivan/act.py", SOURCE)
    assert read_submission(folder, "act").text == SOURCE
