"""Evaluation against gold (shared/docs/evaluation.md), one module per concern:

- `metrics`: sentence sets, one top event per sentence (pure functions over plain data);
- `stories`: whole stories, every event paired with every gold event (pure as well);
- `story_gold`: reading story gold, raw (copied text) or offset-only, and locating it;
- `calibration`: reliability of `confidence`;
- `run`: reading gold files, coding them and scoring them; `stored`: out-of-fold
  probabilities in place of the shipped model;
- `report` and `story_report`: the terminal summary, the Markdown report, errors files.
"""
