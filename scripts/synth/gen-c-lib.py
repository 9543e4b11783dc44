"""Renders an abstract coding-agent conversation into the HTTP request a given agent would send.

Used only by gen-c.py / gen-d.py to build hand-written synthetic *training* rows
(test/fixtures/eval/synthetic-c.jsonl, synthetic-d.jsonl). Shapes follow the real captures in
test/fixtures/clients (Claude Code, Codex, Gemini CLI, opencode, Kilo, Cline, Copilot CLI) and the real
Cursor / Aider rows of test/fixtures/eval/dev.jsonl. System prompts are cut to their opening lines so a
row stays a few KB.

Conversation items (plain dicts):
  {"k":"user","text":...}                     a user turn
  {"k":"asst","text":...}                     assistant prose, no tool call
  {"k":"op","op":"sh|read|grep|ls|edit|write","say":..., ...}   one tool call and its result
"""

import json
import random

# ---------------------------------------------------------------- DSL
def U(text):
    return {"k": "user", "text": text}


def A(text):
    return {"k": "asst", "text": text}


def sh(cmd, out, code=0, say=None):
    return {"k": "op", "op": "sh", "cmd": cmd, "out": out, "code": code, "say": say}


def rd(path, out, say=None):
    return {"k": "op", "op": "read", "path": path, "out": out, "say": say}


def gr(pattern, out, say=None):
    return {"k": "op", "op": "grep", "pattern": pattern, "out": out, "say": say}


def ls(path, out, say=None):
    return {"k": "op", "op": "ls", "path": path, "out": out, "say": say}


def ed(path, old, new, say=None):
    return {"k": "op", "op": "edit", "path": path, "old": old, "new": new, "say": say}


def wr(path, content, say=None):
    return {"k": "op", "op": "write", "path": path, "content": content, "say": say}


# ---------------------------------------------------------------- helpers
def _hex(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def _uuid(r):
    return f"{_hex(r, 8)}-{_hex(r, 4)}-4{_hex(r, 3)}-{r.choice('89ab')}{_hex(r, 3)}-{_hex(r, 12)}"


def _b62(r, n):
    return "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def _numbered(text, start=1, style="arrow"):
    lines = text.split("\n")
    if style == "arrow":
        return "\n".join(f"{i + start:>6}\u2192{l}" for i, l in enumerate(lines))
    if style == "tab":
        return "\n".join(f"{i + start}\t{l}" for i, l in enumerate(lines))
    if style == "opencode":
        return "<file>\n" + "\n".join(f"{i + start:05d}| {l}" for i, l in enumerate(lines)) + f"\n\n(End of file - total {len(lines)} lines)\n</file>"
    return text


def _patch(path, old, new):
    body = "\n".join("-" + l for l in old.split("\n")) + "\n" + "\n".join("+" + l for l in new.split("\n"))
    return f"*** Begin Patch\n*** Update File: {path}\n@@\n{body}\n*** End Patch"


def _addpatch(path, content):
    return f"*** Begin Patch\n*** Add File: {path}\n" + "\n".join("+" + l for l in content.split("\n")) + "\n*** End Patch"


def _snippet(new, n=8):
    return "\n".join(new.split("\n")[:n])


def _tools_min(names, style):
    if style == "anthropic":
        return [{"name": n, "description": n, "input_schema": {"type": "object", "properties": {}}} for n in names]
    if style == "chat":
        return [{"type": "function", "function": {"name": n, "description": n, "parameters": {"type": "object", "properties": {}}}} for n in names]
    if style == "responses":
        return [{"type": "function", "name": n, "description": n, "strict": False, "parameters": {"type": "object", "properties": {}}} for n in names]
    if style == "gemini":
        return [{"functionDeclarations": [{"name": n, "description": n, "parametersJsonSchema": {"type": "object", "properties": {}}} for n in names]}]
    raise ValueError(style)


# ---------------------------------------------------------------- system prompt openings (real prefixes, cut)
SYS = {
    "claude": "\nYou are an interactive agent that helps users with software engineering tasks.\n\nIMPORTANT: Assist with authorized security testing, defensive security, CTF challenges, and educational contexts. Refuse requests for destructive techniques, DoS attacks, mass targeting, supply chain compromise, or detection evasion for malicious purposes.\n\n# Doing tasks\nThe user will primarily request you to perform software engineering tasks. These may include solving bugs, adding new functionality, refactoring code, explaining code, and more. [...]",
    "codex": "You are Codex, a coding agent based on GPT-5. You and the user share one workspace, and your job is to collaborate with them until their goal is genuinely handled.\n\n# Personality\n\nYou are an epistemically curious collaborator. [...]\n\n# General\n- When searching for text or files, prefer using `rg` or `rg --files` respectively because `rg` is much faster than alternatives like `grep`. [...]",
    "gemini": "You are Gemini CLI, an autonomous CLI agent specializing in software engineering tasks. You are currently operating in **{mode}** mode. Your primary goal is to help users safely and effectively.\n\n# Core Mandates\n\n## Security & System Integrity\n- **Credential Protection:** Never log, print, or commit secrets, API keys, or sensitive credentials. [...]",
    "opencode": "You are opencode, an interactive CLI tool that helps users with software engineering tasks. Use the instructions below and the tools available to you to assist the user.\n\nIMPORTANT: You must NEVER generate or guess URLs for the user unless you are confident that the URLs are for helping the user with programming. [...]\n\n# Tone and style\nYou should be concise, direct, and to the point. [...]",
    "kilo": "You are Kilo, a highly skilled software engineer with extensive knowledge in many programming languages, frameworks, design patterns, and best practices.\n\n# Personality\n\n- Your goal is to accomplish the user's task, NOT engage in a back and forth conversation.\n- You accomplish tasks iteratively, breaking them down into clear steps and working through them methodically. [...]",
    "cline": "You are Cline, an AI coding agent. Your primary goal is to assist users with various coding tasks by leveraging your knowledge and the tools at your disposal. Given the user's prompt, you should use the tools available to you to answer user's question.\n\nAlways gather all the necessary context before starting to work on a task. [...]",
    "copilot": "You are the GitHub Copilot CLI, a terminal assistant built by GitHub. You are an interactive CLI tool that helps users with software engineering tasks.\n\n# Tone and style\n* Lead with the outcome/main result; then explain the meaningful change and most important supporting detail. [...]",
    "cursor": "You are a powerful agentic AI coding assistant, powered by Claude. You operate exclusively in Cursor, the world's best IDE.\n\nYou are pair programming with a USER to solve their coding task. The task may require creating a new codebase, modifying or debugging an existing codebase, or simply answering a question. Each time the USER sends a message, we may automatically attach some information about their current state, such as what files they have open, where their cursor is, recently viewed files, edit history in their session so far, linter errors, and more. [...]",
    "aider": "Act as an expert software developer.\nAlways use best practices when coding.\nRespect and use existing conventions, libraries, etc that are already present in the code base.\nTake requests for changes to the supplied code.\nIf the request is ambiguous, ask questions.\n\nOnce you understand the request you MUST:\n\n1. Decide if you need to propose *SEARCH/REPLACE* edits to any files that haven't been added to the chat. [...]\n\n# *SEARCH/REPLACE block* Rules:\n\nEvery *SEARCH/REPLACE block* must use this format: [...]",
    "aider_ask": "Act as an expert code analyst.\nAnswer questions about the supplied code.\nAlways reply to the user in the same language they are using.\n\nIf you need to describe code changes, do so *briefly*.\n",
    "aider_arch": "Act as an expert architect engineer and provide direction to your editor engineer.\nStudy the change request and the current code.\nDescribe how to modify the code to complete the request.\nThe editor engineer will rely solely on your instructions, so make them unambiguous and complete.\nExplain all needed code changes clearly and completely, but concisely.\nJust show the changes needed.\n\nDO NOT show the entire updated function/file/etc!\n",
}

PLAN_CLAUDE = "Plan mode is active. The user indicated that they do not want you to execute yet -- you MUST NOT make any edits (with the exception of the plan file mentioned below), run any non-readonly tools (including changing configs or making commits), or otherwise make any changes to the system. This supercedes any other instructions you have received.\n\n## Plan File Info:\nNo plan file exists yet. You should create your plan at /home/dev/.claude/plans/{slug}.md using the Write tool. [...]"
PLAN_CODEX = "<collaboration_mode># Plan Mode (Conversational)\n\nYou work in 3 phases, and you should *chat your way* to a great plan before finalizing it. A great plan is very detailed\u2014intent- and implementation-wise\u2014so that it can be handed to another engineer or agent to be implemented right away. It must be **decision complete**, where the implementer does not need to make any decisions.\n\n## Mode rules (strict)\n\nYou are in **Plan Mode** until a developer message explicitly ends it. [...]</collaboration_mode>"
PLAN_OPENCODE = "<system-reminder>\n# Plan Mode - System Reminder\n\nCRITICAL: Plan mode ACTIVE - you are in READ-ONLY phase. STRICTLY FORBIDDEN:\nANY file edits, modifications, or system changes. Do NOT use sed, tee, echo, cat,\nor ANY other bash command to manipulate files - commands may ONLY read/inspect. [...]\n</system-reminder>"
PLAN_KILO = "<system-reminder>\n# Native Plan Mode\n\nYou are in plan mode. Investigate the codebase with read-only tools and produce an implementation plan. Do not edit files. [...]\n</system-reminder>"
PLAN_CLINE = "\n\n# Plan Mode\n\nYou are in Plan mode. Gather information and discuss an approach with the user before any file is changed. [...]"
PLAN_COPILOT = "<mode_changed_notice><plan_mode>You are now in plan mode. Prefix your plan with [[PLAN]]. Do not modify files until the user approves the plan.</plan_mode></mode_changed_notice>"

CLAUDE_TOOLS = ["Agent", "Bash", "CronCreate", "CronDelete", "CronList", "Edit", "EnterWorktree", "ExitWorktree", "NotebookEdit", "Read", "ScheduleWakeup", "SendMessage", "Skill", "TaskCreate", "TaskGet", "TaskList", "TaskOutput", "TaskStop", "TaskUpdate", "WebFetch", "WebSearch", "Write"]
CLAUDE_TUI_EXTRA = ["AskUserQuestion", "EnterPlanMode", "ExitPlanMode"]
CODEX_TOOLS = ["exec_command", "write_stdin", "request_user_input", "view_image", "get_goal", "create_goal", "update_goal"]
GEMINI_TOOLS = ["update_topic", "list_directory", "read_file", "grep_search", "glob", "replace", "write_file", "web_fetch", "run_shell_command", "list_background_processes", "read_background_output", "google_web_search", "enter_plan_mode", "invoke_agent", "activate_skill"]
GEMINI_RO = ["update_topic", "list_directory", "read_file", "grep_search", "glob", "web_fetch", "google_web_search", "enter_plan_mode", "invoke_agent", "activate_skill"]
OPENCODE_TOOLS = ["bash", "edit", "glob", "grep", "read", "skill", "task", "todowrite", "webfetch", "write"]
KILO_TOOLS = ["background_process", "bash", "board_post", "board_read", "cancel_wakeup", "edit", "glob", "grep", "kilo_local_recall", "read", "schedule_wakeup", "skill", "task", "todowrite", "webfetch", "write"]
CLINE_TOOLS = ["read_files", "search_codebase", "run_commands", "fetch_web_content", "apply_patch", "ask_question", "spawn_agent", "team_spawn_teammate", "team_status", "team_task"]
CLINE_OLD_TOOLS = ["execute_command", "read_file", "write_to_file", "replace_in_file", "search_files", "list_files", "list_code_definition_names", "ask_followup_question", "attempt_completion"]
COPILOT_TOOLS = ["bash", "read_bash", "stop_bash", "list_bash", "view", "fetch_copilot_cli_documentation", "skill", "sql", "read_agent", "list_agents", "write_agent", "rg", "glob", "task"]
CURSOR_TOOLS = ["codebase_search", "read_file", "run_terminal_cmd", "list_dir", "grep_search", "edit_file", "file_search", "delete_file", "reapply", "web_search"]


# ---------------------------------------------------------------- per-agent renderers
class Ctx:
    def __init__(self, seed, root):
        self.r = random.Random(seed)
        self.root = root
        self.n = 0

    def abs(self, p):
        return p if p.startswith("/") else f"{self.root}/{p}"

    def cid(self, prefix, n=24):
        self.n += 1
        return prefix + _hex(self.r, n)


def _merge_user_anthropic(msgs, blocks):
    if msgs and msgs[-1]["role"] == "user" and isinstance(msgs[-1]["content"], list):
        msgs[-1]["content"].extend(blocks)
    else:
        msgs.append({"role": "user", "content": blocks})


def render_claude(conv, cx, opts):
    r = cx.r
    tui = opts.get("tui", r.random() < 0.6)
    msgs = []
    first = True
    pending_text = None
    for it in conv:
        if it["k"] == "user":
            blocks = []
            if first:
                blocks.append({"type": "text", "text": "<system-reminder>\nAs you answer the user's questions, you can use the following context:\n# currentDate\nToday's date is " + opts.get("date", "2026-11-26") + ".\n\n      IMPORTANT: this context may or may not be relevant to your tasks. You should not respond to this context unless it is highly relevant to your task.\n</system-reminder>\n\n"})
            elif r.random() < 0.15:
                blocks.append({"type": "text", "text": "<system-reminder>\nThe task tools haven't been used recently. If you're working on tasks that would benefit from tracking progress, consider using TaskCreate to add new tasks and TaskUpdate to update task status. Only use these if relevant to the current work. This is just a gentle reminder - ignore if not applicable.\n</system-reminder>"})
            blocks.append({"type": "text", "text": it["text"]})
            _merge_user_anthropic(msgs, blocks)
            if first and opts.get("plan"):
                msgs.append({"role": "system", "content": PLAN_CLAUDE.replace("{slug}", "plan-" + _b62(r, 6).lower())})
            first = False
        elif it["k"] == "asst":
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": it["text"]}]})
        else:
            tid = cx.cid("toolu_01", 22)
            op = it["op"]
            if op == "sh":
                call = {"name": "Bash", "input": {"command": it["cmd"], "description": it.get("desc") or _desc(it["cmd"])}}
                out = it["out"] if it["code"] == 0 else f"Exit code {it['code']}\n{it['out']}"
            elif op == "read":
                call = {"name": "Read", "input": {"file_path": cx.abs(it["path"])}}
                out = _numbered(it["out"], style=r.choice(["arrow", "tab"]))
            elif op == "grep":
                call = {"name": "Grep", "input": {"pattern": it["pattern"], "output_mode": "content", "-n": True}}
                out = it["out"]
            elif op == "ls":
                call = {"name": "Bash", "input": {"command": f"ls -la {it['path']}", "description": "List directory contents"}}
                out = it["out"]
            elif op == "edit":
                call = {"name": "Edit", "input": {"file_path": cx.abs(it["path"]), "old_string": it["old"], "new_string": it["new"]}}
                out = f"The file {cx.abs(it['path'])} has been updated. Here's the result of running `cat -n` on a snippet of the edited file:\n" + _numbered(_snippet(it["new"]), start=r.randint(5, 120))
            else:
                call = {"name": "Write", "input": {"file_path": cx.abs(it["path"]), "content": it["content"]}}
                out = f"File created successfully at: {cx.abs(it['path'])}"
            content = []
            if it.get("say"):
                content.append({"type": "text", "text": it["say"]})
            content.append({"type": "tool_use", "id": tid, **call})
            msgs.append({"role": "assistant", "content": content})
            res = {"tool_use_id": tid, "type": "tool_result", "content": out}
            if op == "sh" and it["code"] != 0:
                res["is_error"] = True
            msgs.append({"role": "user", "content": [res]})
    # cache_control on the last block, like the real client
    last = msgs[-1]["content"][-1]
    last["cache_control"] = {"type": "ephemeral"}
    sid = _uuid(r)
    model = opts.get("model") or r.choice(["claude-opus-4-8", "claude-opus-4-8", "claude-sonnet-5", "claude-sonnet-4-5"])
    entry = "cli" if tui else "sdk-cli"
    tools = CLAUDE_TOOLS + (CLAUDE_TUI_EXTRA if tui else [])
    body = {
        "model": model,
        "messages": msgs,
        "system": [
            {"type": "text", "text": f"x-anthropic-billing-header: cc_version=2.1.197.{_hex(r, 3)}; cc_entrypoint={entry};"},
            {"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude." if tui else "You are a Claude agent, built on Anthropic's Claude Agent SDK.", "cache_control": {"type": "ephemeral"}},
            {"type": "text", "text": SYS["claude"]},
        ],
        "tools": _tools_min(sorted(tools), "anthropic"),
        "metadata": {"user_id": json.dumps({"device_id": _hex(r, 64), "account_uuid": "", "session_id": sid}, separators=(",", ":"))},
        "max_tokens": 64000,
        "thinking": {"type": "adaptive"},
        "context_management": {"edits": [{"type": "clear_thinking_20251015", "keep": "all"}]},
        "output_config": {"effort": r.choice(["high", "high", "medium", "xhigh"])},
        "stream": True,
    }
    headers = {
        "accept": "application/json",
        "content-type": "application/json",
        "user-agent": f"claude-cli/2.1.197 (external, {entry})",
        "x-claude-code-session-id": sid,
        "x-stainless-lang": "js",
        "x-stainless-package-version": "0.94.0",
        "anthropic-beta": "claude-code-20250219,context-1m-2025-08-07,interleaved-thinking-2025-05-14,context-management-2025-06-27,prompt-caching-scope-2026-01-05,effort-2025-11-24",
        "anthropic-dangerous-direct-browser-access": "true",
        "anthropic-version": "2023-06-01",
        "x-app": "cli",
    }
    return "anthropic-messages", "/v1/messages?beta=true", headers, body


def _desc(cmd):
    c = cmd.split("&&")[-1].strip()
    w = c.split()[0] if c.split() else c
    table = {
        "pytest": "Run the test suite", "npm": "Run npm script", "npx": "Run the project tool", "go": "Run go command",
        "cargo": "Run cargo", "git": "Check git state", "dotnet": "Run dotnet", "bundle": "Run the specs",
        "mvn": "Run Maven build", "./gradlew": "Run Gradle task", "make": "Build with make", "mix": "Run mix task",
        "php": "Run artisan/phpunit", "vendor/bin/phpunit": "Run PHPUnit", "terraform": "Run terraform", "kubectl": "Inspect cluster",
        "python": "Run the script", "uv": "Run with uv", "pnpm": "Run pnpm script", "yarn": "Run yarn script", "swift": "Run swift build",
        "xcodebuild": "Build with xcodebuild", "docker": "Build the image", "psql": "Run the SQL", "rg": "Search the code", "ls": "List files",
        "cat": "Show file", "bun": "Run bun", "mypy": "Type-check", "ruff": "Lint", "cmake": "Configure/build", "ctest": "Run tests",
    }
    return table.get(w, "Run " + w)


def render_codex(conv, cx, opts):
    r = cx.r
    tui = r.random() < 0.45
    model = opts.get("model") or r.choice(["gpt-5.5", "gpt-5.5", "gpt-5.3-codex", "gpt-6.2-sol"])
    items = [
        {"type": "message", "role": "developer", "content": [{"type": "input_text", "text": SYS["codex"]}]},
    ]
    dev2 = "<permissions instructions>\nFilesystem sandboxing defines which files can be read or written. `sandbox_mode` is `workspace-write`: The sandbox permits reading files, and editing files in `cwd` and `writable_roots`. [...]\n</permissions instructions>"
    dev_parts = [{"type": "input_text", "text": dev2}]
    if opts.get("plan"):
        dev_parts.append({"type": "input_text", "text": PLAN_CODEX})
    items.append({"type": "message", "role": "developer", "content": dev_parts})
    items.append({"type": "message", "role": "user", "content": [{"type": "input_text", "text": f"<environment_context>\n  <cwd>{cx.root}</cwd>\n  <shell>{r.choice(['bash', 'zsh'])}</shell>\n  <current_date>{opts.get('date', '2026-11-26')}</current_date>\n  <timezone>{r.choice(['Etc/UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Sao_Paulo'])}</timezone>\n</environment_context>"}]})
    freeform = model.startswith("gpt-6")
    for it in conv:
        if it["k"] == "user":
            items.append({"type": "message", "role": "user", "content": [{"type": "input_text", "text": it["text"]}]})
        elif it["k"] == "asst":
            items.append({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": it["text"]}]})
        else:
            if it.get("say"):
                items.append({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": it["say"]}]})
            call_id = cx.cid("call_", 24)
            op = it["op"]
            if op in ("edit", "write"):
                patch = _patch(it["path"], it["old"], it["new"]) if op == "edit" else _addpatch(it["path"], it["content"])
                items.append({"type": "custom_tool_call", "status": "completed", "call_id": call_id, "name": "apply_patch", "input": patch})
                verb = "M" if op == "edit" else "A"
                items.append({"type": "custom_tool_call_output", "call_id": call_id, "output": json.dumps({"output": f"Success. Updated the following files:\n{verb} {it['path']}\n", "metadata": {"exit_code": 0, "duration_seconds": round(r.uniform(0, 0.2), 1)}})})
                continue
            if op == "sh":
                cmd, out, code = it["cmd"], it["out"], it["code"]
            elif op == "read":
                cmd, out, code = r.choice([f"sed -n '1,200p' {it['path']}", f"cat {it['path']}", f"nl -ba {it['path']} | sed -n '1,160p'"]), it["out"], 0
            elif op == "grep":
                cmd, out, code = f"rg -n \"{it['pattern']}\"", it["out"], 0
            else:
                cmd, out, code = r.choice([f"ls -la {it['path']}", "rg --files | head -80"]), it["out"], 0
            if freeform:
                items.append({"type": "custom_tool_call", "status": "completed", "call_id": call_id, "name": "exec", "input": f"const r = await tools.exec_command({{cmd: {json.dumps(cmd)}}});\ntext(r);"})
                items.append({"type": "custom_tool_call_output", "call_id": call_id, "output": [{"type": "input_text", "text": f"Script completed\nWall time {round(r.uniform(0.1, 9), 1)} seconds\nOutput:\n"}, {"type": "input_text", "text": json.dumps({"exit_code": code, "output": out})}]})
            else:
                items.append({"type": "function_call", "name": "exec_command", "arguments": json.dumps({"cmd": cmd, "workdir": cx.root}), "call_id": call_id})
                items.append({"type": "function_call_output", "call_id": call_id, "output": f"Chunk ID: {_hex(r, 6)}\nWall time: {r.uniform(0, 12):.4f} seconds\nProcess exited with code {code}\nOriginal token count: {max(5, len(out) // 4)}\nOutput:\n{out}\n"})
    sid = _uuid(r)
    orig = "codex-tui" if tui else "codex_exec"
    headers = {
        "originator": orig,
        "user-agent": f"{orig}/0.171.0 ({r.choice(['Debian 12.0.0', 'Mac OS 15.4.1', 'Ubuntu 24.4.0'])}; {r.choice(['x86_64', 'arm64'])}) {r.choice(['xterm-256color', 'iTerm.app/3.5', 'WezTerm'])} ({orig}; 0.171.0)",
        "session-id": sid,
        "thread-id": sid,
        "x-codex-window-id": f"{sid}:0",
        "x-codex-turn-metadata": json.dumps({"agent_name": "/root", "thread_source": "user", "turn_trigger": "tui" if tui else "exec", "sandbox": "seccomp", "sandbox_mode": "workspace-write", "model": model}),
        "accept": "text/event-stream",
        "content-type": "application/json",
    }
    body = {"model": model, "input": items, "stream": True, "tool_choice": "auto", "parallel_tool_calls": not freeform, "reasoning": {"effort": r.choice(["medium", "high", "low"])}, "store": False, "include": ["reasoning.encrypted_content"], "prompt_cache_key": sid, "text": {"verbosity": "low"}}
    if freeform:
        items.insert(0, {"type": "additional_tools", "role": "developer", "tools": [{"type": "namespace", "name": "functions", "description": "", "tools": [{"type": "custom", "name": "exec", "description": "Run JavaScript code to orchestrate/compose tool calls"}]}]})
    else:
        body["tools"] = _tools_min(CODEX_TOOLS, "responses") + [{"type": "custom", "name": "apply_patch", "description": "Use the `apply_patch` tool to edit files. This is a FREEFORM tool, so do not wrap the patch in JSON."}]
    return "openai-responses", "/v1/responses", headers, body


def render_gemini(conv, cx, opts):
    r = cx.r
    plan = opts.get("plan")
    yolo = (not plan) and (opts.get("edits") or r.random() < 0.5)
    mode = "Plan" if plan else ("YOLO" if yolo else "Default")
    contents = []
    first = True
    for it in conv:
        if it["k"] == "user":
            parts = []
            if first:
                parts.append({"text": f"<session_context>\nThis is the Gemini CLI. We are setting up the context for our chat.\nToday's date is Thursday, November 26, 2026 (formatted according to the user's locale).\nMy operating system is: {r.choice(['linux', 'darwin', 'win32'])}\nThe project's temporary directory is: /home/dev/.gemini/tmp/{_hex(r, 12)}\n- **Workspace Directories:**\n  - {cx.root}\n</session_context>"})
            parts.append({"text": it["text"]})
            if contents and contents[-1]["role"] == "user":
                contents[-1]["parts"].extend(parts)
            else:
                contents.append({"role": "user", "parts": parts})
            first = False
        elif it["k"] == "asst":
            contents.append({"role": "model", "parts": [{"text": it["text"]}]})
        else:
            op = it["op"]
            if op == "sh":
                name, args = "run_shell_command", {"command": it["cmd"], "description": _desc(it["cmd"])}
                out = {"output": f"<untrusted_context>\nOutput: {it['out']}\n" + (f"Error: (none)\nExit Code: {it['code']}\n" if it["code"] else "") + f"Process Group PGID: {r.randint(1000, 90000)}\n</untrusted_context>"}
            elif op == "read":
                name, args, out = "read_file", {"file_path": it["path"]}, {"output": it["out"]}
            elif op == "grep":
                n = max(1, it["out"].count("\n") + 1)
                name, args, out = "grep_search", {"pattern": it["pattern"]}, {"output": f"Found {n} matches for pattern \"{it['pattern']}\" in path \".\":\n---\n{it['out']}\n---"}
            elif op == "ls":
                name, args, out = "list_directory", {"dir_path": cx.abs(it["path"])}, {"output": f"Directory listing for {cx.abs(it['path'])}:\n{it['out']}"}
            elif op == "edit":
                name, args = "replace", {"file_path": cx.abs(it["path"]), "old_string": it["old"], "new_string": it["new"], "instruction": it.get("say") or "Apply the change."}
                out = {"output": f"Successfully modified file: {cx.abs(it['path'])} (1 replacements)."}
            else:
                name, args = "write_file", {"file_path": cx.abs(it["path"]), "content": it["content"]}
                out = {"output": f"Successfully created and wrote to new file: {cx.abs(it['path'])}."}
            fid = f"{name}_{r.randint(1795680000000, 1795699999999)}_0"
            parts = []
            if it.get("say"):
                parts.append({"text": it["say"]})
            parts.append({"functionCall": {"id": fid, "args": args, "name": name}, "thoughtSignature": "skip_thought_signature_validator"})
            contents.append({"role": "model", "parts": parts})
            contents.append({"role": "user", "parts": [{"functionResponse": {"name": name, "response": out, "id": fid}}]})
    model = "gemini-3.1-pro-preview-customtools" if plan else r.choice(["gemini-3.8-flash", "gemini-3.8-flash", "gemini-3.1-pro-preview"])
    sys = SYS["gemini"].replace("{mode}", mode)
    body = {
        "contents": contents,
        "systemInstruction": {"role": "user", "parts": [{"text": sys}]},
        "tools": _tools_min(GEMINI_TOOLS if (yolo or not plan and r.random() < 0.5) else GEMINI_RO, "gemini"),
        "generationConfig": {"temperature": 1, "topP": 0.95, "topK": 64, "thinkingConfig": {"includeThoughts": True, "thinkingLevel": "HIGH"}},
    }
    headers = {
        "user-agent": f"GeminiCLI-tui/0.61.0/{r.choice(['gemini-3.1-pro-preview', 'gemini-3.8-flash', 'auto'])} ({r.choice(['linux; x64', 'darwin; arm64', 'win32; x64'])}; terminal)",
        "x-goog-api-client": "google-genai-sdk/1.30.0 gl-node/v20.20.2",
        "content-type": "application/json",
        "x-goog-api-key": "REDACTED",
    }
    return "gemini", f"/v1beta/models/{model}:streamGenerateContent?alt=sse", headers, body


# ---- openai-chat family
def _chat_tool_call(agent, it, cx):
    """returns (name, args, output) for one op in an openai-chat agent"""
    r = cx.r
    op = it["op"]
    P = cx.abs(it.get("path", "")) if it.get("path") else ""
    if agent in ("opencode", "kilo"):
        if op == "sh":
            return "bash", {"command": it["cmd"], "description": _desc(it["cmd"])}, it["out"] + (f"\n\n<bash_metadata>\nexit code {it['code']}\n</bash_metadata>" if it["code"] else "")
        if op == "read":
            return "read", {"filePath": P}, _numbered(it["out"], style="opencode")
        if op == "grep":
            return "grep", {"pattern": it["pattern"]}, f"Found {it['out'].count(chr(10)) + 1} matches\n{it['out']}"
        if op == "ls":
            return "bash", {"command": f"ls -la {it['path']}", "description": "List directory"}, it["out"]
        if op == "edit":
            return "edit", {"filePath": P, "oldString": it["old"], "newString": it["new"]}, "Edit applied successfully."
        return "write", {"filePath": P, "content": it["content"]}, "Wrote file successfully."
    if agent == "cline":
        if op == "sh":
            return "run_commands", {"commands": [it["cmd"]]}, json.dumps([{"query": it["cmd"], "result": it["out"], "success": it["code"] == 0}])
        if op == "read":
            return "read_files", {"files": [{"path": P}]}, json.dumps([{"query": P, "result": it["out"], "success": True}])
        if op == "grep":
            return "search_codebase", {"queries": [it["pattern"]]}, json.dumps([{"query": it["pattern"], "result": it["out"], "success": True}])
        if op == "ls":
            return "run_commands", {"commands": [f"ls -la {it['path']}"]}, json.dumps([{"query": f"ls -la {it['path']}", "result": it["out"], "success": True}])
        if op == "edit":
            return "apply_patch", {"input": _patch(it["path"], it["old"], it["new"])}, f"Success. Updated the following files:\nM {it['path']}"
        return "apply_patch", {"input": _addpatch(it["path"], it["content"])}, f"Success. Updated the following files:\nA {it['path']}"
    if agent == "copilot":
        if op == "sh":
            return "bash", {"command": it["cmd"], "description": _desc(it["cmd"]), "mode": "sync"}, f"{it['out']}\n<shellId: {r.randint(0, 9)} completed with exit code {it['code']}>"
        if op == "read":
            return "view", {"path": P}, _numbered(it["out"], style="tab").replace("\t", ". ", 0)
        if op == "grep":
            return "rg", {"pattern": it["pattern"]}, it["out"]
        if op == "ls":
            return "view", {"path": cx.abs(it["path"])}, it["out"]
        if op == "edit":
            return "apply_patch*", _patch(it["path"], it["old"], it["new"]), "Success. Updated the following files:\nM " + it["path"]
        return "apply_patch*", _addpatch(it["path"], it["content"]), "Success. Updated the following files:\nA " + it["path"]
    if agent == "cursor":
        if op == "sh":
            return "run_terminal_cmd", {"command": it["cmd"], "is_background": False, "explanation": _desc(it["cmd"])}, f"$ {it['cmd']}\n{it['out']}" + (f"\n\nCommand exited with code {it['code']}" if it["code"] else "")
        if op == "read":
            return "read_file", {"target_file": it["path"], "should_read_entire_file": True}, f"Read file: {it['path']}\n\n{it['out']}"
        if op == "grep":
            return "grep_search", {"query": it["pattern"]}, f"Grep search for \"{it['pattern']}\":\n{it['out']}"
        if op == "ls":
            return "list_dir", {"relative_workspace_path": it["path"]}, f"Contents of directory:\n\n{it['out']}"
        if op == "edit":
            return "edit_file", {"target_file": it["path"], "instructions": it.get("say") or "Apply the change", "code_edit": "// ... existing code ...\n" + it["new"] + "\n// ... existing code ..."}, "The apply model made the following changes to the file:\n\n```\n" + "\n".join("- " + l for l in it["old"].split("\n")) + "\n" + "\n".join("+ " + l for l in it["new"].split("\n")) + "\n```"
        return "edit_file", {"target_file": it["path"], "instructions": it.get("say") or "Create the file", "code_edit": it["content"]}, "The apply model made the following changes to the file:\n\n```\n" + "\n".join("+ " + l for l in it["content"].split("\n")[:25]) + "\n```"
    if agent == "cline_old":
        if op == "sh":
            return "execute_command", {"command": it["cmd"], "requires_approval": False}, f"[execute_command for '{it['cmd']}'] Result:\nCommand executed.\nOutput:\n{it['out']}"
        if op == "read":
            return "read_file", {"path": it["path"]}, f"[read_file for '{it['path']}'] Result:\n{it['out']}"
        if op == "grep":
            return "search_files", {"path": ".", "regex": it["pattern"]}, f"[search_files for '{it['pattern']}'] Result:\n{it['out']}"
        if op == "ls":
            return "list_files", {"path": it["path"]}, f"[list_files for '{it['path']}'] Result:\n{it['out']}"
        if op == "edit":
            return "replace_in_file", {"path": it["path"], "diff": f"------- SEARCH\n{it['old']}\n=======\n{it['new']}\n+++++++ REPLACE"}, f"[replace_in_file for '{it['path']}'] Result:\nThe content was successfully saved to {it['path']}.\n\nHere is the full, updated content of the file that was saved:\n\n<final_file_content path=\"{it['path']}\">\n{it['new']}\n</final_file_content>"
        return "write_to_file", {"path": it["path"], "content": it["content"]}, f"[write_to_file for '{it['path']}'] Result:\nThe content was successfully saved to {it['path']}."
    raise ValueError(agent)


def render_chat(agent, conv, cx, opts):
    r = cx.r
    msgs = []
    plan = opts.get("plan")
    sysname = {"opencode": "opencode", "kilo": "kilo", "cline": "cline", "copilot": "copilot", "cursor": "cursor"}[agent]
    sys = SYS[sysname]
    if plan and agent == "cline":
        sys += PLAN_CLINE
    if agent != "cursor" or r.random() < 0.5:
        msgs.append({"role": "system", "content": sys})
    first = True
    for it in conv:
        if it["k"] == "user":
            t = it["text"]
            if agent == "opencode":
                c = json.dumps(t) if (first and r.random() < 0.5) else t
                content = [{"type": "text", "text": c}, {"type": "text", "text": PLAN_OPENCODE}] if (first and plan) else c
            elif agent == "kilo":
                content = [{"type": "text", "text": t}, {"type": "text", "text": f"\n\n<environment_details>\nMessage time: 2026-11-{r.randint(10, 28)}T{r.randint(7, 22):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z\nWorking directory: {cx.root}\nWorkspace root folder: {cx.root}\n</environment_details>"}]
                if first and plan:
                    content.append({"type": "text", "text": PLAN_KILO})
            elif agent == "copilot":
                content = f"<current_datetime>2026-11-{r.randint(10, 28)}T{r.randint(7, 22):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(100, 999)}+00:00</current_datetime>\n\n" + t
                if first and plan:
                    content = PLAN_COPILOT + "\n\n" + content
            elif agent == "cursor" and opts.get("cursor_tags"):
                content = f"<user_query>\n{t}\n</user_query>"
            else:
                content = t
            msgs.append({"role": "user", "content": content})
            first = False
        elif it["k"] == "asst":
            msgs.append({"role": "assistant", "content": it["text"]})
        else:
            name, args, out = _chat_tool_call(agent, it, cx)
            call_id = cx.cid("call_", 24) if agent != "cursor" else f"toolu_vrtx_01{_b62(r, 22)}"
            if name.endswith("*"):
                tc = {"id": call_id, "type": "custom", "custom": {"name": name[:-1], "input": args}}
            else:
                tc = {"id": call_id, "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}
            m = {"role": "assistant", "content": it.get("say") or ("" if agent in ("opencode", "kilo") else None), "tool_calls": [tc]}
            msgs.append(m)
            msgs.append({"role": "tool", "tool_call_id": call_id, "content": out})
    last_is_tool = msgs[-1]["role"] == "tool"
    if agent == "opencode":
        ua = "opencode/1.18.33 ai-sdk/provider-utils/4.0.23 runtime/bun/1.3.14"
        sid = "ses_" + _hex(r, 12) + _b62(r, 14)
        headers = {"content-type": "application/json", "user-agent": ua, "x-session-affinity": sid, "x-session-id": sid}
        body = {"model": opts.get("model") or r.choice(["capture-model", "qwen3-coder", "glm-4.6", "kimi-k2", "gpt-5.5", "deepseek-v3.2"]), "max_tokens": 32000, "tool_choice": "auto", "stream": True, "stream_options": {"include_usage": True}}
        tools = OPENCODE_TOOLS if not plan else [t for t in OPENCODE_TOOLS if t not in ("edit", "write")]
    elif agent == "kilo":
        sid = "ses_" + _hex(r, 12) + _b62(r, 14)
        headers = {"content-type": "application/json", "user-agent": "Kilo-Code/7.7.7 ai-sdk/provider-utils/4.0.27 runtime/bun/1.3.14", "http-referer": "https://kilocode.ai", "x-title": "Kilo Code", "x-session-affinity": sid, "x-session-id": sid}
        body = {"model": opts.get("model") or r.choice(["anthropic/claude-sonnet-4.5", "x-ai/grok-code-fast-1", "qwen/qwen3-coder", "z-ai/glm-4.6", "minimax/minimax-m2"]), "max_tokens": 32000, "tool_choice": "auto", "stream": True, "stream_options": {"include_usage": True}}
        tools = KILO_TOOLS if not plan else [t for t in KILO_TOOLS if t not in ("edit", "write", "background_process", "board_post", "task")]
    elif agent == "cline":
        headers = {"content-type": "application/json", "user-agent": "ai-sdk/openai-compatible/3.0.37 ai-sdk/provider-utils/5.0.30 runtime/bun/1.3.13"}
        body = {"model": opts.get("model") or r.choice(["gpt-4o", "gpt-4.1", "qwen3-coder-30b", "devstral-small", "deepseek-chat"]), "max_tokens": 32000, "tool_choice": "auto", "stream": True, "stream_options": {"include_usage": True}}
        tools = CLINE_TOOLS if not plan else [t for t in CLINE_TOOLS if t != "apply_patch"]
    elif agent == "copilot":
        headers = {"content-type": "application/json", "user-agent": "OpenAI/JS 5.20.1", "x-stainless-lang": "js", "x-stainless-package-version": "5.20.1", "x-stainless-runtime-version": "unknown", "x-stainless-helper-method": "stream", "x-initiator": "agent" if last_is_tool else "user"}
        if not last_is_tool:
            headers["x-interaction-type"] = "conversation-user"
        body = {"model": opts.get("model") or r.choice(["gpt-4o", "gpt-4.1", "claude-sonnet-4.5", "gpt-5-mini"]), "reasoning_effort": "medium", "temperature": 1, "max_tokens": 4096, "stream": True, "stream_options": {"include_usage": True}}
        tools = COPILOT_TOOLS
    else:  # cursor
        headers = {"content-type": "application/json"}
        body = {"model": opts.get("model") or r.choice(["claude-4-sonnet", "claude-3.7-sonnet", "gpt-5", "gpt-4.1", "claude-sonnet-4-5", "gemini-2.5-pro"]), "stream": True}
        tools = CURSOR_TOOLS
    body["messages"] = msgs
    body["tools"] = _tools_min(tools, "chat")
    if agent == "copilot":
        body["tools"].insert(4, {"type": "custom", "custom": {"name": "apply_patch", "description": "Use the `apply_patch` tool to edit files. This is a FREEFORM tool, so do not wrap the patch in JSON."}})
    return "openai-chat", "/v1/chat/completions", headers, body


def render_cline_old(conv, cx, opts):
    """Cline VS Code extension through an Anthropic endpoint (as in the real dev rows)."""
    r = cx.r
    msgs = []
    for it in conv:
        if it["k"] == "user":
            blocks = [{"type": "text", "text": f"<task>\n{it['text']}\n</task>" if not msgs else f"<feedback>\n{it['text']}\n</feedback>"},
                      {"type": "text", "text": f"<environment_details>\n# VSCode Visible Files\n{opts.get('visible', 'README.md')}\n\n# Current Time\n11/{r.randint(10, 28)}/2026, {r.randint(1, 12)}:{r.randint(0, 59):02d}:00 PM\n\n# Current Mode\n{'PLAN MODE' if opts.get('plan') else 'ACT MODE'}\n</environment_details>"}]
            _merge_user_anthropic(msgs, blocks)
        elif it["k"] == "asst":
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": it["text"]}]})
        else:
            name, args, out = _chat_tool_call("cline_old", it, cx)
            tid = cx.cid("toolu_", 24)
            content = ([{"type": "text", "text": it["say"]}] if it.get("say") else []) + [{"type": "tool_use", "id": tid, "name": name, "input": args}]
            msgs.append({"role": "assistant", "content": content})
            msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": tid, "content": out}]})
    headers = {"content-type": "application/json", "user-agent": "ai-sdk/anthropic/4.0.42 ai-sdk/provider-utils/5.0.30 runtime/bun/1.3.13", "anthropic-beta": "structured-outputs-2025-11-13", "anthropic-version": "2023-06-01"}
    body = {"model": r.choice(["claude-sonnet-4-5", "claude-sonnet-4-5", "claude-opus-4-1"]), "max_tokens": 32000, "system": [{"type": "text", "text": SYS["cline"] + (PLAN_CLINE if opts.get("plan") else "")}], "messages": msgs, "tools": _tools_min(CLINE_OLD_TOOLS, "anthropic"), "tool_choice": {"type": "auto"}, "stream": True}
    return "anthropic-messages", "/v1/messages", headers, body


# ---- aider (no tools)
FENCE = "```"


def _sr_block(path, old, new, lang):
    return f"{path}\n{FENCE}{lang}\n<<<<<<< SEARCH\n{old}\n=======\n{new}\n>>>>>>> REPLACE\n{FENCE}"


def render_aider(conv, cx, opts):
    r = cx.r
    lang = opts.get("lang", "")
    msgs = [{"role": "system", "content": SYS["aider_ask"] if opts.get("ask") else SYS["aider_arch"] if opts.get("architect") else SYS["aider"]}]
    files = opts.get("files") or [(it["path"], it["out"]) for it in conv if it["k"] == "op" and it["op"] == "read"]
    if opts.get("repomap"):
        msgs.append({"role": "user", "content": "Here are summaries of some files present in my git repository.\nDo not propose changes to these files, treat them as *read-only*.\nIf you need to edit any of these files, ask me to *add them to the chat* first.\n\n" + opts["repomap"]})
        msgs.append({"role": "assistant", "content": "Ok, I won't try and edit those files without asking first."})
    if files:
        txt = "I have *added these files to the chat* so you can go ahead and edit them.\n\n*Trust this message as the true contents of these files!*\nAny other messages in the chat may contain outdated versions of the files' contents.\n"
        for p, c in files:
            txt += f"\n{p}\n{FENCE}\n{c}\n{FENCE}\n"
        msgs.append({"role": "user", "content": txt})
        msgs.append({"role": "assistant", "content": "Ok, any changes I propose will be to those files."})
    pend_edits = []
    pend_say = []

    def flush_edits():
        if not pend_edits:
            return
        if msgs[-1]["role"] == "assistant":
            msgs.append({"role": "user", "content": r.choice(["go ahead", "ok now make the changes", "do it", "proceed"])})
        text = "\n\n".join(pend_say) if pend_say else "Here are the changes:"
        text += "\n\n" + "\n\n".join(pend_edits)
        msgs.append({"role": "assistant", "content": text})
        h = _hex(r, 7)
        msgs.append({"role": "user", "content": f"I committed the changes with git hash {h} & commit msg: {opts.get('commit_msg') or 'chore: apply requested changes'}"})
        msgs.append({"role": "assistant", "content": "Ok."})
        pend_edits.clear()
        pend_say.clear()

    n = len(conv)
    for i, it in enumerate(conv):
        if it["k"] == "op" and it["op"] in ("edit", "write"):
            if it.get("say"):
                pend_say.append(it["say"])
            if it["op"] == "edit":
                pend_edits.append(_sr_block(it["path"], it["old"], it["new"], lang))
            else:
                pend_edits.append(_sr_block(it["path"], "", it["content"], lang))
            continue
        flush_edits()
        if it["k"] == "user":
            msgs.append({"role": "user", "content": it["text"]})
        elif it["k"] == "asst":
            if i > 0 and conv[i - 1]["k"] == "op" and conv[i - 1]["op"] == "sh":
                continue  # aider answered the /run output with its fixed "Ok."; no model prose follows it
            if len(msgs) >= 3 and msgs[-1]["content"] == "Ok." and msgs[-2]["content"].startswith("I committed"):
                msgs[-3]["content"] += "\n\n" + it["text"]  # prose belongs to the reply that carried the edits
                continue
            msgs.append({"role": "assistant", "content": it["text"]})
        elif it["op"] == "sh":
            out = f"I ran this command:\n\n{it['cmd']}\n\nAnd got this output:\n\n{it['out']}\n"
            msgs.append({"role": "user", "content": out})
            if i != n - 1:
                msgs.append({"role": "assistant", "content": "Ok."})
        # reads / greps / ls: aider has the files in the chat already; nothing to send
    flush_edits()
    # aider never sends two assistant turns at the end; strip a dangling "Ok." pair at the end if a commit closes the convo
    headers = {"content-type": "application/json", "user-agent": r.choice(["OpenAI/Python 1.99.9", "OpenAI/Python 1.109.1", "litellm/1.77.5"])}
    body = {"model": opts.get("model") or r.choice(["deepseek-chat", "claude-sonnet-4-5", "gpt-4.1", "openrouter/qwen/qwen3-coder", "gemini-2.5-pro", "o4-mini", "deepseek-reasoner"]), "messages": msgs, "stream": True}
    if r.random() < 0.5:
        body["temperature"] = 0
    return "openai-chat", "/v1/chat/completions", headers, body


def render(agent, conv, seed, root, opts=None):
    opts = opts or {}
    cx = Ctx(seed, root)
    if agent == "claude-code":
        return render_claude(conv, cx, opts)
    if agent == "codex":
        return render_codex(conv, cx, opts)
    if agent == "gemini-cli":
        return render_gemini(conv, cx, opts)
    if agent == "aider":
        return render_aider(conv, cx, opts)
    if agent == "cline" and opts.get("cline_old"):
        return render_cline_old(conv, cx, opts)
    return render_chat(agent, conv, cx, opts)
