"""The two things a newcomer does first: check the bundled bank and build it."""

from click.testing import CliRunner

from quizgen.cli import main


def test_check_bundled_bank_reports_its_facts():
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("llama-3-2024: ")
    assert " facts of " in result.output


def test_build_writes_into_bank_folder(tmp_path):
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "llama-3-2024" / "bank.json").is_file()
