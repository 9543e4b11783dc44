"""Writes test/fixtures/eval/synthetic-c.jsonl: hand-written multi-turn training rows in Claude Code, Codex and
Gemini CLI envelopes. Training only (never scored). Run: python3 scripts/synth/gen-c.py"""

import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("genrun", os.path.join(here, "gen-c-run.py"))
R = importlib.util.module_from_spec(spec)
spec.loader.exec_module(R)

N = int(sys.argv[1]) if len(sys.argv) > 1 else 350
QUOTA = {"plan": 55, "implement": 40, "debug": 40, "test": 60, "refactor": 55, "document": 50, "small_edit": 50}
scale = N / sum(QUOTA.values())
quotas = {k: round(v * scale) for k, v in QUOTA.items()}
rows = R.build(["claude-code", "codex", "gemini-cli"], [0.45, 0.3, 0.25], quotas, "syn-c-", "gen-c-v1", None)
R.report(rows)
R.write(rows, os.path.join(here, "..", "..", "test", "fixtures", "eval", "synthetic-c.jsonl"))
