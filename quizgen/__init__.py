"""quizgen: one fact bank, every output (quizzes, Anki decks, worksheets, LMS exports, study mode)."""

__version__ = "0.1.0"
