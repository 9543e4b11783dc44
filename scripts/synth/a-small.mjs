import { a, ed, gr, rd, S, sh, u } from "./dsl.mjs";

export default [
  S("small_edit", "low", "bump-version", [u("bump version to 2.3.1 in package.json")]),
  S("small_edit", "low", "typo-ui", [u("typo on the signup page: 'Recieve updates' -> 'Receive updates'")]),
  S("small_edit", "low", "remove-console", [u("remove the console.log in CartDrawer.tsx line 88")]),
  S("small_edit", "low", "change-port", [u("change the default port from 3000 to 8080 in config.ts")]),
  S("small_edit", "low", "timeout-const", [u("set REQUEST_TIMEOUT_MS to 15000")]),
  S("small_edit", "low", "rename-local", [u("rename the variable `x` to `count` in utils.py chunked()")]),
  S("small_edit", "low", "lint-unused", [
    u("fix the lint warning: 'useEffect' is defined but never used  src/pages/Home.tsx:1"),
  ]),
  S("small_edit", "low", "copyright", [u("update the copyright year in the footer to 2026")]),
  S("small_edit", "low", "delete-line", [u("delete the `debugger;` statement in checkout.js")]),
  S("small_edit", "low", "gitignore", [u("add .env.local to .gitignore")]),
  S("small_edit", "low", "py-version-pin", [u("pin requests to 2.32.3 in requirements.txt")]),
  S("small_edit", "low", "go-mod-bump", [u("bump golang.org/x/net to v0.33.0 in go.mod")]),
  S("small_edit", "low", "cargo-edition", [u('set edition = "2021" in Cargo.toml')]),
  S("small_edit", "low", "button-text", [
    u("change the button label from 'Submit' to 'Save changes' on the profile form"),
  ]),
  S("small_edit", "low", "color-change", [
    u("make the primary color #2563eb instead of #3b82f6 in tailwind.config.js"),
  ]),
  S("small_edit", "low", "log-level", [u("log level should be info not debug in prod config")]),
  S("small_edit", "low", "fix-import-order", [u("sort the imports in main.go, goimports is complaining")]),
  S("small_edit", "low", "trailing-ws", [u("remove the trailing whitespace in README.md")]),
  S("small_edit", "low", "rename-const", [u("rename MAX_RETRY to MAX_RETRIES in retry.ts (only used in that file)")]),
  S("small_edit", "low", "comment-out", [u("comment out the analytics script tag in index.html for now")]),
  S("small_edit", "low", "env-default", [u("default DB_POOL_SIZE to 20 instead of 5")]),
  S("small_edit", "low", "node-version", [u("change node-version in .github/workflows/ci.yml from 18 to 20")]),
  S("small_edit", "low", "dockerfile-base", [u("use python:3.12-slim instead of python:3.11-slim in the Dockerfile")]),
  S("small_edit", "low", "typo-var", [
    u("theres a typo in the function name `calcualte_total` fix it (it's only called in one place)"),
  ]),
  S("small_edit", "low", "spanish-small", [u("cambia el título de la página a 'Panel de control'")]),
  S("small_edit", "low", "russian-small", [u("поменяй таймаут в config.yaml с 30 на 60 секунд")]),
  S("small_edit", "low", "chinese-small", [u("把 README 里的 'intall' 改成 'install'")]),
  S("small_edit", "low", "german-small", [u("Bitte den Standardwert von pageSize auf 50 ändern.")]),
  S("small_edit", "low", "clippy-warn", [
    u(
      "fix this clippy warning:\n\nwarning: redundant clone\n  --> src/main.rs:42:23\n   |\n42 |     let name = args.name.clone();\n   |                       ^^^^^^^^ help: remove this",
    ),
  ]),
  S("small_edit", "low", "eslint-eqeqeq", [u("eslint: Expected '===' and instead saw '=='  src/utils/compare.js:17")]),
  S("small_edit", "low", "flake8", [u("E501 line too long (104 > 88 characters) in api/views.py:212, just wrap it")]),
  S("small_edit", "low", "rubocop", [
    u("rubocop says Style/StringLiterals on app/models/user.rb:12, use single quotes there"),
  ]),
  S("small_edit", "low", "csharp-warning", [u("CS8618 warning on Customer.Name — just make it `= string.Empty`")]),
  S("small_edit", "low", "swift-small", [u('change the navigation title to "Bookings" in BookingsView.swift')]),
  S("small_edit", "low", "php-small", [u("change the pagination from 15 to 25 per page in PostController index")]),
  S("small_edit", "low", "sql-small", [u("in the migration, make `email` column varchar(320) not 255")]),
  S("small_edit", "low", "tf-small", [u("bump the rds instance class to db.t4g.large in envs/prod/db.tf")]),
  S("small_edit", "low", "k8s-small", [u("set replicas: 3 in k8s/deployment.yaml")]),
  S("small_edit", "low", "yaml-small", [u("add `--max-warnings=0` to the lint script in package.json")]),
  S("small_edit", "low", "typo-terse", [u("fix typo 'seperator' in cli help text")]),
  S("small_edit", "low", "aider-small", [u("/add src/constants.py"), u("change DEFAULT_CURRENCY to 'EUR'")]),
  S("small_edit", "low", "aider-small-2", [u("remove the unused import of `os` in scraper.py")]),
  S("small_edit", "low", "aider-small-3", [u("make the heading h2 instead of h1 in about.html")]),
  S("small_edit", "low", "small-format", [u("run prettier on src/components/Modal.tsx, the formatting is off")]),
  S(
    "small_edit",
    "low",
    "small-rename-file",
    [u("rename helpers.js to string-helpers.js, it's only imported in index.js")],
    { acc: ["small_edit", "refactor"] },
  ),
  S("small_edit", "low", "small-flip-flag", [u("turn off the beta banner: SHOW_BETA_BANNER=false")]),
  S("small_edit", "low", "small-url", [u("the docs link in the header points to /doc, should be /docs")]),
  S("small_edit", "low", "small-email", [u("update support email to help@acme.io in footer component")]),
  S("small_edit", "low", "small-lint-go", [
    u("golangci-lint: ineffectual assignment to err (ineffassign) in store.go:88 — just drop the assignment"),
  ]),
  S("small_edit", "low", "small-mypy", [
    u("mypy: Missing return type annotation for `def health()` — add -> dict[str, str]"),
  ]),
  S("small_edit", "low", "small-delete-todo", [u("delete the stale TODO comment above parseArgs, it's done")]),
  S(
    "small_edit",
    "low",
    "small-readme-link",
    [u("the badge url in README points to travis, change it to the github actions badge for ci.yml")],
    { acc: ["small_edit", "document"] },
  ),

  // ---- tool-result tails for small edits ----
  S("small_edit", "low", "small-tail-read-pkg", [
    u("bump the version to 1.4.0"),
    rd(
      "package.json",
      '{\n  "name": "@acme/ui",\n  "version": "1.3.7",\n  "type": "module",\n  "main": "dist/index.js"\n}',
      "Let me check the current version.",
    ),
  ]),
  S("small_edit", "low", "small-tail-grep", [
    u("change the 'Contact sales' text to 'Talk to us'"),
    gr(
      "Contact sales",
      'src/components/PricingTable.tsx:74:            <Button variant="outline">Contact sales</Button>',
    ),
  ]),
  S("small_edit", "low", "small-tail-grep-2", [
    u("the retry limit should be 5 not 3"),
    gr("MAX_ATTEMPTS|maxAttempts", "internal/client/retry.go:9:const MaxAttempts = 3"),
  ]),
  S("small_edit", "low", "small-tail-read-cfg", [
    u("set the session cookie max age to 7 days"),
    rd(
      "config/session.py",
      "SESSION_COOKIE_NAME = 'sid'\nSESSION_COOKIE_AGE = 60 * 60 * 24  # 1 day\nSESSION_COOKIE_SECURE = True",
    ),
  ]),
  S("small_edit", "low", "small-tail-edit-done", [
    u("typo in error message: 'occured' -> 'occurred'"),
    gr("occured", "src/errors.ts:21:  UNKNOWN: 'An unknown error occured',"),
    ed("src/errors.ts", "  UNKNOWN: 'An unknown error occured',", "  UNKNOWN: 'An unknown error occurred',"),
  ]),
  S("small_edit", "low", "small-tail-lint", [
    u("fix the one remaining lint error"),
    sh(
      "npx eslint src",
      "/app/src/pages/Orders.tsx\n  12:10  error  'formatMoney' is defined but never used  @typescript-eslint/no-unused-vars\n\n✖ 1 problem (1 error, 0 warnings)",
      1,
    ),
  ]),
  S("small_edit", "low", "small-tail-ruff", [
    u("ruff is failing on one thing, fix it"),
    sh(
      "ruff check .",
      "app/routes.py:3:8: F401 [*] `json` imported but unused\nFound 1 error.\n[*] 1 fixable with the `--fix` option.",
      1,
    ),
  ]),
  S("small_edit", "low", "small-tail-gofmt", [u("ci says gofmt, fix"), sh("gofmt -l .", "internal/api/handlers.go")]),
  S("small_edit", "low", "small-tail-version-py", [
    u("bump __version__ to 0.9.2"),
    gr("__version__", 'src/fastq_tools/__init__.py:1:__version__ = "0.9.1"'),
  ]),
  S("small_edit", "low", "small-tail-compose", [
    u("expose postgres on 5433 on the host instead of 5432, conflicts with my local pg"),
    rd(
      "docker-compose.yml",
      'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD: dev',
    ),
  ]),
  S("small_edit", "low", "small-tail-gradle", [
    u("minSdk should be 26"),
    gr("minSdk", "app/build.gradle.kts:14:        minSdk = 24"),
  ]),
  S("small_edit", "low", "small-tail-edit-2", [
    u("the placeholder says 'Search...' make it 'Search products'"),
    ed("src/components/SearchBar.vue", 'placeholder="Search..."', 'placeholder="Search products"'),
  ]),
  S("small_edit", "low", "small-tail-csproj", [
    u("target net8.0 instead of net7.0 in the api csproj"),
    rd(
      "src/Api/Api.csproj",
      '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net7.0</TargetFramework>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Project>',
    ),
  ]),
  S("small_edit", "low", "small-tail-tag", [
    u("tag this commit as v0.4.0 and push the tag"),
    sh("git tag -l 'v0.*' | tail -3", "v0.3.0\nv0.3.1\nv0.3.2"),
  ]),
  S("small_edit", "low", "small-tail-gitignore", [
    u("stop tracking the .DS_Store files"),
    sh("git ls-files | grep DS_Store", ".DS_Store\nassets/.DS_Store\nassets/icons/.DS_Store"),
  ]),

  // ---- continuations of small edits ----
  S("small_edit", "low", "cont-small-1", [
    u("the max upload size is too small"),
    a("It's set in `config/storage.ts`: `MAX_UPLOAD_MB = 10`. Want me to raise it? To what?"),
    u("25"),
  ]),
  S("small_edit", "low", "cont-small-2", [
    u("there's a typo in the 404 page"),
    a('Found it: `pages/404.tsx` line 9 says "Page not fuond". I can change it to "Page not found".'),
    u("yes do it"),
  ]),
  S("small_edit", "low", "cont-small-3", [
    u("is the API base url hardcoded somewhere?"),
    a(
      "Yes, `src/api/http.ts:3` has `const BASE = 'https://api-staging.acme.dev'`. Should I switch it to read `import.meta.env.VITE_API_URL`?",
    ),
    u("just point it at https://api.acme.dev for now"),
  ]),
  S(
    "small_edit",
    "low",
    "cont-small-4",
    [
      u("remove the deprecated `--legacy` flag from the help text"),
      ed("cmd/root.go", '\tcmd.Flags().Bool("legacy", false, "use legacy output (deprecated)")\n', ""),
      a("Removed the flag registration. The README also mentions `--legacy` once."),
      u("ok remove that line too"),
    ],
    { acc: ["small_edit", "document"] },
  ),
  S("small_edit", "low", "cont-small-5", [
    u("change the cron schedule of the cleanup job to 3am"),
    a(
      'In `deploy/cronjobs.yaml` the cleanup job has `schedule: "0 1 * * *"`. I\'ll change it to `"0 3 * * *"`. Note it\'s UTC.',
    ),
    u("go ahead"),
  ]),
  S("small_edit", "low", "cont-small-6", [
    u("fix the warning about the unused variable in the build output"),
    a("It's `let total = 0;` in `reports.rs:77` — it's shadowed two lines later. I'll delete the first declaration."),
    u("👍"),
  ]),
  S("small_edit", "low", "cont-small-7", [
    u("/run npm run lint"),
    u(
      "I ran this command:\n\nnpm run lint\n\nAnd got this output:\n\n> web@1.0.0 lint\n> eslint .\n\n/home/kate/web/src/App.jsx\n  4:8  warning  'logo' is defined but never used  no-unused-vars\n\n✖ 1 problem (0 errors, 1 warning)",
    ),
    u("just remove that import"),
  ]),
  S("small_edit", "low", "cont-small-8", [
    u("change the greeting text"),
    a('Which one — the dashboard header ("Welcome back, {name}") or the onboarding modal ("Hi there!")?'),
    u("dashboard. make it 'Good to see you, {name}'"),
  ]),
  S("small_edit", "low", "small-after-impl", [
    u("add a health endpoint"),
    a("Added `GET /healthz` returning `{status:'ok'}` in routes/health.ts and registered it in app.ts."),
    u("rename it to /health, we don't use the z style"),
  ]),
  S("small_edit", "low", "small-after-impl-2", [
    u("perfect. one more thing, change the log message from 'starting' to 'server listening'"),
  ]),
  S("small_edit", "low", "small-wrong-constant", [
    u("MAX_ITEMS_PER_PAGE is 100 in one place and the UI expects 50, set the backend constant to 50"),
  ]),
  S("small_edit", "low", "small-python-fstring", [
    u("use an f-string on line 40 of report.py instead of the .format call"),
  ]),
  S("small_edit", "low", "small-semicolon", [u("missing semicolon at end of line 23 in App.java, fix")]),
  S("small_edit", "low", "small-html-alt", [u('add alt="Company logo" to the logo img in header.html')]),
  S(
    "small_edit",
    "low",
    "small-readme-cmd",
    [u("in the README the install command says `npm i acme-cli` but the package is `@acme/cli`, fix it")],
    { acc: ["small_edit", "document"] },
  ),
  S("small_edit", "low", "small-uppercase", [u("make the status badge text uppercase (just add the tailwind class)")]),
  S("small_edit", "low", "small-quotes-json", [
    u("there's a trailing comma in tsconfig.json that breaks the tool, remove it"),
  ]),
  S("small_edit", "low", "small-timeout-test", [u("bump the jest timeout in jest.config.js to 20000")]),
  S("small_edit", "low", "small-typo-class", [u("css class `contianer` typo in Layout.jsx → `container`")]),
  S("small_edit", "low", "small-indent", [u("fix the indentation in the yaml, line 12 has 3 spaces instead of 2")]),
  S("small_edit", "low", "small-lowercase-msg", [
    u("pls make the error msg lowercase, go convention says error strings shouldn't be capitalized (store.go:41)"),
  ]),
];
