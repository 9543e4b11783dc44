import { a, ed, gr, S, sh, u } from "./dsl.mjs";

export default [
  // ---- user reports / pasted traces ----
  S("debug", "medium", "py-traceback", [
    u(
      'getting this when I hit /api/orders, fix it\n\nTraceback (most recent call last):\n  File "/app/.venv/lib/python3.11/site-packages/starlette/routing.py", line 677, in __call__\n  File "/app/app/routes/orders.py", line 41, in list_orders\n    return [OrderOut.model_validate(o) for o in rows]\n  File "/app/.venv/lib/python3.11/site-packages/pydantic/main.py", line 596, in model_validate\npydantic_core._pydantic_core.ValidationError: 1 validation error for OrderOut\ncustomer_email\n  Input should be a valid string [type=string_type, input_value=None, input_type=NoneType]',
    ),
  ]),
  S("debug", "medium", "ts-undefined", [
    u(
      "TypeError: Cannot read properties of undefined (reading 'map')\n    at ProductGrid (ProductGrid.tsx:23:24)\n\nhappens on first render only, after refresh it's fine",
    ),
  ]),
  S("debug", "high", "go-race", [
    u(
      "go test -race flags a data race in the session cache, but only sometimes. here's the output, find and fix the root cause\n\n==================\nWARNING: DATA RACE\nWrite at 0x00c0001a4090 by goroutine 23:\n  runtime.mapassign_faststr()\n  github.com/acme/auth/session.(*Cache).Put()\n      /src/session/cache.go:44 +0x84\nPrevious read at 0x00c0001a4090 by goroutine 19:\n  runtime.mapaccess2_faststr()\n  github.com/acme/auth/session.(*Cache).Get()\n      /src/session/cache.go:31 +0x5c\n==================",
    ),
  ]),
  S("debug", "medium", "rust-borrow", [
    u(
      "can't get this to compile:\n\nerror[E0502]: cannot borrow `self.items` as mutable because it is also borrowed as immutable\n  --> src/inventory.rs:58:13\n   |\n55 |         let first = self.items.first();\n   |                     ---------- immutable borrow occurs here\n...\n58 |             self.items.push(item.clone());\n   |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here\n59 |         }\n60 |         first.map(|f| f.id)\n   |         ----- immutable borrow later used here",
    ),
  ]),
  S("debug", "medium", "java-npe", [
    u(
      'NPE in prod, only for some customers:\n\njava.lang.NullPointerException: Cannot invoke "com.acme.model.Address.getCountry()" because the return value of "com.acme.model.Customer.getBillingAddress()" is null\n\tat com.acme.tax.TaxService.rateFor(TaxService.java:52)\n\tat com.acme.checkout.CheckoutService.quote(CheckoutService.java:118)',
    ),
  ]),
  S("debug", "medium", "csharp-ef", [
    u(
      "System.InvalidOperationException: A second operation was started on this context instance before a previous operation completed. This is usually caused by different threads concurrently using the same instance of DbContext.\n\nwe get this randomly in the background sync job. why?",
    ),
  ]),
  S("debug", "low", "what-error-means", [
    u(
      "what does this error mean? `ERR_REQUIRE_ESM: require() of ES Module /app/node_modules/node-fetch/src/index.js not supported`",
    ),
  ]),
  S("debug", "low", "what-error-means-2", [
    u("what does 'fatal: refusing to merge unrelated histories' mean and how do I get past it"),
  ]),
  S("debug", "medium", "why-crash", [
    u(
      "why does the app crash when I rotate the phone on the camera screen? logcat says IllegalStateException: Can not perform this action after onSaveInstanceState",
    ),
  ]),
  S("debug", "medium", "wrong-output", [
    u(
      "the monthly totals in the report are off by exactly one day's worth of orders — march shows 30 days of data. timezone? we store timestamps in UTC and the report is for Europe/Berlin",
    ),
  ]),
  S("debug", "medium", "doesnt-work", [
    u("the dropdown doesn't close when clicking outside anymore since we upgraded headlessui. no errors in console"),
  ]),
  S("debug", "medium", "still-getting", [
    u(
      "CORS error when the frontend calls the api: Access to fetch at 'http://localhost:8000/api/me' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present",
    ),
    a(
      "Add the frontend origin to the CORS middleware: `app.add_middleware(CORSMiddleware, allow_origins=['http://localhost:5173'], allow_credentials=True, allow_methods=['*'], allow_headers=['*'])`.",
    ),
    u("still getting the same error after adding that, but only for requests with credentials: 'include'"),
  ]),
  S("debug", "high", "memory-leak", [
    u(
      "our node service's memory grows ~50MB/hour until OOM kill. heap snapshot shows thousands of `Socket` objects retained by an array in `metrics.js`. help me find the leak",
    ),
  ]),
  S("debug", "medium", "sql-wrong", [
    u(
      "this query returns duplicate rows and I don't understand why\n\nSELECT u.id, u.email, p.plan FROM users u LEFT JOIN subscriptions p ON p.user_id = u.id WHERE p.status = 'active' OR p.status IS NULL;",
    ),
  ]),
  S("debug", "medium", "docker-fail", [
    u(
      'docker build fails:\n\n#12 [builder 6/8] RUN npm ci\n#12 12.41 npm ERR! code EBADENGINE\n#12 12.41 npm ERR! engine Unsupported engine\n#12 12.41 npm ERR! notsup Required: {"node":">=20"}\n#12 12.41 npm ERR! notsup Actual:   {"npm":"9.6.7","node":"v18.19.0"}',
    ),
  ]),
  S("debug", "medium", "terraform-err", [
    u(
      "terraform apply fails with\n\nError: creating IAM Role (api-task-role): EntityAlreadyExists: Role with name api-task-role already exists.\n\nbut it's not in the state. how do I fix this without deleting the role",
    ),
  ]),
  S("debug", "medium", "k8s-crashloop", [
    u(
      "pod is in CrashLoopBackOff, logs say `Error: listen EADDRINUSE: address already in use :::8080`. there's only one container in the pod??",
    ),
  ]),
  S("debug", "medium", "swift-crash", [
    u(
      "Thread 1: Fatal error: Unexpectedly found nil while implicitly unwrapping an Optional value — happens in viewDidLoad on tableView.delegate = self",
    ),
  ]),
  S("debug", "medium", "php-err", [
    u(
      "PHP Fatal error:  Uncaught Error: Call to a member function format() on null in /var/www/app/Services/ReportService.php:77 — only for old records",
    ),
  ]),
  S("debug", "medium", "ruby-err", [
    u(
      "NoMethodError (undefined method `strftime' for nil:NilClass) in app/views/orders/_row.html.erb:12 after the migration that made shipped_at nullable",
    ),
  ]),
  S("debug", "medium", "debug-russian", [
    u("при запуске падает с ошибкой ModuleNotFoundError: No module named 'app.core', хотя папка есть. в чём дело?"),
  ]),
  S("debug", "medium", "debug-spanish", [
    u(
      "me sale este error al compilar y no entiendo por qué: error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.",
    ),
  ]),
  S("debug", "medium", "debug-chinese", [
    u("接口偶尔返回 502，nginx 日志里是 upstream prematurely closed connection，后端是 gunicorn，怎么排查？"),
  ]),
  S("debug", "medium", "debug-german", [
    u("Der Login funktioniert lokal, aber auf Staging bekomme ich immer 'invalid_grant'. Woran kann das liegen?"),
  ]),
  S("debug", "low", "aider-debug", [
    u("/run python main.py"),
    u(
      'I ran this command:\n\npython main.py\n\nAnd got this output:\n\nTraceback (most recent call last):\n  File "main.py", line 3, in <module>\n    from scraper import fetch_all\n  File "/home/u/proj/scraper.py", line 12\n    async def fetch_all(urls)\n                             ^\nSyntaxError: expected \':\'',
    ),
    u("fix"),
  ]),
  S("debug", "medium", "aider-debug-2", [u("the bot replies twice to every message since the last change")]),
  S("debug", "medium", "aider-debug-3", [
    u("/add app/db.py"),
    u(
      'i get sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL: password authentication failed for user "app" but the password in .env is right',
    ),
  ]),
  S("debug", "medium", "debug-in-test-file", [
    u(
      "here's the traceback from tests/test_orders.py, fix it\n\n    def test_create_order(client, user):\n>       resp = client.post('/orders', json={'items': [{'sku': 'A1', 'qty': 2}]}, headers=auth(user))\nE       TypeError: auth() missing 1 required positional argument: 'scope'\n\ntests/test_orders.py:18: TypeError",
    ),
  ]),
  S("debug", "medium", "debug-failing-ci", [
    u(
      "CI is red on main, the test job fails with `Error: Cannot find module '@acme/shared/dist/index.js'` but it works locally. what's wrong with the workflow?",
    ),
  ]),
  S("debug", "medium", "debug-slow-query", [
    u(
      "the /search endpoint suddenly takes 8s since yesterday. EXPLAIN shows a Seq Scan on products even though there is an index on name. what happened?",
    ),
  ]),
  S("debug", "medium", "debug-wrong-calc", [
    u("discount applied twice when the cart has a bundle and a coupon. expected 90, got 81. look at applyDiscounts"),
  ]),
  S("debug", "low", "debug-build-fail", [
    u(
      'vite build fails: [vite]: Rollup failed to resolve import "@/components/ui/button" from "src/pages/Home.tsx". dev server works fine',
    ),
  ]),
  S("debug", "high", "debug-deadlock", [
    u(
      "the service hangs under load. goroutine dump shows 200 goroutines blocked in `sync.(*Mutex).Lock` from `(*Pool).Acquire` and one holding it inside `(*Pool).refill` waiting on a channel send. figure out the deadlock",
    ),
  ]),
  S("debug", "medium", "debug-flaky-prod", [
    u(
      "users sometimes see another user's name in the header for a second after login. we use next.js with ISR. how could that happen?",
    ),
  ]),

  // ---- tool result tails: failure right after model's edit → debug ----
  S("debug", "medium", "tail-pytest-after-edit", [
    u("add the discount field to the order serializer"),
    ed("shop/serializers.py", "fields = ['id', 'items', 'total']", "fields = ['id', 'items', 'total', 'discount']"),
    sh(
      "pytest tests/test_api.py -q",
      "..F..\n___________________________ test_order_detail ___________________________\n\n    def test_order_detail(client, order):\n        r = client.get(f'/api/orders/{order.id}/')\n>       assert r.status_code == 200\nE       assert 500 == 200\n\n----------------------------- Captured log call -----------------------------\nERROR django.request:log.py:241 Internal Server Error: /api/orders/1/\ndjango.core.exceptions.ImproperlyConfigured: Field name `discount` is not valid for model `Order`.\n1 failed, 4 passed in 1.21s",
      1,
    ),
  ]),
  S("debug", "medium", "tail-jest-after-edit", [
    u("make the price formatter show 2 decimals always"),
    ed(
      "src/lib/price.ts",
      "return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(v);",
      "return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 }).format(v / 100);",
    ),
    sh(
      "npx jest src/lib",
      'FAIL src/lib/price.test.ts\n  ● formatPrice › formats whole euros\n\n    expect(received).toBe(expected)\n\n    Expected: "€12.00"\n    Received: "€0.12"\n\nTests:       3 failed, 9 passed, 12 total',
      1,
    ),
  ]),
  S(
    "debug",
    "medium",
    "tail-go-after-edit",
    [
      u("switch the store to use pgx instead of database/sql"),
      ed("internal/store/store.go", "db *sql.DB", "db *pgxpool.Pool"),
      sh(
        "go build ./...",
        "# github.com/acme/notes/internal/store\ninternal/store/notes.go:22:19: s.db.QueryContext undefined (type *pgxpool.Pool has no field or method QueryContext)\ninternal/store/notes.go:41:14: s.db.ExecContext undefined (type *pgxpool.Pool has no field or method ExecContext)",
        1,
      ),
    ],
    { acc: ["debug", "refactor"] },
  ),
  S("debug", "medium", "tail-cargo-after-edit", [
    u("make the parser return borrowed slices instead of Strings"),
    ed(
      "src/parse.rs",
      "pub fn fields(line: &str) -> Vec<String> {\n    line.split(',').map(|s| s.trim().to_string()).collect()\n}",
      "pub fn fields(line: &str) -> Vec<&str> {\n    line.split(',').map(|s| s.trim()).collect()\n}",
    ),
    sh(
      "cargo build",
      "error[E0515]: cannot return value referencing local variable `line`\n  --> src/reader.rs:31:9\n   |\n29 |         let line = buf.trim_end().to_owned();\n   |             ---- `line` is borrowed here\n31 |         fields(&line)\n   |         ^^^^^^^^^^^^^ returns a value referencing data owned by the current function\n\nerror: could not compile `csvx` (lib) due to 1 previous error",
      101,
    ),
  ]),
  S("debug", "medium", "tail-tsc-after-edit", [
    u("add an optional `tags` field to the Post type and show tags on the card"),
    ed(
      "src/types.ts",
      "export interface Post {\n  id: string;\n  title: string;",
      "export interface Post {\n  id: string;\n  title: string;\n  tags?: string[];",
    ),
    ed(
      "src/components/PostCard.tsx",
      "<h3>{post.title}</h3>",
      "<h3>{post.title}</h3>\n      <ul>{post.tags.map((t) => <li key={t}>{t}</li>)}</ul>",
    ),
    sh(
      "npx tsc --noEmit",
      "src/components/PostCard.tsx(14,16): error TS18048: 'post.tags' is possibly 'undefined'.",
      2,
    ),
  ]),
  S("debug", "medium", "tail-dotnet-after-edit", [
    u("add the discount code to the checkout request"),
    ed(
      "src/Checkout/CheckoutRequest.cs",
      "public record CheckoutRequest(Guid CartId, string PaymentToken);",
      "public record CheckoutRequest(Guid CartId, string PaymentToken, string? DiscountCode);",
    ),
    sh(
      "dotnet test",
      "  Failed CheckoutTests.Checkout_ValidCart_Returns201 [12 ms]\n  Error Message:\n   System.ArgumentException : There is no argument given that corresponds to the required parameter 'DiscountCode'\n\nFailed!  - Failed:     4, Passed:    62, Skipped:     0, Total:    66",
      1,
    ),
  ]),
  S("debug", "medium", "tail-runtime-after-edit", [
    u("load the config from yaml instead of json"),
    ed("app/config.py", "cfg = json.load(f)", "cfg = yaml.safe_load(f)"),
    sh(
      "python -m app",
      'Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "/srv/app/__main__.py", line 4, in <module>\n    from app.config import settings\n  File "/srv/app/config.py", line 9, in <module>\n    cfg = yaml.safe_load(f)\nNameError: name \'yaml\' is not defined',
      1,
    ),
  ]),
  S("debug", "medium", "tail-gradle-fail", [
    u("upgrade the compose BOM to 2024.10.00"),
    ed(
      "app/build.gradle.kts",
      'implementation(platform("androidx.compose:compose-bom:2024.02.00"))',
      'implementation(platform("androidx.compose:compose-bom:2024.10.00"))',
    ),
    sh(
      "./gradlew assembleDebug",
      "e: file:///app/src/main/java/com/acme/ui/Theme.kt:33:5 Unresolved reference: rememberRipple\n\nFAILURE: Build failed with an exception.\n\n* What went wrong:\nExecution failed for task ':app:compileDebugKotlin'.",
      1,
    ),
  ]),
  S("debug", "medium", "tail-vitest-regression", [
    u("make search case-insensitive"),
    ed(
      "src/search.ts",
      "return items.filter((i) => i.name.includes(q));",
      "return items.filter((i) => i.name.toLowerCase().includes(q));",
    ),
    sh(
      "npx vitest run src/search.test.ts",
      " FAIL  src/search.test.ts > search > matches uppercase query\nAssertionError: expected [] to have a length of 1 but got +0\n\n Test Files  1 failed (1)\n      Tests  1 failed | 5 passed (6)",
      1,
    ),
  ]),
  S("debug", "medium", "tail-server-500", [
    u("the new /export endpoint, test it"),
    sh(
      "curl -s -i localhost:3000/api/export?format=csv | head -5",
      'HTTP/1.1 500 Internal Server Error\nContent-Type: application/json\n\n{"error":"Cannot set headers after they are sent to the client"}',
    ),
  ]),
  S("debug", "medium", "tail-docker-compose", [
    u("get the stack running with docker compose"),
    sh(
      "docker compose up -d && docker compose logs api --tail 20",
      "api-1  | Error: connect ECONNREFUSED 127.0.0.1:5432\napi-1  |     at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\napi-1  | [nodemon] app crashed - waiting for file changes before starting...",
    ),
  ]),
  S("debug", "medium", "tail-mvn-fail", [
    u("add validation annotations to the signup dto"),
    ed(
      "src/main/java/com/acme/api/SignupDto.java",
      "private String email;",
      "@NotBlank @Email\n  private String email;",
    ),
    sh(
      "mvn -q compile",
      "[ERROR] /src/main/java/com/acme/api/SignupDto.java:[8,4] cannot find symbol\n  symbol:   class NotBlank\n  location: class com.acme.api.SignupDto\n[ERROR] BUILD FAILURE",
      1,
    ),
  ]),
  S("debug", "low", "tail-lint-error-after", [
    u("add the new route for /about"),
    ed(
      "src/router.tsx",
      "{ path: '/', element: <Home /> },",
      "{ path: '/', element: <Home /> },\n  { path: '/about', element: <About /> },",
    ),
    sh(
      "npm run build",
      "src/router.tsx:9:30 - error TS2304: Cannot find name 'About'.\n\nFound 1 error in src/router.tsx:9",
      1,
    ),
  ]),
  S("debug", "high", "tail-race-repro", [
    u("users report duplicate order numbers. investigate"),
    sh(
      'psql $DATABASE_URL -c "select number, count(*) from orders group by number having count(*) > 1 order by 2 desc limit 5"',
      " number  | count\n---------+-------\n 2024-88812 |     2\n 2024-88790 |     2\n 2024-88741 |     2\n(3 rows)",
    ),
    gr(
      "next_order_number",
      "app/orders/numbering.py:8:def next_order_number(db):\napp/orders/numbering.py:9:    last = db.execute('select max(number) from orders').scalar()\napp/orders/service.py:31:        number = next_order_number(self.db)",
    ),
  ]),
  S("debug", "medium", "tail-python-import", [
    u("run the app, something's off after the restructure"),
    sh("uvicorn app.main:app", 'ERROR:    Error loading ASGI app. Could not import module "app.main".', 1),
  ]),
  S("debug", "medium", "tail-phpunit-fail-after", [
    u("use carbon for the date parsing in the importer"),
    ed(
      "app/Import/RowParser.php",
      "$date = DateTime::createFromFormat('d/m/Y', $row[3]);",
      "$date = Carbon::parse($row[3]);",
    ),
    sh(
      "vendor/bin/phpunit tests/Import",
      "F..\n\nThere was 1 failure:\n\n1) Tests\\Import\\RowParserTest::test_parses_european_dates\nFailed asserting that two strings are equal.\n--- Expected\n+++ Actual\n-'2024-03-04'\n+'2024-04-03'\n\nFAILURES!\nTests: 3, Assertions: 7, Failures: 1.",
      1,
    ),
  ]),
  S("debug", "medium", "tail-rspec-fail-after", [
    u("add the `archived` scope and use it in the index"),
    ed(
      "app/controllers/projects_controller.rb",
      "@projects = current_user.projects",
      "@projects = current_user.projects.not_archived",
    ),
    sh(
      "bundle exec rspec spec/requests/projects_spec.rb",
      "F.\n\nFailures:\n\n  1) Projects GET /projects lists projects\n     Failure/Error: @projects = current_user.projects.not_archived\n\n     NoMethodError:\n       undefined method `not_archived' for #<ActiveRecord::Associations::CollectionProxy []>\n\n2 examples, 1 failure",
      1,
    ),
  ]),
  S("debug", "medium", "tail-swift-build-fail", [
    u("add the share button to the detail view"),
    ed("App/Views/DetailView.swift", ".toolbar {", ".toolbar {\n    ShareLink(item: item.url)"),
    sh(
      "xcodebuild -scheme App build 2>&1 | grep error:",
      "App/Views/DetailView.swift:41:26: error: value of type 'Item' has no member 'url'",
    ),
  ]),

  // ---- debug continuations ----
  S("debug", "medium", "cont-debug-1", [
    u("login returns 401 for valid credentials since the bcrypt upgrade"),
    a(
      "The new bcrypt version produces `$2b$` hashes, but `verify()` compares the prefix against `$2a$` before calling checkpw. I've removed the prefix check. Can you try logging in again?",
    ),
    u("still 401"),
  ]),
  S("debug", "medium", "cont-debug-2", [
    u("the chart flickers on every data refresh"),
    a(
      "The `key` on `<Chart>` is `Date.now()`, forcing a remount each render. I changed it to the dataset id. Does it still flicker?",
    ),
    u("better but it still flickers when the range changes"),
  ]),
  S("debug", "medium", "cont-debug-3", [
    u("fix the websocket disconnects every 60s"),
    a(
      "Likely the ALB idle timeout (60s) — there's no ping. Options: add a 30s ping from the server, or raise the idle timeout. I'd add the ping. Proceed?",
    ),
    u("yes"),
  ]),
  S("debug", "medium", "cont-debug-4", [
    u("the import job fails on big files"),
    sh(
      "kubectl logs job/import-8812 | tail -5",
      '  File "/app/importer.py", line 88, in load\n    data = f.read()\nMemoryError\nKilled',
    ),
    a("It reads the whole file into memory. I'll switch to streaming rows with csv.reader over the file handle."),
    u("ok"),
  ]),
  S("debug", "high", "cont-debug-5", [
    u("there's a subtle bug: balances drift by a few cents after many transfers"),
    a(
      "Transfers compute fees with float: `amount * 0.029 + 0.30` then round. Summing rounded floats in different orders gives different cent totals. Fix: use Decimal (or integer cents) end-to-end and round once per transaction with ROUND_HALF_EVEN. Apply?",
    ),
    u("go ahead"),
  ]),
  S("debug", "medium", "cont-debug-6", [
    u("npm run dev crashes with 'Invalid hook call'"),
    a(
      "You have two copies of React: the `ui-kit` package bundles react 17 while the app uses 18. `npm ls react` confirms it. I'll make react a peerDependency in ui-kit.",
    ),
    u("do it"),
  ]),
  S("debug", "medium", "cont-debug-7", [
    u("/run npm test"),
    u(
      "I ran this command:\n\nnpm test\n\nAnd got this output:\n\n FAIL  src/api/client.test.ts\n  ● client › retries on 503\n\n    TypeError: fetch is not a function\n\n      12 |   const res = await fetch(url, opts);\n\nTests: 1 failed, 20 passed, 21 total",
    ),
    u("fix this"),
  ]),
  S("debug", "medium", "cont-debug-8", [u("still crashing on startup")]),
  S("debug", "medium", "cont-debug-9", [
    u("why is the cron job not running on the server? it works when I run it manually"),
    a(
      "Cron runs with a minimal PATH and no login shell, so `node` isn't found. Check `/var/log/syslog` for `CRON` lines — you'll likely see `node: not found`.",
    ),
    u("yeah it says /bin/sh: 1: node: not found"),
  ]),
  S("debug", "medium", "cont-debug-10", [
    u("the page is blank in safari only"),
    a(
      "Safari 15 doesn't support the `structuredClone` we call in `store.ts`. Can you check the Safari console for `ReferenceError: Can't find variable: structuredClone`?",
    ),
    u("yes thats exactly the error"),
  ]),
];
