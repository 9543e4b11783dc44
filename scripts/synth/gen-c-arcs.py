"""Conversation arcs for gen-c.py / gen-d.py: each arc builds one labelled multi-turn moment from a kit.

An arc returns (conv, phase, accept, complexity, opts). Labels follow shared/eval/PHASES.md:
the phase of what the model must do *next*; continuations and tool results inherit the work in progress.
"""

import importlib.util
import os

_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("genclib", os.path.join(_here, "gen-c-lib.py"))
L = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(L)
U, A, sh, rd, gr, ls, ed, wr = L.U, L.A, L.sh, L.rd, L.gr, L.ls, L.ed, L.wr

# ------------------------------------------------------------------ voices
CONT = ["ok", "continue", "go on", "yes", "do it", "proceed", "next step", "looks good, keep going", "sure", "ok continue",
        "yep", "go ahead", "k", "keep going", "👍", "yes please", "carry on", "ok, next", "cool, continue", "alright",
        "продолжай", "да", "sigue", "dale", "continua", "pode seguir", "继续", "好的", "続けて", "weiter", "ja, mach weiter", "ok proceed pls"]


def voice(r, text, style=None):
    """Hand-picked developer voices: the same request said differently."""
    s = style or r.choice(["plain", "plain", "terse", "polite", "typo", "frustrated", "spec"])
    if s == "terse":
        t = text.split(".")[0].split(" — ")[0]
        return t[0].lower() + t[1:] if t else text
    if s == "polite":
        return r.choice(["Hi! ", "Hey, ", "Could you please ", "Please ", ""]) + text[0].lower() + text[1:] + r.choice([" Thanks!", " thank you", " 🙏", ""])
    if s == "typo":
        t = text
        for a, b in [("the ", "teh "), ("should", "shoudl"), ("function", "fucntion"), ("with", "wiht"), ("please", "pls"), ("test", "tset")]:
            if a in t and r.random() < 0.5:
                t = t.replace(a, b, 1)
        return t.lower()
    if s == "frustrated":
        return text.rstrip(".") + r.choice([". this is the third time I ask", "!!", ". come on", " — and don't touch anything else this time", ". seriously"])
    if s == "spec":
        return text + "\n\nConstraints:\n- keep the public API unchanged unless noted\n- follow the existing style in the repo\n- run the checks when you're done"
    return text


def pick(r, xs):
    return r.choice(xs)


# ------------------------------------------------------------------ assistant narration pools
SAY_READ = ["Let me look at the current implementation first.", "I'll start by reading the relevant files.", "Checking how this is wired up.",
            "Let me see what's there.", "First, the existing code:", "Reading the module before changing anything.", None, None]
SAY_MORE = ["Now the related module.", "Let me also check where it's used.", "And the call sites:", None, None, "Let me check the tests directory too."]
SAY_RUN = ["Running the tests.", "Let me run the suite to verify.", "Now let's check it builds.", "Verifying with the test run.", None, "Quick check:"]


# ------------------------------------------------------------------ PLAN arcs
def plan_reads(k, r, agent):
    """plan question, then several read-only tool calls; ends on a tool result (no edits yet) -> plan"""
    conv = [U(voice(r, k["plan_ask"], pick(r, ["plain", "polite", "spec", "typo"])))]
    steps = [ls(".", k["ls"], pick(r, ["Let me get oriented in the repo first.", "I'll look around before proposing anything.", None])),
             rd(k["main_path"], k["main_src"], pick(r, SAY_MORE)), gr(k["grep_pat"], k["grep_out"], pick(r, SAY_MORE)),
             rd(k["aux_path"], k["aux_src"], pick(r, SAY_MORE))]
    n = r.randint(2, 4)
    conv += steps[:n]
    return conv, "plan", ["plan"], "high" if k["complexity"] == "high" else "medium", {"plan": r.random() < 0.4}


def plan_followup(k, r, agent):
    """plan proposed, user pushes back with questions about the design -> plan"""
    q = pick(r, ["what about doing it with a feature flag first? compare that with your option B",
                 "option 2 sounds better but how would we migrate existing data? think it through before we commit to anything",
                 "hm, I'm not convinced. what are the failure modes of each approach? and rough effort estimate?",
                 "can you break option A into steps/PRs we can merge independently?",
                 "y si lo hacemos por fases? qué iría primero?",
                 "а какие риски у второго варианта? распиши по шагам",
                 "我们团队只有两个人，哪个方案维护成本最低？",
                 "what would you cut if we only had a week?"])
    conv = [U(k["plan_ask"]), rd(k["main_path"], k["main_src"], pick(r, SAY_READ)), rd(k["aux_path"], k["aux_src"]),
            A(pick(r, ["Here are the options I see:\n\n**A. Minimal change** – extend the existing module, lowest risk, but couples concerns further.\n**B. New component** – a separate service/module with its own interface; cleaner, more work up front.\n**C. Third-party** – adopt a library; fastest, but adds a dependency and less control.\n\nI'd lean towards B. Want me to detail it?",
                       "I read through the code. Two viable approaches:\n\n1. Keep the current structure and add the new concept as a field/flag — quick, but every caller must learn about it.\n2. Introduce a dedicated abstraction and migrate callers gradually — more upfront work, clearer boundaries.\n\nMy recommendation is (2), done in three steps. Shall I write out the steps?"])),
            U(q)]
    return conv, "plan", ["plan"], "high" if r.random() < 0.5 else "medium", {}


def plan_mode_cont(k, r, agent):
    """plan mode on, a read, then user says continue -> plan"""
    conv = [U(k["plan_ask"]), rd(k["main_path"], k["main_src"], pick(r, SAY_READ)),
            A(pick(r, ["I've looked at the core module. Next I want to check the call sites and the tests before drafting the plan.",
                       "Got the main picture. I'll check how it's used elsewhere, then write up the plan.",
                       "Before proposing anything I need to see the callers and the config. Continuing the investigation."])),
            U(pick(r, CONT))]
    return conv, "plan", ["plan"], "medium", {"plan": True}


def plan_after_work(k, r, agent):
    """history of implementation work, then a fresh design question -> plan"""
    conv = [U(voice(r, k["feat_ask"])), rd(k["main_path"], k["main_src"]), wr(k["new_path"], k["new_src"]),
            sh(k["build_cmd"], k["build_ok"] or "(no output)", 0, pick(r, SAY_RUN)),
            A("Done — the feature is in and the build is green."),
            U(voice(r, pick(r, ["before we go further: ", "ok. bigger question — ", "next thing, but no code yet: ", ""]) + k["plan_ask"]))]
    return conv, "plan", ["plan"], "high" if k["complexity"] == "high" else "medium", {}


def plan_estimate(k, r, agent):
    """impact-estimation request, many greps, ends on tool result -> plan"""
    ask = pick(r, [f"how much work would it be to replace `{k['grep_pat']}` everywhere? just investigate and estimate, don't change anything",
                   f"before I open a ticket: what depends on {k['main_path']}? I want to know the blast radius of rewriting it",
                   f"investiga qué partes del código dependen de {k['main_path']} y propón un plan, sin tocar nada todavía",
                   f"{k['main_path']} をリファクタリングする前に影響範囲を調べて計画を立ててください。まだコードは変えないで"])
    conv = [U(ask), gr(k["grep_pat"], k["grep_out"], pick(r, SAY_READ)), rd(k["main_path"], k["main_src"]), ls(".", k["ls"])]
    if r.random() < 0.5:
        conv.append(rd(k["aux_path"], k["aux_src"], pick(r, SAY_MORE)))
    return conv, "plan", ["plan"], "medium", {}


# ------------------------------------------------------------------ IMPLEMENT arcs
def impl_build_ok(k, r, agent):
    """spec -> read -> write new file -> build/run passes; ends on passing tool result -> implement"""
    conv = [U(voice(r, k["feat_ask"])), rd(k["main_path"], k["main_src"], pick(r, SAY_READ)),
            wr(k["new_path"], k["new_src"], pick(r, ["Creating the new module.", "Now the implementation:", None])),
            sh(k["build_cmd"], k["build_ok"] or "(no output)", 0, pick(r, SAY_RUN))]
    return conv, "implement", ["implement"], k["complexity"], {"edits": True}


def impl_after_plan(k, r, agent):
    """plan presented, user approves -> implement"""
    conv = [U(k["plan_ask"].split("?")[0] + "? give me a plan first"), rd(k["main_path"], k["main_src"]),
            A(pick(r, ["Plan:\n1. Add the new type/config and wire it in.\n2. Update the service to use it.\n3. Migrate callers.\n4. Tests + docs.\n\nShall I start with step 1?",
                       "Proposed approach:\n- introduce the new abstraction next to the existing one\n- switch the hot path over behind a flag\n- remove the old path once it's verified\n\nWant me to implement it?"])),
            U(pick(r, ["yes do it", "go ahead", "sounds good, implement it", "ok go", "lgtm, start with step 1", "perfect, do it", "sí, implementa", "да, делай", "ok 실행해줘", "好的，开始实现吧"]))]
    return conv, "implement", ["implement"], k["complexity"], {}


def impl_write_mid(k, r, agent):
    """mid-build: a write just succeeded, more to do -> implement"""
    conv = [U(voice(r, k["feat_ask"], pick(r, ["plain", "spec", "polite"]))), rd(k["main_path"], k["main_src"]),
            wr(k["new_path"], k["new_src"], pick(r, ["First the core piece.", "Creating the new file.", None]))]
    return conv, "implement", ["implement"], k["complexity"], {"edits": True}


def impl_extend(k, r, agent):
    """feature just done, user asks for another capability -> implement"""
    extra = pick(r, ["nice. now also expose this through the CLI / API with proper validation",
                     "works. add a config option so ops can turn it off per environment",
                     "great, now make it emit a metric every time it triggers",
                     "ok now do the same for the admin side",
                     "funciona. agora adiciona suporte para exportar isso em CSV",
                     "gut. jetzt bitte noch Logging mit Request-ID dazu"])
    conv = [U(k["feat_ask"]), wr(k["new_path"], k["new_src"]), sh(k["build_cmd"], k["build_ok"] or "(no output)"),
            A("Implemented and verified — build is clean."), U(extra)]
    return conv, "implement", ["implement"], "medium", {}


def impl_cont(k, r, agent):
    """implementation in progress; assistant says what it will add next; user continues -> implement"""
    conv = [U(k["feat_ask"]), rd(k["main_path"], k["main_src"]), wr(k["new_path"], k["new_src"]),
            A(pick(r, ["The core piece is in place. Next I'll wire it into the entry point and add the config handling.",
                       "That's the first half. Remaining: hook it up to the router/CLI and handle the edge cases you listed.",
                       "Created the module. Now I need to connect it to the existing flow — continuing unless you want changes."])),
            U(pick(r, CONT))]
    return conv, "implement", ["implement"], k["complexity"], {}


# ------------------------------------------------------------------ DEBUG arcs
def debug_after_edit(k, r, agent):
    """model edited code for a feature, test run now fails in existing tests -> debug"""
    conv = [U(voice(r, k["feat_ask"])), rd(k["main_path"], k["main_src"]),
            ed(k["bug_path"], k["bug_old"], k["bug_new"], pick(r, ["Updating the call site.", "Wiring it in.", None])),
            sh(k["test_cmd"], k["fail_after_edit"], 1, pick(r, SAY_RUN))]
    return conv, "debug", ["debug"], k["complexity"], {"edits": True}


def debug_compile(k, r, agent):
    """write + compile/typecheck errors -> debug"""
    conv = [U(k["feat_ask"]), wr(k["new_path"], k["new_src"]), ed(k["bug_path"], k["bug_old"], k["bug_new"]),
            sh(k["compile_cmd"], k["compile_err"], 1, pick(r, ["Type-checking.", "Compiling.", None]))]
    return conv, "debug", ["debug"], "medium", {"edits": True}


def debug_user_paste(k, r, agent):
    """user pastes a runtime error from earlier work -> debug"""
    lead = pick(r, ["getting this now:\n\n", "prod is throwing this since the last deploy\n```\n", "i still get this error:\n", "",
                    "wtf is this\n", "после вчерашних изменений падает:\n", "me sale este error al arrancar:\n", "this happens only sometimes:\n"])
    tail = "\n```" if "```" in lead else ""
    conv = [U(k["feat_ask"]), wr(k["new_path"], k["new_src"]), A("Done. The feature is implemented."),
            U(lead + k["user_err"] + tail + pick(r, ["", "\n\nfix it", "\nany idea?", "\n\nwhy??", "\nplease fix"]))]
    return conv, "debug", ["debug"], "high" if "race" in k["user_err"].lower() or "Lazy" in k["user_err"] else "medium", {}


def debug_investigate(k, r, agent):
    """error reported, model reads the file; ends on the read result -> debug"""
    conv = [U(pick(r, ["", "fix this: ", "help, "]) + k["user_err"]), rd(k["main_path"], k["main_src"], pick(r, ["Let me look at the code in the trace.", "Reading the file from the stack trace.", None]))]
    if r.random() < 0.4:
        conv.append(gr(k["grep_pat"], k["grep_out"]))
    return conv, "debug", ["debug"], "medium", {}


def debug_explain_error(k, r, agent):
    """what does this error mean -> debug"""
    conv = [U(k["feat_ask"]), ed(k["bug_path"], k["bug_old"], k["bug_new"]), sh(k["compile_cmd"], k["compile_err"], 1),
            A("The build fails — looking into it."),
            U(pick(r, ["wait, what does this error actually mean? explain before you change anything", "what does that error mean?", "i don't get this error, what is it telling us?", "这个报错是什么意思？"]))]
    return conv, "debug", ["debug"], "medium", {}


def debug_still(k, r, agent):
    """fix attempted, same failure again -> debug"""
    conv = [U("tests are failing after the last change:\n" + k["fail_after_edit"][:500]), rd(k["bug_path"], k["main_src"]),
            ed(k["bug_path"], k["bug_new"], k["bug_old"] + "\n", "This should fix it."), sh(k["test_cmd"], k["fail_after_edit"], 1)]
    if r.random() < 0.5:
        conv += [A("Still failing with the same error. Let me dig deeper."), U(pick(r, ["still broken", "same thing", "nope, still failing", "still getting it", "sigue fallando"]))]
    return conv, "debug", ["debug"], "high", {"edits": True}


# ------------------------------------------------------------------ TEST arcs
def test_new_fail(k, r, agent):
    """writing tests; run shows failures caused by the new tests -> test"""
    conv = [U(voice(r, k["test_ask"])), rd(k["main_path"], k["main_src"], pick(r, SAY_READ)),
            wr(k["test_path"], k["test_src"], pick(r, ["Writing the tests.", "Here are the test cases.", None])),
            sh(k["test_cmd"], k["test_fail_new"], 1, pick(r, SAY_RUN))]
    return conv, "test", ["test"], "medium", {"edits": True}


def test_pass_continue(k, r, agent):
    """tests written and passing, assistant says more cases are coming -> test"""
    conv = [U(voice(r, k["test_ask"])), wr(k["test_path"], k["test_src"]), sh(k["test_cmd"], k["test_pass"], 0, pick(r, SAY_RUN))]
    if r.random() < 0.5:
        conv += [A(pick(r, ["The first batch passes. Next I'll add the edge cases (empty input, boundaries, error path).",
                            "Green. I still need the failure-path tests and a fixture for the second case — adding those now.",
                            "All passing. Coverage for the error branches is still missing; continuing with those."])), U(pick(r, CONT))]
    return conv, "test", ["test"], "low" if r.random() < 0.4 else "medium", {"edits": True}


def test_write_mid(k, r, agent):
    """test file just written (tool result of the write) -> test"""
    conv = [U(voice(r, k["test_ask"])), rd(k["main_path"], k["main_src"]), wr(k["test_path"], k["test_src"], pick(r, ["Adding the test file.", None]))]
    return conv, "test", ["test"], "low" if r.random() < 0.5 else "medium", {"edits": True}


def test_after_feature(k, r, agent):
    """feature done, user asks for tests -> test"""
    ask = pick(r, ["now write tests for this", "add unit tests for what you just built", "cover this with tests pls, happy path + errors",
                   "can you add tests? CI requires 80% coverage on new files", "agrega tests para esto", "напиши тесты на это",
                   "テストも書いてください", "bitte noch Tests dafür schreiben", "now tests. " + k["test_ask"]])
    conv = [U(k["feat_ask"]), wr(k["new_path"], k["new_src"]), sh(k["build_cmd"], k["build_ok"] or "(no output)"), A("Done, build passes."), U(ask)]
    return conv, "test", ["test"], "medium", {}


def test_repro(k, r, agent):
    """bug discussed; user asks for a failing test that reproduces it first -> test"""
    conv = [U(k["user_err"]), rd(k["main_path"], k["main_src"]),
            A("I can see where this comes from. Want me to fix it directly?"),
            U(pick(r, ["no — first add a test that reproduces it, then we fix", "write a regression test that fails on this first",
                       "before fixing, add a failing test case for exactly this", "primero un test que lo reproduzca por favor"]))]
    return conv, "test", ["test"], "medium", {}


def test_coverage_run(k, r, agent):
    """user asked for coverage work; coverage run result (passing) mid-task -> test"""
    conv = [U(pick(r, ["coverage on this module is bad. bring it up, focus on branches", "we need better test coverage for " + k["main_path"],
                       "add missing tests until " + k["main_path"] + " is fully covered"])),
            sh(k["test_cmd"], k["test_pass"], 0, "Baseline first."), wr(k["test_path"], k["test_src"]),
            sh(k["test_cmd"], k["test_pass"], 0, pick(r, SAY_RUN))]
    return conv, "test", ["test"], "medium", {"edits": True}


def test_fix_broken_test(k, r, agent):
    """the new tests fail because of the test itself; user says fix the test not the code -> test"""
    conv = [U(k["test_ask"]), wr(k["test_path"], k["test_src"]), sh(k["test_cmd"], k["test_fail_new"], 1),
            A("Two of the new tests fail. Looking at the failures, the expectations in the tests are wrong, not the code."),
            U(pick(r, ["yes fix the tests, the code is right", "ok adjust the test expectations", "right, the fixture is missing. fix the tests", "go ahead"]))]
    return conv, "test", ["test"], "low", {"edits": True}


# ------------------------------------------------------------------ REFACTOR arcs
def ref_green(k, r, agent):
    """refactor edit, tests still green; ends on the passing run -> refactor"""
    conv = [U(voice(r, k["ref_ask"])), rd(k["ref_path"], k["main_src"], pick(r, SAY_READ)),
            ed(k["ref_path"], k["ref_old"], k["ref_new"], pick(r, ["Extracting it.", "Restructuring.", None])),
            sh(k["test_cmd"], k["test_pass"], 0, pick(r, ["Making sure behaviour is unchanged.", "Tests should still pass:", None]))]
    return conv, "refactor", ["refactor"], "medium", {"edits": True}


def ref_cont(k, r, agent):
    """refactor in progress, user says continue -> refactor"""
    conv = [U(voice(r, k["ref_ask"])), ed(k["ref_path"], k["ref_old"], k["ref_new"]), sh(k["test_cmd"], k["test_pass"]),
            A(pick(r, ["First file done and tests are green. Now I'll update the remaining call sites the same way.",
                       "Step 1 of the refactor is done (still green). Next: move the helper into its own module and update imports.",
                       "That's the first occurrence. Two more to go, then I'll delete the old code path."])),
            U(pick(r, CONT))]
    return conv, "refactor", ["refactor"], "medium", {"edits": True}


def ref_edit_mid(k, r, agent):
    """refactor edit just applied (edit tool result) -> refactor"""
    conv = [U(voice(r, k["ref_ask"])), rd(k["ref_path"], k["main_src"]), gr(k["grep_pat"], k["grep_out"]),
            ed(k["ref_path"], k["ref_old"], k["ref_new"], pick(r, ["Applying the restructuring.", None]))]
    return conv, "refactor", ["refactor"], "medium", {"edits": True}


def ref_after_debug(k, r, agent):
    """a bug was fixed earlier; now user asks to clean up -> refactor"""
    ask = pick(r, ["ok it works now. but this is ugly, clean it up without changing behaviour", "now refactor: " + k["ref_ask"],
                   "works. можно теперь отрефакторить? " + k["ref_ask"], "great. next: " + k["ref_ask"],
                   "the fix is fine but the function is way too long now, split it up", "リファクタリングして。挙動は変えないで"])
    conv = [U(k["user_err"]), rd(k["main_path"], k["main_src"]), ed(k["bug_path"], k["bug_old"], k["bug_new"]),
            sh(k["test_cmd"], k["test_pass"]), A("Fixed — tests pass."), U(ask)]
    return conv, "refactor", ["refactor"], "medium", {}


def ref_perf(k, r, agent):
    """perf on existing code keeping behaviour -> refactor"""
    ask = pick(r, [f"{k['main_path']} is the hot path in the profile. make it faster without changing what it returns",
                   f"can you optimize {k['main_path']}? same behaviour, fewer allocations",
                   f"this is slow on big inputs. speed it up but keep the output identical"])
    conv = [U(ask), rd(k["main_path"], k["main_src"])]
    if r.random() < 0.5:
        conv += [ed(k["ref_path"], k["ref_old"], k["ref_new"]), sh(k["test_cmd"], k["test_pass"], 0, "Checking nothing changed behaviourally.")]
    return conv, "refactor", ["refactor"], "medium", {"edits": True}


def ref_rename_across(k, r, agent):
    """rename across many files; grep then edits -> refactor"""
    conv = [U(pick(r, [f"rename `{k['grep_pat'].strip(chr(92)).strip('[')}` to something clearer across the whole codebase, update all call sites and tests",
                       f"move {k['main_path']} into its own package/module and fix every import",
                       "split " + k["main_path"] + " into smaller files by responsibility"])),
            gr(k["grep_pat"], k["grep_out"], "Finding all usages."), ed(k["ref_path"], k["ref_old"], k["ref_new"])]
    if r.random() < 0.5:
        conv.append(sh(k["test_cmd"], k["test_pass"]))
    return conv, "refactor", ["refactor"], "medium", {"edits": True}


# ------------------------------------------------------------------ DOCUMENT arcs
def doc_written(k, r, agent):
    """docs file written, more documenting to do; ends on write result -> document"""
    conv = [U(voice(r, k["doc_ask"])), rd(k["main_path"], k["main_src"], pick(r, SAY_READ)),
            wr(k["doc_path"], k["doc_src"], pick(r, ["Writing the docs.", "Here's the documentation.", None]))]
    return conv, "document", ["document"], "low", {"edits": True}


def doc_cont(k, r, agent):
    """docs in progress, user continues -> document"""
    conv = [U(voice(r, k["doc_ask"])), wr(k["doc_path"], k["doc_src"]),
            A(pick(r, ["First section done. Next I'll document the configuration options and add a troubleshooting section.",
                       "Added the overview. I'll continue with the remaining public functions' docstrings.",
                       "That covers the main flow. Still to do: examples for the error cases and a note in the CHANGELOG."])),
            U(pick(r, CONT))]
    return conv, "document", ["document"], "low", {"edits": True}


def doc_explain(k, r, agent):
    """explain existing code; model read it; ends on read result or question -> document"""
    conv = [U(voice(r, k["explain_ask"], pick(r, ["plain", "polite", "typo"]))), rd(k["main_path"], k["main_src"], pick(r, SAY_READ))]
    if r.random() < 0.4:
        conv.append(rd(k["aux_path"], k["aux_src"]))
    return conv, "document", ["document"], "low", {}


def doc_commit_msg(k, r, agent):
    """feature done; user asks for commit message / PR description; model ran git diff -> document"""
    ask = pick(r, ["write a commit message for this, conventional commits", "commit it with a good message", "draft the PR description",
                   "ok looks great, let's commit it", "напиши описание для PR", "escribe el mensaje del commit"])
    conv = [U(k["feat_ask"]), wr(k["new_path"], k["new_src"]), sh(k["build_cmd"], k["build_ok"] or "(no output)"),
            A("Done, everything passes."), U(ask)]
    if r.random() < 0.6:
        conv += [sh("git status --short", " M " + k["bug_path"] + "\n?? " + k["new_path"], 0, "Checking the changes."), sh("git diff", k["diff_out"])]
    return conv, "document", ["document"], "low", {}


def doc_after_work(k, r, agent):
    """after a refactor/test session, user asks for docs -> document"""
    ask = pick(r, ["now update the README to reflect this", "add docstrings to the new functions", k["doc_ask"],
                   "can you document this? the team will hate me otherwise", "update CHANGELOG.md with an entry for this",
                   "documenta esto en el README", "pls add comments explaining the tricky parts"])
    conv = [U(k["ref_ask"]), ed(k["ref_path"], k["ref_old"], k["ref_new"]), sh(k["test_cmd"], k["test_pass"]), A("Refactor done; all tests still pass."), U(ask)]
    return conv, "document", ["document"], "low", {}


def doc_changelog(k, r, agent):
    """user asks for changelog/release notes; model reads git log -> document"""
    log = "\n".join(f"{L._hex(r, 7)} {m}" for m in ["feat: " + k["feat_ask"][:50].lower(), "fix: handle empty input", "refactor: extract helper", "test: cover edge cases", "chore: bump deps"])
    conv = [U(pick(r, ["write release notes for v2.4 from the commits since the last tag", "update CHANGELOG.md for the upcoming release",
                       "summarize what changed since v1.8 for the release post"])),
            sh("git log --oneline v1.8.0..HEAD", log, 0, "Collecting the commits since the last release.")]
    if r.random() < 0.5:
        conv.append(rd("CHANGELOG.md", "# Changelog\n\n## [1.8.0] - 2026-09-30\n### Added\n- initial export API\n### Fixed\n- timezone handling in reports"))
    return conv, "document", ["document"], "low", {}


# ------------------------------------------------------------------ SMALL_EDIT arcs
def small_applied(k, r, agent):
    """one-line change requested and applied; ends on the edit result -> small_edit"""
    conv = [U(voice(r, k["small_ask"], pick(r, ["plain", "terse", "typo", "polite"]))),
            ed(k["small_path"], k["small_old"], k["small_new"], pick(r, [None, "Done:", "Changing it."]))]
    return conv, "small_edit", ["small_edit"], "low", {"edits": True}


def small_ok(k, r, agent):
    """one-line change applied, user says ok -> small_edit"""
    conv = [U(voice(r, k["small_ask"])), ed(k["small_path"], k["small_old"], k["small_new"]),
            A(pick(r, ["Changed.", "Done — one line.", f"Updated `{k['small_path']}`.", "Done."])), U(pick(r, ["ok", "ok thx", "👍", "thanks", "k", "perfect", "ok", "gracias", "спасибо"]))]
    return conv, "small_edit", ["small_edit"], "low", {"edits": True}


def small_after_feature(k, r, agent):
    """long feature history, then a trivial one-line request -> small_edit"""
    conv = [U(k["feat_ask"]), rd(k["main_path"], k["main_src"]), wr(k["new_path"], k["new_src"]), sh(k["build_cmd"], k["build_ok"] or "(no output)"),
            A("Feature implemented, build passes."), U(voice(r, k["small_ask"], pick(r, ["plain", "terse", "typo"])))]
    return conv, "small_edit", ["small_edit"], "low", {}


def small_generic(k, r, agent):
    """generic trivial edits in the kit's files -> small_edit"""
    asks = [f"typo in {k['doc_path']}: 'recieve' -> 'receive'", f"remove the unused import at the top of {k['main_path']}",
            f"fix the lint warning in {k['main_path']} line 3, unused variable", "bump the version to 2.4.1",
            f"add a trailing newline to {k['aux_path']}", f"delete the commented-out block at the end of {k['main_path']}",
            "change the log level of that message from info to debug", "pin the dependency to the exact version we tested with",
            f"{k['main_path']}: rename x -> count", "can you fix the indentation in that file, it's mixed tabs/spaces",
            "cambia el puerto por defecto a 8081", "поменяй таймаут на 30 секунд", "把默认重试次数改成 5", "タイポ直して: 'sucess' → 'success'"]
    conv = []
    if r.random() < 0.6:
        conv += [U(k["feat_ask"]), wr(k["new_path"], k["new_src"]), A("Implemented.")]
    conv.append(U(pick(r, asks)))
    return conv, "small_edit", ["small_edit"], "low", {}


def small_lint(k, r, agent):
    """linter warning pasted -> small_edit"""
    warn = pick(r, [f"{k['main_path']}:3:1: F401 'os' imported but unused", f"{k['main_path']}\n  12:7  warning  'tmp' is assigned a value but never used  @typescript-eslint/no-unused-vars",
                    f"{k['main_path']}:14: warning: line too long (121 > 100 characters)", f"warning: unused variable: `idx`\n --> {k['main_path']}:9:9"])
    conv = [U(pick(r, ["fix this warning\n", "lint complains:\n", "", "silence this properly (not with a disable comment):\n"]) + warn)]
    return conv, "small_edit", ["small_edit"], "low", {}


ARCS = {
    "plan": [plan_reads, plan_followup, plan_mode_cont, plan_after_work, plan_estimate],
    "implement": [impl_build_ok, impl_after_plan, impl_write_mid, impl_extend, impl_cont],
    "debug": [debug_after_edit, debug_compile, debug_user_paste, debug_investigate, debug_explain_error, debug_still],
    "test": [test_new_fail, test_pass_continue, test_write_mid, test_after_feature, test_repro, test_coverage_run, test_fix_broken_test],
    "refactor": [ref_green, ref_cont, ref_edit_mid, ref_after_debug, ref_perf, ref_rename_across],
    "document": [doc_written, doc_cont, doc_explain, doc_commit_msg, doc_after_work, doc_changelog],
    "small_edit": [small_applied, small_ok, small_after_feature, small_generic, small_lint],
}
