import { a, ed, gr, rd, S, sh, u, wr } from "./dsl.mjs";

export default [
  // ---- user requests ----
  S("refactor", "medium", "split-file-py", [
    u(
      "app/views.py is 2400 lines. split it into a views/ package by area (auth, billing, admin, api) without changing behaviour. keep the imports in urls.py working",
    ),
  ]),
  S("refactor", "medium", "extract-hook", [
    u(
      "extract the data fetching + polling logic out of Dashboard.tsx into a useDashboardData hook. no behaviour change",
    ),
  ]),
  S("refactor", "medium", "rename-across", [
    u(
      "rename `UserAccount` to `Member` everywhere — model, serializers, tests, migrations references, frontend types. it's just a rename",
    ),
  ]),
  S("refactor", "low", "dedupe-utils", [
    u(
      "we have formatDate in 4 different files with tiny differences. consolidate into src/lib/dates.ts and update callers, output must stay the same",
    ),
  ]),
  S("refactor", "medium", "modernize-js", [
    u(
      "convert src/legacy/*.js from callbacks + var to async/await and const/let. keep exported function signatures compatible (they can return promises AND accept callbacks for now)",
    ),
  ]),
  S("refactor", "medium", "types-ts", [
    u(
      "improve the types in api/client.ts — get rid of all the `any`, use generics for the response type, discriminated union for the error",
    ),
  ]),
  S("refactor", "medium", "py-typing", [
    u("add type hints throughout the `inventory` package and make mypy --strict pass, don't change logic"),
  ]),
  S("refactor", "high", "perf-keep-behaviour", [
    u(
      "The `match_transactions` function is O(n^2) and takes 40s on 50k rows. Make it faster without changing results — same output ordering too. Probably index by amount+date.",
    ),
  ]),
  S("refactor", "medium", "go-interfaces", [
    u(
      "the handlers take *sql.DB directly. introduce a small repository interface so handlers depend on that instead. pure restructuring, same behaviour",
    ),
  ]),
  S("refactor", "low", "simplify-fn", [
    u(
      "simplify this, it's way too nested:\n\n```python\ndef status(o):\n    if o is not None:\n        if o.paid:\n            if o.shipped:\n                return 'done'\n            else:\n                return 'paid'\n        else:\n            return 'pending'\n    else:\n        return 'unknown'\n```",
    ),
  ]),
  S("refactor", "medium", "rust-error-types", [
    u(
      "replace the String errors in the parser crate with a proper thiserror enum. call sites should still work via ? — behaviour the same",
    ),
  ]),
  S("refactor", "medium", "java-records", [
    u(
      "convert the DTO classes in com.acme.api.dto to Java 17 records. they're all immutable getters + equals/hashCode anyway",
    ),
  ]),
  S("refactor", "medium", "csharp-async", [
    u(
      "Refactor OrderRepository to use async EF Core methods (ToListAsync, FirstOrDefaultAsync...) all the way up to the controllers. No functional changes.",
    ),
  ]),
  S("refactor", "medium", "kotlin-coroutines", [
    u(
      "migrate the RxJava chains in ProfileRepository to coroutines/Flow. same behaviour, same threading (IO for network)",
    ),
  ]),
  S("refactor", "low", "move-module", [u("move everything under src/helpers/ into src/lib/ and fix the import paths")]),
  S("refactor", "medium", "class-to-functional", [
    u("convert the class components in src/components/settings to function components with hooks"),
  ]),
  S("refactor", "medium", "strategy-pattern", [
    u(
      "the big switch in ShippingCalculator.calculate() over carrier types is getting out of hand. refactor to a strategy per carrier. results must be identical",
    ),
  ]),
  S("refactor", "low", "ruby-cleanup", [
    u(
      "clean up app/services/invoice_builder.rb — it's got duplicated tax logic in three methods. extract it, keep specs green",
    ),
  ]),
  S("refactor", "medium", "php-modernize", [
    u(
      "modernise src/Legacy/UserService.php to PHP 8.2: constructor promotion, typed properties, match instead of switch, readonly where possible. no behaviour change",
    ),
  ]),
  S("refactor", "medium", "swift-async", [
    u(
      "refactor APIClient.swift from completion handlers to async/await. keep a thin completion-based wrapper so old call sites compile",
    ),
  ]),
  S("refactor", "low", "sql-cte", [
    u(
      "rewrite this query with CTEs so it's readable, same result set:\n\nSELECT * FROM (SELECT user_id, COUNT(*) c FROM (SELECT * FROM events WHERE ts > now() - interval '7 days') e GROUP BY user_id) x WHERE x.c > (SELECT AVG(c) FROM (SELECT user_id, COUNT(*) c FROM events WHERE ts > now() - interval '7 days' GROUP BY user_id) y)",
    ),
  ]),
  S("refactor", "medium", "terraform-modules", [
    u(
      "the three env folders copy-paste the same ECS service definition. pull it into modules/ecs-service with variables, and use moved blocks so nothing gets recreated",
    ),
  ]),
  S("refactor", "medium", "shell-refactor", [
    u(
      "deploy.sh has grown to 400 lines of copy paste. break it into functions, dedupe the ssh/rsync bits, keep the same CLI args and behaviour",
    ),
  ]),
  S("refactor", "low", "react-props", [
    u("UserCard takes 14 props, group them into a `user` object prop and a `actions` prop, update the 3 usages"),
  ]),
  S("refactor", "medium", "remove-dead-code", [
    u(
      "remove dead code in the payments module — unused exports, the old v1 adapter that nothing imports anymore. check with ts-prune",
    ),
  ]),
  S("refactor", "medium", "perf-react-render", [
    u(
      "the product list re-renders every row on each keystroke in the filter box. memoize properly so it doesn't — same UI",
    ),
  ]),
  S("refactor", "high", "perf-go-alloc", [
    u(
      "profile shows 60% of CPU in encodeRow allocating. reduce allocations (reuse buffers, avoid fmt.Sprintf) — output bytes must be identical, there's a golden test",
    ),
  ]),
  S("refactor", "medium", "py-dataclass", [
    u("turn these dict-based configs into dataclasses with types, keep a from_dict so existing yaml loading works"),
  ]),
  S("refactor", "low", "rename-module-dir", [u("rename the package `utils2` to `textutils` and update all imports")]),
  S("refactor", "medium", "spanish-refactor", [
    u(
      "refactoriza el controlador de pedidos: separa la lógica de negocio en un servicio, el controlador solo debe validar y delegar. sin cambiar el comportamiento",
    ),
  ]),
  S("refactor", "medium", "russian-refactor", [
    u(
      "отрефактори модуль парсинга: слишком длинная функция parse_report, разбей на маленькие функции, поведение не менять",
    ),
  ]),
  S("refactor", "medium", "chinese-refactor", [u("把 OrderService 里重复的校验逻辑抽成一个公共方法，行为保持不变")]),
  S("refactor", "medium", "german-refactor", [
    u(
      "Bitte die Klasse ReportGenerator aufräumen: lange Methoden aufteilen, Magic Numbers in Konstanten, gleiches Verhalten.",
    ),
  ]),
  S("refactor", "low", "aider-refactor", [
    u("/add lib/parser.rb lib/tokenizer.rb"),
    u("move the token constants from parser.rb into tokenizer.rb where they belong"),
  ]),
  S("refactor", "medium", "aider-refactor-2", [
    u("extract the csv writing bits of report.py into a separate module report_io.py"),
  ]),
  S("refactor", "medium", "vue-composition", [
    u("convert OrderTable.vue from Options API to <script setup> composition API, same template"),
  ]),
  S("refactor", "medium", "dotnet-di", [
    u(
      "Replace the `new HttpClient()` calls in the services with IHttpClientFactory typed clients registered in DI. Same endpoints, same behaviour.",
    ),
  ]),
  S("refactor", "low", "enum-instead-strings", [
    u(
      "replace the string literals 'pending' | 'active' | 'closed' scattered around with the Status enum we already have in models.py",
    ),
  ]),
  S("refactor", "medium", "sqlalchemy-2", [
    u(
      "port the repository layer from the legacy Query API (session.query) to SQLAlchemy 2.0 select() style. same queries",
    ),
  ]),
  S("refactor", "high", "break-cycle", [
    u(
      "there's an import cycle between orders, customers and billing packages. restructure so the dependency goes one way — probably move the shared types to a domain package. no behaviour changes",
    ),
  ]),
  S("refactor", "low", "guard-clauses", [u("rewrite handleSubmit using early returns, it's a pyramid")]),
  S("refactor", "medium", "perf-sql-n1", [
    u(
      "the /teams endpoint does an N+1 on members. fix it with select_related/prefetch_related, response must stay identical",
    ),
  ]),

  // ---- tool-result tails during refactor ----
  S("refactor", "medium", "rename-grep-tail", [
    u("rename `fetchUserData` to `loadUserProfile` across the codebase"),
    gr(
      "fetchUserData",
      "src/api/user.ts:14:export async function fetchUserData(id: string) {\nsrc/pages/Profile.tsx:22:  const data = await fetchUserData(params.id);\nsrc/pages/Settings.tsx:31:    fetchUserData(user.id).then(setUser);\nsrc/hooks/useUser.ts:9:  queryFn: () => fetchUserData(id),\ntests/api/user.test.ts:5:import { fetchUserData } from '../../src/api/user';",
    ),
  ]),
  S("refactor", "medium", "extract-tail-pass", [
    u("pull the validation out of OrderController into an OrderValidator class, behaviour must stay the same"),
    wr(
      "src/Orders/OrderValidator.cs",
      'public sealed class OrderValidator\n{\n    public IReadOnlyList<string> Validate(CreateOrderRequest req)\n    {\n        var errors = new List<string>();\n        if (req.Items.Count == 0) errors.Add("empty order");\n        if (req.Items.Any(i => i.Qty <= 0)) errors.Add("qty must be positive");\n        return errors;\n    }\n}',
    ),
    ed(
      "src/Orders/OrderController.cs",
      'if (req.Items.Count == 0) return BadRequest("empty order");\n        if (req.Items.Any(i => i.Qty <= 0)) return BadRequest("qty must be positive");',
      "var errors = _validator.Validate(req);\n        if (errors.Count > 0) return BadRequest(errors[0]);",
    ),
    sh(
      "dotnet test",
      "  Determining projects to restore...\n  All projects are up-to-date for restore.\n  Orders.Tests -> /src/tests/Orders.Tests/bin/Debug/net8.0/Orders.Tests.dll\nTest run for /src/tests/Orders.Tests/bin/Debug/net8.0/Orders.Tests.dll (.NETCoreApp,Version=v8.0)\n\nPassed!  - Failed:     0, Passed:    86, Skipped:     0, Total:    86, Duration: 2 s",
    ),
  ]),
  S("refactor", "medium", "split-tail-pass-py", [
    u(
      "split models.py into a models/ package (user.py, order.py, product.py), re-export from models/__init__.py so imports don't break",
    ),
    sh("mkdir -p shop/models && git mv shop/models.py shop/models/_old.py", ""),
    wr(
      "shop/models/__init__.py",
      'from .user import User, Address\nfrom .order import Order, OrderLine\nfrom .product import Product, Category\n\n__all__ = ["User", "Address", "Order", "OrderLine", "Product", "Category"]',
    ),
    sh(
      "python -m pytest -q",
      "........................................................................ [ 81%]\n................                                                         [100%]\n88 passed in 4.12s",
    ),
  ]),
  S("refactor", "medium", "types-tail-tsc", [
    u("tighten the types in src/store — no implicit any, proper action types"),
    ed(
      "src/store/cart.ts",
      "export function reducer(state: any, action: any) {",
      "export function reducer(state: CartState, action: CartAction): CartState {",
    ),
    sh("npx tsc --noEmit", ""),
  ]),
  S("refactor", "high", "perf-tail-bench", [
    u("make the tokenizer faster, it's the hot path. same tokens out. there's a benchmark in benches/"),
    ed(
      "src/lexer.rs",
      "let s: String = self.chars[start..self.pos].iter().collect();",
      "let s = &self.src[start_byte..self.byte_pos];",
    ),
    sh(
      "cargo bench --bench lex -- --save-baseline after",
      "lex/large_file           time:   [3.8120 ms 3.8411 ms 3.8733 ms]\n                        change: [-41.237% -40.612% -39.918%] (p = 0.00 < 0.05)\n                        Performance has improved.",
    ),
  ]),
  S("refactor", "medium", "perf-tail-bench-2", [
    u("the CSV export is slow, speed it up without changing the output"),
    ed(
      "export/csv.py",
      "for row in rows:\n        line = ''\n        for v in row:\n            line += str(v) + ','\n        out.write(line[:-1] + '\\n')",
      "w = csv.writer(out, lineterminator='\\n')\n    w.writerows(rows)",
    ),
    sh(
      "python -m pytest tests/test_export.py -q && python bench/export_bench.py",
      "....\n4 passed in 0.31s\nexport 200k rows: 1.92s (was 11.4s)",
    ),
  ]),
  S("refactor", "low", "move-tail", [
    u("move the date helpers from utils/index.ts to utils/date.ts"),
    sh(
      'git mv src/utils/dateHelpers.ts src/utils/date.ts && rg -l "utils/dateHelpers" src',
      "src/components/Calendar.tsx\nsrc/components/EventRow.tsx\nsrc/pages/Agenda.tsx",
    ),
  ]),
  S("refactor", "medium", "dedupe-tail-read", [
    u("the three payment providers repeat the same retry/backoff code. dedupe it into one helper"),
    rd(
      "payments/stripe.go",
      "func (s *Stripe) Charge(ctx context.Context, c Charge) error {\n\tvar err error\n\tfor i := 0; i < 3; i++ {\n\t\tif err = s.charge(ctx, c); err == nil {\n\t\t\treturn nil\n\t\t}\n\t\ttime.Sleep(time.Duration(1<<i) * 200 * time.Millisecond)\n\t}\n\treturn err\n}",
    ),
    rd(
      "payments/adyen.go",
      "func (a *Adyen) Charge(ctx context.Context, c Charge) error {\n\tvar err error\n\tfor i := 0; i < 3; i++ {\n\t\terr = a.do(ctx, c)\n\t\tif err == nil { return nil }\n\t\ttime.Sleep(time.Duration(1<<i) * 200 * time.Millisecond)\n\t}\n\treturn err\n}",
    ),
  ]),
  S("refactor", "medium", "java-tail-mvn", [
    u("Extract the duplicated mapping code in CustomerService and SupplierService into a shared AddressMapper"),
    wr(
      "src/main/java/com/acme/common/AddressMapper.java",
      "public final class AddressMapper {\n  private AddressMapper() {}\n  public static AddressDto toDto(Address a) {\n    return new AddressDto(a.getLine1(), a.getLine2(), a.getCity(), a.getZip(), a.getCountry().getIsoCode());\n  }\n}",
    ),
    sh("mvn -q test", "[INFO] Tests run: 212, Failures: 0, Errors: 0, Skipped: 3\n[INFO] BUILD SUCCESS"),
  ]),
  S("refactor", "medium", "kotlin-tail-gradle", [
    u(
      "replace the companion object factory methods in the view models with constructor injection via Hilt, same behaviour",
    ),
    ed(
      "app/src/main/java/com/acme/feed/FeedViewModel.kt",
      "class FeedViewModel(private val repo: FeedRepository) : ViewModel() {\n    companion object { fun create() = FeedViewModel(FeedRepository(Api.instance)) }",
      "@HiltViewModel\nclass FeedViewModel @Inject constructor(private val repo: FeedRepository) : ViewModel() {",
    ),
    sh(
      "./gradlew :app:compileDebugKotlin",
      "> Task :app:kaptGenerateStubsDebugKotlin\n> Task :app:kaptDebugKotlin\n> Task :app:compileDebugKotlin\n\nBUILD SUCCESSFUL in 48s\n27 actionable tasks: 6 executed, 21 up-to-date",
    ),
  ]),
  S("refactor", "medium", "rename-tail-partial", [
    u("rename the `cfg` param to `config` in all the public functions of pkg/server, it's inconsistent"),
    ed("pkg/server/server.go", "func New(cfg Config) *Server {", "func New(config Config) *Server {"),
    ed(
      "pkg/server/tls.go",
      "func loadTLS(cfg Config) (*tls.Config, error) {",
      "func loadTLS(config Config) (*tls.Config, error) {",
    ),
    sh("go vet ./pkg/server/...", ""),
  ]),
  S("refactor", "medium", "eslint-modernize-tail", [
    u("convert the remaining CommonJS requires in server/ to ESM imports"),
    sh(
      'grep -rln "require(" server | wc -l && grep -rn "module.exports" server | head',
      "17\nserver/db.js:44:module.exports = { pool, query };\nserver/routes/index.js:12:module.exports = router;\nserver/auth/jwt.js:30:module.exports = { sign, verify };",
    ),
  ]),
  S("refactor", "low", "rb-tail-rspec", [
    u("extract the tax calc into a TaxCalculator object, specs should still pass"),
    wr(
      "app/services/tax_calculator.rb",
      "class TaxCalculator\n  def initialize(region)\n    @rate = TAX_RATES.fetch(region)\n  end\n\n  def call(amount)\n    (amount * @rate).round(2)\n  end\nend",
    ),
    sh(
      "bundle exec rspec spec/services",
      "..........................................\n\nFinished in 1.84 seconds (files took 3.1 seconds to load)\n42 examples, 0 failures",
    ),
  ]),
  S("refactor", "medium", "vitest-tail-refactor", [
    u("split the 900-line store.ts into slices (auth, cart, ui) — zero behaviour change"),
    sh(
      "npx vitest run",
      " ✓ src/store/auth.test.ts  (12 tests) 31ms\n ✓ src/store/cart.test.ts  (19 tests) 44ms\n ✓ src/store/ui.test.ts  (6 tests) 9ms\n\n Test Files  3 passed (3)\n      Tests  37 passed (37)\n   Duration  1.12s",
    ),
  ]),
  S("refactor", "medium", "terraform-tail-plan", [
    u("move the s3 buckets into the storage module with moved {} blocks so no resources get replaced"),
    sh(
      "terraform plan -no-color | tail -5",
      "  # aws_s3_bucket.assets has moved to module.storage.aws_s3_bucket.assets\n  # aws_s3_bucket.logs has moved to module.storage.aws_s3_bucket.logs\n\nPlan: 0 to add, 0 to change, 0 to destroy.",
    ),
  ]),
  S("refactor", "medium", "swift-tail-build", [
    u("break up the massive ProfileViewController into child view controllers, behaviour the same"),
    sh(
      "xcodebuild -scheme App -destination 'platform=iOS Simulator,name=iPhone 15' build | tail -3",
      "** BUILD SUCCEEDED **",
    ),
  ]),
  S("refactor", "low", "dedupe-tail-grep-css", [
    u("we have the same breakpoint media queries copy-pasted everywhere, move them into scss mixins"),
    gr(
      "@media \\(max-width: 768px\\)",
      "src/styles/header.scss:40:@media (max-width: 768px) {\nsrc/styles/cards.scss:12:@media (max-width: 768px) {\nsrc/styles/footer.scss:8:@media (max-width: 768px) {\nsrc/styles/table.scss:61:@media (max-width: 768px) {",
    ),
  ]),

  // ---- continuations of refactor work ----
  S("refactor", "medium", "cont-refactor-1", [
    u("refactor the notification senders to share a common interface"),
    a(
      "Plan:\n1. Add `Notifier` interface with `Send(ctx, Message) error`\n2. Make Email, SMS, Push implement it\n3. Replace the type switch in dispatcher.go with a map[Channel]Notifier\n\nNo behaviour change. Proceed?",
    ),
    u("yes do it"),
  ]),
  S("refactor", "medium", "cont-refactor-2", [
    u("clean up the error handling in the api handlers, there's a lot of repeated try/catch → res.status(500)"),
    a(
      "I'd introduce an `asyncHandler` wrapper and a central error middleware mapping `HttpError` subclasses to status codes. That removes ~30 try/catch blocks. I've done `users.ts` as an example — continue with the other route files?",
    ),
    u("continue"),
  ]),
  S("refactor", "medium", "cont-refactor-3", [
    u("extract the pdf generation from invoices/views.py into a service module"),
    wr(
      "invoices/pdf.py",
      "def render_invoice_pdf(invoice):\n    html = render_to_string('invoices/invoice.html', {'invoice': invoice})\n    return HTML(string=html).write_pdf()",
    ),
    ed(
      "invoices/views.py",
      "html = render_to_string('invoices/invoice.html', {'invoice': invoice})\n    pdf = HTML(string=html).write_pdf()",
      "pdf = render_invoice_pdf(invoice)",
    ),
    a(
      "Extracted `render_invoice_pdf` into invoices/pdf.py and updated the view. The credit-note view has the same code — do that one too?",
    ),
    u("yep"),
  ]),
  S("refactor", "low", "cont-refactor-4", [
    u("rename `getData` helpers to something meaningful in the dashboard widgets"),
    a(
      "Suggested names: `getData` in RevenueChart → `loadRevenueSeries`, in TopProducts → `loadTopProducts`, in Churn → `loadChurnCohorts`. OK?",
    ),
    u("lgtm proceed"),
  ]),
  S("refactor", "medium", "cont-refactor-5", [
    u("can you simplify the permission checks? there are like 5 ways we check roles"),
    a(
      "I found: `user.role === 'admin'`, `isAdmin(user)`, `hasRole(user, 'admin')`, `user.roles.includes(...)` and the `@RequireRole` decorator. I'd standardize on `hasRole` + the decorator and delete the rest. 23 call sites. Go ahead?",
    ),
    u("go ahead"),
  ]),
  S("refactor", "medium", "cont-refactor-6", [
    u("port these jQuery bits in static/js/admin.js to vanilla JS"),
    ed(
      "static/js/admin.js",
      "$('.toggle').on('click', function () { $(this).next().toggle(); });",
      "document.querySelectorAll('.toggle').forEach((el) => el.addEventListener('click', () => el.nextElementSibling.toggleAttribute('hidden')));",
    ),
    a("Converted the toggles and the modal open/close. Remaining: the ajax form submit and the datepicker init."),
    u("next"),
  ]),
  S("refactor", "low", "cont-refactor-7", [
    u("split utils.go — it has string, time and http helpers mixed"),
    a(
      "Split into strutil.go, timeutil.go, httputil.go in the same package (no import changes needed). Build passes. Should I also move them to subpackages?",
    ),
    u("no, same package is fine. just also do the same for helpers_test.go"),
  ]),
  S("refactor", "medium", "cont-refactor-8", [
    u("refactor the Redux slices to use createSlice from RTK"),
    sh(
      "npm test -- --watchAll=false src/store",
      "PASS src/store/__tests__/cart.test.js\nPASS src/store/__tests__/session.test.js\n\nTest Suites: 2 passed, 2 total\nTests:       23 passed, 23 total",
    ),
    a("cart and session are migrated, tests pass. 4 slices left."),
    u("ok keep going"),
  ]),
  S(
    "refactor",
    "medium",
    "cont-refactor-9",
    [
      u("/architect dedupe the two nearly identical import scripts (import_customers.py / import_vendors.py)"),
      a(
        "Both differ only in the column map and the target model. Plan: create `importers/base.py` with `run_import(path, column_map, model)`, make both scripts thin wrappers. Editor: apply this.",
      ),
      u("do it"),
    ],
    { mode: "architect" },
  ),
  S("refactor", "medium", "cont-refactor-10", [
    u(
      "make the hooks in src/hooks generic instead of having useUsersList, useOrdersList, useProductsList that are 95% the same",
    ),
    a(
      "I'll create `useResourceList<T>(endpoint, opts)` and re-implement the three as one-liners on top of it so callers don't change.",
    ),
    u("sounds good, go"),
  ]),
  S("refactor", "high", "cont-refactor-11", [
    u(
      "the ingestion worker holds a global mutex for the whole batch. restructure it to use per-partition locks, same semantics",
    ),
    a(
      "Sketch: partition key = tenant_id; `locks sync.Map[string]*sync.Mutex`; batch is grouped by tenant and each group processed under its own lock, groups in parallel with errgroup limited to 8. Ordering within a tenant is preserved, which is the only guarantee callers rely on. Shall I implement?",
    ),
    u("yes"),
  ]),
  S("refactor", "low", "cont-refactor-12", [
    u("lots of magic numbers in physics.cs, pull them out into named constants"),
    a("Done for the wheel and suspension sections (12 constants). The aero section has 6 more."),
    u("do those too"),
  ]),
  S(
    "refactor",
    "medium",
    "refactor-mixed-deliverable",
    [u("refactor the report module into smaller files and while you're there add a docstring to the entry function")],
    {},
  ),
  S(
    "refactor",
    "medium",
    "refactor-feature-flag-cleanup",
    [u("the `new_checkout` flag has been 100% on for 3 months. remove the flag and the old code path")],
    { acc: ["refactor", "small_edit"] },
  ),
  S(
    "refactor",
    "medium",
    "refactor-tests-cleanup",
    [
      u(
        "our test files have a ton of duplicated setup, pull it into shared fixtures in conftest.py. tests should behave the same",
      ),
    ],
    { acc: ["refactor", "test"] },
  ),
  S("refactor", "low", "refactor-sort-imports-module", [
    u("reorganize lib/ — group the files into folders by feature (auth/, billing/, search/) and update the imports"),
  ]),
  S("refactor", "medium", "refactor-opt-memo", [
    u(
      "the `compute_stats` function is called 5 times per request with the same args. can you restructure so it's computed once per request and passed around? not a cache, just pass it down",
    ),
  ]),
  S("refactor", "medium", "refactor-gql-resolvers", [
    u(
      "our graphql resolvers are all in one file, split them per type and use a resolver map merge. nothing should change for clients",
    ),
  ]),
  S("refactor", "low", "refactor-lua", [
    u("refactor this neovim config: move the plugin specs out of init.lua into lua/plugins/*.lua for lazy.nvim"),
  ]),

  // ---- more refactor tails / continuations ----
  S("refactor", "medium", "rf-tail-pytest-pass-2", [
    u("replace the hand-rolled arg parsing in cli.py with argparse, same flags and same output"),
    ed(
      "tool/cli.py",
      "if '--verbose' in sys.argv:\n        verbose = True",
      "parser.add_argument('--verbose', action='store_true')\n    args = parser.parse_args()\n    verbose = args.verbose",
    ),
    sh("pytest tests/test_cli.py -q", "........\n8 passed in 0.22s"),
  ]),
  S("refactor", "medium", "rf-tail-jest-pass", [
    u("refactor formatPrice/formatQuantity/formatPercent into one Intl-based formatter module, outputs identical"),
    wr(
      "src/lib/format.ts",
      "const cache = new Map<string, Intl.NumberFormat>();\nexport function fmt(n: number, opts: Intl.NumberFormatOptions, locale = 'en-US') {\n  const k = locale + JSON.stringify(opts);\n  if (!cache.has(k)) cache.set(k, new Intl.NumberFormat(locale, opts));\n  return cache.get(k)!.format(n);\n}",
    ),
    sh(
      "npx jest src/lib",
      "PASS src/lib/format.test.ts\n  ✓ formats prices (4 ms)\n  ✓ formats quantities (1 ms)\n  ✓ formats percents (1 ms)\n\nTest Suites: 1 passed, 1 total\nTests:       3 passed, 3 total",
    ),
  ]),
  S("refactor", "medium", "rf-tail-go-test", [
    u(
      "the Store struct has 30 methods. split it into UserStore, OrderStore, ProductStore sharing the db handle. callers should keep compiling via embedding for now",
    ),
    sh("go build ./... && go test ./internal/store/...", "ok  \tgithub.com/acme/shop/internal/store\t1.204s"),
  ]),
  S("refactor", "low", "rf-tail-grep-usages", [
    u("the `legacy_format` param in export_csv is always False now. remove it and simplify"),
    gr(
      "legacy_format",
      "reports/export.py:12:def export_csv(rows, path, legacy_format=False):\nreports/export.py:19:    if legacy_format:\nreports/cli.py:44:    export_csv(rows, out, legacy_format=False)",
    ),
  ]),
  S("refactor", "medium", "rf-tail-cargo", [
    u("move the config loading out of main.rs into its own module config.rs, no behaviour change"),
    wr(
      "src/config.rs",
      "use serde::Deserialize;\n\n#[derive(Debug, Deserialize)]\npub struct Config {\n    pub listen: String,\n    pub db_url: String,\n}\n\npub fn load(path: &str) -> anyhow::Result<Config> {\n    Ok(toml::from_str(&std::fs::read_to_string(path)?)?)\n}",
    ),
    sh(
      "cargo check && cargo test",
      "    Checking srv v0.3.0 (/home/dev/srv)\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 2.41s\n   Compiling srv v0.3.0\n    Finished `test` profile\n     Running unittests src/main.rs\n\nrunning 9 tests\ntest result: ok. 9 passed; 0 failed; 0 ignored",
    ),
  ]),
  S("refactor", "medium", "rf-tail-phpunit", [
    u("replace the static calls to DB:: in the repositories with an injected connection, keep everything working"),
    sh(
      "vendor/bin/phpunit",
      "PHPUnit 10.5.9 by Sebastian Bergmann and contributors.\n\n...............................................   47 / 47 (100%)\n\nTime: 00:01.204, Memory: 24.00 MB\n\nOK (47 tests, 133 assertions)",
    ),
  ]),
  S("refactor", "medium", "rf-tail-read-before", [
    u("simplify the state machine in order_status.ts, there are redundant transitions defined twice"),
    rd(
      "src/domain/order_status.ts",
      "export const transitions: Record<Status, Status[]> = {\n  created: ['paid', 'cancelled'],\n  paid: ['shipped', 'refunded', 'cancelled'],\n  shipped: ['delivered', 'returned'],\n  delivered: ['returned'],\n};\nexport function canTransition(a: Status, b: Status) {\n  if (a === 'created' && b === 'paid') return true;\n  if (a === 'paid' && b === 'shipped') return true;\n  return transitions[a]?.includes(b) ?? false;\n}",
    ),
  ]),
  S("refactor", "high", "rf-tail-perf-profile", [
    u("the dashboard query endpoint allocates like crazy, optimize it, keep the json identical"),
    sh(
      "go test -run XXX -bench BenchmarkDashboard -benchmem ./internal/dash",
      "BenchmarkDashboard-8   \t     412\t   2876544 ns/op\t 1843201 B/op\t   21877 allocs/op\nPASS",
    ),
    ed(
      "internal/dash/build.go",
      "rows := []Row{}\n\tfor _, r := range raw {\n\t\trows = append(rows, toRow(r))\n\t}",
      "rows := make([]Row, 0, len(raw))\n\tfor i := range raw {\n\t\trows = append(rows, toRow(&raw[i]))\n\t}",
    ),
    sh(
      "go test -run XXX -bench BenchmarkDashboard -benchmem ./internal/dash",
      "BenchmarkDashboard-8   \t     977\t   1204337 ns/op\t  602144 B/op\t    4112 allocs/op\nPASS",
    ),
  ]),
  S("refactor", "medium", "rf-cont-13", [
    u("convert the promise chains in services/*.js to async/await"),
    a(
      "Converted `userService.js` and `mailService.js`. `billingService.js` has a `.finally` + nested `.catch` that needs care; I'll preserve the exact error propagation.",
    ),
    u("ok continue with billing"),
  ]),
  S("refactor", "medium", "rf-cont-14", [
    u("extract the inline SQL in report_handlers.go into a queries package"),
    a(
      "Moved 9 queries to `internal/queries/reports.go` as named constants and updated the handlers. `go build` and `go test ./...` pass.",
    ),
    u("nice. now do the same for admin_handlers.go"),
  ]),
  S("refactor", "low", "rf-cont-15", [
    u("clean up app.component.ts, it's doing too much"),
    a(
      "I'd move the websocket setup into `RealtimeService`, the theme logic into `ThemeService`, and keep the component for layout only. Shall I?",
    ),
    u("sure"),
  ]),
  S("refactor", "medium", "rf-cont-16", [
    u(
      "the models use both camelCase and snake_case field names. standardize on snake_case in python (keep the JSON aliases camelCase so the API doesn't change)",
    ),
    a(
      "Done for `User`, `Team`, `Invite` using `Field(alias=...)` with `populate_by_name=True`. API responses are unchanged (checked with the snapshot tests). 7 models to go.",
    ),
    u("proceed"),
  ]),
  S(
    "refactor",
    "medium",
    "rf-react-query",
    [
      u(
        "we fetch in useEffect everywhere. migrate the data fetching in src/pages to react-query hooks, keep the same loading/error UI",
      ),
    ],
    { acc: ["refactor", "implement"] },
  ),
  S("refactor", "medium", "rf-compose-sql", [
    u(
      "the query builder in search.py concatenates strings. restructure it with sqlalchemy core expressions, same SQL semantics",
    ),
  ]),
  S("refactor", "low", "rf-ts-enum-union", [
    u(
      "replace the TS enums in src/types with string literal unions + const objects, we're moving to erasable syntax only",
    ),
  ]),
  S("refactor", "medium", "rf-unity", [
    u(
      "PlayerController.cs is 1200 lines. split movement, combat and inventory into separate components on the same GameObject. gameplay should be identical",
    ),
  ]),
];
