/**
 * Reads the conversation tail into what the phase layers need: the developer's latest own words, the words
 * before them (the work in progress), and the tool traffic since.
 */
import { commandFromArgs, commandFromResult, isRunTool } from "./shell.js";
import { isContinuation, isFollowUp, isPasteOnly, type Stripped, stripUserText } from "./strip.js";
import type { RequestView, ToolCall, Turn } from "./view.js";

export interface History {
  /** The developer's most recent own words, wrappers stripped ("" if none in the tail). */
  human: string;
  /** Mode prefix found in the user's words (aider /ask, /architect, copilot [[PLAN]]). */
  humanMode: string | null;
  /** The last turn is that human message (nothing from tools after it). */
  humanIsLast: boolean;
  continuation: boolean;
  /** The words ask for more of the work in progress ("also add one for X", "now do the same for Y"). */
  followUp: boolean;
  /** The words are pasted output with no instruction of their own (see `isPasteOnly`). */
  pasted: boolean;
  /** The words are an issue report wrapped by a harness (SWE-agent, OpenHands…). */
  issue: boolean;
  /** The words are an editor diagnostic from a quick-fix prompt (see `Stripped.diagnostic`). */
  diagnostic: boolean;
  /** Earlier human words (the work in progress), up to two messages, newest first, joined. */
  prev: string;
  /** Turns after the last human message. */
  turnsSinceHuman: number;
  /** Text of the last assistant turn (head). */
  assistant: string;
  /** Assistant narration since the developer's last words, newest first (heads, bounded). */
  narration: string;
  /** Tool results after the last human message, newest first (at most 3). */
  toolResults: string[];
  /** Tool calls after the last human message (or the last 12 in the tail when none), oldest first. */
  toolCalls: ToolCall[];
  lastIsToolResult: boolean;
  /** aider `/run` command given by the user after their last words. */
  runCommand: string | null;
  /**
   * Files the agent wrote since the developer's last words, read from where agents name them: tool-call
   * arguments, tool results ("The file X has been updated", Cline's "[write_to_file for 'X']") and transcript
   * markers in the narration ("[tool call: Edit X]").
   */
  editPaths: string[];
  /**
   * Shell commands run since the developer's last words, newest first: read from the run calls' arguments, or
   * (when transcripts dropped those) from the heads of the tool results — whichever names more.
   */
  commands: string[];
}

const EDIT_MARK_RE =
  /\[tool call: (?:Edit|MultiEdit|Write|write_to_file|replace_in_file|edit_file|apply_diff|insert_content|search_replace|create_file)\b:? ?([^\]\n]{1,160})\]/g;
const EDIT_RESULT_RE =
  /^(?:The file (\S+) has been (?:updated|created)|File created successfully at: (\S+)|\[(?:write_to_file|replace_in_file|apply_diff|insert_content|edit_file|search_replace) for '([^']+)'\])/;
const MAX_PATHS = 12;
/** Cline's `<feedback>` on a refused tool call; Claude Code's "To tell you how to proceed, the user said:". */
const FEEDBACK_RE = /<feedback>\s*([\s\S]*?)\s*<\/feedback>|To tell you how to proceed, the user said:\s*([\s\S]+)$/;

function feedback(result: string): Stripped | null {
  if (result.indexOf("<feedback>") === -1 && result.indexOf("the user said:") === -1) return null;
  const m = FEEDBACK_RE.exec(result);
  const s = m ? stripUserText((m[1] ?? m[2]).slice(0, 2000)) : null;
  return s?.text ? s : null;
}
const MAX_COMMANDS = 12;

function pushMarks(text: string, out: string[]): void {
  if (text.indexOf("[tool call: ") === -1) return;
  EDIT_MARK_RE.lastIndex = 0;
  for (let m = EDIT_MARK_RE.exec(text); m && out.length < MAX_PATHS; m = EDIT_MARK_RE.exec(text)) out.push(m[1]);
}

const ASSISTANT_HEAD = 600;
const NARRATION_MAX = 1200;

interface UserWords {
  /** Stripped texts that carry words, newest first. */
  texts: Stripped[];
  /** aider `/run` command, when a block is one. */
  run: string | null;
}

/**
 * The words of a user turn. A client that merged several messages into one turn (Anthropic and Gemini need
 * alternating roles) keeps them as blocks, read newest first as the messages they were.
 */
function userWords(t: Turn): UserWords {
  const out: UserWords = { texts: [], run: null };
  const parts = t.parts ?? (t.text ? [t.text] : []);
  for (let j = parts.length - 1; j >= 0; j--) {
    const s = stripUserText(parts[j]);
    if (s && !s.commandOnly && s.text) out.texts.push(s);
    else if (s?.runCommand != null && out.run === null) out.run = s.runCommand;
  }
  return out;
}

export function readHistory(v: RequestView): History {
  const h: History = {
    human: "",
    humanMode: null,
    humanIsLast: false,
    continuation: false,
    followUp: false,
    pasted: false,
    issue: false,
    diagnostic: false,
    prev: "",
    turnsSinceHuman: 0,
    assistant: "",
    narration: "",
    toolResults: [],
    toolCalls: [],
    lastIsToolResult: false,
    runCommand: null,
    editPaths: [],
    commands: [],
  };
  const argCommands: string[] = [];
  const turns = v.turns;
  let humanFound = false;
  let prevCount = 0;
  let lastIndex = -1;
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i];
    if (t.role === "system") continue;
    if (lastIndex === -1) {
      lastIndex = i;
      h.lastIsToolResult = t.role === "tool" || t.toolResults.length > 0;
    }
    if (t.role === "assistant") {
      if (!h.assistant && t.text)
        h.assistant = t.text.length > ASSISTANT_HEAD ? t.text.slice(0, ASSISTANT_HEAD) : t.text;
      if (!humanFound && t.text && h.narration.length < NARRATION_MAX) h.narration += `${t.text.slice(0, 240)}\n`;
      if (!humanFound && t.text) pushMarks(t.text, h.editPaths);
      if (!humanFound && t.toolCalls.length)
        for (let k = t.toolCalls.length - 1; k >= 0 && h.toolCalls.length < 12; k--) {
          h.toolCalls.unshift(t.toolCalls[k]);
          const cmd = isRunTool(t.toolCalls[k].name) ? commandFromArgs(t.toolCalls[k].args) : null;
          if (cmd) argCommands.push(cmd);
        }
      if (!humanFound) h.turnsSinceHuman++;
      continue;
    }
    // A user turn's own words come after the tool results it carries (Anthropic puts tool_result blocks first; a
    // client that merged aider's "I ran this command" message with the question keeps that order).
    let words = t.role === "user" ? userWords(t) : null;
    const spoke = words !== null && words.texts.length > 0;
    if (spoke && i === lastIndex && !t.resultsLast) h.lastIsToolResult = false;
    if (t.toolResults.length && !humanFound && (!spoke || t.resultsLast)) {
      if (spoke) h.turnsSinceHuman++; // the output arrived after the words, as its own message would have
      for (let k = t.toolResults.length - 1; k >= 0 && h.toolResults.length < 3; k--)
        h.toolResults.push(t.toolResults[k]);
      for (let k = t.toolResults.length - 1; k >= 0; k--) {
        const r = t.toolResults[k];
        const m = h.editPaths.length < MAX_PATHS ? EDIT_RESULT_RE.exec(r) : null;
        if (m) h.editPaths.push(m[1] ?? m[2] ?? m[3]);
        const cmd = h.commands.length < MAX_COMMANDS ? commandFromResult(r) : null;
        if (cmd) h.commands.push(cmd);
      }
    }
    if (!humanFound && !spoke && t.toolResults.length) {
      // A refused tool call with the developer's reason ("Um, the second parameter is the model name") is their
      // newest words, carried inside the result.
      const said = feedback(t.toolResults[t.toolResults.length - 1]);
      if (said) {
        words = { texts: [said], run: null };
        if (h.turnsSinceHuman === 0) h.lastIsToolResult = false;
      }
    }
    if (!words) {
      if (!humanFound) h.turnsSinceHuman++;
      continue;
    }
    // Newest first: the first words found are the developer's latest, the next ones the work in progress.
    for (const s of words.texts) {
      if (!humanFound) {
        humanFound = true;
        h.human = s.text;
        h.humanMode = s.mode;
        h.humanIsLast = h.turnsSinceHuman === 0;
        h.continuation = isContinuation(s.text);
        h.followUp = !h.continuation && isFollowUp(s.text);
        h.pasted = isPasteOnly(s.text);
        h.issue = s.issue === true;
        h.diagnostic = s.diagnostic === true;
      } else if (prevCount < 2) {
        h.prev = h.prev ? `${h.prev}\n${s.text.slice(0, 800)}` : s.text.slice(0, 800);
        prevCount++;
      }
    }
    if (prevCount >= 2) break;
    if (words.texts.length) continue;
    if (words.run !== null && !humanFound && h.runCommand === null) h.runCommand = words.run;
    else if (!humanFound) h.turnsSinceHuman++;
  }
  if (argCommands.length > h.commands.length) h.commands = argCommands;
  return h;
}
