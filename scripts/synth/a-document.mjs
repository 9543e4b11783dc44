import { a, ed, gr, rd, S, sh, u, wr } from "./dsl.mjs";

export default [
  // ---- explain existing code ----
  S("document", "low", "explain-fn-py", [
    u("what does `normalize_payload` in ingest/transform.py actually do? I inherited this code"),
  ]),
  S("document", "medium", "explain-module-go", [
    u("explain the internal/scheduler package to me — how do the leader, queue and worker pieces fit together?"),
  ]),
  S("document", "low", "explain-regex", [
    u("can you explain this regex line by line: ^(?=.*[A-Z])(?=.*\\d)(?!.*\\s).{8,64}$"),
  ]),
  S("document", "medium", "explain-rust-lifetimes", [
    u(
      "I don't get what this signature means, can you walk me through it?\n\n```rust\npub fn split_first_word<'a, 'b: 'a>(s: &'a str, sep: &'b str) -> Option<(&'a str, &'a str)>\n```",
    ),
  ]),
  S("document", "low", "explain-sql", [
    u(
      "what is this query doing? its in our reporting job and nobody remembers\n\n```sql\nSELECT d.id, SUM(CASE WHEN o.status = 'paid' THEN o.total ELSE 0 END) OVER (PARTITION BY d.id ORDER BY o.created_at ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS rolling\nFROM dealers d JOIN orders o ON o.dealer_id = d.id;\n```",
    ),
  ]),
  S(
    "document",
    "medium",
    "explain-react-hook",
    [u("explain how useInfiniteFeed works, especially the part with the ref and the IntersectionObserver")],
    { ag: "cursor" },
  ),
  S("document", "low", "how-run-tests", [
    u("how do I run the integration tests locally? there's a docker-compose file but I'm not sure what the order is"),
  ]),
  S("document", "low", "how-run-project", [u("how do i run this project? first time cloning it")]),
  S("document", "medium", "architecture-overview", [
    u("understand the existing code base and give me an overview of the architecture, main modules and data flow"),
  ]),
  S(
    "document",
    "low",
    "aider-ask-explain",
    [u("/ask what does the `debounce` decorator in utils.py do and where is it used?")],
    { mode: "ask" },
  ),
  S("document", "low", "aider-ask-explain-2", [u("/ask explain the retry logic in http_client.py")], { mode: "ask" }),
  S("document", "medium", "explain-kotlin-flow", [
    u("what does this do exactly? stateIn with SharingStarted.WhileSubscribed(5000)... why 5000"),
  ]),
  S("document", "medium", "explain-terraform-module", [
    u("explain what modules/network/main.tf creates, in plain english, I need to present it to the security team"),
  ]),
  S("document", "low", "explain-bash", [
    u("what does `set -euo pipefail` + `trap 'rm -rf \"$tmp\"' EXIT` do at the top of deploy.sh?"),
  ]),
  S("document", "medium", "explain-csharp-linq", [
    u(
      "Can you explain what this LINQ chain does step by step? GroupJoin + SelectMany + DefaultIfEmpty confuses me\n\nvar q = customers.GroupJoin(orders, c => c.Id, o => o.CustomerId, (c, os) => new { c, os }).SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new { x.c.Name, Total = o == null ? 0 : o.Total });",
    ),
  ]),
  S("document", "low", "explain-russian", [
    u("объясни, что делает функция merge_intervals в utils/intervals.py, и почему там сортировка в начале"),
  ]),
  S("document", "low", "explain-spanish", [
    u("¿me explicas qué hace el middleware authGuard? no entiendo por qué llama a next() dos veces"),
  ]),
  S("document", "medium", "explain-chinese", [u("解释一下 src/cache/lru.ts 这个模块是怎么工作的，特别是淘汰策略部分")]),
  S("document", "low", "explain-german", [
    u("Kannst du mir erklären, was die Klasse `TokenBucket` in ratelimit.go macht?"),
  ]),
  // explain with tool reads (tail = read result)
  S(
    "document",
    "medium",
    "explain-read-tail",
    [
      u("explain how the auth flow works in this app, from login form to session cookie"),
      gr(
        "login",
        "src/routes/auth.ts:12:router.post('/login', loginHandler)\nsrc/pages/Login.tsx:40:  const res = await fetch('/api/login', {\nsrc/services/session.ts:8:export async function createSession(userId: string) {",
      ),
      rd(
        "src/routes/auth.ts",
        "export async function loginHandler(req: Request, res: Response) {\n  const { email, password } = req.body;\n  const user = await users.verify(email, password);\n  if (!user) return res.status(401).end();\n  const sid = await createSession(user.id);\n  res.cookie('sid', sid, { httpOnly: true, sameSite: 'lax', secure: true });\n  res.json({ ok: true });\n}",
      ),
    ],
    { acc: ["document", "plan"] },
  ),
  S("document", "low", "explain-read-tail-2", [
    u("what does this script do? scripts/rotate_keys.sh"),
    rd(
      "scripts/rotate_keys.sh",
      '#!/usr/bin/env bash\nset -euo pipefail\nNEW=$(openssl rand -hex 32)\naws secretsmanager put-secret-value --secret-id app/signing-key --secret-string "$NEW"\nkubectl -n app rollout restart deploy/api\necho "rotated at $(date -u)" >> /var/log/keyrot.log',
    ),
  ]),
  S("document", "medium", "explain-read-tail-3", [
    u(
      "I need to understand the pricing engine before a meeting. what does PriceCalculator do and what are the rules it applies?",
    ),
    rd(
      "src/main/kotlin/pricing/PriceCalculator.kt",
      "class PriceCalculator(private val rules: List<PriceRule>, private val tax: TaxService) {\n    fun quote(cart: Cart, customer: Customer): Quote {\n        var subtotal = cart.lines.sumOf { it.unitPrice * it.qty }\n        val applied = rules.filter { it.applies(cart, customer) }.sortedBy { it.priority }\n        for (r in applied) subtotal = r.apply(subtotal, cart)\n        return Quote(subtotal, tax.compute(subtotal, customer.region), applied.map { it.code })\n    }\n}",
    ),
    gr(
      "class .*: PriceRule",
      "src/main/kotlin/pricing/rules/VolumeDiscount.kt:5:class VolumeDiscount : PriceRule {\nsrc/main/kotlin/pricing/rules/LoyaltyDiscount.kt:4:class LoyaltyDiscount(val pct: Int) : PriceRule {\nsrc/main/kotlin/pricing/rules/Coupon.kt:7:class Coupon(val code: String) : PriceRule {",
    ),
  ]),

  // ---- README / docs ----
  S("document", "low", "readme-new", [
    u("write a README for this repo: what it is, install, usage examples for the CLI, config env vars, license MIT"),
  ]),
  S("document", "medium", "readme-update", [
    u(
      "the README still describes the old docker setup. update the 'Getting started' section for the new devcontainer flow and remove the makefile instructions",
    ),
  ]),
  S("document", "medium", "docs-api", [
    u(
      "Document every public endpoint in the orders API in docs/api/orders.md — method, path, params, example request/response, error codes. Pull the info from the route handlers.",
    ),
  ]),
  S("document", "low", "docstrings-py", [u("add google style docstrings to all public functions in geo/distance.py")]),
  S("document", "low", "jsdoc", [
    u(
      "add jsdoc comments to the exported functions in src/lib/format.ts, including @param and @returns and an @example for formatCurrency",
    ),
  ]),
  S("document", "low", "rustdoc", [
    u("write rustdoc for the public API of the `ringbuf` module with examples that compile as doctests"),
  ]),
  S(
    "document",
    "low",
    "godoc",
    [u("add godoc comments to the exported types in pkg/queue, the linter is complaining they're missing")],
    { acc: ["document", "small_edit"] },
  ),
  S("document", "low", "javadoc", [
    u("Add Javadoc to RetryPolicy and its builder methods. Explain what maxAttempts = 0 means."),
  ]),
  S("document", "low", "xml-doc-csharp", [
    u("add /// xml doc comments to IPaymentGateway and its methods, our docfx site shows them empty"),
  ]),
  S("document", "low", "comments-inline", [
    u("the bit-twiddling in hash.c is unreadable. add comments explaining each step, don't change the code"),
  ]),
  S("document", "low", "changelog", [
    u("update CHANGELOG.md for v3.4.0 based on the commits since v3.3.2. group into Added / Fixed / Changed"),
  ]),
  S("document", "low", "changelog-tool", [
    u("write the changelog entry for the release we're about to cut"),
    sh(
      "git log --oneline v1.8.0..HEAD",
      "a81f2c3 feat(export): add parquet output\n93bd0e1 fix(cli): --quiet was ignored for sync\n1c4e77a chore(deps): bump tokio to 1.38\nf02aa9b feat: support XDG config dir\n6d1e0b2 fix: crash on empty manifest",
    ),
  ]),
  S("document", "low", "commit-msg", [u("write a commit message for the staged changes, conventional commits style")]),
  S("document", "low", "commit-msg-tool", [
    u("commit this please"),
    sh(
      "git diff --staged --stat",
      " src/parser/lexer.ts      | 34 +++++++++++++++++++-----\n src/parser/lexer.test.ts | 21 +++++++++++++++\n 2 files changed, 47 insertions(+), 8 deletions(-)",
    ),
  ]),
  S("document", "low", "pr-description", [
    u(
      "write a PR description for this branch: summary, motivation, what changed, how to test, screenshots placeholder",
    ),
  ]),
  S("document", "medium", "pr-desc-tool", [
    u("draft the PR description for feature/bulk-edit"),
    sh(
      "git log main..HEAD --format='%s%n%b'",
      "Add bulk selection to table\n\nBulk edit modal with field picker\n\nBatch PATCH endpoint /items/bulk\nValidates max 500 ids\n\nTests for bulk endpoint",
    ),
    sh("git diff main --stat | tail -1", " 14 files changed, 812 insertions(+), 57 deletions(-)"),
  ]),
  S("document", "low", "adr", [
    u(
      "write an ADR (docs/adr/0007-use-postgres-for-queue.md) recording that we chose postgres SKIP LOCKED over rabbitmq for the job queue. context: low volume, want fewer moving parts",
    ),
  ]),
  S("document", "low", "openapi-descriptions", [
    u("fill in the missing `description` fields in openapi.yaml for the /invoices endpoints, they're all empty"),
  ]),
  S("document", "low", "docs-contributing", [
    u("write a CONTRIBUTING.md: how to set up, branch naming, commit style, how to run lint/tests, PR checklist"),
  ]),
  S("document", "low", "docs-runbook", [
    u("write a runbook for when the payment webhook queue backs up: how to detect, how to drain, who to page"),
  ]),
  S("document", "low", "docs-german", [
    u("Schreib bitte eine README auf Deutsch für das Projekt, mit Installation und Beispielen."),
  ]),
  S("document", "low", "docs-spanish", [
    u("agrega docstrings en español a las funciones de servicios/facturacion.py, el equipo no habla inglés"),
  ]),
  S("document", "low", "explain-then-doc", [
    u("what does the `Backoff` struct do?"),
    a(
      "`Backoff` computes the delay before retry N: `base * 2^n` capped at `max`, plus full jitter (`rand(0, delay)`). `Reset()` sets n back to 0 after a success. It's used by the webhook sender and the S3 uploader.",
    ),
    u("nice, put that explanation as a doc comment on the struct"),
  ]),
  S("document", "low", "document-env", [
    u(
      "document all the env vars the app reads in a table in docs/configuration.md (name, default, description). grep for os.getenv",
    ),
  ]),
  S(
    "document",
    "low",
    "doc-typos-readme",
    [u("proofread docs/getting-started.md, fix grammar and make it read better, it was written in a hurry")],
    { acc: ["document", "small_edit"] },
  ),
  S("document", "medium", "doc-diagram", [
    u(
      "add a mermaid sequence diagram to docs/architecture.md showing how an upload goes from the browser through the api, to s3, and the thumbnail worker",
    ),
  ]),
  S("document", "low", "doc-swift", [
    u("add doc comments (///) to the public methods of NetworkClient.swift so they show up in Xcode quick help"),
  ]),
  S("document", "low", "doc-php", [
    u("add phpdoc blocks to the methods of InvoiceRepository with proper @param/@return types"),
  ]),
  S("document", "low", "doc-notebook", [
    u("add markdown cells to analysis.ipynb explaining each step of the analysis for the stakeholders"),
  ]),
  S("document", "low", "doc-cursor-rule", [
    u("create a cursor rule that says: always use pnpm, never npm; run `pnpm typecheck` before finishing"),
  ]),
  S("document", "low", "claude-md", [
    u("write a CLAUDE.md for this repo with the build/test commands, code style notes, and where things live"),
  ]),
  S("document", "low", "release-notes", [
    u("write user-facing release notes for 2.0 (non technical, for the blog), based on CHANGELOG.md"),
  ]),

  // ---- document work with tool tails / continuations ----
  S("document", "low", "doc-tail-write", [
    u("document the CLI flags in docs/cli.md"),
    sh(
      "python -m mytool --help",
      "usage: mytool [-h] [--config PATH] [--dry-run] [--verbose] {sync,list,prune} ...\n\npositional arguments:\n  {sync,list,prune}\n\noptions:\n  -h, --help     show this help message and exit\n  --config PATH  config file (default: ~/.mytool.toml)\n  --dry-run      print actions without executing\n  --verbose      more logging",
    ),
  ]),
  S("document", "low", "doc-tail-write-2", [
    u("add a section to the README about the new plugin system"),
    rd(
      "README.md",
      "# tessellate\n\nFast tile renderer.\n\n## Install\n\n    cargo install tessellate\n\n## Usage\n\n    tessellate render map.toml -o out/\n\n## License\nApache-2.0",
    ),
    rd(
      "src/plugin/mod.rs",
      "/// A plugin is a dylib exporting `tessellate_plugin_v1`.\npub trait Plugin {\n    fn name(&self) -> &str;\n    fn on_tile(&mut self, tile: &mut Tile);\n}",
    ),
  ]),
  S("document", "low", "doc-tail-edited", [
    u("add docstrings to everything public in the `ledger` package"),
    ed(
      "ledger/accounts.py",
      "def open_account(owner, currency):",
      'def open_account(owner, currency):\n    """Open a new account for ``owner`` in ``currency`` and return it."""',
      "Starting with accounts.py.",
    ),
    ed(
      "ledger/accounts.py",
      "def close_account(acct):",
      'def close_account(acct):\n    """Close ``acct``; raises ``BalanceNotZero`` if the balance is not zero."""',
    ),
  ]),
  S("document", "low", "doc-cont-1", [
    u("add jsdoc to the hooks in src/hooks"),
    a(
      "Done for `useDebounce`, `useLocalStorage` and `useMediaQuery`. There are 6 more hooks in the folder — want me to continue with those?",
    ),
    u("yes continue"),
  ]),
  S("document", "low", "doc-cont-2", [
    u("write the api reference for the `Client` class in docs/reference.md"),
    a(
      "I've written the constructor, `get`, `post` and `stream` sections. Next I'd cover the error types and retry options.",
    ),
    u("go on"),
  ]),
  S("document", "low", "doc-cont-3", [
    u("please write docstrings for services/*.py"),
    ed(
      "services/email.py",
      "def send(to, subject, body):",
      'def send(to, subject, body):\n    """Send a plain-text email via the configured SMTP relay."""',
    ),
    a("Added docstrings to email.py and sms.py. Moving on to push.py?"),
    u("k"),
  ]),
  S(
    "document",
    "low",
    "doc-cont-4",
    [
      u("/ask how does the plugin loader discover plugins?"),
      a(
        "It scans `entry_points(group='mytool.plugins')`, imports each, and checks for a `register(app)` callable. Plugins that raise during import are logged and skipped.",
      ),
      u("/ask and what's the order they get registered in?"),
    ],
    { mode: "ask" },
  ),
  S("document", "medium", "doc-explain-followup", [
    u("explain the event loop in src/engine/loop.ts"),
    a(
      "The loop alternates three phases per tick: input polling, fixed-step simulation (accumulator pattern, 16.67ms steps), and render with interpolation alpha = accumulator/step...",
    ),
    u("what happens if the simulation step takes longer than 16ms? does it spiral?"),
  ]),
  S("document", "low", "doc-commit-after-feature", [
    u("add a --json flag to the list command"),
    ed(
      "cli/list.go",
      'fmt.Printf("%-30s %s\\n", p.Name, p.Version)',
      'if jsonOut {\n\t\tenc.Encode(p)\n\t\tcontinue\n\t}\n\tfmt.Printf("%-30s %s\\n", p.Name, p.Version)',
    ),
    sh("go build ./... && go test ./cli/...", "ok  \tgithub.com/acme/pkgtool/cli\t0.412s"),
    a("Added `--json` to `list`; builds and tests pass."),
    u("great, commit it with a good message"),
  ]),
  S("document", "low", "doc-commit-2", [u("perfect. now write the commit msg and commit")]),
  S("document", "medium", "doc-comment-algo", [
    u(
      "explain what this does and then add a comment block above it\n\n```go\nfunc lis(a []int) int {\n\tt := []int{}\n\tfor _, x := range a {\n\t\ti := sort.SearchInts(t, x)\n\t\tif i == len(t) { t = append(t, x) } else { t[i] = x }\n\t}\n\treturn len(t)\n}\n```",
    ),
  ]),
  S("document", "low", "doc-readme-badges", [
    u(
      "update the README: add the new install command `brew install acme/tap/foo`, a 'Configuration' section listing the yaml keys, and a short FAQ",
    ),
  ]),
  S("document", "low", "doc-storybook", [
    u(
      "write MDX docs for the Button component in storybook, cover variants, sizes, loading state, accessibility notes",
    ),
  ]),
  S("document", "low", "doc-code-review-summary", [
    u(
      "summarize what changed in this diff for the team channel, non-technical-ish\n\n```diff\n- const TIMEOUT = 5000\n+ const TIMEOUT = 15000\n- if (retries > 3) throw err\n+ if (retries > 5) { log.warn('giving up', { url }); throw err }\n```",
    ),
  ]),
  S("document", "medium", "doc-migration-guide", [
    u(
      "write a migration guide for users upgrading from v2 to v3 of our SDK: renamed methods (getUser->users.get etc), removed callbacks in favour of promises, new auth config",
    ),
  ]),
  S("document", "low", "doc-explain-test", [
    u("what is this test checking? test_reconcile_handles_partial_refunds — the setup is 60 lines and I'm lost"),
  ]),
  S("document", "low", "doc-explain-config", [
    u(
      'what does each option in this tsconfig do? we copied it from somewhere\n{"compilerOptions":{"moduleResolution":"bundler","verbatimModuleSyntax":true,"noUncheckedIndexedAccess":true,"isolatedModules":true,"skipLibCheck":true}}',
    ),
  ]),
  S("document", "low", "doc-explain-dockerfile", [u("walk me through this Dockerfile, why are there two FROM lines")]),
  S("document", "medium", "doc-explain-opencode-tail", [
    u("how does the caching decorator in core/cache.py decide the key? explain"),
    rd(
      "core/cache.py",
      'def cached(ttl=60, key=None):\n    def deco(fn):\n        @functools.wraps(fn)\n        def wrapper(*args, **kwargs):\n            k = key(*args, **kwargs) if key else f"{fn.__module__}.{fn.__qualname__}:{hash((args, frozenset(kwargs.items())))}"\n            hit = _redis.get(k)\n            if hit is not None:\n                return pickle.loads(hit)\n            val = fn(*args, **kwargs)\n            _redis.setex(k, ttl, pickle.dumps(val))\n            return val\n        return wrapper\n    return deco',
    ),
  ]),
  S("document", "low", "doc-docs-site", [
    u(
      "add a page to the docs site for the webhooks feature (docs/content/webhooks.md) and link it from the sidebar config",
    ),
    rd("docs/sidebars.js", "module.exports = {\n  docs: ['intro', 'install', 'auth', 'api-keys', 'rate-limits'],\n};"),
  ]),
  S("document", "low", "doc-explain-git", [
    u(
      "what does this git alias do? `lg = log --graph --pretty=format:'%Cred%h%Creset -%C(yellow)%d%Creset %s %Cgreen(%cr)' --abbrev-commit`",
    ),
  ]),
  S("document", "medium", "doc-explain-helm", [
    u(
      "explain what our helm chart templates/deployment.yaml ends up rendering with values-prod.yaml, especially the affinity and the init containers",
    ),
  ]),
  S("document", "low", "doc-sdk-examples", [
    u("add usage examples to the docstring of `paginate()` showing sync and async iteration"),
  ]),
  S("document", "low", "doc-license-header", [
    u("write a NOTICE file listing the third-party libs we vendor in third_party/ with their licenses"),
  ]),
  S(
    "document",
    "medium",
    "doc-explain-cline-tail",
    [
      u("Give me a walkthrough of how a request flows through the middleware stack in this Laravel app"),
      rd(
        "app/Http/Kernel.php",
        "protected $middleware = [\n    \\App\\Http\\Middleware\\TrustProxies::class,\n    \\Illuminate\\Http\\Middleware\\HandleCors::class,\n    \\App\\Http\\Middleware\\PreventRequestsDuringMaintenance::class,\n];\n\nprotected $middlewareGroups = [\n    'api' => [\n        \\Laravel\\Sanctum\\Http\\Middleware\\EnsureFrontendRequestsAreStateful::class,\n        'throttle:api',\n        \\Illuminate\\Routing\\Middleware\\SubstituteBindings::class,\n    ],\n];",
      ),
    ],
    { ag: "cline" },
  ),
  S("document", "low", "doc-cont-5", [
    u("write docs for the config file format"),
    wr(
      "docs/config.md",
      "# Configuration\n\nThe config file is TOML, looked up at `$XDG_CONFIG_HOME/foo/config.toml`.\n\n## [server]\n\n| key | default | description |\n|---|---|---|\n| port | 8080 | listen port |",
    ),
    a("Wrote the `[server]` section. I'll do `[storage]` and `[auth]` next unless you want a different structure."),
    u("sounds good"),
  ]),
  S("document", "low", "doc-readme-fr", [u("traduis le README en français et mets-le dans README.fr.md")]),
  S("document", "low", "doc-explain-make", [
    u("what do the targets in the Makefile do? need a short explanation for each so I can put it in the wiki"),
  ]),
  S("document", "low", "doc-typo-comment", [
    u(
      "the comments in parser.rs are full of outdated info since we switched to the pratt parser. rewrite the module-level doc comment to describe how it works now",
    ),
  ]),
];
