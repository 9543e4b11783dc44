import { a, ed, rd, S, sh, u, wr } from "./dsl.mjs";

export default [
  S("implement", "medium", "fastapi-endpoint", [
    u(
      "add a POST /api/v1/projects/{id}/archive endpoint. only owners can archive, set archived_at, return 204. archived projects should be excluded from GET /projects unless ?include_archived=true",
    ),
  ]),
  S("implement", "medium", "react-component", [
    u(
      "create a <FileDropzone> component: drag & drop + click to browse, accepts props accept/maxSize/multiple, shows a list of selected files with remove buttons. tailwind for styling",
    ),
  ]),
  S("implement", "medium", "go-cli-subcmd", [
    u("add a `export` subcommand to the cobra CLI that dumps all records as NDJSON to stdout or to --out file"),
  ]),
  S("implement", "high", "rust-feature", [
    u(
      "implement a `--watch` mode for the build command: watch src/ with notify, debounce 200ms, rebuild incrementally, print timing. ctrl-c should exit cleanly",
    ),
  ]),
  S("implement", "medium", "spring-endpoint", [
    u(
      "Add pagination and sorting to GET /api/customers using Spring Data Pageable. Default size 20, max 100. Return a PageResponse<T> with items, page, size, total.",
    ),
  ]),
  S("implement", "medium", "dotnet-feature", [
    u(
      "implement soft delete for the Product entity in EF Core: IsDeleted flag, global query filter, and a DELETE endpoint that sets the flag instead of removing the row",
    ),
  ]),
  S("implement", "medium", "rails-feature", [
    u(
      "add CSV import for contacts: upload form on /contacts/import, background job that parses the file, creates contacts, and emails a summary with the failed rows",
    ),
  ]),
  S("implement", "medium", "laravel-feature", [
    u(
      "add an API token system to the laravel app with sanctum: users can create/revoke named tokens on the settings page",
    ),
  ]),
  S("implement", "medium", "swiftui-screen", [
    u(
      "build the settings screen in SwiftUI: toggles for notifications, a picker for theme (system/light/dark) persisted with @AppStorage, and a sign out button with confirmation",
    ),
  ]),
  S("implement", "medium", "kotlin-feature", [
    u(
      "implement pull-to-refresh on the feed screen (compose) wired to FeedViewModel.refresh(), show a snackbar on error",
    ),
  ]),
  S("implement", "low", "script-py", [
    u(
      "write a python script that walks a folder, finds duplicate images by sha256 and prints groups. optional --delete flag keeps the oldest",
    ),
  ]),
  S("implement", "low", "bash-script", [
    u(
      "write a bash script that backs up the postgres db with pg_dump, gzips it, uploads to s3 with the date in the name, and deletes local dumps older than 7 days",
    ),
  ]),
  S("implement", "medium", "terraform-add", [
    u(
      "add an SQS queue + DLQ (maxReceiveCount 5) for the order events, and give the orders lambda permission to consume it",
    ),
  ]),
  S("implement", "medium", "sql-feature", [
    u(
      "create a materialized view for daily revenue per merchant and a function to refresh it concurrently, plus the unique index it needs",
    ),
  ]),
  S("implement", "medium", "cache-add", [
    u("add a redis cache in front of getProductById with a 5 minute TTL and invalidate it when the product is updated"),
  ]),
  S("implement", "medium", "ws-feature", [
    u(
      "add websocket support so the dashboard gets live order updates — socket.io on the express server, emit on order status change, client subscribes in useOrders",
    ),
  ]),
  S("implement", "high", "oauth", [
    u(
      "implement Google OAuth login in the Django app (we use allauth already for email). link accounts by verified email, create user if new",
    ),
  ]),
  S("implement", "medium", "dark-mode", [
    u(
      "make the app support dark mode: toggle in header, persist to localStorage, respect prefers-color-scheme by default",
    ),
  ]),
  S("implement", "medium", "rate-limit-add", [
    u("add rate limiting to the login endpoint, 5 attempts per 15 min per IP+email, return 429 with Retry-After"),
  ]),
  S("implement", "medium", "feature-spec-list", [
    u(
      "New feature: saved searches.\n1. Users can save the current search filters with a name\n2. List saved searches in the sidebar\n3. Clicking one applies the filters\n4. Max 20 per user\n5. Rename / delete\nBackend is Express + Prisma, frontend React + react-query.",
    ),
  ]),
  S("implement", "medium", "impl-spanish", [
    u(
      "implementa un endpoint GET /reportes/ventas que devuelva las ventas agrupadas por mes para el año indicado en el query param",
    ),
  ]),
  S("implement", "medium", "impl-russian", [
    u("добавь в бота команду /stats, которая показывает количество сообщений пользователя за последние 7 дней"),
  ]),
  S("implement", "medium", "impl-chinese", [u("给用户列表页加一个导出 Excel 的按钮，后端用 openpyxl 生成文件")]),
  S("implement", "medium", "impl-german", [
    u("Füge bitte eine Suchfunktion für die Artikelliste hinzu, mit Debounce und Hervorhebung der Treffer."),
  ]),
  S("implement", "low", "aider-impl", [
    u("add a --dry-run flag to sync.py that prints what would be copied without copying"),
  ]),
  S("implement", "medium", "aider-impl-2", [
    u("/add bot/handlers.py bot/db.py"),
    u(
      "add a /remind command: `/remind 10m take out pizza` stores the reminder and the scheduler sends it back after the delay",
    ),
  ]),
  S(
    "implement",
    "medium",
    "aider-code-after-arch",
    [
      u("/architect how should we add CSV export to the reports page"),
      a(
        "Add `export_csv(report)` in reports/export.py using csv.DictWriter, a `GET /reports/<id>/export.csv` route returning a streaming response, and an 'Export CSV' button in report.html linking to it.",
      ),
      u("/code ok implement that"),
    ],
    { mode: "code", ag: "aider" },
  ),
  S("implement", "medium", "unity-impl", [
    u(
      "make enemies drop loot on death: loot table ScriptableObject with weighted entries, spawn pickup prefab at death position",
    ),
  ]),
  S("implement", "medium", "godot-impl", [
    u(
      "add a dash ability to the player in godot 4 (gdscript): double tap direction, 0.2s dash, 1s cooldown, invulnerable during dash",
    ),
  ]),
  S("implement", "medium", "gh-actions", [
    u("add a github actions workflow that builds the docker image on tags and pushes to ghcr with semver tags"),
  ]),
  S("implement", "low", "makefile", [
    u("add make targets for lint, test, and a `dev` target that runs the server with reload"),
  ]),
  S("implement", "medium", "vue-feature", [
    u(
      "add an infinite scroll to the products grid in Vue 3 using IntersectionObserver, load 24 at a time from /api/products?cursor=",
    ),
  ]),
  S("implement", "medium", "angular-feature", [
    u(
      "create an Angular reactive form for editing a customer address with validators (required, postal code pattern per country) and save via CustomerService",
    ),
  ]),
  S("implement", "medium", "flutter-feature", [
    u(
      "add a login screen in flutter with email/password fields, validation, loading state on the button, and call AuthRepository.signIn",
    ),
  ]),
  S("implement", "high", "grpc-streaming", [
    u(
      "add a server-streaming gRPC method WatchJobs(WatchRequest) returns (stream JobEvent) — backed by the existing postgres LISTEN/NOTIFY on job_events",
    ),
  ]),
  S("implement", "medium", "cli-progress", [
    u("make the download command show a progress bar (indicatif) with bytes/s and ETA"),
  ]),
  S("implement", "low", "impl-env-config", [
    u("make the upload dir configurable via UPLOAD_DIR env var, default ./uploads, create it on startup if missing"),
  ]),
  S("implement", "medium", "impl-webhook", [
    u(
      "implement the stripe webhook handler for checkout.session.completed: verify signature, mark order paid, send confirmation email. idempotent on event id",
    ),
  ]),
  S("implement", "medium", "impl-notifications", [
    u(
      "users should get an email when someone comments on their post. add it, with an unsubscribe link and a per-user setting",
    ),
  ]),
  S("implement", "medium", "impl-audit-log", [
    u(
      "add an audit log: every create/update/delete on invoices stores who, when, what changed (json diff) in audit_events table",
    ),
  ]),
  S("implement", "medium", "impl-i18n", [
    u(
      "add french translations support: extract the strings in src/pages into en.json, add fr.json, language switcher in the footer",
    ),
  ]),
  S("implement", "low", "impl-health", [
    u("add /healthz and /readyz endpoints; readyz should check the db connection"),
  ]),
  S("implement", "medium", "impl-mixed-doc", [
    u("add a `retry` option to the client (max attempts + backoff) and mention it in the README"),
  ]),
  S("implement", "medium", "impl-chart", [
    u(
      "add a line chart of signups per day to the admin dashboard using recharts, data from /api/admin/stats/signups?days=30",
    ),
  ]),

  // ---- implement in progress: successful steps, reads with target, continuations ----
  S("implement", "medium", "impl-tail-build-ok", [
    u(
      "add a `priority` field to tasks (low/normal/high), migrate the db, expose in API and show a colored badge in the list",
    ),
    wr(
      "migrations/0031_task_priority.sql",
      "ALTER TABLE tasks ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high'));",
    ),
    ed(
      "src/api/tasks.ts",
      "const TaskSchema = z.object({\n  title: z.string(),",
      "const TaskSchema = z.object({\n  title: z.string(),\n  priority: z.enum(['low', 'normal', 'high']).default('normal'),",
    ),
    sh("npm run build", "> api@2.4.0 build\n> tsc -p tsconfig.build.json\n"),
  ]),
  S("implement", "medium", "impl-tail-migrate-ok", [
    u("add a comments table + model (user, post, body, created_at) and the CRUD endpoints"),
    sh(
      "python manage.py makemigrations blog && python manage.py migrate",
      "Migrations for 'blog':\n  blog/migrations/0007_comment.py\n    - Create model Comment\nOperations to perform:\n  Apply all migrations: admin, auth, blog, contenttypes, sessions\nRunning migrations:\n  Applying blog.0007_comment... OK",
    ),
  ]),
  S("implement", "medium", "impl-tail-test-pass", [
    u("implement the /search endpoint with filters for category and price range"),
    ed(
      "app/routes/search.py",
      "@router.get('/search')\ndef search(q: str):\n    return repo.search(q)",
      "@router.get('/search')\ndef search(q: str, category: str | None = None, min_price: float | None = None, max_price: float | None = None):\n    return repo.search(q, category=category, price=(min_price, max_price))",
    ),
    sh("pytest tests/test_search.py -q", "......\n6 passed in 0.41s"),
  ]),
  S("implement", "medium", "impl-tail-cargo-build", [
    u("add a `--format json|table` flag to the list command"),
    ed(
      "src/cli.rs",
      "    /// List entries\n    List,",
      "    /// List entries\n    List {\n        #[arg(long, value_enum, default_value_t = Format::Table)]\n        format: Format,\n    },",
    ),
    sh(
      "cargo build",
      "   Compiling kv v0.2.0 (/home/dev/kv)\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 3.92s",
    ),
  ]),
  S("implement", "medium", "impl-tail-read-target", [
    u("add an endpoint to resend the verification email"),
    rd(
      "src/routes/auth.ts",
      "router.post('/signup', signup);\nrouter.post('/login', login);\nrouter.get('/verify/:token', verifyEmail);\n\nexport default router;",
    ),
  ]),
  S("implement", "medium", "impl-tail-npm-install", [
    u("add a markdown editor with preview to the post form"),
    sh(
      "npm install @uiw/react-md-editor",
      "added 38 packages, and audited 912 packages in 6s\n\n148 packages are looking for funding\n  run `npm fund` for details\n\nfound 0 vulnerabilities",
    ),
  ]),
  S("implement", "medium", "impl-tail-gradle-ok", [
    u("implement the export to PDF for the monthly statement screen"),
    wr(
      "app/src/main/java/com/acme/statements/PdfExporter.kt",
      'class PdfExporter(private val context: Context) {\n    fun export(statement: Statement): Uri {\n        val doc = PdfDocument()\n        val page = doc.startPage(PdfDocument.PageInfo.Builder(595, 842, 1).create())\n        drawStatement(page.canvas, statement)\n        doc.finishPage(page)\n        val file = File(context.cacheDir, "statement-${statement.month}.pdf")\n        file.outputStream().use { doc.writeTo(it) }\n        return FileProvider.getUriForFile(context, "${context.packageName}.files", file)\n    }\n}',
    ),
    sh("./gradlew assembleDebug", "BUILD SUCCESSFUL in 1m 12s\n43 actionable tasks: 9 executed, 34 up-to-date"),
  ]),
  S("implement", "medium", "impl-tail-go-build", [
    u(
      "implement graceful shutdown for the server: catch SIGTERM, stop accepting, wait up to 30s for in-flight requests, close db",
    ),
    ed(
      "cmd/server/main.go",
      "log.Fatal(srv.ListenAndServe())",
      "go func() {\n\t\tif err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {\n\t\t\tlog.Fatal(err)\n\t\t}\n\t}()\n\tctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)\n\tdefer stop()\n\t<-ctx.Done()\n\tshutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)\n\tdefer cancel()\n\t_ = srv.Shutdown(shutdownCtx)\n\tdb.Close()",
    ),
    sh("go build ./... && go vet ./...", ""),
  ]),
  S("implement", "medium", "impl-tail-dotnet-build", [
    u("add the endpoint to upload a profile picture, resize to 256x256 with ImageSharp and store in blob storage"),
    sh(
      "dotnet build",
      "  Determining projects to restore...\n  Restored /src/Api/Api.csproj (in 1.2 sec).\n  Api -> /src/Api/bin/Debug/net8.0/Api.dll\n\nBuild succeeded.\n    0 Warning(s)\n    0 Error(s)",
    ),
  ]),
  S("implement", "medium", "impl-tail-write-first", [
    u("create a small CLI in node that reads a CSV of users and bulk-creates them via our admin API"),
    wr(
      "scripts/bulk-users.mjs",
      "import { readFile } from 'node:fs/promises';\nimport { parse } from 'csv-parse/sync';\n\nconst [file] = process.argv.slice(2);\nconst rows = parse(await readFile(file), { columns: true });\nfor (const r of rows) {\n  const res = await fetch(`${process.env.ADMIN_API}/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.ADMIN_TOKEN}` }, body: JSON.stringify(r) });\n  console.log(r.email, res.status);\n}",
    ),
  ]),
  S("implement", "medium", "impl-cont-1", [
    u("build the invoice list page"),
    a(
      "Created `InvoiceList.tsx` with the table, status filter and pagination, wired to `GET /invoices`. Next would be the detail drawer.",
    ),
    u("ok do the detail drawer"),
  ]),
  S("implement", "medium", "impl-cont-2", [
    u("implement the feature from tasks/017-bulk-tagging.md"),
    rd(
      "tasks/017-bulk-tagging.md",
      "# Bulk tagging\n\n- select multiple items in the list (checkboxes)\n- toolbar appears with 'Add tag' / 'Remove tag'\n- PATCH /items/bulk {ids, addTags, removeTags}\n- max 500 ids",
    ),
    a("I'll start with the backend `PATCH /items/bulk` endpoint, then the selection state and toolbar."),
    u("go"),
  ]),
  S("implement", "medium", "impl-cont-3", [
    u("add multi-currency support to the cart"),
    a(
      "Step 1 done: `Money` now carries currency, prices table has `currency`, cart totals are computed per currency. Step 2 is the FX conversion at checkout using the rates service.",
    ),
    u("next"),
  ]),
  S("implement", "medium", "impl-cont-4", [
    u("let's implement the plan we agreed on for the notification preferences"),
    a(
      "Starting with the migration for `notification_prefs` and the `resolvePref(user, event, channel)` function, then the settings UI.",
    ),
    u("sounds good, continue"),
  ]),
  S("implement", "medium", "impl-cont-5", [
    u("add keyboard shortcuts to the editor: ctrl+s save, ctrl+k command palette, esc close panels"),
    ed(
      "src/editor/Editor.tsx",
      "useEffect(() => {",
      "useHotkeys('mod+s', (e) => { e.preventDefault(); save(); });\n  useHotkeys('mod+k', () => setPaletteOpen(true));\n  useHotkeys('esc', closePanels);\n  useEffect(() => {",
    ),
    a("Shortcuts added. Should I also show them in a help overlay (`?`)?"),
    u("yes please"),
  ]),
  S("implement", "medium", "impl-cont-6", [
    u("we need an 'duplicate project' action"),
    a(
      "I can add `POST /projects/:id/duplicate` that deep-copies the project with its boards and tasks (not comments), names it '<name> (copy)', and a 'Duplicate' item in the project menu. Should I go ahead?",
    ),
    u("yes do it"),
  ]),
  S("implement", "low", "impl-cont-7", [
    u("write a script that converts all the PNGs in assets/ to webp"),
    a("Here's `scripts/to-webp.sh` using cwebp with quality 82. Want it to also update references in the HTML?"),
    u("yep, update the references too"),
  ]),
  S("implement", "medium", "impl-cont-8", [
    u("start working on task 23"),
    sh(
      "cat tasks/23.md",
      "# 23: Team invites\nAdmins can invite users by email. Invite link valid 72h. Accepting joins the team with role 'member'.",
    ),
  ]),
  S("implement", "medium", "impl-cont-9", [
    u("implement the rest of the CRUD for tags like you did for categories"),
    a("Done: `GET/POST /tags`, `PATCH/DELETE /tags/:id`, service + repository, mirroring categories."),
    u("great, now the frontend page for it"),
  ]),
  S("implement", "medium", "impl-spec-long", [
    u(
      "Please implement the following for the booking widget:\n\n1) a date range picker (check-in/check-out), disallow past dates\n2) guests selector (adults 1-8, children 0-6)\n3) on change, call GET /availability?from&to&guests and show the cheapest rate per room type\n4) 'Book' button disabled until a room is chosen\n5) loading skeleton while fetching, error toast on failure\n\nStack: Next.js 14, TS, shadcn/ui. Put it in components/booking/.",
    ),
  ]),
  S("implement", "high", "impl-concurrency", [
    u(
      "implement a worker pool in the image service: N workers (config), bounded queue of 100, backpressure (return 503 when full), per-job timeout 30s, metrics for queue depth",
    ),
  ]),
  S("implement", "medium", "impl-typo-heavy", [
    u(
      "pls add a buton on the ordr page that lets user downlod the invoce as pdf, theres allready an endpoint /orders/:id/invoice.pdf",
    ),
  ]),
  S("implement", "medium", "impl-nonnative", [
    u(
      "I need that when user is clicking on the row of table, it is opening the modal with details of the order and user can to change the status from there",
    ),
  ]),
  S("implement", "medium", "impl-copilot-style", [
    u("Create a GitHub Action that runs on PRs, posts a comment with the bundle size diff compared to main"),
  ]),
  S("implement", "low", "impl-terse", [u("add sorting by date to the list")]),
  S("implement", "medium", "impl-k8s", [
    u(
      "add a HorizontalPodAutoscaler for the api deployment (cpu 70%, 2-10 replicas) and a PodDisruptionBudget minAvailable 1",
    ),
  ]),
  S("implement", "medium", "impl-after-plan", [
    u("how should we add search to the docs site?"),
    a(
      "Simplest: build-time index with pagefind (static, no server). Alternative: Algolia DocSearch (free for OSS, needs crawler approval). I'd go pagefind.",
    ),
    u("ok let's go with pagefind, set it up"),
  ]),
  S("implement", "medium", "impl-after-debug", [
    u("thanks, that fixed the crash. now add a retry button to the error screen so users can reload the data"),
  ]),
];
