/**
 * Layer 1: weighted text evidence for every phase from the developer's own words. Every rule that matches adds
 * its weight; nothing wins by coming first. Compiled once at import.
 */
import { Prefilter } from "./prefilter.js";
import { PHASES, type Phase } from "./types.js";

export const PHASE_INDEX: Record<Phase, number> = Object.fromEntries(PHASES.map((p, i) => [p, i])) as Record<
  Phase,
  number
>;

export interface Rule {
  re: RegExp;
  phase: Phase;
  w: number;
  name: string;
  caseSensitive: boolean;
  /**
   * Ignored in the agent's own narration: "Let's commit these changes" is a routine step and "the formatting works"
   * a report, not the task; small edits are asked for by the developer.
   */
  userOnly: boolean;
  /** Says "make something" without saying what: yields to an `object` rule in the same text. */
  generic: boolean;
  /** Names the kind of thing to make (tests, docs, a rename…). */
  object: boolean;
  /** Describes a failure (see SYMPTOM). */
  symptom: boolean;
  /** Names a test as the deliverable (see TEST_OBJECT). */
  testObject: boolean;
  /** Names a deliverable that describes other work (see CONTAINER). */
  container: boolean;
  /** A routine closing step, weaker in a long request (see STEP). */
  step: boolean;
}

const R = (phase: Phase, w: number, name: string, re: RegExp): Rule => ({
  phase,
  w,
  name,
  re,
  caseSensitive: name === "pasted trace",
  userOnly: name === "commit/pr" || name === "doc nouns" || phase === "small_edit",
  generic: GENERIC.has(name),
  object: OBJECT.has(name),
  symptom: SYMPTOM.has(name),
  testObject: TEST_OBJECT.has(name),
  container: CONTAINER.has(name),
  step: STEP.has(name),
});

/** "add", "create", "a function", "it should": what every request says, whatever it asks for. */
const GENERIC = new Set(["build verbs", "feature words", "requirement list", "intl build"]);
/** Rules that name what is to be made — tests, docs, a reshaped module, one value — and so claim the verbs. */
const OBJECT = new Set([
  "write tests",
  "test kinds",
  "docs words",
  "doc kinds",
  "write a doc file",
  "agent rule file",
  "refactor words",
  "behaviour kept",
  "reshape code",
  "rename one thing",
  "value swap",
  "lint nit",
  "tag/move/bump",
  "one line/token",
  "typo or whitespace",
  "lint fix",
  "rename across",
  "duplication",
  "pasted lint warning",
  "one setting",
  "translate",
  "intl test",
  "intl refactor",
  "intl rename",
  "intl docs",
  // the request's form asks for a decision or a plan, whatever it would build
  "how should we",
  "decision question",
  "x vs y",
  "survey first",
  "before coding",
  "plan deliverable",
  "intl plan",
  "intl before coding",
]);
/** Failure words that describe the bug a test is to reproduce when a test is the named deliverable. */
const SYMPTOM = new Set([
  "intl error",
  "error words",
  "fix it",
  "wrong output",
  "issue found",
  "symptom",
  "why question",
  "is wrong",
]);
/** Test deliverables: "write a regression test that fails on main", "cover this with tests, happy path + errors". */
const TEST_OBJECT = new Set([
  "write tests",
  "test kinds",
  "flaky or named test",
  "intl test",
  "coverage target",
  // a failing linter is a lint fix; wrong docs are a docs fix
  "lint fix",
  "fix the docs",
  "pasted lint warning",
]);
/** Weight left to failure words that describe what a named test is to reproduce. */
const SYMPTOM_WITH_TEST = 0.5;
/**
 * Deliverables that hold a description of other work — an agent rule file, a task or ticket: the words after
 * "create a rule that says …" or "make a task to capture …" describe its content, not the work to do now.
 */
const CONTAINER = new Set(["agent rule file", "create task/ticket", "planning workflow", "changes write-up"]);
/**
 * "…, then commit with message 'feat: …'" closing a long request is its last step, not its deliverable (a request
 * for a commit message or PR description names it in the doc rules): past this length these rules count less.
 */
const STEP = new Set(["commit/pr"]);
const STEP_LONG = 250;
const STEP_IN_LONG = 0.4;
/** Weight left to the other phases' evidence when a container deliverable is named. */
const CONTENT_WITH_CONTAINER = 0.5;
/** Weight left to the generic implement rules when an object rule fired too. */
const GENERIC_WITH_OBJECT = 0.75;

export const RULES: Rule[] = [
  // plan
  R(
    "plan",
    2.0,
    "plan words",
    /\b(?:(?<!(?:terraform|tf|post|post the) )plan(?:s|ning)?(?!\.\w)(?! (?:as|output|file|comments?)\b)(?! (?:is |was |looks )?(?:approved|good|fine|great))|roadmap|architecture|architect|design(?:ing)?(?!\.\w)|approach|strateg(?:y|ies)|trade-?offs?|wireframes?|alternatives?|proposal|propose|(?<!(?:plugin|test|api|json|yaml|helm|pod|spec) )spec(?:ification)?)\b/,
  ),
  // The deliverable is a plan: "propose a plan of action", "come up with an approach" (whatever else is summarised).
  R(
    "plan",
    2.5,
    "plan deliverable",
    /^(?:please |pls |now |ok,? |first,? )?plan (?:how|the|a|an|out|for)\b|\b(?:propose|suggest|recommend|outline) how\b|\bwant an? (?:[\w-]+ )?(?:design|plan|proposal)\b|\b(?:improve|refine|review|revise|critique|iterate on|poke holes in) (?:this|the|my|our) (?:[\w-]+ ){0,2}(?:plan|proposal|design doc|approach|roadmap)\b|\b(?:propose|come up with|draft|outline|write up|put together|give me|make|create|prepare|suggest) (?:a |an |the |your |some )?(?:\w+ ){0,2}(?:plan|proposal|approach|strategy|roadmap|design)s?\b(?! (?:mode|file|document|\.md))/,
  ),
  R(
    "plan",
    3.0,
    "how should we",
    /\bhow (?:should|would|could) (?:we|i|you)\b(?! (?:test|validate|verify)\b)|\bhow do you (?:suggest|recommend|propose)\b|\bhow (?:do|can) we\b(?! (?:test|validate|verify)\b)|\bwhat(?:'s| is| would be) the best (?:way|approach|option)\b|\bbest (?:way|practice) to\b|(?:\b(?:what(?:'s| is| are)(?: the)?|any|is there an?) |有什[么麼] ?|有[沒没]有 ?)best practices?\b|\b(?:think|thinking) (?:about )?how (?:we|i|to)\b|\bhow we (?:can|could|should)\b|\bis there (?:a|any) (?:way|option|approach) to\b|\b(?:work out|figure out|find|come up with) (?:a |the )?(?:viable|good|best|feasible|clean|workable|robust|better) (?:way|approach|option|solution)\b|\b(?:tell me|what are|list|outline|describe|give me) (?:the |all the )?steps (?:you(?:'d| would)|we(?:'d| would| should)|(?:needed |required )?to)\b/,
  ),
  R(
    "plan",
    2.5,
    "before coding",
    /\b(?:before (?:we |you )?(?:start(?:ing)?|implement(?:ing)?|writ(?:e|ing)|cod(?:e|ing)|making|touching|changing|migrating|refactoring|building|fixing|commit(?:ting)? to)|don'?t (?:implement|write|change|code) (?:anything|yet)|no code yet|no edits\b|(?:don'?t|do not) edit anything|without editing|(?:a )?proposal,? not (?:the )?code|not code\b|no code\b|without (?:writing|changing) code|do not (?:implement|modify|change)(?! (?:any |the |this )?(?:text|wording|content|formatting|behaviou?r|logic|output|api|signature)s?\b)|(?:do not|don'?t) (?:execute|run|apply) (?:anything|it|yet)|without my (?:approval|confirmation|ok|go-?ahead)|(?:ask|wait) for my (?:approval|confirmation)|ask (?:me )?(?:for )?(?:my )?approval)\b/,
  ),
  R(
    "plan",
    1.5,
    "investigate codebase",
    /\b(?:understand|explore|investigate|analy[sz]e|review|study|look (?:at|into|through)|familiari[sz]e)\b.{0,40}\b(?:code ?base|repo(?:sitory)?|project|structure|existing code)\b|\bresearch (?:if|whether|how|where|what|which|the|it|this|options)\b|\b(?:to )?(?:get|gain|build|have) (?:(?:some|the|full|enough|more|better|a|good) ){0,2}(?:context|familiar(?:ity)?)\b(?! (?:menu|manager|provider|object|variable|window|api|hook))|\bsearch the web\b|\b(?:determine|find out|figure out) (?:where|how|whether|which)\b/,
  ),
  R(
    "plan",
    1.2,
    "break down",
    /\b(?:break (?:it |this )?down|decompos(?:e|ing)|thought[- ]partner|next steps?|what(?:'s| is| should be) (?:the )?next|which (?:library|framework|database|option)|should (?:we|i) use|pros and cons|compare|evaluate|feasib|estimate|impact)\b/,
  ),
  // Prompt files of the PRD → task list → build workflow (snarktank/ai-dev-tasks and its copies): the first two
  // write a requirements document and a task list, the third works through the list.
  R("plan", 4.0, "planning workflow", /\b(?:create|generate|write)-?(?:a-)?(?:prd|tasks?|task-list)(?:\.mdc?)?\b/),
  R("implement", 3.0, "task-list workflow", /\bprocess-task-list(?:\.mdc?)?\b/),
  R(
    "plan",
    3.5,
    "create task/ticket",
    /\b(?:(?:create|make|write|draft|define) (?:a |an |the |another )?(?:new )?|(?:open|file|capture|add) (?:a |an |another |a new |new ))(?:task|ticket|issue|spec|prd|rfc|story|epic)s?\b(?! (?:list|command|status|backend|management|operation))|\b(?:jira |ticket |task )+breakdown\b|\bas (?:a |an )?(?:new |deferred |follow-?up |separate |future |backlog )(?:task|ticket|issue|story)\b/,
  ),
  R(
    "plan",
    1.5,
    "report/next step",
    /\b(?:let me know (?:if(?! you can'?t)|what|whether|how)|give me a (?:report|breakdown|list|overview)|what would (?:go|be|you (?:do|suggest|recommend|change|improve))|(?:suggestions?|ideas|recommendations?) (?:to|for|on how to) improve|what improvements (?:would|could|should|can|do)|what needs to (?:change|be changed|be improved)|what(?:'s| is|s) the next steps?|what (?:step|should) (?:is )?(?:the )?next|do you need (?:any |additional )?(?:files|info|information)|do you have any (?:more |other |further )?questions|ask me (?:a few |some |any )?(?:clarifying )?questions|areas? (?:for|of) (?:room for )?improvements?|room for improvements?)\b/,
  ),
  // implement
  R(
    "implement",
    1.6,
    "build verbs",
    /\b(?:implement|add|create|(?<!(?:the|a|ci|nightly|release|docker|hugo|cargo|gradle|webpack|vite|next) )build(?! (?:fails|failed|failing|is|was|broke|breaks|works|passes|log|step|output|errors?|time|dir|directory|folder)\b)|write|make|generate|introduce|support|set ?up|scaffold|integrate|wire (?:up|in)|hook up|enable|extend|allow)\b/,
  ),
  R(
    "implement",
    1.2,
    "feature words",
    /\b(?:feature|endpoint|function|component|command|option|flag|page|screen|ui|api|script|module|class|service|handler|integration|button|form|field|route|cli)\b/,
  ),
  R(
    "implement",
    1.2,
    "requirement list",
    /\b(?:requirements?|should (?:be able to|support|allow|have)|must (?:support|have|be able)|i want (?:to|it|the|a)|we need (?:to|a)|it should(?! (?:never|not|be (?:fine|ok|okay|good|working|correct|called|there)|work|just work|already))|the user (?:can|should))\b/,
  ),
  R("implement", 1.2, "how can i", /\bhow (?:can|do|could) i (?!run\b|use\b|start\b|install\b)/),
  R(
    "implement",
    1.0,
    "go implement",
    /\b(?:let'?s (?:implement|build|do|start)|go ahead and (?:implement|add|create|build|do)|start (?:working|implementing|on)|proceed with|now (?:add|implement|create)|plan (?:is |was |looks )?(?:approved|good|fine|great)|(?:i |we )?approve (?:the|this|your) plan)\b/,
  ),
  R(
    "implement",
    4.0,
    "carry out the plan",
    /\b(?:implement|execute|carry out|follow|apply|build) (?:the|this|that|your|my|our) (?:[\w-]+ )?plan\b(?! (?:mode|file))|根据(?:这个|该|此)?计划|按照?(?:这个|该|此)?计划|执行(?:这个|该|此)?计划|計画(?:に従って|に沿って|通りに)|según el plan|seguindo o plano|по плану/,
  ),
  // debug
  // Cursor's Bugbot / Security Review sub-agents get this prompt shape: a defect hunt over a diff.
  R(
    "debug",
    4.0,
    "bugbot review",
    /^full repository path: [\s\S]{0,300}?\bdiff: (?:uncommitted changes|branch changes|natural language)\b/,
  ),
  R(
    "debug",
    2.5,
    "error words",
    /\b(?:(?<!(?:validation|form|field|per-field|inline) )errors?(?! (?:handling|handlers?|types?|enums?|class(?:es)?|codes?|boundar(?:y|ies)|pages?|states?|schemas?|models?|variants?)\b)|erro|errro|eror|exception(?! (?:handling|handlers?|filters?|class(?:es)?|types?|hierarchy|mapping|mappers?)\b)|traceback|stack ?trace|crash(?:es|ed|ing)?|segfault|panic(?:ked)?|fails?|failing|failed|failure|broken|bug|bugs|persists|broke|hard-?faults?|faults|times out|too many arguments|unbound variable|syntax error|cannot find (?:module|name|symbol|file)|module not found|no module named|modulenotfounderror|importerror|(?<!(?:line|page|hard|soft|column|word|coffee|lunch|what|which|anything|nothing) )breaks(?! (?:down|out|into))|crash ?loop(?:ing|s)?|crashloopbackoff|oomkill(?:ed)?|dies|died|dying|panics|undefined is not|cannot read|not defined|unresolved reference|cannot find symbol|undefined reference|has no attribute|is not a function|nullpointer|null pointer|exit code [1-9]|exit(?:s|ed)? with (?:code|status) [1-9])\b/,
  ),
  R(
    "debug",
    2.0,
    "doesn't work",
    /\b(?<!\bif (?:you|it) )(?<!\byou )(?:(?:does|do|did|is|was|are|ca|could|wo)n'?t|cannot|unable to|not|no longer|never|still not|stopped) (?:\w+ )?(?:log ?in|sign ?in|work(?:ing)?|run(?:ning)?|start(?:ing)?|load(?:ing)?|show(?:ing)?|appear(?:ing)?|render(?:ing)?|compil(?:e|ing)|build(?:ing)?|respond(?:ing)?|sav(?:e|ing)|find(?:ing)?|connect(?:ing)?|send(?:ing)?|fir(?:e|ing)|trigger(?:ing)?|updat(?:e|ing)|refresh(?:ing)?|sync(?:ing)?|open(?:ing)?|submit(?:ting)?|upload(?:ing)?|print(?:ing)?|redirect(?:ing)?|play(?:ing)?|detect(?:ing)?|recogni[sz](?:e|ing)|receiv(?:e|ing))\b/,
  ),
  R(
    "debug",
    2.0,
    "still getting",
    /\b(?:still (?:get(?:ting)?|see(?:ing)?|have|having|fail|broken|happen|an? (?:issue|problem|error))|(?:this is|here(?:'s| is)) (?:what )?i(?:'m| am)? (?:gett?t?ing|get|seeing|see)(?= *[:.!]?$| *:)|i(?:'m| am) gett?t?ing (?:this|these|the following)(?= *[:.!]?$| *:| (?:error|message|output|warning|issue)s?\b)|same (?:error|issue|problem|thing|result)|no change\b|still the same|what could be (?:wrong|causing|the cause)|keeps? (?:fail|crash|happen|throw)|why (?:(?:isn'?t|doesn'?t|won'?t|can'?t|didn'?t|aren'?t)(?! you\b)|is (?:it|this|that|the (?:[\w-]+ ){1,3})(?:not|still|empty|null|undefined|blank|wrong|slow|failing|broken|missing)|does (?:it|this|that) (?:not|still|crash|fail|hang|throw))|why (?:is |does |did )?(?:this|that|it) (?:hap\w*|is hap\w*|occur\w*)|what(?:'s| is) (?:wrong|happening|going on)|how do i get (?:past|around|rid of) (?:it|this|that|the error)|how (?:could|can|did|does|would) (?:that|this|it) (?:happen|be happening)|(?:i )?(?:don'?t|do not|can'?t) (?:understand|figure out|see) why|(?:tell me|find out|explain) why(?! (?:you|we|i)\b)|what happened\b|\bsuddenly\b|since (?:yesterday|this morning|the (?:last )?(?:deploy|release|upgrade|update|merge)))\b/,
  ),
  // An error message quoted in the developer's words: "the options page says 'storage.sync is undefined'".
  R("debug", 2.5, "quoted error", /['"`][^'"`\n]{0,60} is (?:undefined|not defined|not a function|null)['"`]/),
  // PHASES: "explaining an error message ('what does this error mean') is debug".
  R(
    "debug",
    4.5,
    "explain error",
    /\bwhat does (?:this|the|that) (?:error|warning|exception|message)\b|\bwhat does (?:this|that|it) (?:even )?mean\b[\s\S]{0,300}?(?:fatal|error|exception|warning|failed|panic)|(?:fatal|error|exception|traceback|failed|panic)[\s\S]{0,300}?\bwhat does (?:this|that|it) (?:even )?mean\b|\bwhat does [^?\n]{0,80}\b(?:error|fatal|exception|failed|refus\w+|denied|not found|invalid\w*|warning)\b[^?\n]{0,60} mean\b|\b(?:explain|what(?:'s| is)) (?:this|the|that) (?:error|exception|stack ?trace|traceback|warning|crash)\b|\bwhy (?:this|that|the) (?:error|exception|warning|crash)\b/,
  ),
  R(
    "debug",
    1.6,
    "fix it",
    /\b(?:(?<!(?:the|that|this|your) )fix(?:es|ed|ing)?(?! (?:the |every |all |any )?(?:imports?|import paths|typos?|lint|formatting|indentation|whitespace|spelling)\b| (?:is|was|looks|works|worked|seems)\b)|(?:continue|keep|start|resume|finish|help(?: me)?(?: with)?|let'?s|go on|need|try) debugging|debugging (?:the|this|that|my|our|why|it)\b|(?<!(?:to|from|level|log|as|info|in|of|auf|en|на|=) )debug(?! (?:level|mode|log(?:ging|s)?|build|flag|output|print(?:s|ing)?|scripts?|statements?|messages?|info|config|panel|console|toolbar|symbols?|endpoints?|routes?|files?|views?|pages?)\b)|diagnose|troubleshoot|resolve|investigate)\b/,
  ),
  // "why does/is …" without a failure in it may ask about a design choice (document) as well as a symptom.
  R("debug", 1.0, "why question", /\bwhy (?:does|is|do|are|did)\b/),
  R(
    "debug",
    1.5,
    "not right",
    /\b(?:(?:is|are|was|were)(?:n'?t| not) (?:\w+ ){0,2}(?:the )?correct\b|(?:is|are|was)n'?t (?:quite )?right|not (?:quite |entirely |exactly )?(?:right|correct|working)|(?:does|do|is) (?:it|this|that) (?:work|function)(?:ing)? (?:properly|correctly|as (?:expected|defined|intended))|function(?:s|ing)? properly|is the (?:issue|problem|bug) (?:fixed|resolved|gone)|(?:don'?t|do not) think [^.\n]{0,60}\b(?:is|was|are|were) (?:correct|right|working))\b/,
  ),
  R(
    "debug",
    1.5,
    "wrong output",
    /\b(?:wrong|incorrect|unexpected|hangs?|hanging|stuck|freez|timeout|timed out|infinite loop|memory leak|race condition|regression|blank|empty (?:page|screen|result)|nothing happens|missing)\b/,
  ),
  R(
    "debug",
    2.0,
    "pasted trace",
    /Traceback \(most recent|Error: |Exception(?!\.\w)|DATA RACE|error\[E\d|error TS\d|FAILED|ERR!|panic:|Uncaught|Error\b(?!\.\w)|Segmentation fault/,
  ),
  R(
    "debug",
    1.5,
    "is wrong",
    /\b(?:is|are|was|were|looks|seems|gets?|got) (?:\w+ )?(?:wrong|broken|incorrect|off by one|garbled|corrupt(?:ed)?|duplicated)\b|\b(?:is|are) (?:the|a|an) [\w -]{1,40}, not (?:the|a|an)\b|\b(?:do|does)(?:n'?t| not) seem (?:to (?:be )?)?(?:correct|right|to work)\b|\b(?:are|is) (?:we|it|this|that|the \w+) (?:handling|doing|parsing|computing|calculating|validating|processing|using) [^?\n]{1,80}\bcorrectly\b/,
  ),
  R(
    "debug",
    1.8,
    "issue found",
    /\bgiv(?:es|ing) (?:me )?(?:an? |some )?(?:issues?|errors?|problems?|trouble)\b|\bi(?:'m| am)? (?:get|getting|got|see|seeing|receive|receiving|hit|hitting) (?:the |this |that |an? )?(?:following |same |new |weird |strange |below )?(?:errors?|exceptions?|crash|traceback)\b|\bthe following (?:errors?|exceptions?|traceback|stack ?trace)\b|\b(?:the (?:issue|problem|bug) (?:is|was|seems|here)|there(?:'s| is| seems to be) (?:an? |still an? )?(?:issue|problem|bug)|(?:an? |the )?(?:issue|problem) with (?:the|how|our)|test failures|is(?:n'?t| not) being (?:processed|handled|called|set|saved|found|created|applied)|(?:seems|appears) (?:to be )?(?:broken|wrong|off)|doesn'?t (?:seem to )?(?:exist|match))\b/,
  ),
  R(
    "debug",
    1.5,
    "does X instead of Y",
    /\binstead of [^.\n]{3,80}, it(?:'s| is| does| shows| uses| returns| gives| prints)\b|\bit(?:'s| is) (?:using|showing|returning|printing|creating|giving|doing|taking) [^.\n]{1,60} instead of\b|\b(?:expected|should (?:be|show|return)) [^.\n]{1,60} but (?:got|it|gets|shows|returns)\b|\bshould [^.\n]{1,80}, but (?:it )?(?:doesn'?t|does not|isn'?t|is not|won'?t|can'?t|didn'?t)\b/,
  ),
  // test
  R(
    "test",
    3.0,
    "write tests",
    /\b(?:(?:write|add|create|generate|extend|update|fix|repair|improve|increase|implement)\s+(?:(?:a |the )?(?:suite|set|couple|bunch|handful) of )?(?:(?!and\b|then\b)\w+\s+){0,3}(?:unit |integration |e2e |end-to-end |regression |snapshot )?(?:tests?|gtests?|(?<!(?:task|feature|product|design|project|requirements?|technical|tech|api|openapi) )specs?|test cases?|cases|test ?suites?|coverage))\b(?! (?:if|whether|that it|it (?:works|out)|to see))|\b(?:pytest|jest|vitest|unit) (?:cases|tests)\b/,
  ),
  R(
    "test",
    1.5,
    "repair tests",
    /\b(?:fix|repair|update) (?:the |all |any |remaining )?(?:failing |broken |flaky |red )?(?:unit |integration |e2e )?tests?\b(?! (?:results? )?(?:shows?|says?|output))/,
  ),
  R(
    "test",
    2.0,
    "test words",
    /\b(?:unit tests?|test cases?|test suite|test coverage|coverage|fixtures?|mocks?|mocking|stubs?|(?<!non-null )assertions?|pytest|jest|vitest|mocha|rspec|junit|go test|cargo test|dotnet test|bun test|test file|tests? pass|tdd)\b/,
  ),
  R(
    "test",
    2.5,
    "flaky or named test",
    /\b(?:fix|repair) (?:the |this )?flaky (?:tests?|specs?)\b|\b(?:de-?flake|unflake)\b|\bmake (?:the |this |that )?(?:tests?|specs?) (?:deterministic|stable|pass|faster|independent)|\b(?:also|now|then) test (?:the |that |it |--?[\w-]+|\w+ (?:with|when|for))/,
  ),
  R(
    "test",
    2.5,
    "coverage target",
    /\bcoverage (?:for|of|on|in) [\w./-]+ is\b|\b(?:get|bring|push|raise) (?:it|the coverage|coverage)(?: up)? (?:above|over|to|past) \d+|\b\d+ ?% (?:line |branch )?coverage\b|\bcoverage (?:is|at) \d+ ?%/,
  ),
  R(
    "test",
    1.5,
    "run tests",
    /\b(?:run (?:the )?(?:unit |all )?tests?|make sure (?:the |all )?tests? pass|ensure (?:the |all )?tests? pass|tests? (?:are|is) (?:failing|passing|green|red))\b/,
  ),
  // refactor
  R(
    "refactor",
    3.0,
    "refactor words",
    /\b(?:refactor(?:ing|ed|s)?|clean ?up(?! (?:job|task|script|cron))(?! (?:\w+ ){0,3}(?:docs?|documentation|readme|notes|markdown)\b)|(?:code |a )cleanup|cleanup (?:of|pass)|simplif(?:y|ication)(?= (?:the|this|that|it|these|those|our|my|code|logic|function|component|\w+\.\w+)|\s*[.!]?$)|restructur(?:e|ing)|reorgani[sz]e|extract(?:ing)? (?:[\w.-]+ ){0,8}(?:into|to|out)|split (?!(?:the )?(?:data|dataset|string|text|input|rows|samples|array|list|records|bill|cost)\b)(?:[\w.,()-]+ ){0,6}(?:into|file|module|class|function|per)|break (?:up|apart) (?:the |this |that )?(?:[\w.-]+ ){0,3}into|(?:dedupe|deduplicate) (?:the |this |these |those |our )?(?:code|logic|helpers?|functions?|methods?|components?|them|it)\b|dry (?:it|this) up|decouple|moderni[sz]e|migrate (?:[\w./-]+ ){0,6}(?:to|from)|consolidate)\b/,
  ),
  R(
    "refactor",
    1.6,
    "structure words",
    /\b(?:readab(?:le|ility)|maintainab(?:le|ility)|duplicat(?:ed|ion)|separate (?:out|the|into)|(?:move|put|place) (?:\w+ ){0,4}(?:to|into|in) (?:a |its own |their own |an? )?separate (?:file|module|class|package|folder)|move (?:\w+ ){0,3}(?:to|into) (?:a |its own )?(?:file|module|class|package|folder)|rename (?:\w+ ){0,3}across|options object|more idiomatic|type hints|improve (?:the )?(?:types|typing|performance|structure)|optimi[sz]e|faster|performance|n ?\+ ?1|quadratic|o\([a-z]\^?2\)|declutter|deprecat(?:ed|ions?)\b(?! (?:warning|notice)s?)|consolidate)/,
  ),
  // document
  R(
    "document",
    3.0,
    "docs words",
    /\b(?:documentation|document (?:it|this|the|that|how|what)|documenting|docstrings?|jsdoc|javadoc|contributing(?:\.md| guide)|code of conduct|(?<!(?:disable|eslint-disable|noqa|ignore|todo|pr|github|review) )(?<!(?:remove|delete|strip|drop|clean up) (?:all |any )?(?:the |these |those |of the )?(?:\w+ )?)comments?(?! out)|(?<![@/])readme|changelog|(?<!(?:from|in|per|according to|search|check|read|consult) (?:the |your |its |their )?)(?<!and (?:the |your ))(?<![/@])docs(?![./]\w)|wiki|release notes|commit message|pr description|pull request description|summari[sz]e|handover|write-?up|tutorial|guide)\b/,
  ),
  // Nouns that also name what code produces ("a markdown document", "the summary line"): weaker.
  R(
    "document",
    2.5,
    "write a doc file",
    /\b(?:write|create|draft|add|update|start|generate) (?:a |an |the |our )?[\w.-]*\.(?:md|mdx|rst|adoc)\b|\b(?:write|draft) (?:me )?(?:a |an )?(?:short |brief |detailed |small )?(?:document|doc|explanation|explainer)\b(?! (?:model|store|type|class|db|database|object))|\bdocument explaining\b|\bfill in [\w.-]+\.(?:md|mdx|mdc|rst)\b|\b(?:write|put|save|record) (?:this|it|that|these|them|the \w+)(?: \w+)? (?:in|into|as) (?:a |an )?(?:new |separate |short )?(?:doc|document|markdown file|md file)\b|\bname it [\w.-]+\.(?:md|mdx|rst|adoc)\b|\b(?:md|markdown)[- ]formatted\b|\b(?:convert|turn|format|rewrite) (?:this|it|that|the \w+) (?:in)?to (?:an? )?(?:md|markdown)(?: file| document| format)?\b/,
  ),
  // Prose of a named kind: a paper's methods section, an abstract, an announcement, a postmortem.
  R(
    "document",
    2.5,
    "prose kinds",
    /\badd a section (?:on|about)\b|\b(?:write|draft|prepare) (?:a |an |the |our )?(?:\w+ ){0,2}(?:section|paragraph|abstract|blurb|announcement|postmortem|post-mortem|incident report|status update|newsletter|status report|progress report|report(?! (?:generator|endpoint|page|feature|function|script|view|module|service|api|builder|template|component))(?= (?:to|for) (?:send|share|my|the|our|a)\b))\b|\b(?:create|write|generate|produce) (?:a |an |the )?(?:\w+ ){0,2}(?:status|progress|summary) report\b/,
  ),
  // Fixing the docs is writing prose, whatever was wrong with them.
  R(
    "document",
    3.0,
    "fix the docs",
    /\b(?:fix|correct|update) (?:the |our |those |these )?(?:docs|documentation|readme|docstrings?|comments?|examples in the (?:docs|readme))\b|\bdocs only\b/,
  ),
  // Prose about changes holds a description of the changes ("changelog entry from these: - fix: …").
  R(
    "document",
    3.0,
    "changes write-up",
    /\b(?:changelog(?: entry)?|release notes?|commit message|pr description|pull request description|what'?s new|postmortem|post-mortem|incident report|adr\b(?= for)|architecture decision record)\b/,
  ),
  R(
    "document",
    1.2,
    "doc nouns",
    /\b(?:document|summary|markdown|md (?:file|format)|what'?s new|work ?log|dev ?log|(?:development |dev |project )diary)\b/,
  ),
  R(
    "document",
    2.0,
    "explain",
    /\b(?:explain|what does (?:this|the|it)|how does (?:this|the|it)|walk me through|(?<!the )describe(?![_(]| (?:function|method|block|call|blocks)\b)|tell me (?:about|what(?! to do))|what is (?:the |this )?(?:purpose|role)|overview|status of|what(?:'s|s| is) the (?:current )?status|what did you (?:learn|do|change)|what (?:is|'s) (?:this|the) (?:project|repo|repository|codebase|app|application)(?: (?:about|doing|for))?(?= ?[?.!]|$| (?:about|doing|for))|how many [\w -]{1,30} (?:are there|do we have|exist)|what(?:'s| is) the (?:underlying |actual |current )?(?:logic|mechanism)\b(?! (?:we|i|you) (?:should|want|need))|what (?:you|we) (?:have |'ve )?(?:done|changed|built|completed) so far|tell me what you understand)\b/,
  ),
  R(
    "document",
    2.0,
    "question about code",
    /\bwhat (?:does|do|is|are) [^?\n]{1,60}\b(?:represent|mean|stand for|do|for)\b|\b(?:where|how) (?:is|are) [^?\n]{1,60}\b(?:used|defined|called|set|configured|implemented|stored)\b|\bhow (?:to|do i|do you|can i) (?:run|use|start|install|invoke|call)\b|\bwhat(?:'s|s| is) the \w+ (?:used|being used)\b|\bwhich \w+ (?:is|are) (?:used|being used)\b|\bwhat happens (?:when|if|in)\b|\bis there (?:a|an|any) (?:\w+ )?(?:script|file|function|command|module|class|tool|config|setting|test)s? (?:in|inside|within|for) (?:this|the|our|my) (?:project|repo|repository|code ?base|folder|app)\b|\bwhat(?:'s| is) the (?:code|command|syntax) (?:to|for)\b|\bwhat (?:is|are) the [\w .@/-]{1,40} (?:mentioned|referenced|described|listed) in\b|\b(?:which|what) (?:is the )?[\w.-]+ (?:file|script|command) (?:do|should|must|can) i (?:use|run)\b|\bwhat is the [\w.-]+ (?:file|script|command) i (?:must|should|need to|have to) (?:use|run)\b|\bwhat (?:decides|determines|controls|governs)\b|\bwhy (?:is|are) there\b|\bwhat [\w -]{1,30} (?:am i|are we|is (?:it|this|the \w+)) using\b|\bfind (?:me )?(?:the )?(?:file|files|place|line|function|class|module)s? (?:that|where|which|with)\b|\b(?:what|which|how (?:many|much)) [^?\n]{0,40}\b(?:have|did|do) (?:we|you|i) (?:set|use|configure|define|pick|choose|chose)\b/,
  ),
  R(
    "document",
    4.0,
    "explain structure",
    /\b(?:(?:let me know|tell me|show me|explain|describe|walk me through) (?:about )?(?:the |our |your )?(?:current |existing |overall )?(?:[\w-]+ ){0,3}?|what(?:'s| is) (?:the |our |your )?(?:current |existing |overall )?)(?:architecture|structure|flow|process|pipeline|design|layout)\b(?! (?:for|of a new|to (?:build|add|implement)))|\b(?:am i (?:correct|right)|is (?:that|this|my understanding) (?:correct|right))\b|\bgive me (?:an? )?(?:overview|summary|rundown|tour) of\b/,
  ),
  R(
    "implement",
    1.5,
    "continue building",
    /\b(?:continue|keep|resume) (?:working|implementing|building|with (?:the |this )?(?:implementation|task|work|feature))\b|\b(?:continue|proceed|go on|move on)(?: \w+){0,2} (?:with|to) the next (?:story|task|step|feature|ticket|item|phase|milestone)\b/,
  ),
  // Rules and instruction files for agents (Cursor rules, CLAUDE.md, AGENTS.md…) are prose about how to work on the code.
  R(
    "document",
    4.5,
    "agent rule file",
    /\b(?:(?:cursor|global|project|agent|workspace|user) rules?|rules? (?:file|called|named|that (?:says|specifies|states|tells|explains|describes))|(?:create|write|make|add|update|record|amend|modify|change|edit|revise|extend) (?:a |an |the |this |that |whichever |new |another )*(?:new )?rule\b(?! (?:engine|set for|to (?:the )?(?:eslint|lint|firewall|validator)|(?:that|which|to) (?:runs?|annotates?|builds?|compiles?|calls?|aligns?|generates?|outputs?|produces?|merges?|downloads?|trims?|sorts?|indexes?)))|rules? (?:providing|with|giving|for) (?:\w+ )?guidance|(?:sub-?)?agent (?:markdowns?|definitions?|definition files?|prompt files?))|\b(?:write|create|update|add to|edit|amend|improve) [^.\n]{0,40}(?<!\b(?:using|use|with|via|per|following|follow|according to) @?[\w-]*)(?:\.mdc|\bclaude\.md|\bagents\.md|\.cursorrules|copilot-instructions|system prompt)\b|\b(?:generate|write|create|update)(?: or update)? [^\n]{0,20}(?:copilot-instructions|agents\.md|claude\.md)\b/,
  ),
  R(
    "document",
    2.2,
    "commit/pr",
    /\b(?:commit|push(?= (?:it|this|that|them|the (?:changes|branch|commit|tag)|to (?:origin|main|master|the remote|github|gitlab))\b)|(?<!(?:on|per|each|every) )pr(?![a-zäöüßàâçéèêëîïôûùñáíóú])(?!s? (?:comments?|checks?|builds?|pipelines?|runs?))|pull request)\b(?<!\b(?:don'?t|do not|never|not|without|before you|until (?:after )?(?:i|we) \w+(?: \w+)?,?) (?:commit|push|pr|pull request))/,
  ),
  // small_edit
  R(
    "small_edit",
    2.5,
    "rename one thing",
    /\b(?:rename (?:the |this |that )?(?:[\w-]+ ){0,2}`?[\w.$-]+`? to\b|name (?:the |this |that )?(?:file|variable|function|class|folder|directory|method|column|field)(?: name)? (?:from |as )?[^\n]{0,40}?\bto\b|change (?:the )?(?:value|constant|default|version|port|name|text|label|color|colour|string|timeout) (?:of \w+ )?(?:to|from)|bump (?:the )?version|(?<![-.])(?:re)?format (?:the|this|that|it|these|those|all|my|our|code|files?)\b|(?:fix|clean ?up|tidy|run) (?:the )?(?:code )?formatt?(?:ing|er)\b|formatting (?:issues?|fix(?:es)?|only|changes?|nits?)\b|(?:lower|upper) ?case|capitali[sz]e|lint(?:er)? (?:warning|error)s?|unused (?:import|variable)|indent(?:ation)?|trailing (?:whitespace|comma)|semicolon|delete (?:this|that|the) line|remove (?:this|that|the) (?:line|import|print|log|comment))\b/,
  ),
  R(
    "small_edit",
    1.0,
    "tiny change",
    /\b(?:just (?:change|rename|remove|delete|add|use|make|set|point|drop|wrap)|one-?liner|quick (?:fix|change|tweak)|minor (?:change|tweak|fix)|small (?:change|tweak|fix))\b/,
  ),
  R(
    "small_edit",
    3.2,
    "tag/move/bump",
    /\btag (?:the|this|it|that)\b[^.\n]{0,40}\b(?:version\b|v?\d+\.\d+)|\b(?:move|rename) (?:that|this|it|the file|the folder) (?:to|into) (?:a |the )?(?:new )?[\w./-]+(?: (?:folder|directory|dir))?\s*\??$|\b(?:update|change|set) the (?:\w+ )?(?:user ?name|password|port|host|url|path|version|name|label|title|color|colour|value|level)\b|\b(?:update|change|set|switch) (?:the )?(?:\w+ )?(?:email|e-mail|address|timeout|limit|threshold|default|copy|font|font size|icon|colou?r|port|url|version|label|title|text) to\b/,
  ),
  R(
    "small_edit",
    2.0,
    "one line/token",
    /^(?:please |pls |can you |could you |just |now |also |lets? |let'?s )?(?:(?:fix|change|rename|remove|delete|replace|update|set|swap) (?:the )?(?:line \d+|['"`][\w.$-]{1,40}['"`])|line \d+\b[^\n]{0,40}$)|\b(?:delete|remove|drop) (?:one of (?:them|those|these)|(?:this|that|the|an?) (?:extra |duplicate |unused |stray |stale |old |outdated |todo |fixme )*(?:line|import|constant|variable|blank line|empty line|comment|print|log|console\.log|debug statement)s?)\b|\b(?:version|constant|timeout|port|limit|default) (?:to|from) ['"`]?v?[\d.]+|\badd (?:an? )?(?:assert(?:ion)?\w*|null check|early return|guard clause|print statement|log line|console\.log)\b|\b(?:remove|delete|strip|drop) (?:all |any )?(?:the |these |those )?(?:\w+ )?comments\b|^(?:please |pls |now |just )?(?:kill|stop|restart) (?:the )?(?:process|server|container|port|dev server)\b|^(?:please |pls |now |just |lets? |let'?s )?(?:git )?(?:pull|push|fetch)(?: (?:the )?(?:latest|changes|it|everything))?(?: (?:from|to) (?:github|gitlab|origin|remote|upstream|main|master|the remote|the repo))?[.!]*$/,
  ),
  R(
    "test",
    1.8,
    "how to test",
    /\bhow (?:to|(?:can|do|should|would) (?:we|i)) (?:test|validate|verify)\b|\bhelp me (?:to )?(?:manually )?test\b|\b(?:validate|verify) (?:the new code|this step|that it works)\b/,
  ),
  R(
    "document",
    2.5,
    "translate",
    /\btranslat(?:e|ion)\b|переведи|перевод|что нового|напиши (?:кратко )?текст|traduc|übersetz|翻译|(?:改成|改为|换成|写成)(?:英文|英语|中文)|英文(?:表述|版)|em inglês|en inglés|на английский/,
  ),
  // refactor: same behaviour, new structure
  R(
    "refactor",
    2.2,
    "structure change",
    /\binstead of (?:passing|having|hard-?coding|duplicating|repeating)\b[^.\n]{0,80}\b(?:use|create|pass|make|can we|could we|let'?s|an? (?:options?|config|single))\b|\b(?:without changing|keep(?:ing)?|preserv(?:e|ing)) (?:the )?(?:behaviou?r|functionality|output|api)\b|\b(?:same|identical) (?:output|behaviou?r|result)s?\b|\bshould `?[\w.$-]+`? (?:be|live|go|belong) (?:in|into|under)\b|\b(?:extract|pull out|factor out|inline|rename) (?:\w+ ){0,3}(?:across|throughout|everywhere|into (?:a |its own |separate )?(?:helper|function|method|class|module|file|component|hook))\b|\b(?:type safety|typing|non-null assertion|strict(?:er)? types?|remove (?:the )?any)\b|\b(?:top-?down|consisten(?:t|cy) (?:in )?naming|naming consisten)/,
  ),
  R(
    "refactor",
    1.5,
    "refactor imperative",
    /(?:^|\b(?:let'?s|please|can you|could you|we should|now|then) )(?:refactor|clean up|simplify|restructure|reorgani[sz]e|dedupe|split up|moderni[sz]e)\b/,
  ),
  // plan: questions that ask for a decision, not for code
  R(
    "plan",
    2.5,
    "decision question",
    /\b(?:what are (?:the|my|our) (?:options|choices|alternatives)|options i see|(?:what|which) (?:\w+ ){1,3}(?:should|would|do you recommend|would you recommend) (?:i|we) (?:use|enable|install|add|pick|choose|go with|adopt|try)\b|(?:will|would|is|are|should) (?:a |an |the )?[\w.-]+ or (?:a |an |the )?[\w.-]+ (?:will |would )?(?:be )?(?:good|better|best|fine|enough|suitable|preferable|the (?:better|right) (?:choice|option|fit))\b|(?:should|would|could) (?:we|i) (?:just )?(?:use|go|pick|choose|model|store|structure|split|start|adopt|switch|move|migrate|host|deploy)|is it worth|worth (?:it|migrating|switching)|is (?:\w+ )?(?:fine|enough|overkill|a good idea)\b[^.\n?]{0,40}(?=\?)|what(?:'s| is| would be) the (?:safest|simplest|cleanest|right|recommended|best) (?:order|way|option|approach|path)|how (?:should|would|do) (?:we|i) (?:model|structure|approach|design|handle|organi[sz]e|split|store|migrate)|what should we do|what (?:architecture|pattern|approach)|estimate how (?:much|long)|effort estimate|blast radius|design question|which is the better (?:choice|option|fit)|which (?:one )?would (?:you|be) better|(?:a |the )?safe (?:sequence|order|way) (?:to|of|for)\b|how invasive|(?:in )?what order\b|which (?:ones? )?to \w+ first|what to \w+ first|what would have to change|(?:should|would|could) (?:we|i) (?:do|go with|use|pick|run|move|host|deploy|keep|stay) [^?\n]{1,60} or [^?\n]{1,60}(?=\?)|what about (?:just )?(?:using|doing|going with|switching to|moving to)|what would you (?:pick|choose|use|go with|recommend)|how should (?:the|our|this|a) [\w-]+ (?:\w+ )?(?:work|discover|handle|be|look|store|talk)|tell me (?:first )?how (?:you'?d|you would|we'?d|we would|we should)|in which order|which order (?:to|should)|figure out (?:a|an|the|which) [\w -]{1,30} to use|(?:pick|choose|find) (?:a|an|the right) (?:[\w-]+ ){0,2}(?:library|lib|framework|package|crate|gem|tool|database|db|orm|provider)\b|which (?:library|package|framework|crate|gem|tool|database|db|orm|provider) (?:to|should|would)|what (?:would|will|could|might) break|what'?s likely to (?:break|bite)|risky parts|what'?s the plan\b|poke holes|what (?:[\w ]{1,30} )?(?:needs|would need|has) to change|what should (?:the )?[\w +/-]{1,40} look like|checklist of steps|into a checklist|break (?:[\w'"-]+ ){1,6}(?:down )?into (?:\w+ )?(?:steps|phases|prs|milestones|tasks|tickets|stages|increments)|how much (?:work|effort|time) (?:would|will|does)|which (?:one |option )?(?:is|would be) (?:the )?(?:least|most|less|more|best|simplest|easiest|cheapest|safest)|which of (?:these|those|them|the (?:\w+ )?(?:options|approaches|issues|features|ideas|tasks))\b[^.\n?]{0,60}\b(?:best|easiest|simplest|safest|cheapest|better|first|most|least|prefer|recommend)\b|pros ?(?:\/|and) ?cons|trade-?offs?|which (?:one )?(?:should|would|is better|is best|do you (?:recommend|prefer))\b[^.\n?]{0,60}(?=\?)|risks?)\b/,
  ),
  R(
    "plan",
    3.0,
    "x vs y",
    /\b[\w.@/-]+ (?:vs\.?|versus) [\w.@/-]+ (?:vs\.?|versus) [\w.@/-]+|\b[\w.@/-]+ (?:vs\.?|versus) [\w.@/-]+(?:[^\n?]{0,120}\?| (?:for|in)\b)|^[\w.@/+-]+ or [\w.@/+-]+(?: [\w.@/+-]+)? (?:for|in|with|\?)/,
  ),
  R(
    "plan",
    2.5,
    "survey first",
    /\b(?:map out|figure out (?:where|how|which|what|whether)|find out (?:which|where|what|how) (?:parts?|modules?|files?|code)|no (?:code )?changes?(?: yet)?(?:,|\.|;| just)|just investigate|sketch (?:out )?(?:the|a|an)|(?:ticket|task|jira) breakdown|outline how|what (?:should|would) (?:go|come) first|(?:todo|task|step) list of|list of (?:implementation )?steps|subtasks|rough estimates?|migration (?:steps|plan|path)|order of operations|phases?\b[^.\n]{0,30}\bfirst)\b/,
  ),
  // implement is the default for "add/create X"; tests, docs and small edits name their own object (see textEvidence)
  // debug: symptoms described without the word "error"
  R(
    "debug",
    2.0,
    "symptom",
    /\b(?:(?:run|ran|running|runs) into (?:troubles?|problems?|issues?|errors?)|(?:seems? to |gets? |getting |got )confused\b|(?:although|but|even though|while|whereas) (?:the |this |that )?(?:function|method|constructor|call|api|endpoint|it|the \w+) only (?:takes|accepts|expects|supports|has|returns)\b|(?:is|are)(?:n'?t| not) being (?:retrieved?|saved|loaded|displayed|shown|rendered|called|sent|updated|applied|set|picked up|found|used|created|written)\b|having (?:some )?(?:trouble|issues|problems)|still,? (?:i |we |it )?(?:can'?t|cannot|can not|don'?t|doesn'?t|isn'?t|not|no)\b|can'?t see (?:the |my |any |it\b)|(?:not|isn'?t|aren'?t) showing\b|doesn'?t show up|turns? (?:black|white|blank)\b|what(?:'s| is) the (?:issue|problem)\b|(?:applied|charged|called|sent|fires?|fired|runs?|ran|replies|shows?|appears?|counted|processed|rendered|logged|created|inserted) (?:\w+ ){0,3}twice|expected [^.\n]{1,40},? (?:but )?(?:got|actual|received)|off by (?:one|exactly|\d)|still (?:\d{3}\b|flicker|happen|fail|broke|crash|hang|blank|empty|wrong|there|the same|slow|getting|seeing|returns?|shows?)|leak(?:s|ing)?|oom|out of memory|memory (?:grows|keeps growing|usage (?:grows|climbs))|find (?:out )?(?:why|the (?:leak|bug|cause))|root cause|intermittent(?:ly)?|infinite(?:ly)?(?![ -]scroll)|keeps? (?:re-?rendering|looping|restarting|reconnecting|hammering)|(?:returns?|gets?|got|gives?|throws?|responds? with|responding) (?:an? )?(?:http )?[45]\d\d\b(?! (?:if|when|with|on|for|and|otherwise|instead|status))|\b[45]\d\d (?:error|from|on|when)|shows? [^\s]{1,20} instead of|not found\b|nothing (?:shows|happens|appears)|returns? (?:nothing|null|undefined|none|nan|an empty|empty)\b|\beven though\b|\beven when i\b|\bforever\b|\bjust spins\b|\bkeeps? spinning\b|\bnever (?:finishes|returns|completes|arrives|fires|sends|loads|gets called|shows up)\b|\bgoes (?:to )?(?:nan|null|negative|zero|infinity)\b|\bis always (?:none|null|nil|undefined|empty)\b|\b(?:show|shows|showing|come|comes|coming) (?:up |out )(?:on|as|rotated|wrong|blank|empty|garbled|twice|in the wrong)\b|\b(?:is|went|turned|goes) red\b|\b(?:one|a|an|\d+) (?:day|hour|minute)s? (?:earlier|later|off|behind|ahead)\b|\bstarted (?:returning|failing|crashing|throwing|showing|timing out|hanging)\b|\b(?:\d+x|twice|way|much) too (?:high|low|big|small|slow|many)\b|\bduplicated? (?:rows|entries|records|messages|items|emails|events)\b|\b(?:every )?now and then\b|\brandomly\b|\bsporadically\b|\boccasionally\b|\bfigure out why\b|\bdrift(?:s|ing|ed)? (?:by|about|left|right|up|down|over|apart|~?\d)|\bstill drifting\b|\b(?:is|are)n'?t (?:conserved|preserved|respected|applied|honou?red|reset|cleared|freed|released)\b|\bdiffer(?:s|ent)? between runs\b|\bnon-?deterministic\b|\bwith the same seed\b|\b\d+ times in a row\b|\bdouble[- ]?(?:charg|bill|book|post)\w*|\bcharged twice\b|\bwhere does the (?:shift|error|leak|delay|lag|slowness|crash|warning|drift) come from\b|\b(?:writes?|written|sends?|logs?|prints?|emits?|returns?|calls?|charges?|bills?|renders?) (?:\w+ ){0,3}twice\b|\b(?:started|began|broke) after (?:your|the|my|our|this)\b|\bkeeps? (?:growing|increasing|climbing|rising|creeping)\b|\bcreeps? up\b|\b(?:come|comes|came) out (?:mirrored|flipped|upside down|cut off|truncated|inverted|black|white)\b|\boff by (?:a|an) \w+|\bshows? (?:the )?(?:wrong|previous|old|stale|last) (?:month|day|year|week|value|data|version|date)\b|\bdoes nothing\b|\bincorrectly (?:returns?|handles?|computes?|reports?|parses?|shows?|raises?|treats?|renders?|marks?)\b|\b(?:current|actual|observed) behaviou?r\b|\bsteps to reproduce\b|\bdescribe the bug\b|\b(?:has|there'?s|there is|with) no effect\b|\b(?:is|are)(?:n'?t| not) (?:present|visible|there) (?:on|in)\b|\b(?:is|are|was|were)(?:n'?t| not) (?:appeared|appearing|displayed|displaying)\b|\b(?:is|are) (?:backwards|reversed|inverted|flipped|upside down)\b|\bshows? (?:0|zero|no) \w+|\bloses (?:all|the|my|its)\b|\bgets lost\b|\bspikes? (?:to|every|when)\b|\bstutter\w*|\blag spikes?\b|\bworks (?:if|when) (?:the )?(?:app|it|i|you)\b|\brender(?:s|ed)? with (?:a|an) [\w-]+ (?:seam|gap|offset|border|flicker)\b|\bsince (?:i|we|you) (?:bumped|upgraded|updated|moved|switched|added|changed|merged|deployed|migrated)\b|\b(?:after|since) (?:the |this morning'?s |today'?s |yesterday'?s |last night'?s )?(?:deploy|release|upgrade|migration|merge|update)\b|\bblows? up\b|\bblew up\b|\b(?:only )?(?:on|in) (?:safari|firefox|chrome|edge|ios|android|windows|prod|production|staging|ci)(?: \d+)? only\b|\bonly (?:on|in) (?:safari|firefox|chrome|edge|ios|android|windows|prod|production|staging|ci)\b|\bworks (?:locally|on my machine|in dev|fine locally)\b|\b(?:images?|assets?|pages?|requests?|routes?|calls?|links?) (?:now |all |still )?[45]\d\d\b|\b[45]\d\d(?:s)? (?:in|on) (?:prod|production|staging|dev|ci)\b|\bi only (?:touched|changed|modified|added|bumped)\b|\bwants to (?:destroy|replace|recreate|delete)\b|\bnever (?:exits|terminates|stops|ends)\b|\bjust sits there\b|\bjust \w+s\b[^.\n]{0,40}\binstead of\b|\b(?:desktop|chrome|firefox|android|ios|locally|local|dev|staging)(?: \w+)? (?:is |works )?fine\b|\bstill (?:dropp|disconnect|timing out|crash|hang)\w*|\b(?:gets? |got )?disconnect(?:s|ed|ing)\b)/,
  ),
  // test: the kinds of test work, named
  R(
    "test",
    2.5,
    "test kinds",
    /\b(?:table-driven|property-based|golden[- ]file|snapshot tests?|\bneed an? (?:\w+ )?tests? (?:that|for|which)|(?:pytest|jest|vitest|rspec|gtest|junit) (?:tests? )?for\b|benchmarks? for|pact|bats|pgtap|terratest|testcontainers|msw handlers|conftest|factory_boy|factories for|mockery|mock (?:out )?(?:the|a|an|all|every) [\w-]+(?: [\w-]+)? (?:client|api|service|server|calls?|requests?|db|database)|test expectations|test names|regression tests?|failing tests? (?:that|which|for|first)|(?:tests?|specs?) (?:that|which) (?:reproduces?|fails?|covers?|catches?)|tests? to (?:cover|reproduce|catch|pin down)|cover (?:this|it|that|these|them|\w+) with (?:unit )?tests|tests? for [\w./-]+|e2e|end-to-end|playwright|cypress|k6|tsets?|tst|un test|tests? (?:dafür|para)|unit tests?)\b/,
  ),
  // refactor: behaviour kept, shape changed
  R(
    "refactor",
    2.5,
    "behaviour kept",
    /\b(?:(?:no|zero) (?:behaviou?r(?:al)?|functional|logic|ui|api|visual|user-facing) changes?|(?:behaviou?r|gameplay|output|json|api|messages?|semantics)(?: and \w+)? (?:stays? |remains? |is |are |should (?:be|stay|remain) |must (?:be|stay|remain) )?(?:the same|identical|unchanged)|nothing (?:should|must|will) change for|without changing what it (?:returns|does|prints)|keep (?:the )?(?:json|output|api|response|html) identical|(?:don'?t|do not|without) chang(?:e|ing) (?:the )?(?:logic|behaviou?r|output|api|ui)|same (?:public )?(?:ui|tokens|queries|template|output|api(?! (?:style|as|shape|design|conventions))|results?|behaviou?r|markup|bytes)|(?:output|behaviou?r|results?|bytes|api|response|responses)(?: \w+)? (?:must|should|has to|have to|needs to) (?:stay|be|remain) (?:exactly )?(?:the same|(?:bit-|byte-)?identical|unchanged|compatible)|keep (?:the )?same\b|behaviou?r must stay|(?:imports|callers|usages) (?:don'?t|won'?t|shouldn'?t) break|keep (?:the )?(?:exported |public )?(?:function )?(?:signatures?|api) (?:compatible|the same|unchanged)|(?:specs|tests) (?:should |must )?(?:still pass|pass unchanged))\b/,
  ),
  R(
    "refactor",
    1.8,
    "reshape code",
    /\b(?:(?:convert|turn) (?:[\w./-]+ +){0,6}(?:to|into) (?:[\w.-]+ ){0,2}(?:async|await|records?|dataclass(?:es)?|function components?|hooks|esm|es modules|imports|typescript|composition api|<script setup>|enums?|const|mixins|slices|modules?|components?)\b|remove the (?:\w+ )?flag and the old|old code path|port (?:\w+ ){0,5}(?:to|from) (?:\w+ ){0,3}(?:api|style|syntax)|pull (?:\w+ ){0,4}(?:out of|into)|group (?:\w+ ){0,4}into|(?:remove|delete) dead code|dead code|unused (?:exports|code|functions|methods)|memoi[sz]e|reduce allocations|hot path|tighten (?:the )?types|early returns|magic numbers|(?:long|big|huge) (?:method|function|file|class)s?|(?:function|method|file|class|component|module) is (?:way |much |far )?too (?:long|big)|split (?:it|this|that|them) up|move (?:everything|all (?:the )?[\w-]+|the [\w-]+(?: [\w-]+)?) (?:under|in|from) [\w./-]+ (?:in)?to |scattered (?:around|across|everywhere|all over)|native equivalents?|drop the (?:\w+ )?dependency|replace [^\n]{1,80}? with (?:[\w-]+ ){0,2}(?:enum(?: cases| values)?|enums|constants|(?:a |an )?(?:typed|sealed) \w+|function components?|hooks|async\/await|records|dataclasses|enums?|generics|const objects|string literal unions|composition api)|(?:is|are|it'?s|grown to|is now) (?:\d{3,5}|\d+k) lines|with (?:pathlib|f-strings|async\/await|optional chaining|dataclasses|the new api)\b|into (?:its|their) own (?:modules?|files?|components?|classes|packages?|hooks?)|update (?:all |the )?imports(?: everywhere)?|move [^.\n]{1,60} (?:out of|from) [^.\n]{1,40} into [\w./-]+\/|share the logic|move (?:[\w.-]+ ){1,6}(?:from [\w./-]+ )?(?:in)?to (?:[\w./-]+\/)?[\w-]+\.(?:ts|tsx|js|jsx|mjs|py|go|rs|rb|java|kt|cs|php|swift|c|cc|cpp|h|hpp|ex|scala)|move (?:[\w.-]+ ){1,6}(?:out of [\w./-]+ )?into (?:its own|a separate|a new|a shared|an? \w+) (?:module|package|file|class|component|service|crate|namespace|helper)s?|it'?s a pyramid|where (?:they|it) belongs?|replace [^.\n]{1,80}? with (?:the|our) (?:existing )?\w+ (?:enum|helper|constant|type|class|function))\b/,
  ),
  // refactor: the same code in several places
  R(
    "refactor",
    3.0,
    "duplication",
    /\b(?:(?:is|are|has|have) (?:\w+ )?(?:\d+% |mostly |almost |nearly |basically )(?:the same|identical|duplicates?)|(?:repeat|duplicate)s? (?:the same|it|this|that|everything|all|most|the logic|the code)|(?:is |are )?(?:done|duplicated|repeated|copied) in (?:\d+|two|three|several|multiple) places|copy-?past(?:e|ed|ing)|fix (?:every|all|the) imports?)\b/,
  ),
  // document: the kinds of prose, named
  R(
    "document",
    2.5,
    "doc kinds",
    /\b(?:rustdoc|phpdoc|kdoc|doxygen|tsdoc|godoc|adr|runbook|playbook|proofread|grammar|mermaid|sequence diagram|walk-?through|doc ?comments?|notice file|docs? (?:page|site)|(?:description|summary) (?:for|of) (?:the |this )?(?:pr|pull request|changes)|markdown cells|(?:what is|what'?s) (?:this|that|the) [\w .]{1,60} (?:doing|checking|for)\b|how does [\w_.()]+ work\b|\bi (?:need|want) to understand\b|\bjust explain\b|i don'?t (?:get|understand)\b(?! why)|nobody remembers|help text|usage text|man page|data dictionary|add (?:a )?descriptions? to\b|(?:openapi|swagger|api) descriptions?|fill (?:them|it|those|these) in\b|fill in the (?:missing |empty )?(?:descriptions?|docs|docstrings|help)|what is (?:this|that|it) doing|what'?s the point of|(?:explain|what'?s|what is) the difference between|\b(?:tell me|explain|show me|list) (?:\w+ )?(?:the )?(?:main |key |major )?(?:differences?|similarit(?:y|ies))\b)/,
  ),
  // small_edit: one value for another
  R(
    "small_edit",
    2.0,
    "value swap",
    /\bfrom (?:['"`][^'"`\n]{1,40}['"`]|v?\d[\w.]*) (?:to|with) |\binstead of ['"`]?[\w.#:/@-]+['"`]? (?:to|with) ['"`]?[\w.#:/@-]+|\b(?:to|be|use|make it) ['"`]?[\w.#:/@-]+['"`]? (?:instead of|not|rather than) ['"`]?[\w.#:/@-]+|\bis [a-z][a-z0-9_]{3,} not [a-z][a-z0-9_]{3,},|\bmake it ['"`][^'"`\n]{1,40}['"`]|\bmake it v?\d[\w.]*\s*$|[\w.]+ ?(?:->|→) ?[\w.]+\s*$|\b(?:pin|bump|upgrade|downgrade) [\w.@/-]+ to v?\d|\bbump (?:the )?(?:[\w.-]+ ){1,4}to [\w.@/-]*\d|(?:\b\d[\w.]*\)?|['"`][^'"`\n]{1,40}['"`]|[#\w.-]*\d[\w.-]*) (?:instead of|not|rather than) (?:\d|['"`]|[#\w.-]*\d)|,? (?:it )?should be [\w./#@:'"`-]+\s*$|\badd [\w./-]+ to \.gitignore|trailing newline|sort the imports/,
  ),
  R(
    "small_edit",
    2.0,
    "lint nit",
    /^(?:[\w-]+:? ){0,3}(?:e\d{3}|w\d{3}|cs\d{4}|sc\d{4}|shellcheck|rubocop|golangci-lint|ineffassign|goimports|flake8|pylint|ruff|clippy|stylelint|eslint|mypy)\b[^\n]{0,160}\b(?:just|says|complain|warning|add|use|drop|wrap|expected|instead saw)\b/,
  ),
  // Mechanical fixes whatever they touch: "fix the typo in the error message", "remove the trailing whitespace in README".
  R(
    "small_edit",
    4.0,
    "typo or whitespace",
    /\b(?:typos?|misspell(?:ed|ing)?|spelling|trailing (?:whitespace|spaces?|comma)|whitespace|missing semicolon|(?:un)?comment out|uncomment)\b/,
  ),
  R(
    "small_edit",
    3.0,
    "lint fix",
    /\b(?:lint|linter|gofmt|prettier|(?<!(?:turns?|turned|goes|went|is|are|becomes?|became|in|to|screen|page|all) )black|ruff|eslint|flake8|rubocop|clippy|stylelint|biome|golangci-lint|pylint|ktlint|swiftlint|shellcheck|sc\d{4})\b[^.\n]{0,40}\b(?:fix|error|warning|complain|fail|says|nit)|\b(?:fix|resolve|silence) (?:the |this |that |a |all )?(?:(?:one|last|remaining|single) )*lint(?:er)? (?:errors?|warnings?|issues?|nits?)\b/,
  ),
  // A rename across files is a refactor; a rename of one thing is a small edit (see "rename one thing").
  R(
    "refactor",
    7.0,
    "rename across",
    /\brename\b[^.\n]{0,80}\b(?:across|throughout|everywhere|in all (?:the )?(?:files|places|call ?sites|public)|all (?:the )?(?:call ?sites|usages|references|imports)|whole (?:code ?base|project|repo)|entire (?:code ?base|project|repo)|update (?:all|every) (?:imports?|call ?sites|usages|references))|\b`?[\w.$-]+`? should be `?[\w.$-]+`? (?:in all (?:the )?(?:code|files|places)|everywhere|throughout|across)\b/,
  ),
  // One setting, attribute or ignore entry: "turn off the banner: SHOW_BANNER=false", 'add alt="Logo" to the img'.
  R(
    "small_edit",
    2.5,
    "one setting",
    /\bturn (?:off|on) (?:the )?[\w -]{1,30}: |(?:^|[:\s])[a-z][a-z0-9_]{2,}=(?:true|false|on|off|yes|no|\d+)\s*$|\badd [\w-]+=["'][^"'\n]{0,40}["'] to\b|\bstop tracking\b|\buntrack\b|\badd `--?[\w-]+(?:=[^`]*)?` to (?:the )?[\w./-]+/,
  ),
  // A linter warning pasted with its location ("x.py:14: warning: line too long", "12:7 warning 'tmp' is never used",
  // "F401 'os' imported but unused") asks for a lint fix; compiler errors stay debug.
  R(
    "small_edit",
    2.5,
    "pasted lint warning",
    /:\d+:\d+: [cw]: (?:\[correctable\] )?(?:[a-z]+\/)?[a-z]+:|(?:\.\w{1,5}:\d+(?::\d+)?:?|\s\d+:\d+) +(?:warning\b|[cefw]\d{3,4}\b)[^\n]{0,140}\b(?:too long|unused|never used|imported but|whitespace|missing (?:docstring|semicolon|trailing)|line length|naming|shadow|prefer|deprecated|no-[\w-]+)/,
  ),
  // Non-English verbs (no \b: JS word boundaries are ASCII-only).
  R(
    "plan",
    2.5,
    "intl before coding",
    /する前に|まだコードは|先不要写代码|不要写代码|先别写代码|пока не пиши код|без кода|antes de (?:implementar|escribir|cambiar|tocar)|sin escribir código|todavía no (?:escribas|cambies)|bevor du (?:implementierst|codest)|noch keinen code/,
  ),
  R(
    "debug",
    2.5,
    "intl error",
    /(?:显示|顯示|打开|打開|运行|運行|启动|啟動|加载|加載|点击|點擊|编译|編譯)不了|ошибк|не работает|не запуска|исправ|баг|排查|偶尔|崩溃|异常|error en|no funciona|arregl|corrig|fehler|funktioniert nicht|schlägt fehl|fehlgeschlagen|warum startet|nicht mehr|gagal|tidak bisa|nggak jalan|dua kali|doppelt|zweimal|kaputt|还是不行|不行了|查一下|修一下|都不一样|不一致|但实际|却没有|не работает|woran (?:kann|könnte) das liegen|behebe|repariere|錯誤|错误|报错|修复|修正|erro |não funciona|conserte|corrija|falha|no puede|no puedo|no se puede|resolver un (?:peque[ñn]o )?problema|no est[aá] funcionando|(?:resolver|resuelve|arreglar) (?:el|este|ese|los|estos) (?:problema|error|bug)|no anda\b|no carga|no aparece|sigue (?:sin|dando|fallando)|não (?:consigo|está funcionando|aparece|carrega|abre)|resolv(?:a|er|e) o problema|corre[cç](?:ão|ões)|deu erro|está dando|не могу|не получается|не выда|не приход|не получаю|не отображ|не сохраня|в ч[её]м проблема|не видно|не показ|无法|失败|出错|有问题|不对|怎么回事|出了?问题|哪里不对|太慢|lỗi|không được|không hoạt động|không chạy|hata|çalışmıyor|nefunguje|chyba|non funziona|errore|non riesco|ne marche pas|ne fonctionne pas|erreur|plante\b|tidak (?:muncul|jalan|berfungsi)|yang salah|masih salah|エラー|動かない|原因|直して|なおして|에러|오류|안 ?돼/,
  ),
  // "Why" in other languages asks about a symptom as often as about a choice ("ma perché?" to a suggestion): the
  // weight of the English "why does/is…" question, not of an error word.
  R("debug", 1.0, "intl why", /почему|kenapa|为什么|為什麼|por qu[eé] |neden\b|proč|perch[éè]|pourquoi|なぜ|왜 /),
  R(
    "test",
    2.5,
    "intl test",
    /тест(?:ы|ов|ами|ах|а|ом)?(?![а-яё])|pruebas?|prueba unitaria|testf[äa]ll|testes|viết test|测试|單元測試|单元测试|テスト/,
  ),
  R(
    "refactor",
    3.0,
    "intl refactor",
    /рефактор|перенес|перенос|вынес|simplifie|c'est moche|nettoie|リファクタ|挙動は変え|упрост|refactoriz|reestructur|simplific|refaktor|umstrukturier|vereinfach|重构|重構|简化|tái cấu trúc|thành các file nhỏ|dọn dẹp (?:code|mã)|代码优化|优化(?:一下)?(?:代码|结构|逻辑|状态|组件|模块|这|该)|优化[^，。,.、]{1,8}(?:结构|代码|逻辑)|结构混乱|混乱的(?:文件|目录|代码)?结构|统一存放|整理(?:代码|文件|目录)|refator|simplifiq/,
  ),
  R(
    "small_edit",
    2.5,
    "intl rename",
    /переименуй|переименова|опечатк|改成|改为|\bsetz(?:e)? [^\n]{1,60}? auf\b|renombr|errata|umbenenn|tippfehler|重命名|改名|拼写|renomei|erro de digita/,
  ),
  R(
    "document",
    3.0,
    "intl docs",
    /(?<!(?:почитай|прочитай|проанализируй|изучи|посмотри|смотри) )документ|коммент|описани|説明|について教えて|anleitung|dokumentation|o que significa|não entendi|que signifie|qu'est-ce que|kya kar raha|kya karta|samjha do|samjhao|объясни|что делает|documenta(?!tion)|coment[aá]rio|explica|explíca|qué hace|entenderlo|dokumentier|kommentar|erkl[äa]r|文档|注释|解释|documente(?!d)|explique|explícame|como (?:iniciar|rodar|executar|instalar|usar|configurar) |cómo (?:iniciar|ejecutar|correr|instalar|usar|configurar) |在做什么|是做什么|做什么用|干什么的|介绍一下|讲解|说明一下|是什么意思|resumen|résumé|resumo|zusammenfassung|总结|摘要|概述|要約|tóm tắt|ringkasan|резюме|怎么工作|工作原理|funcionamento|como funciona|cómo funciona|me explique|do que se trata|de qué (?:trata|va)|про что|о ч[её]м (?:проект|этот|эта|это)|как (?:это |оно |он |она )?работает|расскажи (?:о|про|что|как работает)|опиши|worum geht|wie funktioniert|was macht (?:der|die|das|dieser|diese|dieses)\b|beschreib|comment fonctionne|à quoi sert|de quoi parle|ne yapıyor|ne işe yarar|nasıl çalışıyor|açıkla|jelaskan|apa fungsi|cara kerja|co dělá|vysvětli|jak funguje|o čem je|come funziona|spiegami|cosa fa\b|何をして|説明して|仕組み|설명해|어떻게 (?:동작|작동)|做了什[么麼]|是做什麼|在做什麼|什麼意思|解釋|說明一下|介紹一下|[写寫]成(?:notes?|笔记|筆記|文档|文檔|文件)|สรุป|อธิบาย|요약해/,
  ),
  R(
    "plan",
    2.0,
    "intl plan",
    /план|спроектир|архитектур|wie würdest du|noch nichts implementieren|empfiehl|뭐가 나을|어떤 게 나을|설계|구조부터|짜기 전에|wie sollten wir|vorschläge|keinen code|cómo estructurar|cómo organizar|cómo diseñ|qué enfoque|計画|影響範囲|設計|方針|まだコードは|как лучше|подход|риск|по шагам|planifica|diseñ|enfoque|mejor (?:forma|manera)|por fases|qué iría primero|ventajas y desventajas|planung|entwurf|ansatz|计划|设计|方案|架构|planej|abordagem|需要修改的地方|需要改进|改进建议|有什么建议|你(?:认为|觉得)|qu[eé] mejoras|qu[eé] (?:librer[ií]a|biblioteca|framework) (?:usamos|usar|deber[ií]amos)|cu[aá]l (?:librer[ií]a|biblioteca) |mejoras le har|qué cambiar[ií]as|cómo lo har[ií]as|que melhorias|quais melhorias|o que você mudaria|como você faria|что бы ты (?:изменил|улучшил)|какие улучшения|was würdest du (?:ändern|verbessern)|verbesserungsvorschl|quelles améliorations|que changerais|co bys (?:změnil|zlepšil)|cosa cambieresti|改善点|개선점|pelajari|要件定義|質問をしてください|consigli|quali sono i passi|cosa bisogna fare|come (?:procedere|impostare)|\bquel(?:le)?s? [^?\n]{1,40}(?:créer|utiliser|choisir|mettre en place|adopter|prendre)\b|analisa (?:project|proyek|kode)|[规規][划劃]|思路|最佳[实實]践|suggerisci|(?:te pongas|ponerte|ponte) en contexto|revisa (?:este|el|todo el) (?:proyecto|c[oó]digo|repo)|熟悉(?:一下)?(?:项目|項目|代码|代碼|结构|結構|架构|架構)|(?:要|该|該|应该|應該)改哪(?:个|個|些|里|裡)|[评評]估一?下|有必要[吗嗎]|[调調]研/,
  ),
  R(
    "implement",
    1.6,
    "intl build",
    /добав|создай|создать|реализ|напиши|сделай|\b(?:implementa|implementar|implementiere|implementieren|implemente|crea|crear|crie|criar|erstelle|erstellen)\b|añad|agreg|hinzufüg|füge\b[^.\n]{1,80}\bhinzu|实现|添加|创建|新增|编写|adicione|adicionar|tạo |viết |thêm |(?:crée|créer|créez|ajoute|ajouter|ajoutez|implémente|implémenter|développe|développer)(?![a-zà-ÿ])|追加して|作成して|実装して|作って|つくって|設置して|できるようにして|buatkan|tambahkan|bikin/,
  ),
];

/** A linter's or analyzer's advice about code that works: "Remove this redundant jump", "'x' is never used". */
const LINT_DIAGNOSTIC_RE =
  /^(?:remove|change|make|use|rename|replace|add|define|merge|simplify|prefer|avoid|move|extract|reorder|convert|mark|specify|declare|omit|combine|inline|unexpected any)\b|\b(?:(?:should|can|could) be (?:simplified|removed|made|declared|marked|replaced|renamed|converted|inlined|readonly|const|static|private|final)|(?:is|are) (?:declared|defined|assigned) but (?:its value is )?never (?:used|read)|is never (?:used|read|reassigned)|unused|missing (?:return type|docstring|jsdoc|semicolon|trailing comma)|line too long|trailing (?:whitespace|spaces)|naming (?:rule|convention)|redundant|unnecessary|deprecated|md\d{3}|(?:ide|ca|rcs|s)\d{3,4})\b/i;
/** …advice that asks for a structural change. */
const REFACTOR_DIAGNOSTIC_RE =
  /^refactor this\b|cognitive complexity|too many (?:lines|parameters|arguments|branches|statements)/i;

/** The phase of an editor diagnostic handed to a quick fix: advice on working code, or an error to fix. */
export function diagnosticPhase(diagnostic: string): Phase {
  if (REFACTOR_DIAGNOSTIC_RE.test(diagnostic)) return "refactor";
  return LINT_DIAGNOSTIC_RE.test(diagnostic) ? "small_edit" : "debug";
}

/** Which rules can match a text at all, from literals every match must contain (see prefilter.ts). */
export const RULE_GATE = new Prefilter(RULES.map((r) => ({ re: r.re, lowerCased: !r.caseSensitive })));

const N = PHASES.length;
/** Rules ignored in the agent's narration (`Rule.userOnly`), as the prefilter's skip list. */
const USER_ONLY = Uint8Array.from(RULES, (r) => (r.userOnly ? 1 : 0));
/** What `hits` says for each rule ("phase: name"), built once. */
const HIT_NAME = RULES.map((r) => `${r.phase}: ${r.name}`);
/** Indices of the rules that fired in one text (filled and read within one `textEvidence` call). */
const FIRED = new Int32Array(RULES.length);

export interface RuleResult {
  scores: Float64Array;
  hits: string[];
}

const LITERAL_RE =
  /['"`][^'"`\n]{1,40}['"`]|\b\d{2,}\b|\b\d+[._]\d+|#[0-9a-f]{3,8}\b|https?:\/\/|\b[\w.-]+@[\w-]+\.\w+/i;
const CHANGE_VERB_RE =
  /\b(?:change|make|set|use|update|bump|pin|point|rename|replace|default|switch|expose|target|turn (?:on|off)|should be|instead of)\b|->|→|ändern|setze|поменяй|измени|cambia|pon |改|换/;
/**
 * A greeting, a ping or "who are you" and nothing else (lower-cased): no code work, the answer is prose. Read in
 * the newest message only — a "hi" before the ask is not work in progress to inherit.
 */
export const SMALL_TALK_RE =
  /^\s*(?:(?:hi|hello|hey|hiya|yo|hola|bonjour|hallo|ciao|привет|你好|您好|嗨|こんにちは|안녕하세요)(?: there| all| guys| claude| cursor| copilot| codex| gemini)?[\s!,.~]*(?=$|[a-z\u3000-\u9fff]))?(?:(?:what'?s ?up|wh?assup|sup|how are you(?: doing)?(?: today)?|are you there|can you hear me|who are you|what(?:'s| is) your name|(?:what|which) (?:ai |llm )?model (?:are you|is this|am i talking to)|你是(?:谁|什么模型)?|this is (?:just )?a test\b[^\n]{0,30}|(?:just )?testing(?: \d+)?)[\s!,.?？~]*)?$(?<=\S)/;
/** Opens with a question word: asks about something rather than changing it. */
const QUESTION_RE = /^(?:(?:could|can) you (?:please )?)?(?:why|what|how|where|when|which|who)\b/;
const CORRECTION_RE =
  /\byou (?:left out|forgot|missed|skipped|dropped|didn'?t (?:add|include|remove|update|change|keep))\b|\bthere should (?:only )?be (?:one|just one|no|a single|only one)\b|\b(?:did|do) you (?:need|have) to\b|\byou (?:modified|updated|changed|edited|put|created|made|wrote) [^.\n]{0,60}\b(?:not|instead of)\b/;
const LIST_ITEM_RE = /(?:^|\s)\(?\d{1,2}[.)]\s+(?=[a-z])/gim;
const LIST_WEIGHT = 1.5;
// Word pairs written with a slash ("pros/cons", "pub/sub", "and/or") are not directories.
export const PATH_DIRS_RE =
  /(?:@|\b)(?!(?:pros|pub|and|ci|i|read|client|input|try|async|yes|on|true|before|front)\/)(?:[\w.-]+\/)+(?=[\w.-])/g;

/** A character a PATH_DIRS_RE match may hold: `@`, `\w`, `.`, `-`, `/`. */
function inPath(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 45 && c <= 57) || (c >= 64 && c <= 90) || c === 95 // a-z - . / 0-9 @ A-Z _
  );
}

/**
 * `text.replace(PATH_DIRS_RE, "")`, with the regex run only on the runs of path characters around each `/`. A match
 * is made of path characters and holds a `/`, so it lies inside one such run; its context is the character before it
 * (`\b`), which the slice keeps, and characters inside the run (the lookaheads). Elsewhere the regex would try every
 * word boundary of the text for nothing.
 */
export function stripDirs(text: string): string {
  let i = text.indexOf("/");
  if (i === -1) return text;
  const n = text.length;
  let out = "";
  let last = 0;
  while (i !== -1) {
    let s = i;
    while (s > 0 && inPath(text.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < n && inPath(text.charCodeAt(e))) e++;
    const from = s > 0 ? s - 1 : s;
    const run = text.slice(from, e).replace(PATH_DIRS_RE, "");
    out += text.slice(last, s) + (from < s ? run.slice(1) : run);
    last = e;
    i = e < n ? text.indexOf("/", e) : -1;
  }
  return out + text.slice(last);
}

const DOUBLE_SPACE_RE = / {2,}/g;

/** `text` with each line break between a lower-case letter or comma and a lower-case letter read as a space. */
export function joinWrappedLines(text: string): string {
  let out = "";
  let last = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    const b = text.charCodeAt(i - 1);
    const a = text.charCodeAt(i + 1);
    if (((b >= 97 && b <= 122) || b === 44) && a >= 97 && a <= 122) {
      out += `${text.slice(last, i)} `;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Evidence from text: weights summed per phase; `hits` names the rules that fired (for signals). */
export function textEvidence(text: string, withHits = true, maxChars = 650, narration = false): RuleResult {
  const scores = new Float64Array(N);
  const hits: string[] = [];
  if (!text) return { scores, hits };
  let t = text.length > maxChars ? `${text.slice(0, maxChars - 150)}\n${text.slice(-150)}` : text;
  // "how  can we" is "how can we", and a line wrapped mid-sentence ("exception\nhandling") reads on: runs of spaces
  // are one, a line break between two lower-case words is a space.
  if (t.includes("  ")) t = t.replace(DOUBLE_SPACE_RE, " ");
  t = joinWrappedLines(t);
  // Directories in file references ("@docs/cheatsheet.html", "src/tests/x.py") name places, not the task: keyword
  // rules see only the file's own name.
  const low = t.toLowerCase();
  const lower = stripDirs(low);
  let generic = 0;
  let object = false;
  let symptom = 0;
  let testObject = false;
  let container = -1;
  let containerW = 0;
  // trace rules look at case-sensitive text; keyword rules at lower-case text
  const may = RULE_GATE.scan(lower, low);
  const fired = RULE_GATE.matches(may, lower, t, FIRED, narration ? USER_ONLY : null);
  for (let f = 0; f < fired; f++) {
    const i = FIRED[f];
    const r = RULES[i];
    scores[PHASE_INDEX[r.phase]] += r.step && t.length > STEP_LONG ? r.w * STEP_IN_LONG : r.w;
    if (r.generic) generic += r.w;
    if (r.object) object = true;
    if (r.symptom) symptom += r.w;
    if (r.testObject) testObject = true;
    if (r.container && r.w > containerW) {
      container = PHASE_INDEX[r.phase];
      containerW = r.w;
    }
    if (withHits) hits.push(HIT_NAME[i]);
  }
  if (object && generic) scores[PHASE_INDEX.implement] -= generic * (1 - GENERIC_WITH_OBJECT);
  if (testObject && symptom) scores[PHASE_INDEX.debug] -= symptom * (1 - SYMPTOM_WITH_TEST);
  if (container !== -1) for (let p = 0; p < N; p++) if (p !== container) scores[p] *= CONTENT_WITH_CONTAINER;
  // Length/shape priors: very short imperative edits lean small_edit, long specs lean implement/plan.
  if (
    !narration &&
    lower.length < 90 &&
    /^(?:please |pls |can you |could you |just |now |also |lets? |let'?s )?(?:rename|change|replace|remove|delete|update(?! (?:the |all )?(?:files?|code|everything|it accordingly|them))|bump|set|swap|fix (?:the )?typo)\b/i.test(
      t.trim(),
    )
  )
    scores[PHASE_INDEX.small_edit] += 1.0;
  // "Typo, it's actually parentUuid": a short correction naming one identifier.
  if (
    !narration &&
    t.length < 120 &&
    /\b(?:it'?s|it is|should be) (?:actually |spelled |called )`?[\w.$-]+`?\s*[.!]?$/i.test(t.trim())
  )
    scores[PHASE_INDEX.small_edit] += 2.0;
  // A short message that changes one literal (a number, a quoted string, a version, a colour, a URL) to another.
  if (!narration && t.length < 140 && !QUESTION_RE.test(lower) && LITERAL_RE.test(t) && CHANGE_VERB_RE.test(lower))
    scores[PHASE_INDEX.small_edit] += 1.5;
  // A short remark on the change just made — an omission, a duplicate, the wrong place — asks for a small local fix.
  if (!narration && t.length < 100 && CORRECTION_RE.test(lower)) scores[PHASE_INDEX.small_edit] += 1.5;
  if (t.length > 600 && !/error|exception|traceback/i.test(t)) scores[PHASE_INDEX.implement] += 0.5;
  // A numbered list of three or more items is a spec to build — unless most items are questions (a review).
  if (!narration) {
    const items = t.split(LIST_ITEM_RE);
    if (items.length >= 4) {
      let q = 0;
      for (let i = 1; i < items.length; i++) if (items[i].includes("?")) q++;
      if (q * 2 >= items.length - 1) scores[PHASE_INDEX.plan] += LIST_WEIGHT;
      else scores[PHASE_INDEX.implement] += LIST_WEIGHT;
    }
  }
  if (t.trimEnd().endsWith("?")) scores[PHASE_INDEX.plan] += 0.3; // = /\?\s*$/.test(t.trim())
  return { scores, hits };
}
