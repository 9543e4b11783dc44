"""Shared driver for gen-c.py / gen-d.py: picks phase quotas, arcs, kits and agents, renders rows, writes JSONL."""

import importlib.util
import json
import os
import random

_here = os.path.dirname(os.path.abspath(__file__))


def _load(name, fname):
    spec = importlib.util.spec_from_file_location(name, os.path.join(_here, fname))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


L = _load("genclib", "gen-c-lib.py")
AR = _load("genarcs", "gen-c-arcs.py")
KITS = _load("genkits", "gen-c-kits.py").KITS
for extra in ("gen-c-kits2.py", "gen-c-kits3.py"):
    if os.path.exists(os.path.join(_here, extra)):
        KITS = KITS + _load(extra.replace("-", "_").replace(".py", ""), extra).KITS

# arcs that end on a fresh, explicit user request (the rest end on a tool result or a bare continuation)
FRESH = {"plan_followup", "plan_after_work", "impl_extend", "debug_user_paste", "debug_explain_error", "test_after_feature", "test_repro",
         "ref_after_debug", "doc_after_work", "small_after_feature", "small_generic", "small_lint"}


def turn_type(conv):
    last = conv[-1]
    if last["k"] == "op":
        return "tool_result"
    t = last["text"].strip()
    if t in AR.CONT or len(t) <= 12 or t.lower() in ("ok", "thanks", "perfect", "ok thx"):
        return "continuation"
    return "user_request"


def _aider_fix(conv, r):
    """aider cannot end on a read/grep or on a committed edit: drop trailing reads, continue after an edit."""
    while conv and conv[-1]["k"] == "op" and conv[-1]["op"] in ("read", "grep", "ls"):
        # reads stay visible as files added to the chat; move them before the first user turn is not needed
        conv = conv[:-1]
    if conv and conv[-1]["k"] == "op" and conv[-1]["op"] in ("edit", "write"):
        conv = conv + [L.U(r.choice(AR.CONT))]
    return conv


def build(agents, weights, quotas, prefix, seed, out_path, start=1, opts_fn=None):
    r = random.Random(seed)
    rows = []
    used = set()
    plan_phases = [p for p, n in quotas.items() for _ in range(n)]
    r.shuffle(plan_phases)
    for i, phase in enumerate(plan_phases):
        arcs = AR.ARCS[phase]
        w = [0.45 if a.__name__ in FRESH else 1.0 for a in arcs]
        for _ in range(50):
            arc = r.choices(arcs, w)[0]
            k = r.choice(KITS)
            agent = r.choices(agents, weights)[0]
            key = (arc.__name__, k["name"], agent)
            if key not in used:
                break
        used.add(key)
        sr = random.Random(f"{seed}-{i}")
        conv, ph, accept, cx, opts = arc(k, sr, agent)
        opts = dict(opts)
        reads = [(it["path"], it["out"]) for it in conv if it["k"] == "op" and it["op"] == "read"]
        if agent == "aider":
            conv = _aider_fix(conv, sr)
            opts["lang"] = k["lang"]
            opts["files"] = reads or [(k["main_path"], k["main_src"])]
            if ph in ("plan", "document") and not any(it["k"] == "op" and it["op"] in ("edit", "write") for it in conv):
                opts["ask" if sr.random() < 0.6 else "architect"] = True
            pre = {"implement": "feat", "plan": "feat", "debug": "fix", "test": "test", "refactor": "refactor", "document": "docs", "small_edit": sr.choice(["chore", "fix", "style"])}[ph]
            opts["commit_msg"] = f"{pre}: " + sr.choice(["update ", "adjust ", "add ", "rework "]) + k["name"].split("-")[-1]
        if agent == "cline":
            opts["cline_old"] = sr.random() < 0.3
        if agent == "cursor":
            opts["cursor_tags"] = sr.random() < 0.4
        if opts_fn:
            opts_fn(agent, opts, sr)
        api, path, headers, body = L.render(agent, conv, f"{seed}-{i}-r", k["root"], opts)
        row = {
            "id": f"{prefix}{start + i}",
            "api": api,
            "path": path,
            "headers": headers,
            "body": body,
            "label": {"phase": ph, "accept": accept, "complexity": cx},
            "source": {"repo": f"synthetic/{k['name']}", "path": "", "agent": agent},
            "_meta": {"arc": arc.__name__, "turn": turn_type(conv)},
        }
        rows.append(row)
    return rows


def write(rows, out_path):
    with open(out_path, "w") as f:
        for row in rows:
            row = {k: v for k, v in row.items() if k != "_meta"}
            line = json.dumps(row, ensure_ascii=False)
            json.loads(line)
            f.write(line + "\n")


def report(rows):
    from collections import Counter
    print("phase", Counter(r["label"]["phase"] for r in rows))
    print("agent", Counter(r["source"]["agent"] for r in rows))
    print("turn", Counter(r["_meta"]["turn"] for r in rows))
    sizes = sorted(len(json.dumps(r)) for r in rows)
    print("size median/max", sizes[len(sizes) // 2], sizes[-1])
