"""Terminal study mode (issue 7): quizzes and FSRS spaced-repetition reviews, progress in SQLite.

  store.py      the progress database (versioned schema, one durable transaction per answer)
  scheduler.py  FSRS via py-fsrs: ratings from correctness and time, card reviews
  session.py    what to ask, grading, scheduling and recording (no terminal I/O; injected clock)
  screen.py     rich rendering and key/line input (terminal or plain pipe)
  stats.py      statistics for `quizgen stats`
  app.py        what the `study` and `stats` commands call
"""
