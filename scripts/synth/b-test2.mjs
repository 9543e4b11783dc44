import { a, ed, S, sh, u, wr } from "./dsl.mjs";

const W = (file, body) => wr(file, body);
export default [
  S("test", "medium", "t2-pytest-pass-more", [
    u(
      "write tests for the retry decorator — success first try, success after 2 failures, gives up after max, and respects the exceptions filter",
    ),
    W(
      "tests/test_retry.py",
      "from unittest.mock import Mock\nfrom lib.retry import retry\n\ndef test_success_first_try():\n    f = Mock(return_value=1)\n    assert retry(times=3)(f)() == 1\n    assert f.call_count == 1\n\ndef test_success_after_failures():\n    f = Mock(side_effect=[IOError, IOError, 7])\n    assert retry(times=3, delay=0)(f)() == 7",
    ),
    sh("pytest tests/test_retry.py -q", "..\n2 passed in 0.03s"),
  ]),
  S("test", "medium", "t2-jest-snapshot-obsolete", [
    u("update the jest snapshots for the Header after the redesign, and remove the obsolete ones"),
    sh(
      "npx jest -u src/components/Header",
      "PASS src/components/Header/Header.test.tsx\n › 2 snapshots updated.\n › 1 snapshot file obsolete from 1 test suite. To remove it, run `npx jest -u --ci=false`.\n\nSnapshot Summary\n › 2 snapshots updated from 1 test suite.\n › 1 snapshot file obsolete",
    ),
  ]),
  S(
    "test",
    "medium",
    "t2-go-table-fail-new",
    [
      u("add table tests for slugify including unicode"),
      W(
        "internal/text/slug_test.go",
        'func TestSlugify(t *testing.T) {\n\tcases := []struct{ in, want string }{\n\t\t{"Hello World", "hello-world"},\n\t\t{"  trim  ", "trim"},\n\t\t{"Crème brûlée", "creme-brulee"},\n\t}\n\tfor _, c := range cases {\n\t\tif got := Slugify(c.in); got != c.want {\n\t\t\tt.Errorf("Slugify(%q) = %q, want %q", c.in, got, c.want)\n\t\t}\n\t}\n}',
      ),
      sh(
        "go test ./internal/text/",
        '--- FAIL: TestSlugify (0.00s)\n    slug_test.go:12: Slugify("Crème brûlée") = "cr-me-br-l-e", want "creme-brulee"\nFAIL\nFAIL\tgithub.com/acme/blog/internal/text\t0.004s',
        1,
      ),
    ],
    { acc: ["test", "debug"] },
  ),
  S("test", "low", "t2-pytest-collect-err", [
    u("add tests for the new geo helpers"),
    W(
      "tests/geo/test_distance.py",
      "from geo.distance import haversine\n\ndef test_same_point():\n    assert haversine((0, 0), (0, 0)) == 0",
    ),
    sh(
      "pytest tests/geo -q",
      "==================================== ERRORS ====================================\n________________ ERROR collecting tests/geo/test_distance.py ________________\nimport file mismatch:\nimported module 'test_distance' has this __file__ attribute:\n  /app/tests/test_distance.py\nwhich is not the same as the test file we want to collect:\n  /app/tests/geo/test_distance.py\nHINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules\n1 error in 0.12s",
      2,
    ),
  ]),
  S("test", "medium", "t2-vitest-pass-cont", [
    u("cover src/lib/permissions.ts with tests, every role x action combination"),
    W(
      "src/lib/permissions.test.ts",
      "import { describe, it, expect } from 'vitest';\nimport { can } from './permissions';\n\nconst matrix = [\n  ['admin', 'delete', true],\n  ['editor', 'delete', false],\n  ['editor', 'edit', true],\n  ['viewer', 'edit', false],\n] as const;\n\ndescribe('can', () => {\n  it.each(matrix)('%s %s -> %s', (role, action, ok) => expect(can(role, action)).toBe(ok));\n});",
    ),
    sh(
      "npx vitest run src/lib/permissions.test.ts",
      " ✓ src/lib/permissions.test.ts (4 tests) 3ms\n\n Test Files  1 passed (1)\n      Tests  4 passed (4)",
    ),
  ]),
  S("test", "medium", "t2-junit-fail-new", [
    u("Write tests for OrderStateMachine covering illegal transitions"),
    W(
      "src/test/java/com/acme/order/OrderStateMachineTest.java",
      "class OrderStateMachineTest {\n  @Test\n  void cannotShipUnpaidOrder() {\n    var sm = new OrderStateMachine(OrderState.CREATED);\n    assertThrows(IllegalStateException.class, () -> sm.transition(OrderState.SHIPPED));\n  }\n}",
    ),
    sh(
      "./gradlew test --tests '*OrderStateMachineTest*'",
      "OrderStateMachineTest > cannotShipUnpaidOrder() FAILED\n    org.opentest4j.AssertionFailedError: Expected java.lang.IllegalStateException to be thrown, but com.acme.order.IllegalTransitionException was thrown instead.\n\n1 test completed, 1 failed\n\nFAILURE: Build failed with an exception.",
      1,
    ),
  ]),
  S("test", "medium", "t2-xunit-pass", [
    u("add tests for the CsvExporter — header row, escaping of quotes and commas, empty list"),
    sh(
      "dotnet test --filter CsvExporterTests",
      "Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 18 ms - Reports.Tests.dll (net8.0)",
    ),
  ]),
  S("test", "medium", "t2-rspec-factory-err", [
    u("write request specs for the comments API"),
    W(
      "spec/requests/comments_spec.rb",
      "RSpec.describe 'Comments API', type: :request do\n  let(:post_record) { create(:post) }\n  it 'creates a comment' do\n    post \"/posts/#{post_record.id}/comments\", params: { body: 'hi' }, headers: auth_headers(user)\n    expect(response).to have_http_status(:created)\n  end\nend",
    ),
    sh(
      "bundle exec rspec spec/requests/comments_spec.rb",
      'F\n\nFailures:\n\n  1) Comments API creates a comment\n     Failure/Error: let(:post_record) { create(:post) }\n\n     KeyError:\n       Factory not registered: "post"\n\n1 example, 1 failure',
      1,
    ),
  ]),
  S("test", "medium", "t2-cargo-pass", [
    u("add proptest tests for the varint encoder roundtrip"),
    ed(
      "src/varint.rs",
      "#[cfg(test)]\nmod tests {\n    use super::*;",
      "#[cfg(test)]\nmod tests {\n    use super::*;\n    use proptest::prelude::*;\n\n    proptest! {\n        #[test]\n        fn roundtrip(x: u64) {\n            let mut buf = Vec::new();\n            encode(x, &mut buf);\n            prop_assert_eq!(decode(&buf).unwrap().0, x);\n        }\n    }",
    ),
    sh(
      "cargo test varint",
      "running 3 tests\ntest varint::tests::small ... ok\ntest varint::tests::max ... ok\ntest varint::tests::roundtrip ... ok\n\ntest result: ok. 3 passed; 0 failed; 0 ignored; 0 measured",
    ),
  ]),
  S("test", "medium", "t2-playwright-pass", [
    u("add an e2e test for password reset"),
    sh("npx playwright test e2e/reset.spec.ts --reporter=line", "Running 2 tests using 2 workers\n  2 passed (7.4s)"),
  ]),
  S("test", "medium", "t2-cypress-fail-selector", [
    u("write a cypress test for adding a todo"),
    W(
      "cypress/e2e/todo.cy.ts",
      "describe('todos', () => {\n  it('adds a todo', () => {\n    cy.visit('/');\n    cy.get('[data-test=new-todo]').type('buy milk{enter}');\n    cy.get('[data-test=todo-item]').should('have.length', 1);\n  });\n});",
    ),
    sh(
      "npx cypress run --spec cypress/e2e/todo.cy.ts",
      "  1) todos\n       adds a todo:\n     AssertionError: Timed out retrying after 4000ms: Expected to find element: `[data-test=new-todo]`, but never found it.\n\n  0 passing (5s)\n  1 failing",
      1,
    ),
  ]),
  S("test", "medium", "t2-mock-time", [
    u("the token expiry tests depend on the real clock. use freezegun"),
    ed(
      "tests/test_tokens.py",
      "def test_expired():\n    tok = issue(ttl=1)\n    time.sleep(1.1)",
      "@freeze_time('2024-01-01 12:00:00')\ndef test_expired():\n    tok = issue(ttl=60)\n    with freeze_time('2024-01-01 12:01:01'):",
    ),
    sh("pytest tests/test_tokens.py -q", "....\n4 passed in 0.08s"),
  ]),
  S("test", "medium", "t2-testcontainers-run", [
    u("set up the testcontainers postgres fixture for the repository tests"),
    W(
      "tests/conftest.py",
      "import pytest\nfrom testcontainers.postgres import PostgresContainer\n\n@pytest.fixture(scope='session')\ndef pg():\n    with PostgresContainer('postgres:16') as c:\n        yield c.get_connection_url()",
    ),
    sh("pytest tests/repo -q", "........\n8 passed in 9.87s"),
  ]),
  S("test", "low", "t2-coverage-after", [
    u("add tests until utils/ is fully covered"),
    sh(
      "npx vitest run --coverage src/utils",
      " % Coverage report from v8\n-------------|---------|----------|---------|---------|-------------------\nFile         | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s\n-------------|---------|----------|---------|---------|-------------------\n All files   |   91.42 |    84.21 |     100 |   91.42 |\n  array.ts   |     100 |      100 |     100 |     100 |\n  string.ts  |   82.35 |    66.66 |     100 |   82.35 | 31-36\n-------------|---------|----------|---------|---------|-------------------",
    ),
  ]),
  S("test", "medium", "t2-msw-fail", [
    u("write component tests for UserList using msw"),
    W(
      "src/components/UserList.test.tsx",
      "const server = setupServer(http.get('/api/users', () => HttpResponse.json([{ id: 1, name: 'Ada' }])));\nbeforeAll(() => server.listen());\nafterAll(() => server.close());\n\ntest('renders users', async () => {\n  render(<UserList />);\n  expect(await screen.findByText('Ada')).toBeInTheDocument();\n});",
    ),
    sh(
      "npx jest src/components/UserList.test.tsx",
      "FAIL src/components/UserList.test.tsx\n  ● Test suite failed to run\n\n    ReferenceError: TextEncoder is not defined\n\n      at Object.<anonymous> (node_modules/msw/lib/core/utils/internal/...)\n\nTest Suites: 1 failed, 1 total",
      1,
    ),
  ]),
  S("test", "medium", "t2-go-httptest-cont", [
    u("keep adding handler tests, next is the orders handler"),
    W(
      "internal/http/orders_test.go",
      'func TestCreateOrder_BadJSON(t *testing.T) {\n\trr := httptest.NewRecorder()\n\th := NewOrders(fakeStore{})\n\th.Create(rr, httptest.NewRequest("POST", "/orders", strings.NewReader("{")))\n\tif rr.Code != http.StatusBadRequest {\n\t\tt.Fatalf("got %d", rr.Code)\n\t}\n}',
    ),
    sh("go test ./internal/http/ -run Orders", "ok  \tgithub.com/acme/api/internal/http\t0.019s"),
  ]),
  S("test", "medium", "t2-bats", [
    u("add bats tests for install.sh"),
    sh(
      "bats test/install.bats",
      '1..3\nok 1 fails without root\nok 2 detects debian\nnot ok 3 installs to custom prefix\n# (in test file test/install.bats, line 22)\n#   `[ -x "$PREFIX/bin/tool" ]\' failed',
      1,
    ),
  ]),
  S(
    "test",
    "medium",
    "t2-phpunit-dataprovider",
    [
      u("use a data provider for the price rounding tests instead of 8 copy-pasted methods"),
      sh(
        "vendor/bin/phpunit --filter RoundingTest",
        "PHPUnit 10.5.9\n\n........                                                            8 / 8 (100%)\n\nOK (8 tests, 8 assertions)",
      ),
    ],
    { acc: ["test", "refactor"] },
  ),
  S("test", "medium", "t2-pytest-async-fail", [
    u("write async tests for the aiohttp client wrapper"),
    W(
      "tests/test_client.py",
      "async def test_get_json(aresponses):\n    aresponses.add('api.test', '/x', 'GET', aresponses.Response(text='{\"a\":1}', content_type='application/json'))\n    assert await Client('http://api.test').get_json('/x') == {'a': 1}",
    ),
    sh(
      "pytest tests/test_client.py -q",
      "s\n=============================== warnings summary ===============================\nPytestUnhandledCoroutineWarning: async def functions are not natively supported and have been skipped.\n  You need to install a suitable plugin for your async framework, for example:\n    - pytest-asyncio\n1 skipped, 1 warning in 0.04s",
    ),
  ]),
  S(
    "test",
    "medium",
    "t2-xctest-fail",
    [
      u("write XCTests for CartViewModel"),
      sh(
        "xcodebuild test -scheme Shop -destination 'platform=iOS Simulator,name=iPhone 15' -only-testing:ShopTests/CartViewModelTests 2>&1 | tail -6",
        "Test Case '-[ShopTests.CartViewModelTests testTotalUpdates]' started.\n/ShopTests/CartViewModelTests.swift:27: error: -[ShopTests.CartViewModelTests testTotalUpdates] : XCTAssertEqual failed: (\"0.0\") is not equal to (\"19.98\")\nTest Case '-[ShopTests.CartViewModelTests testTotalUpdates]' failed (0.012 seconds).\n** TEST FAILED **",
        65,
      ),
    ],
    { acc: ["test", "debug"] },
  ),
  S("test", "medium", "t2-kotest-pass", [
    u("add tests for the DiscountRules in kotlin"),
    sh(
      "./gradlew :domain:test",
      "> Task :domain:test\n\nDiscountRulesTest > volume discount applies at 10 items PASSED\nDiscountRulesTest > no discount below threshold PASSED\nDiscountRulesTest > loyalty stacks with volume PASSED\n\nBUILD SUCCESSFUL in 9s",
    ),
  ]),
  S("test", "low", "t2-run-tests-check", [
    u("run the tests to check everything still passes after your test changes"),
    sh(
      "npm test -- --watchAll=false",
      "Test Suites: 28 passed, 28 total\nTests:       214 passed, 214 total\nSnapshots:   6 passed, 6 total\nTime:        7.913 s",
    ),
  ]),
  S("test", "medium", "t2-fixture-factory", [
    u("create factory_boy factories for User, Team and Membership and use them in the existing tests"),
    W(
      "tests/factories.py",
      "import factory\nfrom app.models import User, Team, Membership\n\nclass UserFactory(factory.django.DjangoModelFactory):\n    class Meta:\n        model = User\n    email = factory.Sequence(lambda n: f'user{n}@example.com')\n\nclass TeamFactory(factory.django.DjangoModelFactory):\n    class Meta:\n        model = Team\n    name = factory.Faker('company')",
    ),
  ]),
  S("test", "medium", "t2-e2e-config", [
    u("configure playwright: baseURL from env, retries 2 on CI, trace on first retry, run against chromium and webkit"),
    W(
      "playwright.config.ts",
      "import { defineConfig, devices } from '@playwright/test';\n\nexport default defineConfig({\n  retries: process.env.CI ? 2 : 0,\n  use: { baseURL: process.env.BASE_URL ?? 'http://localhost:3000', trace: 'on-first-retry' },\n  projects: [\n    { name: 'chromium', use: { ...devices['Desktop Chrome'] } },\n    { name: 'webkit', use: { ...devices['Desktop Safari'] } },\n  ],\n});",
    ),
  ]),
  S("test", "medium", "t2-go-mock", [
    u("generate mocks for the Store interface with mockery and use them in the service tests"),
    sh(
      "mockery --name Store --dir internal/store --output internal/mocks",
      "12 Jan 24 10:22 INF Starting mockery dry-run=false version=v2.40.1\n12 Jan 24 10:22 INF Generating mock interface=Store qualified-name=github.com/acme/svc/internal/store\n",
    ),
  ]),
  S("test", "medium", "t2-tests-written-fail-import", [
    u("add unit tests for the billing module"),
    W(
      "tests/unit/test_billing.py",
      "from billing.calc import prorate\n\ndef test_prorate_half_month():\n    assert prorate(3000, days_used=15, days_in_period=30) == 1500",
    ),
    sh(
      "python -m pytest tests/unit/test_billing.py",
      "ImportError while importing test module '/app/tests/unit/test_billing.py'.\nHint: make sure your test modules/packages have valid Python names.\nTraceback:\ntests/unit/test_billing.py:1: in <module>\n    from billing.calc import prorate\nE   ModuleNotFoundError: No module named 'billing'",
      4,
    ),
  ]),
  S("test", "medium", "t2-cont-1", [
    u("write tests for the CLI commands"),
    a(
      "Added tests for `init` and `list` using click's CliRunner (7 tests, all passing). `sync` needs the network mocked — I'll use responses.",
    ),
    u("ok go"),
  ]),
  S("test", "medium", "t2-cont-2", [
    u("our e2e suite has no test for the onboarding wizard, add them"),
    a(
      "Wrote 3 playwright specs (happy path, skip step, back navigation). The skip-step one fails because the 'Skip' button has no accessible name, so I used a test id instead. All pass now.",
    ),
    u("nice. add one for the invite step too"),
  ]),
  S("test", "low", "t2-cont-3", [
    u("add missing tests for date utils"),
    a("Done — 12 tests for `addBusinessDays`, `startOfWeek`, `isHoliday`. Coverage for dates.ts is 100%."),
    u("next file: money.ts"),
  ]),
  S("test", "medium", "t2-cont-4", [
    u("write integration tests for the kafka consumer"),
    a(
      "I'd use testcontainers' Kafka module, produce 3 events, and assert the DB rows. One question: should the test also cover the DLQ path for malformed events?",
    ),
    u("yes cover the dlq too"),
  ]),
  S("test", "medium", "t2-cont-5", [
    u("the tests for the scheduler are weak, strengthen them"),
    sh("pytest tests/test_scheduler.py -q", "......\n6 passed in 0.12s"),
    a(
      "All 6 pass but they only check happy paths. I'm adding cases for overlapping jobs, DST transitions and a job that raises.",
    ),
    u("k"),
  ]),
  S("test", "medium", "t2-cont-6", [
    u("add tests for the reducer"),
    a(
      "Wrote 8 tests. 7 pass; `RESET keeps user prefs` fails because my test expected `prefs` to survive, but the reducer intentionally clears everything on RESET (per the comment). I'll fix the test expectation.",
    ),
    u("yes fix the test"),
  ]),
  S("test", "medium", "t2-cont-7", [
    u("/add tests/test_parser.py"),
    u("the tests here only check valid input. add negative tests for malformed headers"),
  ]),
  S("test", "medium", "t2-aider-run-pass", [
    u("add a test for the new --since flag"),
    sh("pytest tests/test_cli.py -q", "........\n8 passed in 0.40s"),
    u("good, also test --since with an invalid date"),
  ]),
  S(
    "test",
    "low",
    "t2-test-config-jest",
    [
      u(
        "jest can't find our path aliases (@/components). fix the jest config moduleNameMapper so tests can import with @/",
      ),
    ],
    { acc: ["test", "debug"] },
  ),
  S(
    "test",
    "medium",
    "t2-ci-tests",
    [u("add a github actions job that runs pytest with coverage on 3.10-3.12 and uploads coverage to codecov")],
    { acc: ["test", "implement"] },
  ),
  S("test", "medium", "t2-load-test", [
    u(
      "write a k6 load test script for the /search endpoint: ramp to 200 VUs over 2 min, hold 5 min, thresholds p95<300ms and error rate <1%",
    ),
  ]),
  S("test", "low", "t2-test-typo", [u("write a unit tst for is_palindrome, its in strings.py")]),
  S("test", "medium", "t2-golden", [
    u(
      "add golden-file tests for the markdown renderer: testdata/*.md → testdata/*.html, with an -update flag to regenerate",
    ),
  ]),
  S("test", "medium", "t2-fuzz", [u("add a go fuzz test for ParseHeader so we catch panics on weird input")]),
  S("test", "medium", "t2-regression-test-issue", [
    u(
      "Issue #88: uploading a file with a space in the name returns 400. Write a test that reproduces it (API level), don't fix the bug in this PR",
    ),
  ]),
  S("test", "low", "t2-test-russian-cont", [
    u("напиши тесты для модуля auth"),
    a("Готово: 9 тестов для login/logout/refresh, все проходят."),
    u("теперь тесты для password reset"),
  ]),
  S("test", "medium", "t2-test-spanish-tail", [
    u("agrega pruebas para el servicio de inventario"),
    W(
      "tests/test_inventario.py",
      "def test_reservar_sin_stock(servicio):\n    with pytest.raises(SinStock):\n        servicio.reservar('SKU-1', 5)",
    ),
    sh("pytest tests/test_inventario.py -q", "F\nE   fixture 'servicio' not found\n1 error in 0.05s", 1),
  ]),
];
