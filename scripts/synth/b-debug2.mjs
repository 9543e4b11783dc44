import { a, ed, gr, rd, S, sh, u, wr } from "./dsl.mjs";

export default [
  // ---- debug: more tails & continuations ----
  S("debug", "medium", "d2-pytest-after-fix-still", [
    u("fix the failing test_invoice_total"),
    ed(
      "billing/invoice.py",
      "return sum(l.amount for l in self.lines)",
      "return sum(l.amount * l.qty for l in self.lines)",
    ),
    sh(
      "pytest tests/test_invoice.py -q",
      "F.\nE       AssertionError: assert Decimal('59.970') == Decimal('59.97')\n1 failed, 1 passed in 0.11s",
      1,
    ),
  ]),
  S("debug", "medium", "d2-node-crash", [
    u("server crashes on startup after the dependency update"),
    sh(
      "npm start",
      "> api@1.0.0 start\n> node dist/index.js\n\nnode:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError [ERR_PACKAGE_PATH_NOT_EXPORTED]: Package subpath './lib/utils' is not defined by \"exports\" in /app/node_modules/some-lib/package.json",
      1,
    ),
  ]),
  S("debug", "medium", "d2-go-panic", [
    u("the worker panics on some messages"),
    sh(
      "go run ./cmd/worker < testdata/bad.json",
      "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6b2c1e]\n\ngoroutine 1 [running]:\nmain.handle(0xc000012345)\n\t/src/cmd/worker/main.go:57 +0x3e",
      2,
    ),
  ]),
  S("debug", "medium", "d2-mypy-after", [
    u("add the caching layer types"),
    ed("app/cache.py", "def get(key):", "def get(key: str) -> bytes | None:"),
    sh(
      "mypy app",
      'app/views.py:44: error: Argument 1 to "loads" has incompatible type "bytes | None"; expected "str | bytes | bytearray"  [arg-type]\nFound 1 error in 1 file (checked 38 source files)',
      1,
    ),
  ]),
  S("debug", "medium", "d2-webpack-fail", [
    u("upgrade to webpack 5"),
    sh(
      "npm run build",
      "ERROR in ./src/index.js 3:0-28\nModule not found: Error: Can't resolve 'crypto' in '/app/src'\n\nBREAKING CHANGE: webpack < 5 used to include polyfills for node.js core modules by default.\nThis is no longer the case. Verify if you need this module and configure a polyfill for it.",
      1,
    ),
  ]),
  S("debug", "medium", "d2-alembic-err", [
    u("run the migrations"),
    sh(
      "alembic upgrade head",
      "INFO  [alembic.runtime.migration] Running upgrade 3f1a -> 9bc2, add user roles\nsqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateObject) type \"role\" already exists\n[SQL: CREATE TYPE role AS ENUM ('admin', 'member')]",
      1,
    ),
  ]),
  S("debug", "medium", "d2-k8s-tail", [
    u("deploy the new version to staging"),
    sh(
      "kubectl -n staging rollout status deploy/api --timeout=90s",
      'Waiting for deployment "api" rollout to finish: 1 old replicas are pending termination...\nerror: deployment "api" exceeded its progress deadline',
      1,
    ),
    sh(
      "kubectl -n staging logs deploy/api --tail=5",
      "Error: Missing required env var STRIPE_WEBHOOK_SECRET\n    at loadConfig (/app/dist/config.js:22:11)",
    ),
  ]),
  S("debug", "low", "d2-pip-err", [
    u("install deps"),
    sh(
      "pip install -r requirements.txt",
      "ERROR: Cannot install -r requirements.txt (line 4) and pydantic==1.10.13 because these package versions have conflicting dependencies.\n\nThe conflict is caused by:\n    The user requested pydantic==1.10.13\n    fastapi 0.110.0 depends on pydantic!=1.8, !=1.8.1, !=2.0.0, !=2.0.1, !=2.1.0, <3.0.0 and >=1.7.4\n    sqlmodel 0.0.16 depends on pydantic>=2.1.1",
      1,
    ),
  ]),
  S("debug", "medium", "d2-cargo-link", [
    u("build the release binary"),
    sh(
      "cargo build --release",
      "error: linking with `cc` failed: exit status: 1\n  = note: /usr/bin/ld: cannot find -lssl: No such file or directory\n          collect2: error: ld returned 1 exit status",
      101,
    ),
  ]),
  S(
    "debug",
    "medium",
    "d2-jest-after-refactor",
    [
      u("rename the api helper to apiClient"),
      sh(
        "npx jest",
        "FAIL src/pages/__tests__/Profile.test.tsx\n  ● Test suite failed to run\n\n    Cannot find module '../../lib/api' from 'src/pages/__tests__/Profile.test.tsx'\n\nTest Suites: 1 failed, 23 passed, 24 total",
        1,
      ),
    ],
    { acc: ["debug", "refactor"] },
  ),
  S("debug", "medium", "d2-gradle-dup-class", [
    u("add the new analytics sdk"),
    sh(
      "./gradlew assembleDebug",
      "> Task :app:checkDebugDuplicateClasses FAILED\nDuplicate class com.google.protobuf.AbstractMessageLite found in modules protobuf-java-3.21.7 and protobuf-javalite-3.21.7\n\nBUILD FAILED in 22s",
      1,
    ),
  ]),
  S("debug", "medium", "d2-read-after-report", [
    u("search returns nothing when the query has an apostrophe like O'Brien"),
    gr("def search", "app/search.py:14:def search(q):"),
    rd(
      "app/search.py",
      "def search(q):\n    sql = f\"SELECT * FROM people WHERE name ILIKE '%{q}%'\"\n    try:\n        return db.execute(sql).fetchall()\n    except Exception:\n        return []",
    ),
  ]),
  S("debug", "high", "d2-read-concurrency", [
    u("sometimes two workers process the same job. find out why"),
    rd(
      "worker/claim.go",
      "func (q *Queue) Claim(ctx context.Context) (*Job, error) {\n\tvar j Job\n\terr := q.db.QueryRowContext(ctx, `SELECT id, payload FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1`).Scan(&j.ID, &j.Payload)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\t_, err = q.db.ExecContext(ctx, `UPDATE jobs SET status = 'running' WHERE id = $1`, j.ID)\n\treturn &j, err\n}",
    ),
  ]),
  S("debug", "medium", "d2-cont-1", [
    u("the upload fails for files > 1MB"),
    a(
      "nginx's default `client_max_body_size` is 1m. I added `client_max_body_size 50m;` to the server block. Reload nginx and retry?",
    ),
    u("reloaded, now I get 413 from the node app instead"),
  ]),
  S("debug", "medium", "d2-cont-2", [
    u("emails aren't sent in production"),
    a(
      "SMTP logs show `535 Authentication failed`. The prod secret is named `SMTP_PASS` but the code reads `SMTP_PASSWORD`.",
    ),
    u("ah right, fix the code to accept both"),
  ]),
  S("debug", "medium", "d2-cont-3", [
    u("react native app crashes on android release build only"),
    a(
      "Release builds run with Hermes + minification. The crash log shows `TypeError: undefined is not a function` in a proguard-stripped class. Can you paste the full logcat around the crash?",
    ),
    u(
      "E/ReactNativeJS: TypeError: undefined is not a function (near '...}).finally(...')\nE/AndroidRuntime: FATAL EXCEPTION: mqt_native_modules",
    ),
  ]),
  S("debug", "medium", "d2-cont-4", [
    u("why is the test db not reset between tests"),
    a(
      "The `db` fixture has `scope='session'` and no transaction rollback. Switching to a per-test transaction that rolls back would isolate them. Want me to change it?",
    ),
    u("yes"),
  ]),
  S("debug", "medium", "d2-cont-5", [u("that didn't fix it. same error")]),
  S("debug", "medium", "d2-cont-6", [
    u(
      "same error, here is the full output:\n\nTraceback (most recent call last):\n  File \"manage.py\", line 22, in <module>\n  File \"/app/core/settings.py\", line 91, in <module>\n    SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nKeyError: 'DJANGO_SECRET_KEY'",
    ),
  ]),
  S("debug", "low", "d2-terse", [u("build broken fix pls")]),
  S("debug", "medium", "d2-wrong-result", [
    u("the sort by price puts $100 before $20. numbers are strings from the api I guess?"),
  ]),
  S("debug", "medium", "d2-timezone", [
    u("appointments created at 23:30 show up on the next day in the calendar for users in New York"),
  ]),
  S(
    "debug",
    "medium",
    "d2-why-slow",
    [
      u(
        "why is this loop so slow? it takes 30s for 10k items\n\nfor item in items:\n    if item.id in [x.id for x in existing]:\n        continue\n    save(item)",
      ),
    ],
    { acc: ["debug", "refactor"] },
  ),
  S("debug", "medium", "d2-encoding", [u("CSV export shows Ã© instead of é when opened in excel")]),
  S("debug", "medium", "d2-infinite-loop", [
    u("useEffect runs infinitely and hammers the api. deps are [filters] and filters is an object built in the parent"),
  ]),
  S("debug", "medium", "d2-ssl", [
    u(
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.internal', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate')))",
    ),
  ]),
  S(
    "debug",
    "medium",
    "d2-git-conflict",
    [u("git rebase stopped with conflicts in package-lock.json and src/api.ts, help me resolve them correctly")],
    { acc: ["debug", "small_edit"] },
  ),
  S("debug", "medium", "d2-unity-null", [
    u(
      "NullReferenceException: Object reference not set to an instance of an object\nEnemyAI.Update () (at Assets/Scripts/EnemyAI.cs:34)\n\nonly happens after the player respawns",
    ),
  ]),
  S("debug", "medium", "d2-terraform-cycle", [
    u("Error: Cycle: aws_security_group.app, aws_security_group.db — what does that mean and how do I fix it?"),
  ]),
  S("debug", "medium", "d2-segfault", [
    u(
      "segfault in the C extension when called from multiple threads. gdb bt shows it inside PyList_Append in our fill_results() — we release the GIL around the loop",
    ),
  ]),

  // ---- implement: more tails / continuations ----
  S("implement", "medium", "i2-tail-write-ok", [
    u("create an endpoint that returns the current user's notifications, paginated"),
    wr(
      "src/routes/notifications.ts",
      "router.get('/', requireAuth, async (req, res) => {\n  const { cursor, limit = 20 } = req.query;\n  const items = await notifications.list(req.user.id, { cursor: cursor as string, limit: Number(limit) });\n  res.json({ items, nextCursor: items.at(-1)?.id ?? null });\n});",
    ),
    ed(
      "src/app.ts",
      "app.use('/api/users', usersRouter);",
      "app.use('/api/users', usersRouter);\napp.use('/api/notifications', notificationsRouter);",
    ),
  ]),
  S("implement", "medium", "i2-tail-migration-ok", [
    u("add a `slug` column to articles, unique, generated from title for existing rows"),
    sh(
      "bin/rails g migration AddSlugToArticles slug:string:uniq && bin/rails db:migrate",
      "      invoke  active_record\n      create    db/migrate/20240611093012_add_slug_to_articles.rb\n== 20240611093012 AddSlugToArticles: migrating ================================\n-- add_column(:articles, :slug, :string)\n-- add_index(:articles, :slug, {:unique=>true})\n== 20240611093012 AddSlugToArticles: migrated (0.0142s) =======================",
    ),
  ]),
  S("implement", "medium", "i2-tail-scaffold", [
    u("scaffold a new vite + react + ts app in web/ with tailwind, then we'll build the dashboard"),
    sh(
      "npm create vite@latest web -- --template react-ts && cd web && npm i && npm i -D tailwindcss @tailwindcss/vite",
      "Scaffolding project in /home/dev/app/web...\n\nDone. Now run:\n\n  cd web\n  npm install\n  npm run dev\n\nadded 214 packages in 11s\nadded 2 packages in 2s",
    ),
  ]),
  S("implement", "medium", "i2-tail-tf-plan", [
    u("add a cloudfront distribution in front of the assets bucket with OAC"),
    sh("terraform plan -no-color | tail -3", "Plan: 3 to add, 1 to change, 0 to destroy."),
  ]),
  S("implement", "medium", "i2-tail-go-test-pass", [
    u("implement the bulk delete endpoint"),
    ed(
      "internal/http/items.go",
      'r.Delete("/items/{id}", h.Delete)',
      'r.Delete("/items/{id}", h.Delete)\n\tr.Post("/items/bulk-delete", h.BulkDelete)',
    ),
    sh(
      "go test ./...",
      "ok  \tgithub.com/acme/inv/internal/http\t0.233s\nok  \tgithub.com/acme/inv/internal/store\t0.871s",
    ),
  ]),
  S("implement", "medium", "i2-tail-read-then", [
    u("add a 'last seen' indicator to the member list"),
    rd(
      "src/components/MemberList.tsx",
      "export function MemberList({ members }: { members: Member[] }) {\n  return (\n    <ul>\n      {members.map((m) => (\n        <li key={m.id}><Avatar user={m} /> {m.name}</li>\n      ))}\n    </ul>\n  );\n}",
    ),
    gr(
      "lastSeen|last_seen",
      "prisma/schema.prisma:31:  lastSeenAt DateTime?\nsrc/server/presence.ts:12:  await db.user.update({ where: { id }, data: { lastSeenAt: new Date() } });",
    ),
  ]),
  S("implement", "medium", "i2-tail-dotnet-run", [
    u("add the swagger UI and xml comments to the api"),
    sh(
      "dotnet run --project src/Api",
      "info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5080\ninfo: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.",
    ),
  ]),
  S("implement", "medium", "i2-tail-curl-ok", [
    u("add an endpoint that returns app version and git sha"),
    sh("curl -s localhost:8080/version", '{"version":"1.12.0","commit":"a81f2c3"}'),
  ]),
  S("implement", "medium", "i2-cont-1", [
    u("build the onboarding wizard (3 steps: profile, team, invite)"),
    a(
      "Step 1 (profile) and step 2 (team) are done with validation and the stepper. Step 3 (invite) needs the invites API — should I add the endpoint as well?",
    ),
    u("yes add the endpoint and finish step 3"),
  ]),
  S("implement", "medium", "i2-cont-2", [
    u("implement the export feature we discussed"),
    a(
      "Export job model, worker and signed-URL email are in place. Remaining: the 'Export my data' button in settings and rate limiting to one per day.",
    ),
    u("continue"),
  ]),
  S("implement", "low", "i2-cont-3", [
    u("make a script to seed the dev db with fake users and orders"),
    a("`scripts/seed.ts` creates 50 users and 500 orders with faker. Should it wipe the tables first?"),
    u("yes add a --reset flag for that"),
  ]),
  S(
    "implement",
    "medium",
    "i2-cont-4",
    [
      u("/code add the favorites feature like we planned"),
      a(
        "I'll add the `favorites` table, `POST/DELETE /items/:id/favorite`, and a heart toggle on the item card.\n\nmigrations/0012_favorites.sql\n```sql\n<<<<<<< SEARCH\n=======\nCREATE TABLE favorites (user_id int references users, item_id int references items, primary key (user_id, item_id));\n>>>>>>> REPLACE\n```",
      ),
      u("looks good, now the frontend part"),
    ],
    { ag: "aider" },
  ),
  S("implement", "medium", "i2-cont-5", [
    u("add a dark/light theme toggle to the docs site"),
    a(
      "Added the toggle component and CSS variables for both themes; it respects prefers-color-scheme and persists the choice. I can also add a smooth transition and sync the code-highlighting theme.",
    ),
    u("ok"),
  ]),
  S("implement", "medium", "i2-spec-ru", [
    u(
      "нужно сделать эндпоинт для загрузки аватарки: принимать jpg/png до 5МБ, ресайзить до 256x256, сохранять в S3, возвращать url",
    ),
  ]),
  S("implement", "medium", "i2-spec-es", [
    u(
      "Crea un componente de tabla reutilizable en React con ordenamiento por columna, paginación y selección de filas",
    ),
  ]),
  S("implement", "medium", "i2-spec-zh", [
    u("实现一个简单的限流中间件（gin），每个 IP 每分钟最多 60 次请求，超过返回 429"),
  ]),
  S("implement", "medium", "i2-swift", [
    u("add Sign in with Apple to the login screen and send the identity token to POST /auth/apple"),
  ]),
  S("implement", "medium", "i2-php", [
    u("create an artisan command that deletes unverified users older than 30 days, with a --dry-run option"),
  ]),
  S("implement", "medium", "i2-java", [
    u("add a scheduled job (every night 2am) that archives orders older than 2 years into the orders_archive table"),
  ]),
  S("implement", "medium", "i2-csharp", [
    u("implement a background service that polls the outbox table every 5s and publishes messages to the service bus"),
  ]),
  S("implement", "high", "i2-rust", [
    u(
      "add an LRU cache with TTL to the dns resolver crate, configurable size, thread safe, and expose hit/miss counters",
    ),
  ]),
  S("implement", "medium", "i2-sql", [
    u("write a postgres function + trigger that keeps products.search_vector updated from name and description"),
  ]),
  S("implement", "low", "i2-shell", [
    u("write a script that tails the app log and sends a slack webhook whenever a line contains ERROR"),
  ]),
  S("implement", "medium", "i2-terraform", [
    u("add a github OIDC provider and an IAM role that the deploy workflow can assume for the prod account"),
  ]),
  S("implement", "medium", "i2-mixed-tests", [
    u("implement the `/invites/:token/accept` endpoint and add a couple of tests for it"),
  ]),

  // ---- a few more tests ----
  S("test", "medium", "t3-tail-fail-new-assert", [
    u("write tests for the markdown sanitizer — script tags, javascript: links, allowed tags kept"),
    wr(
      "test/sanitize.test.js",
      "const { sanitize } = require('../src/sanitize');\n\ntest('strips script', () => expect(sanitize('<script>x</script>hi')).toBe('hi'));\ntest('drops javascript links', () => expect(sanitize('<a href=\"javascript:alert(1)\">x</a>')).toBe('<a>x</a>'));\ntest('keeps em', () => expect(sanitize('<em>x</em>')).toBe('<em>x</em>'));",
    ),
    sh(
      "npx jest test/sanitize.test.js",
      'FAIL test/sanitize.test.js\n  ✓ strips script (3 ms)\n  ✕ drops javascript links (2 ms)\n  ✓ keeps em\n\n    Expected: "<a>x</a>"\n    Received: "<a rel=\\"noopener\\">x</a>"\n\nTests:       1 failed, 2 passed, 3 total',
      1,
    ),
  ]),
  S("test", "medium", "t3-tail-pass-go", [
    u("add tests for the config loader: env overrides file, missing file uses defaults, invalid yaml errors"),
    sh(
      "go test ./internal/config/ -v",
      "=== RUN   TestEnvOverridesFile\n--- PASS: TestEnvOverridesFile (0.00s)\n=== RUN   TestMissingFileDefaults\n--- PASS: TestMissingFileDefaults (0.00s)\nPASS\nok  \tgithub.com/acme/svc/internal/config\t0.006s",
    ),
  ]),
  S("test", "medium", "t3-cont", [
    u("tests for the webhook signature verification please"),
    a("Added 4 tests (valid signature, wrong secret, tampered body, stale timestamp). All pass."),
    u("also add one for the replay protection"),
  ]),
  S("test", "low", "t3-terse", [u("tests for utils/math.ts pls")]),
  S("test", "medium", "t3-repro-then", [
    u(
      "can you write a test that reproduces the crash when the cart is empty and the user clicks checkout? the fix comes later",
    ),
  ]),
  S("test", "medium", "t3-test-after-impl", [
    u("add the `tags` filter to GET /articles"),
    a(
      "Done: `?tags=a,b` filters articles having all given tags; implemented in the repository with a join on article_tags.",
    ),
    u("now write tests for that filter"),
  ]),
];
