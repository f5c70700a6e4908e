"""`rkg extract` end to end, through the real console script."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repression_kg.cli import root

RU = "Суд приговорил Жилина Михаила к шести годам колонии общего режима.\n"


def rkg(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "repression_kg", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, input=stdin)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    files = {
        "a_plain.txt": b"Headline\n\nAnna Ivanova was detained on 3 March 2023.\n",
        "b_cp1251.txt": RU.encode("cp1251"),
        "c_koi8.txt": RU.encode("koi8_r"),
        "d_utf16.txt": codecs.BOM_UTF16_LE + RU.encode("utf-16-le"),
        "e_utf16_nobom.txt": RU.encode("utf-16-be"),
        "f_bom.txt": codecs.BOM_UTF8 + RU.encode("utf-8"),
        "g_page.html": b"<html><head><title>T</title><script>steal()</script></head>"
                       b"<body><p>Visible &amp; kept.</p><style>p{}</style></body></html>",
        "h_note.md": b"# Note\n\nSee [the case](http://example.org).",
        "x_empty.txt": b"",
        "y_binary.txt": b"\x00\x01\x02\x03binary\x00" * 10,
        "z_undecodable.txt": bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x20]) * 30,
    }
    for name, data in files.items():
        (root / "sub" if name.endswith(".md") else root).mkdir(exist_ok=True)
        target = root / "sub" / name if name.endswith(".md") else root / name
        target.write_bytes(data)
    (root / "ignored.pdf").write_bytes(b"%PDF-1.4")
    return root


@pytest.fixture(scope="module")
def run(corpus: Path) -> subprocess.CompletedProcess[str]:
    return rkg("extract", ".", cwd=corpus)


def test_outputs_one_line_per_good_document(run: subprocess.CompletedProcess[str]) -> None:
    lines = run.stdout.splitlines()
    ids = [json.loads(line)["document"]["id"] for line in lines]
    assert ids == ["a_plain", "b_cp1251", "c_koi8", "d_utf16", "e_utf16_nobom", "f_bom",
                   "g_page", "h_note"]
    docs = {json.loads(line)["document"]["id"]: json.loads(line)["document"] for line in lines}
    assert "encoding:cp1251" in docs["b_cp1251"]["repairs"]
    assert "encoding:koi8_r" in docs["c_koi8"]["repairs"]
    assert "encoding:utf-16-le" in docs["d_utf16"]["repairs"]
    assert docs["g_page"]["title"] == "T" and "markup:html" in docs["g_page"]["repairs"]


def test_errors_one_line_each_and_exit_1(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "rkg: x_empty.txt: empty file",
        "rkg: y_binary.txt: binary file (contains NUL bytes)",
        "rkg: z_undecodable.txt: undecodable: not UTF-8, UTF-16, cp1251, KOI8-R or cp1252",
    ]


def test_html_script_never_reaches_output(run: subprocess.CompletedProcess[str]) -> None:
    assert "steal" not in run.stdout


def test_output_is_valid_against_the_contract(run: subprocess.CompletedProcess[str],
                                              facts_schema: dict) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(facts_schema)
    for line in run.stdout.splitlines():
        validator.validate(json.loads(line))


def test_out_file_jobs_and_exit_0(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    good = [str(corpus / n) for n in ("a_plain.txt", "b_cp1251.txt", "g_page.html")]
    done = rkg("extract", "--jobs", "2", "--out", str(out), "--base-date", "2023-05-01",
               *good, cwd=corpus)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["document"]["published"] for x in lines] == ["2023-05-01"] * 3


def test_max_bytes(corpus: Path) -> None:
    done = CliRunner().invoke(root, ["extract", "--max-bytes", "20", str(corpus / "a_plain.txt")])
    assert done.exit_code == 1
    assert done.stderr.startswith(f"rkg: {corpus / 'a_plain.txt'}: too large (")


@pytest.mark.parametrize("args", [["extract"], ["extract", "--jobs", "0", "x"],
                                  ["extract", "--base-date", "May 2023", "x"],
                                  ["extract", "--out", "/nonexistent/dir/f.jsonl", "x"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    done = CliRunner().invoke(root, args)
    assert done.exit_code == 2 and "Usage:" in done.stderr


def test_seeds_validate(seeds_dir: Path, facts_schema: dict, tmp_path: Path) -> None:
    import jsonschema

    done = rkg("extract", str(seeds_dir), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(list(seeds_dir.glob("*.txt")))
    for line in lines:
        jsonschema.validate(json.loads(line), facts_schema)
        assert not re.search(r"[\u3000-\u30ff\u4e00-\u9fff\ufffd]", line)  # no mojibake left
    repaired = [json.loads(x)["document"] for x in lines if "mojibake" in x]
    assert [d["id"] for d in repaired] == ["003_872fd4a54395b449"]
    assert repaired[0]["repairs"] == ["mojibake:gbk->utf-8"]


def test_stdin(tmp_path: Path) -> None:
    done = rkg("extract", "-", cwd=tmp_path, stdin="<p>Text from a pipe.</p>")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)["document"]
    assert doc["id"] == "stdin" and "markup:html" in doc["repairs"]
    empty = rkg("extract", "-", cwd=tmp_path, stdin="")
    assert (empty.returncode, empty.stderr) == (1, "rkg: -: empty file\n")
