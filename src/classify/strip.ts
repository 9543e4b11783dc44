/**
 * Layer 1 preprocessing: removes what agents wrap around the user's own words, so rules and the model see
 * only what the developer typed.
 */

const WRAPPER_TAGS = [
  "system-reminder",
  "environment_details",
  "environment_context",
  "current_datetime",
  "session_context",
  "mode_changed_notice",
  "user_instructions",
  "reminder",
  "context",
  "ide_selection",
  "ide_opened_file",
  "local-command-stdout",
  "command-message",
  "additional_data",
  "attached_files",
  "user_info",
  "project_layout",
  "rules",
  "custom_instructions",
  "git_status",
  "task_progress",
];
const TAG_RE = new RegExp(`<(${WRAPPER_TAGS.join("|")})(?:\\s[^>]*)?>[\\s\\S]*?(?:</\\1>|$)`, "g");
const TASK_TAG_RE = /<\/?(?:task|user_query|user_request|feedback|answer|session)>/g;
const COMMAND_NAME_RE = /<command-(?:name|args)>([\s\S]*?)<\/command-(?:name|args)>/g;
// (`/copy-context question` copies the chat for a web UI: the question is the developer's words.)
const AIDER_MODE_RE = /^\/(ask|architect|code|context|help|copy-context)(?![\w-])\s*/;
const AIDER_CMD_RE =
  /^\/(add|drop|read-only|tokens|clear|reset|undo|diff|commit|map|map-refresh|ls|model|models|voice|paste|web|git|lint|test|run|settings|editor|copy|save|load|exit|quit|chat-mode|report|think-tokens|reasoning-effort|multiline-mode)(?![\w-])/;
const CUSTOM_COMMAND_RE = /^\/([a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)(?![\w/.-])/i;
const COPILOT_PLAN_RE = /^\s*\[\[PLAN\]\]\s*/;
/**
 * Context that agents send as user messages: AGENTS.md instructions, and aider's file, repo-map and chat-summary
 * messages ("I have *added these files to the chat* …", "Here are summaries of some files …").
 */
const AGENTS_MD_RE =
  /^#\s*AGENTS\.md instructions|^<INSTRUCTIONS>|^I have \*added these files to the chat\*|^Here are summaries of some files present in my git repo|^Here are some READ ONLY files|^I am not sharing (?:any|the full contents of any) files|^I switched to a new code base|^Don't try and edit any existing code without asking me to add the files|^I spoke to you previously about a number of things/;

export interface Stripped {
  text: string;
  /** Mode named by a prefix in the user's text (aider /ask, /architect; copilot [[PLAN]]). */
  mode: string | null;
  /** The message was only an agent command (aider /add, /drop…) or wrapper, no intent of its own. */
  commandOnly: boolean;
  /** Aider `/run` / `/test` command text, if that's what the message is. */
  runCommand: string | null;
  /** The words are an issue handed over by a harness (SWE-agent `<pr_description>`, "Here's the issue text"). */
  issue?: boolean;
  /** The words are an editor diagnostic handed over by a quick-fix prompt (Cursor's "For the code present…"). */
  diagnostic?: boolean;
}

/**
 * Cursor's quick fix on an editor diagnostic wraps the diagnostic in fixed words ("How can I resolve this? If you
 * propose a fix…"): the diagnostic is the ask. An empty one carries a request injected after it (stagewise).
 */
const QUICK_FIX_RE =
  /^For the code present, we get this error:\s*```[^\n]*\n([\s\S]*?)```\s*(?:How can I resolve this\?(?: If you propose a fix, please make it concise\.)?|Fix it, verify, and then give a concise explanation\.)?\s*/;
const INJECTED_RE =
  /^Ah, sorry, it wasn't an error\. The user has submitted a change request\. Here is the request, please implement it:\s*(?:```)?/;

// Benchmark harnesses (SWE-agent, OpenHands, Agentless…) wrap a GitHub issue in fixed instructions: the issue is the ask.
// (A long message is clipped in the view, which may cut the closing tag: the issue then runs to the end.)
const ISSUE_RE =
  /<(pr_description|issue|issue_description|problem_statement)>([\s\S]*?)(?:<\/\1>|$)|\bHere's the issue text:\s*(?:ISSUE:)?\s*([\s\S]*?)(?:\n\s*INSTRUCTIONS:|$)/;

/**
 * Cline's focus-chain reminder, pushed into the user message before `<environment_details>` (`focus-chain/prompts.ts`):
 * "# task_progress RECOMMENDED …", "# TODO LIST UPDATE REQUIRED …", "You've made N API requests without a
 * task_progress parameter …". Cline's words, not the developer's.
 */
const FOCUS_CHAIN_RE =
  /(?:#\s*(?:task_progress RECOMMENDED|TODO LIST UPDATE REQUIRED)|You've made \d+ API requests without a task_progress parameter)[\s\S]*?(?=<environment_details>|$)/g;

/** mini-swe-agent's words inside the wrapper: "a PR description" here names the issue, not a deliverable. */
const ISSUE_LEAD_RE = /^\s*Consider the following PR description:\s*/;

/** Strips agent wrappers from one user message. Cheap: a few regex passes over at most a few KB. */
export function stripUserText(raw: string): Stripped {
  let mode: string | null = null;
  let issue = false;
  let diagnostic = false;
  let t = raw;
  if (t.startsWith("For the code present")) {
    const m = QUICK_FIX_RE.exec(t);
    if (m) {
      const diag = m[1].trim();
      const rest = t.slice(m[0].length);
      diagnostic = diag !== "";
      t = diagnostic ? `${diag}\n${rest}` : rest.replace(INJECTED_RE, "");
    }
  }
  if (t.indexOf("<pr_description>") !== -1 || t.indexOf("issue") !== -1 || t.indexOf("<problem_statement>") !== -1) {
    const m = ISSUE_RE.exec(t);
    if (m) {
      t = (m[2] ?? m[3]).replace(ISSUE_LEAD_RE, "");
      issue = true;
    }
  }
  if (t.indexOf("task_progress") !== -1 || t.indexOf("TODO LIST UPDATE") !== -1) t = t.replace(FOCUS_CHAIN_RE, " ");
  if (t.indexOf("<") !== -1) {
    t = t.replace(TAG_RE, " ").replace(COMMAND_NAME_RE, " $1 ").replace(TASK_TAG_RE, " ");
  }
  t = t.trim();
  // opencode / kilo send the prompt JSON-quoted: "\"Plan how…\""
  if (t.length >= 2 && t.charCodeAt(0) === 34 && t.charCodeAt(t.length - 1) === 34) {
    try {
      const v = JSON.parse(t);
      if (typeof v === "string") t = v.trim();
    } catch {
      t = t.slice(1, -1).trim();
    }
  }
  if (COPILOT_PLAN_RE.test(t)) {
    mode = "plan";
    t = t.replace(COPILOT_PLAN_RE, "");
  }
  if (AGENTS_MD_RE.test(t)) return { text: "", mode, commandOnly: true, runCommand: null };
  let runCommand: string | null = null;
  let commandOnly = false;
  if (t.charCodeAt(0) === 47 /* / */) {
    const m = AIDER_MODE_RE.exec(t);
    if (m) {
      if (m[1] === "ask" || m[1] === "architect" || m[1] === "code") mode = m[1];
      t = t.slice(m[0].length);
      if (!t) commandOnly = true;
    } else {
      const c = AIDER_CMD_RE.exec(t);
      if (c) {
        commandOnly = true;
        if (c[1] === "run" || c[1] === "test") runCommand = t.slice(c[0].length).trim();
        else {
          // "/add file\nand then a real request" keeps the request part.
          const nl = t.indexOf("\n");
          if (nl > 0) {
            t = t.slice(nl + 1).trim();
            commandOnly = t.length === 0;
          }
        }
      } else {
        // Another client's custom command ("/add-tests", "/pr-readiness-check"): its name says what it asks for.
        const k = CUSTOM_COMMAND_RE.exec(t);
        if (k) t = `${k[1].replace(/[-_]+/g, " ")}${t.slice(k[0].length)}`;
      }
    }
  }
  return { text: t, mode, commandOnly, runCommand, issue, diagnostic };
}

/** Words that only tell the agent to carry on, any number of them: "ok", "ok sure", "yes go ahead", "好的，改吧". */
const CONTINUE_WORD = String.raw`(?:ok(?:ay|ey)?|o+kay|k|yes|yep|yeah|y|sure|continue|go(?: on| ahead)?|proceed|do it|please do|sounds good|lgtm|looks good|great|perfect|thanks?|thank you|cool|nice|next|keep going|carry on|resume|done|approved?|agreed|right|correct|fine|alright|all right|sounds fine|fine by me|cont\.?|yes,? (?:all|both) of them|all of them|(?:yes,? )?(?:add|do|fix) (?:them|those|it)|👍|sí|si|sigue|seguí|continúa|continua|dale|adelante|vale|weiter|mach weiter|ja|genau|oui|vas-y|continuez|d'accord|sim|pode seguir|prossiga|continue|да|давай|продолжай|продолжи|ок|ага|続けて|はい|お願いします|继续|好的|好|可以|行|对|pode fazer|pode ir|bora|faz isso|\?+|gracias|merci|danke|спасибо|obrigad[oa]|谢谢|ありがとう|thx|ty|改吧|改|go|then|please|pls|plz|do those|do that|sure thing|of course|why not|ya|yah|yup|try again|again|retry|write it|ship it|お任せします|おまかせします|任せます|think(?: (?:harder|more|deeper|again|about it))?|ultrathink)`;
const CONTINUATION_RE = new RegExp(`^${CONTINUE_WORD}(?:[\\s,.!，。！、]+${CONTINUE_WORD})*[\\s.!。！]*$`, "i");

/** "go ahead and implement this", "okey lets do this", "yes, go ahead and do so": agreement to the proposal in view. */
const AGREE_RE =
  /^(?:(?:ok(?:ay|ey)?|o+kay|yes|yeah|yep|sure|great|perfect|good|alright|cool|nice|thanks|right)[\s,.!]+)*(?:(?:please|then|now|so)\s+)?(?:(?:let'?s|lets|go ahead(?: and)?|please|you can|pls|plz|now)\s+)*(?:do|implement|apply|make|try|proceed with|go with|go for|execute|run with)\s+(?:it|this|that|these|those|them|so|the (?:plan|changes|suggestions?|fix(?:es)?)|these (?:fixes|changes|suggestions)|those (?:fixes|changes|suggestions)|this (?:fix|change|plan)|that (?:fix|change|plan))(?:[\s,.!]+(?:then|now|please|thanks))*[\s.!]*$/i;

const TERMINAL_REF_RE = /^\s*@\S*terminals[\\/]\d+\.txt(?::\d+(?:-\d+)?)?\s*$/;
const PASTE_START_RE = /^\s*(?:[[{<]|```|Traceback|\$ |> )/;
/** The characters that make pasted output (`"{}[]<>=:;|\`), by code. */
const PASTE_CHAR = new Uint8Array(128);
for (const ch of '"{}[]<>=:;|\\') PASTE_CHAR[ch.charCodeAt(0)] = 1;
const PASTE_LEAD_RE =
  /^(?:here(?:'s| is| are)|this is|these are|i (?:got|get|see)) (?:some |the |my |what i (?:got|get|see)|a )?(?:data|output|logs?|results?|telemetry|values|numbers|readings|console output|response)?\b[^\n?]{0,150}?:\s*/i;

/**
 * Output pasted without an instruction (a JSON record, a log, a listing): the developer is showing what happened,
 * and the ask is in the words before it.
 */
export function isPasteOnly(text: string): boolean {
  // Cursor's reference to lines of a terminal ("@…/terminals/1.txt:406-410") is output shown without words.
  if (TERMINAL_REF_RE.test(text)) return true;
  if (text.length < 40) return false;
  // "Here is some data after driving for a while: vx:0.13, …" introduces the paste without asking anything.
  const lead = PASTE_LEAD_RE.exec(text);
  const body = lead ? text.slice(lead[0].length) : text;
  if (body.length < 40) return false;
  if (!lead && !PASTE_START_RE.test(text)) return mostlyMachineLines(text);
  const head = body.length > 600 ? body.slice(0, 600) : body;
  if (countPasteChars(head) > head.length * 0.04) return true;
  // Announced data may be mostly numbers (readings, timings) rather than punctuation.
  return lead !== null && countDigits(head) > head.length * 0.15;
}

/** How many characters of `s` are in PASTE_CHARS (`s.match(/["{}[\]<>=:;|\\]/g)?.length ?? 0`, without the array). */
function countPasteChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && PASTE_CHAR[c] === 1) n++;
  }
  return n;
}

/** How many ASCII digits `s` holds (`s.match(/\d/g)?.length ?? 0`). */
function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** A line a program wrote: a log level, a timestamp, a path or URL, a stack frame, a prompt, an error name. */
const MACHINE_LINE_RE =
  /^\s*(?:\[[\w .:-]{1,20}\]|\d{2,4}[-/.:]\d\d|[A-Z][A-Z_]{3,}\b|at [\w.$<>]+|[/~.]?[\w.-]*\/[\w./-]|[A-Za-z]:\\|[\w.-]+\.\w{1,5}:\d+|https?:\/\/|[$>#] |\w*(?:Error|Exception)\b|(?:npm|yarn|pnpm|pip|cargo|go|docker|nginx|kubectl)\b[: ]|(?:GET|POST|PUT|DELETE|PATCH|HTTP)\b|\.{3}$|[-=*~]{4,})/;
const MACHINE_SCAN = 30;

/**
 * A paste that starts mid-output ("O]\n[INFO] BUILD FAILURE…", a browser console, docker logs after a line of
 * context): most of its first lines were written by a program, not by the developer.
 */
function mostlyMachineLines(text: string): boolean {
  let lines = 0;
  let machine = 0;
  let start = 0;
  while (start < text.length && lines < MACHINE_SCAN) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end - start > 1) {
      lines++;
      if (MACHINE_LINE_RE.test(text.slice(start, Math.min(end, start + 200)))) machine++;
    }
    start = end + 1;
  }
  return lines >= 4 && machine >= lines * 0.6;
}

/** "there was a timeout error in the chat, please contine": a remark about the session, then "carry on". */
const CONTINUE_TAIL_RE =
  /^[^?\n]{0,80}[,.;!]\s*(?:so |now |then )?(?:please |pls |just )?(?:continue|contine|continue where you left off|go on|carry on|keep going|resume|proceed)[\s.!]*$/i;

/**
 * "also add one for the locale prop", "now do the same for admin_handlers.go", "next file: money.ts", "cover the dlq
 * too": more of the work in progress, whatever their own verbs say.
 */
const FOLLOW_UP_RE =
  /^(?:no\b[,.!—–-]*\s*(?:not (?:that|this|those|the)\b|also\b|the one\b)|(?:make it |a bit |much )?(?:shorter|longer|simpler|more concise|less formal|more formal)\b|keep it (?:short|brief|concise|simple)\b|\d+ bullets? max\b)|^(?:(?:ok(?:ay)?|nice|great|good|yes|yep|cool|perfect|thanks|lgtm)[,.!]*\s+)*(?:(?:now|also|then|and|just)\s+)*(?:(?:do|apply) the same (?:for|with|in|to)\b|same (?:for|with|in)\b|(?:add|write|do|make|create) (?:one|another|more|the same)\b|next(?: file| one| up| module| package)?:|(?:do|get|cover|handle|fix|update|convert|migrate) (?:those|these|them|the rest|the others)(?: too| as well)?\b)|\b(?:too|as well)(?=[,.!]|\s+with\b|$)|\b(?:now|then|and) (?:do )?the same (?:for|with|in)\b|^(?:ok,? |and )?(?:et pour|and for|what about the|y para|und für|а для)\b|^(?:mach weiter|weiter|continue|sigue|continua|продолжай|继续)\b[\s,，]+\S|\b(?:yes|ok)(?: please)?,? keep it (?:short|brief)|^(?:(?:ok(?:ay)?|nice|great|good|yes|yep|cool|perfect|thanks)[,.!]*\s+)*(?:also|and|plus) (?:one|another) (?:for|with|where|that)\b|\b(?:detail|elaborate on|expand on|go deeper (?:on|into)|more detail (?:on|about))\b|^(?:sí|si|yes|ok|ja|da)[,.]? (?:detalla|elabora|explica|erkläre|detail)|^(?:keep going|continue|go on) (?:w\/|with)\b|^(?:(?:ok(?:ay)?|maybe|then|now|so|hmm)[,.]?\s+)?(?:try|let'?s try) (?:setting|using|adding|changing|removing|running|again|it (?:with|without)|the other|another)\b|^(?:but |no,? )?you (?:didn'?t|did not|forgot to|haven'?t|have not|missed) (?:\w+ )?(?:update|add|change|commit|include|run|fix|remove|write|do|finish)\b|^did you (?:also )?(?:update|add|change|commit|include|run|fix|remove|write)\b|\b(?:do it|do that|just do it) yourself\b|\bdon'?t (?:ask me|tell me what to do)\b/i;

export function isFollowUp(text: string): boolean {
  return text.length < 120 && FOLLOW_UP_RE.test(text.trim());
}

/** VS Code Copilot's buttons: `@agent Continue: "Continue to iterate?"`, `@agent Try Again`. */
const COPILOT_CONTINUE_RE = /^@agent (?:continue|try again|retry)\b/i;

/** "ok", "continue", "go ahead", "yes do it" … a message that only tells the agent to carry on. */
export function isContinuation(text: string): boolean {
  if (text.length > 100) return false;
  const t = text.trim();
  return (
    (t.length <= 60 && (CONTINUATION_RE.test(t) || AGREE_RE.test(t))) ||
    CONTINUE_TAIL_RE.test(t) ||
    COPILOT_CONTINUE_RE.test(t)
  );
}
