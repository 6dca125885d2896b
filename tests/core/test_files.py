"""Files the Hub writes for itself are replaced whole or not at all."""

import pytest

from hub.core.files import write_atomically


def test_a_file_is_written_whole_in_bytes_or_text(tmp_path):
    write_atomically(tmp_path / "new" / "page.html", "<p>Ł</p>")
    write_atomically(tmp_path / "new" / "file.pdf", b"%PDF-")
    assert (tmp_path / "new" / "page.html").read_text() == "<p>Ł</p>"
    assert (tmp_path / "new" / "file.pdf").read_bytes() == b"%PDF-"
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["file.pdf", "page.html"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("old")

    class Unwritable:
        """Neither bytes nor text: writing it fails part way."""

    with pytest.raises(TypeError):
        write_atomically(path, Unwritable())
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]
