"""`python -m quizgen` runs the command-line interface."""

from quizgen.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    main()
