/**
 * A one-pass prefilter for a table of regexes. At startup each regex's source is read into sets of literal strings
 * such that every string the regex matches contains one of them ("required literals", as in Russ Cox's trigram
 * index: exact sets for small alternations, classes and concatenations, alternation = union, optional and
 * zero-width parts contribute nothing), one set per top-level alternative and per spelling of its first group
 * (`distribute`). At run time one Aho–Corasick pass over a text says which of these can match at all; only those
 * run. An alternative without a useful set, or a regex with syntax this reader does not know, always runs. Sound by
 * construction: every guess errs towards "may match", so the answers are those of running every regex
 * (test/classify/prefilter.test.ts checks it on every eval text).
 *
 * The reader is purpose-built rather than a full parser: @eslint-community/regexpp parses the rule table in
 * 40–85 ms cold, this reader and the automaton build in about 25 ms together.
 */

/** Largest exact-string set kept while expanding alternations, classes, repeats and concatenations. */
const MAX_SET = 64;
/** Largest character class expanded into single characters. */
const MAX_CLASS = 10;

/** Strings plus their estimated cost: the chance that a given text position starts one of them. */
interface Lits {
  strs: string[];
  cost: number;
}

/**
 * What a piece of regex can match: `exact`, every string it matches (null: too many or unbounded); `req`, strings
 * one of which every match contains (null: none known).
 */
interface Info {
  exact: Lits | null;
  req: Lits | null;
}

const EMPTY_STRING: Lits = { strs: [""], cost: 1 };
/** The set of no strings (what an alternation starts from). */
const EMPTY_NONE: Lits = { strs: [], cost: 0 };
const EMPTY: Info = { exact: EMPTY_STRING, req: null };
const UNKNOWN: Info = { exact: null, req: null };

/**
 * Rough frequency of a character in prose (English letter frequencies, the space, the rest rare): of the sets a
 * regex proves, the prefilter keeps the one least often found in text.
 */
const FREQ = new Float64Array(128).fill(0.01);
FREQ[32] = 0.18;
for (const [i, ch] of [..."etaoinshrdlcumwfgypbvkjxqz"].entries()) {
  const f = 0.1 / (1 + i / 3);
  FREQ[ch.charCodeAt(0)] = f;
  FREQ[ch.charCodeAt(0) - 32] = f / 10;
}

function strCost(s: string): number {
  let p = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    p *= c < 128 ? FREQ[c] : 0.002;
  }
  return p;
}

function lits(strs: string[]): Lits {
  let cost = 0;
  for (const s of strs) cost += strCost(s);
  return { strs, cost };
}

function cross(a: Lits, b: Lits): Lits | null {
  if (a.strs.length * b.strs.length > MAX_SET) return null;
  const strs: string[] = [];
  for (const x of a.strs) for (const y of b.strs) strs.push(x + y);
  return { strs, cost: a.cost * b.cost };
}

function union(a: Lits, b: Lits, max: number): Lits | null {
  if (a.strs.length + b.strs.length > max) return null;
  return { strs: a.strs.concat(b.strs), cost: a.cost + b.cost };
}

/** A set is worth scanning for only when it is rarer than this (≈ one hit per 50 characters of prose). */
const MAX_COST = 0.02;

/** The set as a requirement: none if it holds the empty string or would be found nearly everywhere. */
function usable(s: Lits | null): Lits | null {
  if (!s || s.cost > MAX_COST || s.strs.includes("")) return null;
  return s;
}

function better(a: Lits | null, b: Lits | null): Lits | null {
  if (!a) return b;
  if (!b) return a;
  return b.cost < a.cost ? b : a;
}

/** Drops duplicates and members that contain another member (a text holding the longer holds the shorter). */
function minimal(strs: string[]): string[] {
  const byLength = [...new Set(strs)].sort((x, y) => x.length - y.length || (x < y ? -1 : 1));
  const out: string[] = [];
  for (const x of byLength) if (!out.some((y) => x.includes(y))) out.push(x);
  return out.sort();
}

/** Characters with no special meaning outside a class (`{`, `}` and `]` take the careful path). */
const PLAIN_RUN = /[^\\[\](){}|.*+?^$]+/y;

/** Regex syntax outside the subset read here: the regex always runs. */
class Unsupported extends Error {}

/** Recursive descent over `RegExp.source`, computing `Info` bottom-up without building a tree. */
class Reader {
  private i = 0;

  constructor(
    private readonly src: string,
    /** `i` flag: letters are compared lower-cased (the text scanned must then be lower-case). */
    private readonly fold: boolean,
    private readonly unicode: boolean,
  ) {}

  /** The top-level alternatives: source span and what each can match. */
  top(): { start: number; end: number; info: Info }[] {
    const out: { start: number; end: number; info: Info }[] = [];
    for (;;) {
      const start = this.i;
      const info = this.alternative();
      out.push({ start, end: this.i, info });
      if (this.peek() !== 124 /* | */) break;
      this.i++;
    }
    if (this.i !== this.src.length) throw new Unsupported("unbalanced )");
    return out;
  }

  private peek(k = 0): number {
    return this.i + k < this.src.length ? this.src.charCodeAt(this.i + k) : -1;
  }

  /** Alternation: exact sets unite (while small); the requirement is the union of every alternative's best. */
  private disjunction(): Info {
    let exact: string[] | null = [];
    let exactCost = 0;
    let req: string[] | null = [];
    let reqCost = 0;
    for (let first = true; first || this.peek() === 124 /* | */; first = false) {
      if (!first) this.i++;
      const alt = this.alternative();
      if (exact && alt.exact && exact.length + alt.exact.strs.length <= MAX_SET) {
        for (const x of alt.exact.strs) exact.push(x);
        exactCost += alt.exact.cost;
      } else exact = null;
      const r = best(alt);
      if (req && r) {
        for (const x of r.strs) req.push(x);
        reqCost += r.cost;
      } else req = null;
    }
    const e = exact && { strs: exact, cost: exactCost };
    return { exact: e, req: better(usable(req && { strs: req, cost: reqCost }), usable(e)) };
  }

  private alternative(): Info {
    const items: Info[] = [];
    for (;;) {
      const c = this.peek();
      if (c === -1 || c === 124 /* | */ || c === 41 /* ) */) break;
      const it = this.plainRun() ?? this.quantified();
      // Runs of single strings (plain characters, assertions) become one string before any cross product.
      const last = items[items.length - 1];
      if (last?.exact?.strs.length === 1 && it.exact?.strs.length === 1 && !last.req && !it.req)
        items[items.length - 1] = { exact: lits([last.exact.strs[0] + it.exact.strs[0]]), req: null };
      else items.push(it);
    }
    return concat(items);
  }

  /**
   * A run of plain characters read in one step (most of a keyword regex's source), less its last character when a
   * quantifier follows; null when there is none or case folding needs the character-by-character path.
   */
  private plainRun(): Info | null {
    PLAIN_RUN.lastIndex = this.i;
    const m = PLAIN_RUN.exec(this.src);
    if (!m) return null;
    let run = m[0];
    const next = this.src.charCodeAt(this.i + run.length);
    if (next === 42 || next === 43 || next === 63 || next === 123 /* * + ? { */) {
      const last = run.charCodeAt(run.length - 1);
      const pair = this.unicode && last >= 0xdc00 && last <= 0xdfff && run.length >= 2;
      run = run.slice(0, run.length - (pair ? 2 : 1));
    }
    if (!run) return null;
    if (this.fold) {
      if (NON_ASCII.test(run) || (this.unicode && /[ks]/i.test(run))) return null;
      this.i += run.length;
      return { exact: lits([run.toLowerCase()]), req: null };
    }
    this.i += run.length;
    return { exact: lits([run]), req: null };
  }

  private quantified(): Info {
    const atom = this.atom();
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === 42 /* * */) [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === 43 /* + */) [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === 63 /* ? */) [min, max] = [0, 1];
    else if (c === 123 /* { */) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
      if (!m) {
        if (this.unicode) throw new Unsupported("{");
        return atom; // a literal "{" follows (Annex B)
      }
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === 63 /* ? lazy */) this.i++;
    return repeat(atom, min, max);
  }

  private char(cp: number): Info {
    let s = String.fromCodePoint(cp);
    if (this.fold) {
      if (cp >= 0x80) return UNKNOWN; // non-ASCII case pairs (σ/ς, µ/μ, K/k) are not enumerated
      s = s.toLowerCase();
      if (this.unicode && (s === "k" || s === "s")) return UNKNOWN; // Kelvin sign, long s
    }
    const l = lits([s]);
    return { exact: l, req: null };
  }

  private atom(): Info {
    const c = this.peek();
    this.i++;
    switch (c) {
      case 94: // ^
      case 36: // $
        return EMPTY;
      case 46: // .
        return UNKNOWN;
      case 92: // \
        return this.escape(false);
      case 91: // [
        return this.charClass();
      case 40: // (
        return this.group();
      case 42: // *
      case 43: // +
      case 63: // ?
        throw new Unsupported("quantifier without atom");
      default: {
        if (this.unicode && c >= 0xd800 && c <= 0xdbff) {
          const cp = this.src.codePointAt(this.i - 1) as number;
          if (cp > 0xffff) this.i++;
          return this.char(cp);
        }
        return this.char(c);
      }
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.peek() === 63 /* ? */) {
      const a = this.peek(1);
      const b = this.peek(2);
      if (a === 58 /* : */) this.i += 2;
      else if (a === 61 /* = */ || a === 33 /* ! */) {
        this.i += 2;
        lookaround = true;
      } else if (a === 60 /* < */ && (b === 61 || b === 33)) {
        this.i += 3;
        lookaround = true;
      } else if (a === 60 /* < named */) {
        const end = this.src.indexOf(">", this.i);
        if (end === -1) throw new Unsupported("group name");
        this.i = end + 1;
      } else throw new Unsupported("group modifiers"); // (?i:…) and the like
    }
    const inner = this.disjunction();
    if (this.peek() !== 41 /* ) */) throw new Unsupported("unclosed group");
    this.i++;
    // Lookarounds match no characters; what they demand is left out (sound, if weaker).
    return lookaround ? EMPTY : inner;
  }

  /** After a backslash. In a class, `\b` is a backspace and assertions do not occur. */
  private escape(inClass: boolean): Info {
    const c = this.peek();
    if (c === -1) throw new Unsupported("trailing \\");
    this.i++;
    const ch = String.fromCharCode(c);
    switch (ch) {
      case "b":
        return inClass ? this.char(8) : EMPTY;
      case "B":
        if (inClass) throw new Unsupported("\\B in class");
        return EMPTY;
      case "d":
        return { exact: lits([..."0123456789"]), req: null };
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return UNKNOWN;
      case "n":
        return this.char(10);
      case "t":
        return this.char(9);
      case "r":
        return this.char(13);
      case "f":
        return this.char(12);
      case "v":
        return this.char(11);
      case "0":
        if (this.peek() >= 48 && this.peek() <= 57) throw new Unsupported("octal escape");
        return this.char(0);
      case "x": {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i, this.i + 2));
        if (!m) throw new Unsupported("\\x");
        this.i += 2;
        return this.char(Number.parseInt(m[0], 16));
      }
      case "u": {
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i, this.i + 4));
        if (!m) throw new Unsupported("\\u");
        this.i += 4;
        const cp = Number.parseInt(m[0], 16);
        // A surrogate pair written as two escapes is one character in unicode mode: leave it to "unknown".
        if (cp >= 0xd800 && cp <= 0xdfff) return UNKNOWN;
        return this.char(cp);
      }
      default:
        // Back-references, \c, \k<…>, \p{…}: not read here.
        if (/[1-9ckpPq]/.test(ch)) throw new Unsupported(`\\${ch}`);
        return this.char(c); // identity escape: \. \/ \- \( …
    }
  }

  private charClass(): Info {
    const negate = this.peek() === 94; /* ^ */
    if (negate) this.i++;
    if (this.peek() === 93 /* ] */) throw new Unsupported("empty class");
    const chars: string[] = [];
    let known = !negate;
    for (;;) {
      const c = this.peek();
      if (c === -1) throw new Unsupported("unclosed class");
      if (c === 93 /* ] */) {
        this.i++;
        break;
      }
      const lo = this.classAtom();
      if (this.peek() === 45 /* - */ && this.peek(1) !== 93 && this.peek(1) !== -1) {
        this.i++;
        const hi = this.classAtom();
        if (lo === null || hi === null) throw new Unsupported("class range with a set");
        if (hi - lo >= MAX_CLASS) known = false;
        else for (let v = lo; v <= hi && known; v++) known = this.addClassChar(chars, v);
      } else if (lo === null) known = false;
      else if (known) known = this.addClassChar(chars, lo);
      if (chars.length > MAX_CLASS) known = false;
    }
    return known ? { exact: lits(chars), req: null } : UNKNOWN;
  }

  private addClassChar(chars: string[], cp: number): boolean {
    const info = this.char(cp);
    if (!info.exact) return false;
    chars.push(info.exact.strs[0]);
    return true;
  }

  /** One class member's code point, or null for a set escape (\d \w \s …). */
  private classAtom(): number | null {
    const c = this.peek();
    this.i++;
    if (c !== 92 /* \ */) {
      if (this.unicode && c >= 0xd800 && c <= 0xdbff) {
        const cp = this.src.codePointAt(this.i - 1) as number;
        if (cp > 0xffff) this.i++;
        return cp;
      }
      return c;
    }
    const e = this.peek();
    if (e === 45 /* \- */) {
      this.i++;
      return 45;
    }
    if (e === 98 /* \b */) {
      this.i++;
      return 8;
    }
    const info = this.escape(true);
    if (info.exact?.strs.length !== 1) return null;
    return info.exact.strs[0].codePointAt(0) as number;
  }
}

function concat(items: Info[]): Info {
  // One pass: extend a run of exact items while the cross product stays small; every run and every item's own
  // requirement is a candidate, and the rarest wins.
  let req: Lits | null = null;
  let whole: Lits | null = EMPTY_STRING;
  let run: Lits = EMPTY_STRING;
  for (const it of items) {
    req = better(req, it.req);
    whole = whole && it.exact ? cross(whole, it.exact) : null;
    const next = it.exact ? cross(run, it.exact) : null;
    if (next) {
      run = next;
      continue;
    }
    req = better(req, usable(run));
    run = it.exact ?? EMPTY_STRING;
  }
  req = better(req, usable(run));
  return { exact: whole, req };
}

function repeat(atom: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  let exact: Lits | null = null;
  if (atom.exact && Number.isFinite(max)) {
    exact = min === 0 ? EMPTY_STRING : EMPTY_NONE;
    let power: Lits | null = EMPTY_STRING;
    for (let n = 1; n <= max && power && exact; n++) {
      power = cross(power, atom.exact);
      if (!power) exact = null;
      else if (n >= min) exact = union(exact, power, MAX_SET);
    }
  }
  // At least one repetition: every match contains a match of the atom.
  const req = min >= 1 ? better(atom.req, usable(atom.exact)) : null;
  return { exact, req: better(req, usable(exact)) };
}

/** Best requirement of a whole alternative/disjunction: its own, or its exact set. */
function best(info: Info): Lits | null {
  return better(info.req, usable(info.exact));
}

/** A top-level alternative of a regex, and literals one of which each of its matches contains (null: none known). */
export interface Branch {
  source: string;
  literals: string[] | null;
}

/**
 * The top-level alternatives of `re` (`a|b|c`: the regex matches a text iff one of them does) with their required
 * literals, or null when the regex cannot be filtered: syntax outside the subset read here, a `g`/`y` flag (`test`
 * would keep state), or the `i` flag on text that is not lower-cased (`lowerCasedText`: the regex only ever runs
 * on lower-cased text; literals of an `i` regex are lower-cased).
 */
export function branches(re: RegExp, lowerCasedText: boolean): Branch[] | null {
  const f = re.flags;
  const fold = f.includes("i");
  if ((fold && !lowerCasedText) || f.includes("v") || f.includes("g") || f.includes("y")) return null;
  try {
    return new Reader(re.source, fold, f.includes("u")).top().map((alt) => {
      const req = best(alt.info);
      return { source: re.source.slice(alt.start, alt.end), literals: req ? [...new Set(req.strs)] : null };
    });
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * `branches`, each alternative split further by `distribute`: smaller regexes, each with literals of its own (what
 * only one part of a long alternation needs is looked for only by that part).
 */
export function unitsOf(re: RegExp, lowerCasedText: boolean): Branch[] | null {
  const bs = branches(re, lowerCasedText);
  if (!bs) return null;
  const fold = re.flags.includes("i");
  const unicode = re.flags.includes("u");
  const out: Branch[] = [];
  for (const b of bs) {
    const parts = distribute(b.source);
    if (parts.length === 1) out.push(b);
    else
      for (const source of parts) {
        const req = best(new Reader(source, fold, unicode).top()[0].info);
        out.push({ source, literals: req ? [...new Set(req.strs)] : null });
      }
  }
  return out;
}

/** Literal strings at least one of which occurs in every string `re` matches, or null (see `branches`). */
export function requiredLiterals(re: RegExp, lowerCasedText: boolean): string[] | null {
  const bs = branches(re, lowerCasedText);
  if (!bs || bs.some((b) => !b.literals)) return null;
  return minimal(bs.flatMap((b) => b.literals as string[]));
}

/** End of the class `[…]` opening at `i` (the index after its `]`), or -1. */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src.charCodeAt(j) === 94 /* ^ */) j++;
  if (src.charCodeAt(j) === 93 /* ] */) return j + 1; // "[]" or "[^]": leave those alone below
  for (; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === 92 /* \\ */) j++;
    else if (c === 93 /* ] */) return j + 1;
  }
  return -1;
}

/** Starts of the alternatives of the group whose `(` is at `i`, and the index after its `)`; null if unbalanced. */
function groupAlternatives(src: string, i: number, open: number): { starts: number[]; end: number } | null {
  const starts = [i + open];
  let depth = 0;
  for (let j = i + open; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === 92 /* \\ */) j++;
    else if (c === 91 /* [ */) {
      const e = classEnd(src, j);
      if (e === -1) return null;
      j = e - 1;
    } else if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) {
      if (depth === 0) return { starts, end: j + 1 };
      depth--;
    } else if (c === 124 /* | */ && depth === 0) starts.push(j + 1);
  }
  return null;
}

/** Class escapes a leading run may be made of (a one-character set each). */
const SET_ESCAPE = /[dDwWsS]/;

/**
 * Lookbehinds to insert where a match may begin with a repeated set `S*` or `S+` (at the start of `src`, or at the
 * start of an alternative of a leading, unquantified group): position → the set. A match starting at a run of S's
 * middle extends to one starting a character earlier (the repeat takes that character too), so for `test` only a
 * start that S does not precede need be tried: `(?<!S)` rejects the others in one step, where the regex engine would
 * otherwise re-run the repeat (and its backtracking) from every position of a long run — cubic in the run's length for
 * `[\w.-]*\d[\w.-]* not …` on a file name of digits.
 */
function runStarts(src: string, at: number, out: [number, string][]): void {
  const c = src.charCodeAt(at);
  let end = -1;
  if (c === 40 /* ( */) {
    const open = src.startsWith("(?:", at) ? 3 : src.charCodeAt(at + 1) === 63 /* ? */ ? -1 : 1;
    if (open === -1) return; // lookarounds and named groups: leave alone
    const g = groupAlternatives(src, at, open);
    if (!g || /^[*+?{]/.test(src.slice(g.end, g.end + 1))) return;
    for (const s of g.starts) runStarts(src, s, out);
    return;
  }
  if (c === 91 /* [ */) end = classEnd(src, at);
  else if (c === 92 /* \\ */ && SET_ESCAPE.test(src.charAt(at + 1))) end = at + 2;
  else if (c === 46 /* . */) end = at + 1;
  if (end === -1 || end - at < 1) return;
  const set = src.slice(at, end);
  if (set === "[]" || set === "[^]") return;
  const q = src.charCodeAt(end);
  if (q === 42 /* * */ || q === 43 /* + */) out.push([at, set]);
}

/** Most alternatives a group may have to be spelled out by `distribute`. */
const MAX_SPLIT = 256;

/**
 * One alternative of a regex (no `|` outside groups) as several: its first plain group with alternatives and no
 * quantifier spelled out, `\b(?:fix|debug)\b` → `\bfix\b`, `\bdebug\b` (a concatenation matches where one of its
 * spellings does). Each then needs only its own literals, and runs as a small regex. One level: spelling out the
 * groups inside too made 3,275 units of the rule table's 530 (1,503 with one level), and the dev set slower.
 * Named groups stay (a name may occur once).
 */
export function distribute(src: string): string[] {
  for (let j = 0; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === 92 /* \\ */) j++;
    else if (c === 91 /* [ */) {
      const e = classEnd(src, j);
      if (e === -1) return [src];
      j = e - 1;
    } else if (c === 40 /* ( */) {
      const g = groupAlternatives(src, j, groupOpen(src, j));
      if (!g) return [src];
      const n = g.starts.length;
      const plain = src.startsWith("(?:", j) || src.charCodeAt(j + 1) !== 63; /* ? */
      if (plain && n > 1 && n <= MAX_SPLIT && !/^[*+?{]/.test(src.charAt(g.end))) {
        const pre = src.slice(0, j);
        const post = src.slice(g.end);
        return g.starts.map((at, k) => pre + src.slice(at, (k + 1 < n ? g.starts[k + 1] : g.end) - 1) + post);
      }
      j = g.end - 1;
    }
  }
  return [src];
}

/** Length of the opening of the group at `j`: `(`, `(?:`, `(?=`, `(?<!`, `(?<name>`. */
function groupOpen(src: string, j: number): number {
  if (src.charCodeAt(j + 1) !== 63 /* ? */) return 1;
  if (src.charCodeAt(j + 2) !== 60 /* < */) return 3;
  const d = src.charCodeAt(j + 3);
  return d === 61 || d === 33 /* = ! */ ? 4 : src.indexOf(">", j) + 1 - j;
}

/** `src` with `(?<!S)` before each leading `S*` / `S+` (see `runStarts`): the same answers from `test`, found sooner. */
export function guardRuns(src: string): string {
  const out: [number, string][] = [];
  // The top-level alternatives are where a match begins, as if the source were one leading group.
  const top = groupAlternatives(`${src})`, -1, 1);
  if (!top || top.end !== src.length + 1) return src;
  for (const s of top.starts) runStarts(src, s, out);
  let s = src;
  for (let k = out.length - 1; k >= 0; k--) s = `${s.slice(0, out[k][0])}(?<!${out[k][1]})${s.slice(out[k][0])}`;
  return s;
}

/** The regex for `source` (all of `re` or one of its alternatives) with `re`'s flags, its runs guarded (see `guardRuns`). */
function guarded(re: RegExp, source: string): RegExp {
  if (re.global || re.sticky) return source === re.source ? re : new RegExp(source, re.flags);
  const g = guardRuns(source);
  return g === re.source ? re : new RegExp(g, re.flags);
}

/** Most states an automaton may have (its transitions are 16-bit). */
const STATE = 0xffff;

/** A trie over character classes, as linked lists in typed arrays, with the literals (entry indices) ending at each state. */
interface Trie {
  n: number;
  firstKid: Int32Array;
  sibling: Int32Array;
  label: Int32Array;
  ownHead: Int32Array;
  ownNext: Int32Array;
}

/**
 * Inserts the literals shortest first: one that extends a literal already in for the same pattern adds nothing
 * ("fix", "fixes"). (Each build step is its own function: V8 optimises each loop once, mid-run, at startup.)
 */
function buildTrie(entries: Entry[], cls: Uint16Array): Trie {
  let chars = 0;
  for (const e of entries) chars += e.literal.length;
  const max = chars + 1;
  const t: Trie = {
    n: 1,
    firstKid: new Int32Array(max),
    sibling: new Int32Array(max),
    label: new Int32Array(max),
    ownHead: new Int32Array(max).fill(-1),
    ownNext: new Int32Array(entries.length),
  };
  // Shortest first (a counting sort by length).
  const byLength: number[][] = [];
  entries.forEach((e, i) => {
    const bucket = byLength[e.literal.length] ?? [];
    bucket.push(i);
    byLength[e.literal.length] = bucket;
  });
  for (const bucket of byLength) if (bucket) for (const idx of bucket) insert(t, entries, idx, cls);
  return t;
}

function insert(t: Trie, entries: Entry[], idx: number, cls: Uint16Array): void {
  const { literal, pattern } = entries[idx];
  let s = 0;
  for (let i = 0; i < literal.length; i++) {
    const a = cls[literal.charCodeAt(i)];
    let k = t.firstKid[s];
    while (k !== 0 && t.label[k] !== a) k = t.sibling[k];
    if (k === 0) {
      k = t.n++;
      t.label[k] = a;
      t.sibling[k] = t.firstKid[s];
      t.firstKid[s] = k;
    }
    s = k;
    for (let o = t.ownHead[s]; o !== -1; o = t.ownNext[o]) if (entries[o].pattern === pattern) return;
  }
  t.ownNext[idx] = t.ownHead[s];
  t.ownHead[s] = idx;
}

/**
 * Aho–Corasick over UTF-16 code units, compiled to a dense DFA over the literals' own alphabet (every other code
 * unit is one class). A state where literals end carries the bit set of their patterns (regex units).
 */
class Scanner {
  private readonly cls = new Uint16Array(65536);
  private readonly delta: Uint16Array;
  /** Per state: where its patterns start in `ids`, and how many (those of its own literals and of its suffixes'). */
  private readonly outAt: Int32Array;
  private readonly outLen: Int32Array;
  private readonly ids: Int32Array;
  /**
   * States with patterns are numbered from here on: the scan tells them by their number, without loading `outLen`
   * for every character (a second random access, into another array, per step).
   */
  private readonly firstOut: number;
  private readonly width: number;
  /** log2 of `width` (rows are padded to a power of two: a shift, not a multiply, in the scan's dependency chain). */
  private readonly shift: number;
  /** Length of the longest literal, less one (see `scanTwo`). */
  private readonly overlap: number;
  /** Code units to report when seen (`scan` returns whether any was). */
  readonly watch = new Uint8Array(65536);

  /** Throws a RangeError past `STATE` states (the caller then filters nothing). */
  constructor(entries: Entry[]) {
    let longest = 1;
    for (const e of entries) if (e.literal.length > longest) longest = e.literal.length;
    this.overlap = longest - 1;
    this.shift = 32 - Math.clz32(alphabet(entries, this.cls) - 1);
    this.width = 1 << this.shift;
    const trie = buildTrie(entries, this.cls);
    if (trie.n > STATE) throw new RangeError("too many states");
    const delta = new Uint16Array(trie.n * this.width);
    const outAt = new Int32Array(trie.n);
    const outLen = new Int32Array(trie.n);
    this.ids = buildDfa(trie, entries, this.width, delta, outAt, outLen);
    // Renumbered: states without patterns first (in breadth-first order, the root still 0), then those with.
    const order = new Int32Array(trie.n);
    let k = 0;
    for (let s = 0; s < trie.n; s++) if (outLen[s] === 0) order[s] = k++;
    this.firstOut = k;
    for (let s = 0; s < trie.n; s++) if (outLen[s] !== 0) order[s] = k++;
    this.delta = new Uint16Array(delta.length);
    this.outAt = new Int32Array(trie.n);
    this.outLen = new Int32Array(trie.n);
    renumber(order, this.width, delta, outAt, outLen, this.delta, this.outAt, this.outLen);
  }

  /** Sets in `may` the bit of every pattern with a literal in `text`; true if `text` holds a watched code unit. */
  scan(text: string, may: Uint32Array): boolean {
    const n = text.length;
    // Long texts are read as two halves at once (see `scanTwo`); the second starts early enough to see every
    // literal that ends in it.
    if (n >= 4 * this.overlap + 256) return this.scanFour(text, may);
    if (n >= 2 * this.overlap + 64) return this.scanTwo(text, may);
    return this.scanRange(text, 0, n, may);
  }

  /** `scanTwo` with four walks: ranges of `len` characters starting `len - overlap` apart, the last running to the end. */
  private scanFour(text: string, may: Uint32Array): boolean {
    const { cls, delta, outAt, outLen, ids, shift, watch, firstOut } = this;
    const n = text.length;
    const ov = this.overlap;
    const len = Math.ceil((n + 3 * ov) / 4);
    const step = len - ov;
    const o1 = step;
    const o2 = 2 * step;
    const o3 = 3 * step;
    let seen = 0;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const end3 = Math.min(len, n - o3);
    for (let i = 0; i < end3; i++) {
      const c0 = text.charCodeAt(i);
      const c1 = text.charCodeAt(o1 + i);
      const c2 = text.charCodeAt(o2 + i);
      const c3 = text.charCodeAt(o3 + i);
      if ((c0 | c1 | c2 | c3) >= 0x80) seen |= watch[c0] | watch[c1] | watch[c2] | watch[c3];
      s0 = delta[(s0 << shift) | cls[c0]];
      s1 = delta[(s1 << shift) | cls[c1]];
      s2 = delta[(s2 << shift) | cls[c2]];
      s3 = delta[(s3 << shift) | cls[c3]];
      if (s0 >= firstOut)
        for (let j = outAt[s0], e = j + outLen[s0]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
      if (s1 >= firstOut)
        for (let j = outAt[s1], e = j + outLen[s1]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
      if (s2 >= firstOut)
        for (let j = outAt[s2], e = j + outLen[s2]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
      if (s3 >= firstOut)
        for (let j = outAt[s3], e = j + outLen[s3]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
    }
    // Finish the first three ranges (the last one is no longer than they are).
    for (let i = end3; i < len; i++) {
      const c0 = text.charCodeAt(i);
      const c1 = text.charCodeAt(o1 + i);
      const c2 = text.charCodeAt(o2 + i);
      if ((c0 | c1 | c2) >= 0x80) seen |= watch[c0] | watch[c1] | watch[c2];
      s0 = delta[(s0 << shift) | cls[c0]];
      s1 = delta[(s1 << shift) | cls[c1]];
      s2 = delta[(s2 << shift) | cls[c2]];
      if (s0 >= firstOut)
        for (let j = outAt[s0], e = j + outLen[s0]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
      if (s1 >= firstOut)
        for (let j = outAt[s1], e = j + outLen[s1]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
      if (s2 >= firstOut)
        for (let j = outAt[s2], e = j + outLen[s2]; j < e; j++) may[ids[j] >>> 5] |= 1 << (ids[j] & 31);
    }
    return seen !== 0;
  }

  /** `scan` over `text[from, to)` from the start state. */
  private scanRange(text: string, from: number, to: number, may: Uint32Array): boolean {
    const { cls, delta, outAt, outLen, ids, shift, watch, firstOut } = this;
    let seen = 0;
    let s = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) seen |= watch[c];
      s = delta[(s << shift) | cls[c]];
      if (s >= firstOut)
        for (let j = outAt[s], end = j + outLen[s]; j < end; j++) {
          const u = ids[j];
          may[u >>> 5] |= 1 << (u & 31);
        }
    }
    return seen !== 0;
  }

  /**
   * Two walks through the automaton in one loop: over `text[0, mid)` and over `text[mid - overlap, n)`, each from
   * the start state. A literal ending before `mid` lies in the first range, one ending at or after it in the second
   * (literals are at most `overlap + 1` long), so the bits set are those of one walk over the whole text. Each step
   * of a walk waits for the row the last one loaded, often from memory when requests come one after another; two
   * independent walks wait side by side.
   */
  private scanTwo(text: string, may: Uint32Array): boolean {
    const { cls, delta, outAt, outLen, ids, shift, watch, firstOut } = this;
    const n = text.length;
    const len = (n + this.overlap) >> 1; // the first range: [0, len); the second: [len - overlap, n)
    const off = len - this.overlap;
    let seen = 0;
    let s = 0;
    let t = 0;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      const d = text.charCodeAt(off + i);
      if (c >= 0x80) seen |= watch[c];
      if (d >= 0x80) seen |= watch[d];
      s = delta[(s << shift) | cls[c]];
      t = delta[(t << shift) | cls[d]];
      if (s >= firstOut)
        for (let j = outAt[s], end = j + outLen[s]; j < end; j++) {
          const u = ids[j];
          may[u >>> 5] |= 1 << (u & 31);
        }
      if (t >= firstOut)
        for (let j = outAt[t], end = j + outLen[t]; j < end; j++) {
          const u = ids[j];
          may[u >>> 5] |= 1 << (u & 31);
        }
    }
    // The second range is one longer when n + overlap is odd.
    for (let i = off + len; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d >= 0x80) seen |= watch[d];
      t = delta[(t << shift) | cls[d]];
      if (t >= firstOut)
        for (let j = outAt[t], end = j + outLen[t]; j < end; j++) {
          const u = ids[j];
          may[u >>> 5] |= 1 << (u & 31);
        }
    }
    return seen !== 0;
  }
}

/** Numbers the code units of the literals 1, 2, … in `cls` (0: any other); returns the row width. */
function alphabet(entries: Entry[], cls: Uint16Array): number {
  let width = 1;
  for (const e of entries)
    for (let i = 0; i < e.literal.length; i++) {
      const c = e.literal.charCodeAt(i);
      if (cls[c] === 0) cls[c] = width++;
    }
  return width;
}

/**
 * Fills the transition table breadth-first: a state's row starts as a copy of its failure state's row (a shorter
 * suffix, done before it), then its children overwrite their columns. A state's patterns are its own literals'
 * plus its failure state's. Returns the pattern lists.
 */
function buildDfa(
  t: Trie,
  entries: Entry[],
  width: number,
  delta: Uint16Array,
  outAt: Int32Array,
  outLen: Int32Array,
): Int32Array {
  // States are renumbered in breadth-first order (queue position): the shallow states, where a scan spends most
  // of its steps, get neighbouring rows.
  const fail = new Int32Array(t.n);
  const ids: number[] = [];
  const queue = new Int32Array(t.n); // new number → trie state
  let tail = 1;
  for (let s = 0; s < tail; s++) {
    const f = fail[s];
    if (s !== 0) {
      delta.copyWithin(s * width, f * width, f * width + width);
      outAt[s] = outAt[f];
      outLen[s] = outLen[f];
    }
    const old = queue[s];
    if (t.ownHead[old] !== -1) ownIds(t, entries, old, s, ids, outAt, outLen);
    for (let k = t.firstKid[old]; k !== 0; k = t.sibling[k]) {
      const a = t.label[k];
      fail[tail] = s === 0 ? 0 : delta[s * width + a];
      delta[s * width + a] = tail;
      queue[tail++] = k;
    }
  }
  return Int32Array.from(ids);
}

/** Copies the automaton with state `s` renamed `order[s]` (rows, their entries and the pattern lists). */
function renumber(
  order: Int32Array,
  width: number,
  delta: Uint16Array,
  outAt: Int32Array,
  outLen: Int32Array,
  toDelta: Uint16Array,
  toAt: Int32Array,
  toLen: Int32Array,
): void {
  for (let s = 0; s < order.length; s++) {
    const from = s * width;
    const to = order[s] * width;
    for (let a = 0; a < width; a++) toDelta[to + a] = order[delta[from + a]];
    toAt[order[s]] = outAt[s];
    toLen[order[s]] = outLen[s];
  }
}

/** Appends state `s`'s own patterns (trie state `old`), then those it inherited, to `ids`; points `s` at them. */
function ownIds(
  t: Trie,
  entries: Entry[],
  old: number,
  s: number,
  ids: number[],
  outAt: Int32Array,
  outLen: Int32Array,
): void {
  const at = ids.length;
  for (let e = t.ownHead[old]; e !== -1; e = t.ownNext[e]) ids.push(entries[e].pattern);
  for (let j = outAt[s], end = j + outLen[s]; j < end; j++) ids.push(ids[j]);
  outAt[s] = at;
  outLen[s] = ids.length - at;
}

/** One regex of a table: it runs either on lower-cased text or on the text as it came. */
export interface GatedRegex {
  re: RegExp;
  lowerCased: boolean;
}

type Entry = { pattern: number; literal: string };

/**
 * All literals, in one automaton for the ASCII ones and one for those with other characters (Cyrillic, CJK…),
 * which runs only when the text holds one of their first such characters.
 */
class ScanSet {
  private readonly ascii: Scanner;
  private readonly other: Scanner | null;

  constructor(entries: Entry[]) {
    const ascii: Entry[] = [];
    const other: Entry[] = [];
    for (const e of entries) (NON_ASCII.test(e.literal) ? other : ascii).push(e);
    this.ascii = new Scanner(ascii);
    this.other = other.length ? new Scanner(other) : null;
    // The ASCII pass watches for the first non-ASCII character of each other literal.
    for (const e of other) this.ascii.watch[e.literal.charCodeAt(e.literal.search(NON_ASCII))] = 1;
  }

  scan(text: string, may: Uint32Array): void {
    if (this.ascii.scan(text, may) && this.other) this.other.scan(text, may);
  }
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * The prefilter for a table of regexes, each split into its top-level alternatives and those into the spellings of
 * their first group ("units", see `unitsOf`). `scan(lower, rawLower)` returns a bit set of the units that may match;
 * `test(may, i, lower, raw)` then answers `table[i].re.test(…)` by running only those units' own regexes (a regex
 * matches iff one of its units does; several small regexes, each skipping ahead on its own first characters, beat
 * one alternation).
 *
 * Regexes declared `lowerCased` run on `lower`. The others run on the text as it came (`raw`); their literals
 * (ASCII only, else the unit always runs) are looked for lower-cased in `rawLower = raw.toLowerCase()`: an ASCII
 * string in `raw` is, lower-cased, in `rawLower`. When `lower` and `rawLower` are the same text (the usual case)
 * one pass serves both; otherwise those regexes run whole.
 */
export class Prefilter {
  /** Per regex: its alternatives and their literals (null: not filtered, always runs whole). */
  readonly branches: (Branch[] | null)[];
  private readonly table: readonly GatedRegex[];
  /** Units of regex i: first[i] … first[i + 1] - 1. */
  private readonly first: Int32Array;
  /** Per unit: the alternative's own regex (the whole regex when it has one alternative). */
  private readonly unitRe: RegExp[] = [];
  private readonly always: Uint32Array;
  /** Units of lower-cased regexes. */
  private readonly lowerUnits: Uint32Array;
  private anyRaw = false;
  private readonly scanner: ScanSet | null;
  /** Per unit: its regex. */
  private readonly unitRegex: Int32Array;
  /** The first unit of each regex that runs on the text as it came (see `matches`). */
  private readonly rawFirst: Uint32Array;

  constructor(table: readonly GatedRegex[]) {
    this.table = table;
    this.branches = table.map((r) => unitsOf(r.re, r.lowerCased));
    this.first = new Int32Array(table.length + 1);
    const units: { regex: number; literals: string[] | null }[] = [];
    table.forEach((r, i) => {
      this.first[i] = units.length;
      const bs = this.branches[i];
      if (!bs || bs.length === 1) {
        units.push({ regex: i, literals: bs ? bs[0].literals : null });
        this.unitRe.push(guarded(r.re, r.re.source));
      } else
        for (const b of bs) {
          units.push({ regex: i, literals: b.literals });
          this.unitRe.push(guarded(r.re, b.source));
        }
    });
    this.first[table.length] = units.length;
    this.unitRegex = Int32Array.from(units, (u) => u.regex);
    const words = Math.max(1, Math.ceil(units.length / 32));
    this.always = new Uint32Array(words);
    this.lowerUnits = new Uint32Array(words);
    this.rawFirst = new Uint32Array(words);
    table.forEach((r, i) => {
      const k = this.first[i];
      if (!r.lowerCased) this.rawFirst[k >>> 5] |= 1 << (k & 31);
    });
    const entries: Entry[] = [];
    units.forEach((u, k) => {
      const bit = 1 << (k & 31);
      const lowerCased = table[u.regex].lowerCased;
      if (lowerCased) this.lowerUnits[k >>> 5] |= bit;
      else this.anyRaw = true;
      const lits = lowerCased ? u.literals : u.literals?.some((l) => NON_ASCII.test(l)) ? null : u.literals;
      if (!lits) this.always[k >>> 5] |= bit;
      else for (const s of lits) entries.push({ pattern: k, literal: lowerCased ? s : s.toLowerCase() });
    });
    try {
      this.scanner = new ScanSet(entries);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // Too many literals for one automaton: filter nothing (every regex runs, as without a prefilter).
      this.scanner = null;
      this.always.fill(0xffffffff);
    }
  }

  /** Units that may match (bit k = unit k); see the class comment for `lower` and `rawLower`. */
  scan(lower: string, rawLower: string): Uint32Array {
    const words = this.always.length;
    // One more word: set when the case-sensitive regexes were not judged (they then run whole).
    const may = new Uint32Array(words + 1);
    if (!this.scanner) return may.fill(0xffffffff);
    this.scanner.scan(lower, may);
    if (this.anyRaw && rawLower !== lower) {
      // A second pass over the other text would cost more than running those few regexes as they are.
      for (let w = 0; w < words; w++) may[w] &= this.lowerUnits[w];
      may[words] = 1;
    }
    for (let w = 0; w < words; w++) may[w] |= this.always[w];
    return may;
  }

  /**
   * The regexes that match, ascending, written to `out`; returns how many. The answers of `test` for every regex
   * (`skip[i] === 1` leaves regex i out), found by visiting only the units the scan left standing, so a text costs
   * what its candidates cost, not a step per regex of the table.
   */
  matches(may: Uint32Array, lower: string, raw: string, out: Int32Array, skip: Uint8Array | null): number {
    const words = this.always.length;
    // Regexes on the raw text that the scan could not judge run whole, in their place (see `test`).
    const whole = may[words] !== 0;
    if (whole) for (let w = 0; w < words; w++) may[w] |= this.rawFirst[w];
    const { unitRegex, unitRe, table } = this;
    let n = 0;
    let done = -1;
    for (let w = 0; w < words; w++) {
      let bits = may[w] | 0;
      while (bits !== 0) {
        const bit = bits & -bits;
        bits ^= bit;
        const k = (w << 5) | (31 - Math.clz32(bit));
        const i = unitRegex[k];
        if (i === done || (skip !== null && skip[i] === 1)) continue;
        const lowerCased = table[i].lowerCased;
        let hit: boolean;
        if (!lowerCased && whole) {
          hit = table[i].re.test(raw);
          done = i;
        } else hit = unitRe[k].test(lowerCased ? lower : raw);
        if (hit) {
          out[n++] = i;
          done = i;
        }
      }
    }
    return n;
  }

  /** `table[i].re.test(text)`, the text being `lower` or `raw` as the regex is declared, given the scan `may`. */
  test(may: Uint32Array, i: number, lower: string, raw: string): boolean {
    const lowerCased = this.table[i].lowerCased;
    if (!lowerCased && may[this.always.length] !== 0) return this.table[i].re.test(raw);
    const text = lowerCased ? lower : raw;
    for (let k = this.first[i]; k < this.first[i + 1]; k++) {
      if ((may[k >>> 5] & (1 << (k & 31))) === 0) continue;
      if (this.unitRe[k].test(text)) return true;
    }
    return false;
  }
}
