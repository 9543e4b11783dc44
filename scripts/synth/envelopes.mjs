// Renders an abstract conversation (user text, assistant text, tool operations) into the request a given
// coding agent would send. Used only to build hand-written synthetic training rows (see gen-a.mjs / gen-b.mjs).

// ---------- tiny deterministic PRNG ----------
export function rng(seedStr) {
  let h = 2166136261;
  for (const ch of seedStr) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let s = h >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const hex = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
const uuid = (r) =>
  `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${pick(r, ["8", "9", "a", "b"])}${hex(r, 3)}-${hex(r, 12)}`;

// ---------- conversation DSL ----------
export const u = (text) => ({ k: "user", text });
export const a = (text) => ({ k: "asst", text });
/** shell command; code = exit code */
export const sh = (cmd, out, code = 0, say) => ({ k: "op", op: "sh", cmd, out, code, say });
export const rd = (path, out, say) => ({ k: "op", op: "read", path, out, say });
export const gr = (pattern, out, say) => ({ k: "op", op: "grep", pattern, out, say });
export const ed = (path, oldS, newS, say) => ({ k: "op", op: "edit", path, oldS, newS, say });
export const wr = (path, content, say) => ({ k: "op", op: "write", path, content, say });

// ---------- per-agent tool names ----------
const TOOLS = {
  "claude-code": [
    "Agent",
    "Bash",
    "Edit",
    "Glob",
    "Grep",
    "Read",
    "Skill",
    "TaskCreate",
    "TaskUpdate",
    "WebFetch",
    "WebSearch",
    "Write",
  ],
  codex: ["exec_command", "write_stdin", "apply_patch", "view_image", "update_plan"],
  cursor: [
    "codebase_search",
    "read_file",
    "run_terminal_cmd",
    "list_dir",
    "grep_search",
    "edit_file",
    "file_search",
    "delete_file",
    "web_search",
  ],
  cline: [
    "execute_command",
    "read_file",
    "write_to_file",
    "replace_in_file",
    "search_files",
    "list_files",
    "list_code_definition_names",
    "ask_followup_question",
    "attempt_completion",
  ],
  opencode: ["bash", "edit", "glob", "grep", "read", "skill", "task", "todowrite", "webfetch", "write"],
  kilo: [
    "background_process",
    "bash",
    "edit",
    "glob",
    "grep",
    "read",
    "skill",
    "task",
    "todowrite",
    "webfetch",
    "write",
  ],
  "gemini-cli": [
    "list_directory",
    "read_file",
    "grep_search",
    "glob",
    "replace",
    "write_file",
    "run_shell_command",
    "google_web_search",
    "invoke_agent",
  ],
  copilot: ["bash", "read_bash", "view", "edit", "create", "rg", "glob", "task"],
};

const CMD = {
  "claude-code": "Bash",
  codex: "exec_command",
  cursor: "run_terminal_cmd",
  cline: "execute_command",
  opencode: "bash",
  kilo: "bash",
  "gemini-cli": "run_shell_command",
  copilot: "bash",
};

function opCall(agent, o, r) {
  // returns {name, args}
  switch (o.op) {
    case "sh":
      if (agent === "claude-code")
        return { name: "Bash", args: { command: o.cmd, description: o.desc ?? "Run command" } };
      if (agent === "codex") return { name: "exec_command", args: { cmd: o.cmd, workdir: o.cwd } };
      if (agent === "cursor") return { name: "run_terminal_cmd", args: { command: o.cmd, is_background: false } };
      if (agent === "cline") return { name: "execute_command", args: { command: o.cmd, requires_approval: false } };
      if (agent === "gemini-cli") return { name: "run_shell_command", args: { command: o.cmd } };
      return { name: CMD[agent], args: { command: o.cmd, description: "Run command" } };
    case "read":
      if (agent === "claude-code") return { name: "Read", args: { file_path: `${o.cwd}/${o.path}` } };
      if (agent === "codex")
        return {
          name: "exec_command",
          args: {
            cmd: pick(r, [`sed -n '1,200p' ${o.path}`, `cat ${o.path}`, `nl -ba ${o.path} | sed -n '1,160p'`]),
            workdir: o.cwd,
          },
        };
      if (agent === "cursor")
        return { name: "read_file", args: { target_file: o.path, should_read_entire_file: true } };
      if (agent === "cline") return { name: "read_file", args: { path: o.path } };
      if (agent === "gemini-cli") return { name: "read_file", args: { file_path: `${o.cwd}/${o.path}` } };
      if (agent === "copilot") return { name: "view", args: { path: `${o.cwd}/${o.path}` } };
      return { name: "read", args: { filePath: `${o.cwd}/${o.path}` } };
    case "grep":
      if (agent === "claude-code")
        return { name: "Grep", args: { pattern: o.pattern, output_mode: "content", "-n": true } };
      if (agent === "codex") return { name: "exec_command", args: { cmd: `rg -n "${o.pattern}"`, workdir: o.cwd } };
      if (agent === "cursor") return { name: "grep_search", args: { query: o.pattern } };
      if (agent === "cline") return { name: "search_files", args: { path: ".", regex: o.pattern } };
      if (agent === "gemini-cli") return { name: "grep_search", args: { pattern: o.pattern } };
      if (agent === "copilot") return { name: "rg", args: { pattern: o.pattern } };
      return { name: "grep", args: { pattern: o.pattern } };
    case "edit":
      if (agent === "claude-code")
        return { name: "Edit", args: { file_path: `${o.cwd}/${o.path}`, old_string: o.oldS, new_string: o.newS } };
      if (agent === "codex")
        return {
          name: "apply_patch",
          args: {
            input: `*** Begin Patch\n*** Update File: ${o.path}\n@@\n${pref(o.oldS, "-")}\n${pref(o.newS, "+")}\n*** End Patch`,
          },
        };
      if (agent === "cursor")
        return { name: "edit_file", args: { target_file: o.path, instructions: "apply change", code_edit: o.newS } };
      if (agent === "cline")
        return {
          name: "replace_in_file",
          args: { path: o.path, diff: `------- SEARCH\n${o.oldS}\n=======\n${o.newS}\n+++++++ REPLACE` },
        };
      if (agent === "gemini-cli")
        return { name: "replace", args: { file_path: `${o.cwd}/${o.path}`, old_string: o.oldS, new_string: o.newS } };
      if (agent === "copilot")
        return { name: "edit", args: { path: `${o.cwd}/${o.path}`, old_str: o.oldS, new_str: o.newS } };
      return { name: "edit", args: { filePath: `${o.cwd}/${o.path}`, oldString: o.oldS, newString: o.newS } };
    case "write":
      if (agent === "claude-code")
        return { name: "Write", args: { file_path: `${o.cwd}/${o.path}`, content: o.content } };
      if (agent === "codex")
        return {
          name: "apply_patch",
          args: { input: `*** Begin Patch\n*** Add File: ${o.path}\n${pref(o.content, "+")}\n*** End Patch` },
        };
      if (agent === "cursor")
        return { name: "edit_file", args: { target_file: o.path, instructions: "create file", code_edit: o.content } };
      if (agent === "cline") return { name: "write_to_file", args: { path: o.path, content: o.content } };
      if (agent === "gemini-cli")
        return { name: "write_file", args: { file_path: `${o.cwd}/${o.path}`, content: o.content } };
      if (agent === "copilot") return { name: "create", args: { path: `${o.cwd}/${o.path}`, file_text: o.content } };
      return { name: "write", args: { filePath: `${o.cwd}/${o.path}`, content: o.content } };
  }
  throw new Error(`bad op ${o.op}`);
}
const pref = (s, p) =>
  s
    .split("\n")
    .map((l) => p + l)
    .join("\n");

function opResult(agent, o, r) {
  const lines = (s) => s.split("\n");
  switch (o.op) {
    case "sh": {
      const out = o.out;
      if (agent === "claude-code") return o.code ? `Exit code ${o.code}\n${out}` : out;
      if (agent === "codex")
        return `Chunk ID: ${hex(r, 6)}\nWall time: ${(r() * 9).toFixed(4)} seconds\nProcess exited with code ${o.code}\nOriginal token count: ${Math.ceil(out.length / 4)}\nOutput:\n${out}\n`;
      if (agent === "cursor")
        return pick(r, [`$ ${o.cmd}\n${out}`, `Exit code: ${o.code}\n\nCommand output:\n\n\`\`\`\n${out}\n\`\`\``]);
      if (agent === "cline") return `[execute_command for '${o.cmd}'] Result:\nCommand executed.\nOutput:\n${out}`;
      if (agent === "copilot") return `${out}\n<shellId: ${Math.floor(r() * 4)} completed with exit code ${o.code}>`;
      if (agent === "gemini-cli")
        return `Output: ${out}\n${o.code ? `Exit Code: ${o.code}\n` : ""}Process Group PGID: ${10000 + Math.floor(r() * 50000)}`;
      return out;
    }
    case "read": {
      const ls = lines(o.out);
      if (agent === "claude-code") return ls.map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join("\n");
      if (agent === "cursor")
        return `Contents of ${o.path}, lines 1-${ls.length} (entire file):\n\`\`\`\n${o.out}\n\`\`\``;
      if (agent === "cline") return `[read_file for '${o.path}'] Result:\n${o.out}`;
      if (agent === "copilot") return ls.map((l, i) => `${i + 1}. ${l}`).join("\n");
      if (agent === "opencode" || agent === "kilo")
        return `<file>\n${ls.map((l, i) => `${String(i + 1).padStart(5, "0")}| ${l}`).join("\n")}\n</file>`;
      if (agent === "codex") return opResult("codex", { op: "sh", out: o.out, code: 0 }, r);
      return o.out;
    }
    case "grep": {
      if (agent === "codex") return opResult("codex", { op: "sh", out: o.out, code: 0 }, r);
      if (agent === "cline") return `[search_files for '${o.pattern}'] Result:\n${o.out}`;
      return o.out;
    }
    case "edit": {
      if (agent === "claude-code") return `The file ${o.cwd}/${o.path} has been updated successfully.`;
      if (agent === "codex") return `Success. Updated the following files:\nM ${o.path}\n`;
      if (agent === "cursor")
        return `The apply model made the following changes to the file:\n\n\`\`\`diff\n${pref(o.oldS, "- ")}\n${pref(o.newS, "+ ")}\n\`\`\``;
      if (agent === "cline")
        return `[replace_in_file for '${o.path}'] Result:\nThe content was successfully saved to ${o.path}.`;
      if (agent === "gemini-cli") return `Successfully modified file: ${o.cwd}/${o.path} (1 replacements).`;
      if (agent === "copilot") return `File ${o.cwd}/${o.path} updated with changes.`;
      return "Edit applied successfully.";
    }
    case "write": {
      if (agent === "claude-code") return `File created successfully at: ${o.cwd}/${o.path}`;
      if (agent === "codex") return `Success. Updated the following files:\nA ${o.path}\n`;
      if (agent === "cursor")
        return `The apply model made the following changes to the file:\n\n\`\`\`diff\n${pref(o.content.split("\n").slice(0, 12).join("\n"), "+ ")}\n\`\`\``;
      if (agent === "cline")
        return `[write_to_file for '${o.path}'] Result:\nThe content was successfully saved to ${o.path}.`;
      if (agent === "gemini-cli") return `Successfully created and wrote to new file: ${o.cwd}/${o.path}.`;
      if (agent === "copilot") return `Created file ${o.cwd}/${o.path} with ${o.content.length} characters`;
      return "Wrote file successfully.";
    }
  }
  return "";
}

// ---------- system prompts / headers ----------
const CLAUDE_MODELS = [
  "claude-sonnet-4-5",
  "claude-opus-4-8",
  "claude-sonnet-5",
  "claude-opus-4-1-20250805",
  "claude-sonnet-4-20250514",
];
const home = (r, topic) =>
  pick(r, [
    `/home/${pick(r, ["dev", "maria", "kuba", "alex", "sam", "li", "ops"])}/src/${topic}`,
    `/Users/${pick(r, ["jk", "anna", "tom", "priya", "dmitry", "chris"])}/code/${topic}`,
    `/workspaces/${topic}`,
    `/home/ubuntu/${topic}`,
  ]);

function toolDefsAnthropic(names) {
  return names.map((n) => ({ name: n, description: `${n} tool`, input_schema: { type: "object", properties: {} } }));
}
function toolDefsChat(names) {
  return names.map((n) => ({
    type: "function",
    function: { name: n, description: `${n} tool`, parameters: { type: "object", properties: {} } },
  }));
}

const AIDER_SYS = {
  code: "Act as an expert software developer.\nAlways use best practices when coding.\nRespect and use existing conventions, libraries, etc that are already present in the code base.\n",
  architect:
    "Act as an expert architect engineer providing direction to an editor engineer.\nDeeply understand the user's change request and the provided code context.\nThink step-by-step to develop a clear plan for the required code modifications.\n",
  ask: "Act as an expert code analyst.\nAnswer questions about the supplied code.\nAlways reply to the user in the same language they are using.\n",
  senior:
    "Act as an expert senior engineer and provide direction to your junior engineer.\nStudy the change request and the current code.\nDescribe how to modify the code to complete the request.\n",
};

/**
 * Renders one scenario for one agent.
 * s = {id, p, c, t, m:[turns], acc?, mode?: "plan"|"ask"|"architect"|"senior", api?}
 */
export function render(s, agent) {
  const r = rng(s.id);
  const cwd = home(r, s.t.replace(/[^a-z0-9-]/gi, "-").toLowerCase());
  const turns = s.m;
  let firstUser = true;
  const lastIsOp = turns[turns.length - 1].k === "op";
  const _n = 0;
  const nextId = (p) => `${p}${hex(r, 24)}`;
  for (const t of turns) if (t.k === "op") t.cwd = cwd;

  if (agent === "claude-code") {
    const sid = uuid(r);
    const sdk = r() < 0.25;
    const msgs = [];
    const pushUser = (content) => {
      const last = msgs[msgs.length - 1];
      if (last && last.role === "user") last.content.push(...content);
      else msgs.push({ role: "user", content });
    };
    const pushAsst = (content) => {
      const last = msgs[msgs.length - 1];
      if (last && last.role === "assistant") last.content.push(...content);
      else msgs.push({ role: "assistant", content });
    };
    for (const t of turns) {
      if (t.k === "user") {
        const parts = [];
        if (firstUser)
          parts.push({
            type: "text",
            text: `<system-reminder>\nAs you answer the user's questions, you can use the following context:\n# currentDate\nToday's date is 2026-${pick(r, ["03", "05", "08", "10", "11"])}-${String(1 + Math.floor(r() * 27)).padStart(2, "0")}.\n\n      IMPORTANT: this context may or may not be relevant to your tasks. You should not respond to this context unless it is highly relevant to your task.\n</system-reminder>\n`,
          });
        firstUser = false;
        parts.push({ type: "text", text: t.text });
        pushUser(parts);
      } else if (t.k === "asst") pushAsst([{ type: "text", text: t.text }]);
      else {
        const id = nextId("toolu_");
        const c = opCall(agent, t, r);
        const content = [];
        if (t.say) content.push({ type: "text", text: t.say });
        content.push({ type: "tool_use", id, name: c.name, input: c.args });
        pushAsst(content);
        const res = { tool_use_id: id, type: "tool_result", content: opResult(agent, t, r) };
        if (t.op === "sh" && t.code) res.is_error = true;
        pushUser([res]);
      }
    }
    if (s.mode === "plan")
      msgs.splice(msgs.length - 1, 0, {
        role: "system",
        content:
          "Plan mode is active. The user indicated that they do not want you to execute yet -- you MUST NOT make any edits, run any non-readonly tools, or otherwise make any changes to the system.",
      });
    const tools = [
      ...TOOLS["claude-code"],
      ...(s.mode === "plan" ? ["EnterPlanMode", "ExitPlanMode", "AskUserQuestion"] : []),
    ];
    return {
      api: "anthropic-messages",
      path: "/v1/messages?beta=true",
      headers: {
        "content-type": "application/json",
        "user-agent": `claude-cli/2.1.${pick(r, ["197", "183", "160", "201"])} (external, ${sdk ? "sdk-cli" : "cli"})`,
        "x-app": "cli",
        "x-claude-code-session-id": sid,
        "anthropic-beta":
          "claude-code-20250219,context-1m-2025-08-07,interleaved-thinking-2025-05-14,context-management-2025-06-27",
        "anthropic-version": "2023-06-01",
        "x-stainless-lang": "js",
        "x-stainless-package-version": "0.94.0",
      },
      body: {
        model: pick(r, CLAUDE_MODELS),
        max_tokens: 64000,
        system: [
          {
            type: "text",
            text: `x-anthropic-billing-header: cc_version=2.1.197.${hex(r, 3)}; cc_entrypoint=${sdk ? "sdk-cli" : "cli"};`,
          },
          {
            type: "text",
            text: sdk
              ? "You are a Claude agent, built on Anthropic's Claude Agent SDK."
              : "You are Claude Code, Anthropic's official CLI for Claude.",
            cache_control: { type: "ephemeral" },
          },
          {
            type: "text",
            text: "\nYou are an interactive agent that helps users with software engineering tasks. Use the instructions below and the tools available to you to assist the user.",
          },
        ],
        messages: msgs,
        tools: toolDefsAnthropic(tools),
        metadata: { user_id: JSON.stringify({ device_id: hex(r, 64), account_uuid: "", session_id: sid }) },
        thinking: { type: "adaptive" },
        stream: true,
      },
    };
  }

  if (agent === "cline") {
    const msgs = [];
    const pushUser = (content) => {
      const last = msgs[msgs.length - 1];
      if (last && last.role === "user") last.content.push(...content);
      else msgs.push({ role: "user", content });
    };
    for (const t of turns) {
      if (t.k === "user") {
        const env = `<environment_details>\n# VSCode Visible Files\n${pick(r, ["src/index.ts", "app/main.py", "README.md", "cmd/server/main.go", "lib/app.rb", "Program.cs"])}\n\n# Current Time\n${pick(r, ["6/2/2026", "9/14/2026", "11/3/2026"])}, ${1 + Math.floor(r() * 11)}:${String(Math.floor(r() * 60)).padStart(2, "0")}:00 PM\n\n# Current Mode\n${s.mode === "plan" ? "PLAN MODE" : "ACT MODE"}\n</environment_details>`;
        const text = firstUser ? `<task>\n${t.text}\n</task>` : `<feedback>\n${t.text}\n</feedback>`;
        firstUser = false;
        pushUser([
          { type: "text", text },
          { type: "text", text: env },
        ]);
      } else if (t.k === "asst") msgs.push({ role: "assistant", content: [{ type: "text", text: t.text }] });
      else {
        const id = nextId("toolu_");
        const c = opCall(agent, t, r);
        const content = [];
        if (t.say) content.push({ type: "text", text: t.say });
        content.push({ type: "tool_use", id, name: c.name, input: c.args });
        const last = msgs[msgs.length - 1];
        if (last && last.role === "assistant") last.content.push(...content);
        else msgs.push({ role: "assistant", content });
        pushUser([{ type: "tool_result", tool_use_id: id, content: opResult(agent, t, r) }]);
      }
    }
    const sys = `You are Cline, a highly skilled software engineer with extensive knowledge in many programming languages, frameworks, design patterns, and best practices.${s.mode === "plan" ? "\n\n# Plan Mode\nYou are in Plan mode. Gather information and produce a plan; do not edit files." : ""}`;
    return {
      api: "anthropic-messages",
      path: "/v1/messages",
      headers: {
        "content-type": "application/json",
        "user-agent": "ai-sdk/anthropic/4.0.42 ai-sdk/provider-utils/5.0.30 runtime/bun/1.3.13",
        "anthropic-version": "2023-06-01",
      },
      body: {
        model: pick(r, ["claude-sonnet-4-5", "claude-3-7-sonnet-20250219", "claude-sonnet-4-20250514"]),
        max_tokens: 8192,
        system: [{ type: "text", text: sys }],
        messages: msgs,
        tools: toolDefsAnthropic(TOOLS.cline),
        stream: true,
      },
    };
  }

  if (agent === "codex") {
    const input = [
      {
        type: "message",
        role: "developer",
        content: [
          {
            type: "input_text",
            text: "You are Codex, a coding agent based on GPT-5. You and the user share one workspace, and your job is to collaborate with them until their goal is genuinely handled.",
          },
        ],
      },
    ];
    if (s.mode === "plan")
      input.push({
        type: "message",
        role: "developer",
        content: [
          {
            type: "input_text",
            text: "<collaboration_mode># Plan Mode (Conversational)\nYou are in plan mode. Do not modify files; explore and propose a plan.</collaboration_mode>",
          },
        ],
      });
    input.push({
      type: "message",
      role: "user",
      content: [
        {
          type: "input_text",
          text: `<environment_context>\n  <cwd>${cwd}</cwd>\n  <shell>${pick(r, ["bash", "zsh"])}</shell>\n  <current_date>2026-${pick(r, ["04", "07", "09", "11"])}-1${Math.floor(r() * 9)}</current_date>\n</environment_context>`,
        },
      ],
    });
    for (const t of turns) {
      if (t.k === "user")
        input.push({ type: "message", role: "user", content: [{ type: "input_text", text: t.text }] });
      else if (t.k === "asst")
        input.push({ type: "message", role: "assistant", content: [{ type: "output_text", text: t.text }] });
      else {
        if (t.say) input.push({ type: "message", role: "assistant", content: [{ type: "output_text", text: t.say }] });
        const c = opCall(agent, t, r);
        const call_id = nextId("call_");
        input.push({ type: "function_call", name: c.name, arguments: JSON.stringify(c.args), call_id });
        input.push({ type: "function_call_output", call_id, output: opResult(agent, t, r) });
      }
    }
    const tui = r() < 0.5;
    return {
      api: "openai-responses",
      path: "/v1/responses",
      headers: {
        "content-type": "application/json",
        originator: tui ? "codex-tui" : "codex_exec",
        "user-agent": `${tui ? "codex-tui" : "codex_exec"}/0.${pick(r, ["171", "165", "158"])}.0 (${pick(r, ["Ubuntu 24.4.0", "Mac OS 15.5.0", "Debian 12.0.0"])}; x86_64) xterm-256color`,
        "session-id": uuid(r),
      },
      body: {
        model: pick(r, ["gpt-5.5", "gpt-5-codex", "gpt-5.1-codex", "gpt-6.2-sol"]),
        instructions: "You are Codex, a coding agent based on GPT-5.",
        input,
        tools: toolDefsResponses(TOOLS.codex),
        tool_choice: "auto",
        parallel_tool_calls: true,
        reasoning: { effort: pick(r, ["low", "medium", "high"]) },
        store: false,
        stream: true,
        include: ["reasoning.encrypted_content"],
        prompt_cache_key: uuid(r),
      },
    };
  }

  if (agent === "gemini-cli") {
    const contents = [];
    for (const t of turns) {
      if (t.k === "user") {
        const parts = [];
        if (firstUser)
          parts.push({
            text: `<session_context>\nThis is the Gemini CLI. We are setting up the context for our chat.\nToday's date is ${pick(r, ["Monday, March 9, 2026", "Friday, July 17, 2026", "Thursday, November 26, 2026"])}.\nMy operating system is: ${pick(r, ["linux", "darwin", "win32"])}\n- **Workspace Directories:**\n  - ${cwd}\n</session_context>`,
          });
        firstUser = false;
        parts.push({ text: t.text });
        contents.push({ role: "user", parts });
      } else if (t.k === "asst") contents.push({ role: "model", parts: [{ text: t.text }] });
      else {
        const c = opCall(agent, t, r);
        const id = `${c.name}_${Date.UTC(2026, 5, 1) + Math.floor(r() * 1e9)}_0`;
        const parts = [];
        if (t.say) parts.push({ text: t.say });
        parts.push({ functionCall: { id, name: c.name, args: c.args } });
        contents.push({ role: "model", parts });
        contents.push({
          role: "user",
          parts: [{ functionResponse: { id, name: c.name, response: { output: opResult(agent, t, r) } } }],
        });
      }
    }
    const modeTxt = s.mode === "plan" ? "**Plan**" : pick(r, ["**Default**", "**Auto-Edit**", "**YOLO**"]);
    const model =
      s.mode === "plan"
        ? "gemini-3.1-pro-preview-customtools"
        : pick(r, ["gemini-3.8-flash", "gemini-2.5-pro", "gemini-3-pro-preview"]);
    return {
      api: "gemini",
      path: `/v1beta/models/${model}:streamGenerateContent?alt=sse`,
      headers: {
        "content-type": "application/json",
        "user-agent": `GeminiCLI-tui/0.61.0/${model} (${pick(r, ["linux; x64", "darwin; arm64"])}; terminal)`,
        "x-goog-api-client": "google-genai-sdk/1.30.0 gl-node/v20.20.2",
      },
      body: {
        contents,
        systemInstruction: {
          parts: [
            {
              text: `You are Gemini CLI, an autonomous CLI agent specializing in software engineering tasks. You are currently operating in ${modeTxt} mode. Your primary goal is to help users safely and effectively.`,
            },
          ],
        },
        tools: [
          {
            functionDeclarations: TOOLS["gemini-cli"].map((n) => ({
              name: n,
              description: `${n} tool`,
              parametersJsonSchema: { type: "object" },
            })),
          },
        ],
        generationConfig: { temperature: 1, topP: 0.95, thinkingConfig: { includeThoughts: true } },
      },
    };
  }

  // ---- openai-chat family: cursor, opencode, kilo, copilot, aider, unknown ----
  const msgs = [];
  let sys = null;
  let headers = { "content-type": "application/json" };
  let model = "gpt-4.1";
  let tools = null;
  let wrapUser = (t) => t;
  if (agent === "cursor") {
    model = pick(r, ["claude-4-sonnet", "gpt-4.1", "gpt-5", "claude-3.7-sonnet", "gemini-2.5-pro"]);
    tools = TOOLS.cursor;
    if (r() < 0.4)
      sys =
        "You are a powerful agentic AI coding assistant, powered by a frontier model. You operate exclusively in Cursor, the world's best IDE.";
  } else if (agent === "opencode") {
    sys =
      "You are opencode, an interactive CLI tool that helps users with software engineering tasks. Use the instructions below and the tools available to you to assist the user.";
    headers = {
      ...headers,
      "user-agent": "opencode/1.18.33 ai-sdk/provider-utils/4.0.23 runtime/bun/1.3.14",
      "x-session-id": `ses_${hex(r, 24)}`,
    };
    model = pick(r, ["qwen3-coder", "kimi-k2", "glm-4.6", "gpt-5-mini", "deepseek-v3.1"]);
    tools = TOOLS.opencode;
    wrapUser = (t) =>
      s.mode === "plan"
        ? `${JSON.stringify(t)}\n\n<system-reminder>\n# Plan Mode - System Reminder\nCRITICAL: Plan mode ACTIVE - you are in READ-ONLY phase.\n</system-reminder>`
        : JSON.stringify(t);
  } else if (agent === "kilo") {
    sys =
      "You are Kilo, a highly skilled software engineer with extensive knowledge in many programming languages, frameworks, design patterns, and best practices.";
    headers = {
      ...headers,
      "user-agent": "Kilo-Code/7.7.7 ai-sdk/provider-utils/4.0.27 runtime/bun/1.3.14",
      "http-referer": "https://kilocode.ai",
      "x-title": "Kilo Code",
      "x-session-id": `ses_${hex(r, 24)}`,
    };
    model = pick(r, ["anthropic/claude-sonnet-4.5", "x-ai/grok-code-fast-1", "qwen/qwen3-coder", "z-ai/glm-4.6"]);
    tools = TOOLS.kilo;
    wrapUser = (t) =>
      `${t}\n\n<environment_details>\nMessage time: 2026-${pick(r, ["05", "08", "10"])}-12T1${Math.floor(r() * 9)}:2${Math.floor(r() * 9)}:00Z\nWorking directory: ${cwd}\n</environment_details>`;
  } else if (agent === "copilot") {
    sys = "You are the GitHub Copilot CLI, a terminal assistant built by GitHub.";
    headers = {
      ...headers,
      "user-agent": "OpenAI/JS 5.20.1",
      "x-stainless-runtime-version": "unknown",
      "x-initiator": lastIsOp ? "agent" : "user",
      ...(lastIsOp ? {} : { "x-interaction-type": "conversation-user" }),
    };
    model = pick(r, ["gpt-4o", "gpt-5-mini", "claude-sonnet-4.5", "gpt-4.1"]);
    tools = TOOLS.copilot;
    wrapUser = (t) =>
      `<current_datetime>2026-${pick(r, ["02", "06", "09"])}-2${Math.floor(r() * 8)}T0${Math.floor(r() * 9)}:14:0${Math.floor(r() * 9)}.318+00:00</current_datetime>\n\n${t}`;
  } else if (agent === "aider") {
    sys = AIDER_SYS[s.mode === "plan" ? "architect" : (s.mode ?? "code")] ?? AIDER_SYS.code;
    headers = { ...headers, "user-agent": pick(r, ["OpenAI/Python 1.99.9", "OpenAI/Python 1.82.0", "litellm/1.74.3"]) };
    model = pick(r, [
      "deepseek-chat",
      "deepseek/deepseek-reasoner",
      "gpt-4.1",
      "openrouter/qwen/qwen3-coder",
      "claude-3-5-sonnet-20241022",
      "o3-mini",
    ]);
  } else {
    model = pick(r, ["gpt-4o", "gpt-4o-mini", "deepseek-chat", "qwen2.5-coder:32b", "llama3.1:70b"]);
    if (r() < 0.5)
      sys = pick(r, [
        "You are a helpful coding assistant.",
        "You are an expert programmer. Answer concisely.",
        "You are a senior engineer helping with code.",
      ]);
  }
  if (sys) msgs.push({ role: "system", content: sys });
  for (const t of turns) {
    if (t.k === "user") {
      const text = firstUser || agent !== "kilo" ? wrapUser(t.text) : t.text;
      firstUser = false;
      msgs.push({ role: "user", content: agent === "aider" && r() < 0.3 ? [{ type: "text", text }] : text });
    } else if (t.k === "asst") msgs.push({ role: "assistant", content: t.text });
    else if (agent === "aider") {
      // aider has no tools: shell output comes back as a user message, edits as SEARCH/REPLACE + commit note
      if (t.op === "sh") {
        msgs.push({ role: "user", content: `I ran this command:\n\n${t.cmd}\n\nAnd got this output:\n\n${t.out}` });
      } else if (t.op === "edit" || t.op === "write") {
        const body =
          t.op === "edit"
            ? `${t.path}\n\`\`\`\n<<<<<<< SEARCH\n${t.oldS}\n=======\n${t.newS}\n>>>>>>> REPLACE\n\`\`\``
            : `${t.path}\n\`\`\`\n<<<<<<< SEARCH\n=======\n${t.content}\n>>>>>>> REPLACE\n\`\`\``;
        msgs.push({ role: "assistant", content: `${t.say ?? "Here is the change:"}\n\n${body}` });
        msgs.push({
          role: "user",
          content: `I committed the changes with git hash ${hex(r, 7)} & commit message: ${t.commit ?? `chore: update ${t.path}`}`,
        });
        msgs.push({ role: "assistant", content: "Ok." });
      } else if (t.op === "read") {
        msgs.push({ role: "user", content: `/add ${t.path}` });
        msgs.push({
          role: "user",
          content: `I added these files to the chat: ${t.path}\n\n${t.path}\n\`\`\`\n${t.out}\n\`\`\``,
        });
        msgs.push({ role: "assistant", content: "Ok, any changes I propose will be to those files." });
      } else {
        msgs.push({ role: "user", content: `/run rg -n "${t.pattern}"` });
        msgs.push({ role: "user", content: t.out });
      }
    } else {
      const c = opCall(agent === "unknown" ? "cursor" : agent, t, r);
      const id = nextId("call_");
      msgs.push({
        role: "assistant",
        content: t.say ?? null,
        tool_calls: [{ id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.args) } }],
      });
      msgs.push({ role: "tool", tool_call_id: id, content: opResult(agent === "unknown" ? "cursor" : agent, t, r) });
    }
  }
  const body = { model, messages: msgs, stream: true };
  if (tools) body.tools = toolDefsChat(tools);
  if (agent !== "aider" && agent !== "unknown") body.stream_options = { include_usage: true };
  return { api: "openai-chat", path: "/v1/chat/completions", headers, body };
}

function toolDefsResponses(names) {
  return names.map((n) => ({
    type: "function",
    name: n,
    description: `${n} tool`,
    strict: false,
    parameters: { type: "object", properties: {} },
  }));
}

// ---------- agent choice ----------
const WEIGHTS = [
  ["claude-code", 22],
  ["cursor", 17],
  ["codex", 13],
  ["aider", 13],
  ["cline", 9],
  ["opencode", 7],
  ["gemini-cli", 7],
  ["copilot", 5],
  ["kilo", 5],
  ["unknown", 3],
];
export function chooseAgent(s, i) {
  if (s.ag) return s.ag;
  const r = rng(`${s.id}-agent-${i}`);
  const hasOp = s.m.some((t) => t.k === "op");
  const lastOp = s.m[s.m.length - 1].k === "op";
  let ws = WEIGHTS;
  if (hasOp) ws = ws.filter(([a]) => a !== "unknown");
  if (lastOp) ws = ws.filter(([a]) => a !== "aider");
  if (s.mode === "ask" || s.mode === "architect" || s.mode === "senior") return "aider";
  const tot = ws.reduce((x, [, w]) => x + w, 0);
  let x = r() * tot;
  for (const [a, w] of ws) {
    x -= w;
    if (x < 0) return a;
  }
  return ws[0][0];
}

export function row(s, prefix, i) {
  const agent = chooseAgent(s, i);
  const env = render(s, agent);
  const lastOp = s.m[s.m.length - 1].k === "op";
  const userTurns = s.m.filter((t) => t.k === "user");
  const lastUser = s.m.map((t) => t.k).lastIndexOf("user");
  const contShort = !lastOp && userTurns.length && s.m[lastUser].text.length < 40 && s.m.length > 1;
  return {
    id: `${prefix}-${i}`,
    ...env,
    label: { phase: s.p, accept: s.acc ?? [s.p], complexity: s.c },
    source: { repo: `synthetic/${s.t}`, path: "", agent },
    _turn: lastOp ? "tool-result" : contShort ? "continuation" : "user-text",
  };
}
