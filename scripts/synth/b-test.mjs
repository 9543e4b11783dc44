import { a, ed, S, sh, u, wr } from "./dsl.mjs";

export default [
  // ---- write tests: user text ----
  S("test", "medium", "pytest-write", [
    u(
      "write pytest tests for parse_date in utils.py — cover ISO dates, timezone offsets, invalid input raising ValueError, and the empty string",
    ),
  ]),
  S("test", "medium", "jest-write", [
    u(
      "add jest tests for the cartReducer: add item, add same item twice merges qty, remove, clear, and unknown action returns same state",
    ),
  ]),
  S("test", "medium", "go-table-tests", [
    u(
      "write table-driven tests for ParseDuration in internal/timex, include the weird cases like '1h-30m' and empty string",
    ),
  ]),
  S("test", "medium", "rust-unit-tests", [
    u(
      "add #[cfg(test)] unit tests to ring_buffer.rs: push/pop order, wraparound, full buffer returns Err, capacity 0 panics",
    ),
  ]),
  S("test", "medium", "junit-tests", [
    u(
      "Write JUnit 5 tests for InvoiceCalculator. Use @ParameterizedTest for the tax rates and AssertJ for assertions.",
    ),
  ]),
  S("test", "medium", "xunit-tests", [
    u("add xUnit tests for the DiscountService, mock IClock with NSubstitute so we can test the time-based promos"),
  ]),
  S("test", "medium", "rspec-tests", [
    u("write rspec specs for the Subscription model: state transitions, #renew!, and the scope .expiring_soon"),
  ]),
  S("test", "medium", "phpunit-tests", [
    u("create phpunit tests for the SlugGenerator class, including unicode titles and collisions"),
  ]),
  S("test", "medium", "xctest", [u("add XCTest cases for DateFormatterHelper, especially DST boundaries")]),
  S("test", "high", "integration-tests", [
    u(
      "set up integration tests for the orders API with testcontainers (postgres + redis). one happy path test for create → pay → ship to start, and the fixture plumbing so others can add more",
    ),
  ]),
  S("test", "medium", "playwright-e2e", [
    u(
      "write a playwright e2e test for the signup flow: fill the form, verify the email step (mock the mail API), land on the dashboard",
    ),
  ]),
  S("test", "medium", "cypress-e2e", [
    u(
      "cypress test for the checkout: add 2 items, apply coupon SAVE10, check total, place order. stub the payment call",
    ),
  ]),
  S("test", "low", "test-fixture", [
    u(
      "create a pytest fixture that gives a logged-in test client, put it in conftest.py so all the api tests can use it",
    ),
  ]),
  S("test", "medium", "mocks", [u("mock the S3 client in the uploader tests with moto instead of hitting real AWS")]),
  S("test", "medium", "msw-mocks", [
    u("set up MSW handlers for the /api/users and /api/orders endpoints so the component tests don't need the backend"),
  ]),
  S("test", "low", "coverage-config", [
    u("configure coverage for vitest: v8 provider, exclude generated files and stories, fail under 80% lines"),
  ]),
  S("test", "low", "pytest-config", [
    u("add a pytest.ini with markers for slow and integration tests, and make `pytest` skip integration by default"),
  ]),
  S("test", "medium", "reproduce-bug-test", [
    u(
      "add a test that reproduces the bug where a refund larger than the captured amount is accepted. don't fix it yet, I just want the failing test",
    ),
  ]),
  S("test", "medium", "reproduce-bug-test-2", [
    u("Before fixing issue #412 (negative quantities in cart), write a regression test that fails on current main"),
  ]),
  S("test", "medium", "property-test", [
    u("add a property-based test with hypothesis for the encode/decode roundtrip in codec.py"),
  ]),
  S("test", "medium", "fast-check", [
    u("write fast-check property tests for our `merge` deep-merge util: idempotence, identity with {}, and right-bias"),
  ]),
  S("test", "medium", "snapshot-tests", [
    u(
      "add react-testing-library tests for the Pagination component: renders page numbers, disables prev on first page, calls onChange",
    ),
  ]),
  S("test", "low", "kotlin-test", [
    u("write unit tests for PasswordValidator in kotlin with junit5 + kotest assertions"),
  ]),
  S("test", "medium", "contract-test", [
    u("write pact consumer tests for how the web app calls the billing service GET /invoices/{id}"),
  ]),
  S("test", "medium", "bench-test", [
    u("add a go benchmark for the JSON encoder in pkg/wire so we can track perf regressions"),
  ]),
  S("test", "low", "test-spanish", [
    u("escribe tests unitarios para la función calcular_iva con pytest, incluye casos con decimales"),
  ]),
  S("test", "low", "test-russian", [u("напиши тесты для класса UserValidator на jest, покрой все ветки")]),
  S("test", "low", "test-chinese", [u("给 src/utils/money.ts 写单元测试，用 vitest，覆盖四舍五入和负数的情况")]),
  S("test", "low", "test-german", [
    u("Schreib Unit-Tests für die Funktion berechneVersand() mit JUnit, inkl. Grenzfälle."),
  ]),
  S("test", "medium", "test-coverage-gaps", [
    u("coverage report says services/refunds.py is at 41%. write tests for the uncovered branches"),
  ]),
  S("test", "medium", "aider-test", [
    u("/add tests/test_scheduler.py scheduler.py"),
    u("add tests for the cron expression edge cases: */15, ranges like 1-5, and invalid expressions"),
  ]),
  S("test", "low", "aider-test-2", [u("write a unit test for slugify() in tests/test_text.py")]),
  S("test", "medium", "test-sql", [
    u("write pgTAP tests for the fn_apply_discount() function, cover null coupon and expired coupon"),
  ]),
  S("test", "medium", "test-terraform", [
    u(
      "add terratest tests for modules/vpc: apply with 2 AZs, assert subnet counts and that the NAT gateway exists, then destroy",
    ),
  ]),
  S("test", "low", "test-bash", [
    u("write bats tests for scripts/backup.sh: it should fail without BACKUP_DIR, and create a dated tarball"),
  ]),
  S("test", "medium", "test-flaky-fix", [
    u(
      "test_sync_retries is flaky on CI (passes locally). it uses time.sleep and real threads. make the test deterministic — freeze time or inject the clock",
    ),
  ]),
  S("test", "medium", "test-repair", [
    u("the snapshot tests broke after the intended button redesign, update the tests/snapshots to the new markup"),
  ]),
  S(
    "test",
    "low",
    "test-rename-tests",
    [u("our test names are like test1, test2... give them descriptive names describing the behaviour")],
    { acc: ["test", "refactor"] },
  ),

  // ---- test-writing in progress: tool tails (new tests failing → test; passing while test work continues → test) ----
  S("test", "medium", "pytest-new-fail", [
    u("write tests for the pagination helper in api/pagination.py"),
    wr(
      "tests/test_pagination.py",
      "from api.pagination import paginate\n\ndef test_first_page():\n    page = paginate(list(range(25)), page=1, per_page=10)\n    assert page.items == list(range(10))\n    assert page.has_next\n\ndef test_last_page():\n    page = paginate(list(range(25)), page=3, per_page=10)\n    assert page.items == [20, 21, 22, 23, 24]\n    assert page.has_prev and not page.has_next\n\ndef test_page_zero_raises():\n    with pytest.raises(ValueError):\n        paginate([], page=0)",
    ),
    sh(
      "pytest tests/test_pagination.py -q",
      "..F\n=================================== FAILURES ===================================\n____________________________ test_page_zero_raises _____________________________\n\n    def test_page_zero_raises():\n>       with pytest.raises(ValueError):\nE       NameError: name 'pytest' is not defined\n\ntests/test_pagination.py:14: NameError\n=========================== short test summary info ============================\nFAILED tests/test_pagination.py::test_page_zero_raises - NameError: name 'pytest' is not defined\n1 failed, 2 passed in 0.09s",
      1,
    ),
  ]),
  S(
    "test",
    "medium",
    "jest-new-fail",
    [
      u("add unit tests for formatRelativeTime"),
      wr(
        "src/utils/__tests__/relativeTime.test.ts",
        "import { formatRelativeTime } from '../relativeTime';\n\ndescribe('formatRelativeTime', () => {\n  const now = new Date('2024-05-01T12:00:00Z');\n  it('just now', () => expect(formatRelativeTime(new Date('2024-05-01T11:59:50Z'), now)).toBe('just now'));\n  it('minutes', () => expect(formatRelativeTime(new Date('2024-05-01T11:55:00Z'), now)).toBe('5 minutes ago'));\n  it('yesterday', () => expect(formatRelativeTime(new Date('2024-04-30T10:00:00Z'), now)).toBe('yesterday'));\n});",
      ),
      sh(
        "npx jest src/utils/__tests__/relativeTime.test.ts",
        'FAIL src/utils/__tests__/relativeTime.test.ts\n  formatRelativeTime\n    ✓ just now (3 ms)\n    ✓ minutes (1 ms)\n    ✕ yesterday (4 ms)\n\n  ● formatRelativeTime › yesterday\n\n    expect(received).toBe(expected) // Object.is equality\n\n    Expected: "yesterday"\n    Received: "1 day ago"\n\nTests:       1 failed, 2 passed, 3 total',
        1,
      ),
    ],
    { acc: ["test", "debug"] },
  ),
  S("test", "medium", "go-new-fail", [
    u("write tests for the LRU cache in pkg/lru"),
    wr(
      "pkg/lru/lru_test.go",
      'package lru\n\nimport "testing"\n\nfunc TestEvictsOldest(t *testing.T) {\n\tc := New[string, int](2)\n\tc.Put("a", 1)\n\tc.Put("b", 2)\n\tc.Put("c", 3)\n\tif _, ok := c.Get("a"); ok {\n\t\tt.Fatal("a should be evicted")\n\t}\n}\n\nfunc TestGetPromotes(t *testing.T) {\n\tc := New[string, int](2)\n\tc.Put("a", 1)\n\tc.Put("b", 2)\n\tc.Get("a")\n\tc.Put("c", 3)\n\tif _, ok := c.Get("b"); ok {\n\t\tt.Fatal("b should be evicted")\n\t}\n}',
    ),
    sh(
      "go test ./pkg/lru/",
      "# github.com/acme/kit/pkg/lru [github.com/acme/kit/pkg/lru.test]\npkg/lru/lru_test.go:6:7: cannot use generic function New without instantiation\npkg/lru/lru_test.go:6:10: New is not a generic function\nFAIL\tgithub.com/acme/kit/pkg/lru [build failed]",
      1,
    ),
  ]),
  S("test", "medium", "vitest-new-fail-mock", [
    u("write tests for useCart hook with vitest + testing-library, mock the api module"),
    wr(
      "src/hooks/useCart.test.ts",
      "import { renderHook, act } from '@testing-library/react';\nimport { vi } from 'vitest';\nimport * as api from '../api/cart';\nimport { useCart } from './useCart';\n\nvi.mock('../api/cart');\n\ntest('adds item', async () => {\n  vi.mocked(api.addItem).mockResolvedValue({ items: [{ id: 'x', qty: 1 }] });\n  const { result } = renderHook(() => useCart());\n  await act(() => result.current.add('x'));\n  expect(result.current.items).toHaveLength(1);\n});",
    ),
    sh(
      "npx vitest run src/hooks/useCart.test.ts",
      " FAIL  src/hooks/useCart.test.ts > adds item\nError: useCart must be used within a CartProvider\n ❯ useCart src/hooks/useCart.ts:9:11\n ❯ src/hooks/useCart.test.ts:11:38\n\n Test Files  1 failed (1)\n      Tests  1 failed (1)",
      1,
    ),
  ]),
  S(
    "test",
    "medium",
    "cargo-new-fail",
    [
      u("add tests for the tokenizer covering string escapes"),
      ed(
        "src/tokenizer.rs",
        "#[cfg(test)]\nmod tests {",
        '#[cfg(test)]\nmod tests {\n    #[test]\n    fn escapes() {\n        let t = tokenize(r#""a\\nb\\"c""#).unwrap();\n        assert_eq!(t[0], Token::Str("a\\nb\\"c".into()));\n    }',
      ),
      sh(
        "cargo test tokenizer",
        'running 4 tests\ntest tokenizer::tests::numbers ... ok\ntest tokenizer::tests::idents ... ok\ntest tokenizer::tests::escapes ... FAILED\n\nfailures:\n\n---- tokenizer::tests::escapes stdout ----\nthread \'tokenizer::tests::escapes\' panicked at src/tokenizer.rs:212:9:\nassertion `left == right` failed\n  left: Str("a\\\\nb\\"c")\n right: Str("a\\nb\\"c")\n\ntest result: FAILED. 3 passed; 1 failed',
        101,
      ),
    ],
    { acc: ["test", "debug"] },
  ),
  S("test", "medium", "dotnet-new-fail", [
    u("write xunit tests for the DateRange value object"),
    wr(
      "tests/Domain.Tests/DateRangeTests.cs",
      "public class DateRangeTests\n{\n    [Fact]\n    public void Overlaps_WhenIntersecting_ReturnsTrue()\n    {\n        var a = new DateRange(new(2024,1,1), new(2024,1,10));\n        var b = new DateRange(new(2024,1,5), new(2024,1,20));\n        Assert.True(a.Overlaps(b));\n    }\n\n    [Fact]\n    public void Ctor_EndBeforeStart_Throws() => Assert.Throws<ArgumentException>(() => new DateRange(new(2024,2,1), new(2024,1,1)));\n}",
    ),
    sh(
      "dotnet test tests/Domain.Tests",
      "  Failed DateRangeTests.Ctor_EndBeforeStart_Throws [3 ms]\n  Error Message:\n   Assert.Throws() Failure: Exception type was not an exact match\nExpected: typeof(System.ArgumentException)\nActual:   typeof(System.ArgumentOutOfRangeException)\n\nFailed!  - Failed:     1, Passed:     5, Skipped:     0, Total:     6, Duration: 41 ms",
      1,
    ),
  ]),
  S("test", "low", "rspec-new-fail", [
    u("add specs for the Coupon#applicable? method"),
    wr(
      "spec/models/coupon_spec.rb",
      "RSpec.describe Coupon do\n  describe '#applicable?' do\n    it 'is false when expired' do\n      c = build(:coupon, expires_at: 1.day.ago)\n      expect(c.applicable?(cart)).to be false\n    end\n  end\nend",
    ),
    sh(
      "bundle exec rspec spec/models/coupon_spec.rb",
      "F\n\nFailures:\n\n  1) Coupon#applicable? is false when expired\n     Failure/Error: expect(c.applicable?(cart)).to be false\n\n     NameError:\n       undefined local variable or method `cart' for #<RSpec::ExampleGroups::Coupon::Applicable:0x000>\n     # ./spec/models/coupon_spec.rb:5\n\n1 example, 1 failure",
      1,
    ),
  ]),
  S("test", "medium", "pytest-new-fixture-err", [
    u("write integration tests for the /reports endpoint using the db fixtures"),
    wr(
      "tests/integration/test_reports.py",
      "def test_monthly_report(client, seed_orders):\n    r = client.get('/reports/monthly?month=2024-03')\n    assert r.status_code == 200\n    assert r.json()['total'] == 1520.0",
    ),
    sh(
      "pytest tests/integration/test_reports.py",
      "==================================== ERRORS ====================================\n_________________ ERROR at setup of test_monthly_report _________________\nfile /app/tests/integration/test_reports.py, line 1\n  def test_monthly_report(client, seed_orders):\nE       fixture 'seed_orders' not found\n>       available fixtures: cache, capfd, client, db_session, monkeypatch, tmp_path\n=========================== 1 error in 0.31s ===========================",
      1,
    ),
  ]),
  S("test", "medium", "pytest-pass-continue", [
    u("we need solid tests for money.py before the refactor. start with Money arithmetic"),
    wr(
      "tests/test_money.py",
      "from decimal import Decimal\nfrom billing.money import Money\n\ndef test_add_same_currency():\n    assert Money('1.10', 'EUR') + Money('2.20', 'EUR') == Money('3.30', 'EUR')\n\ndef test_add_mismatch_raises():\n    with pytest.raises(CurrencyMismatch):\n        Money('1', 'EUR') + Money('1', 'USD')",
    ),
    sh("pytest tests/test_money.py -q", "....\n4 passed in 0.05s"),
  ]),
  S("test", "medium", "jest-pass-continue", [
    u("write tests for all the validators in src/validators, one file per validator"),
    wr(
      "src/validators/__tests__/email.test.ts",
      "import { isEmail } from '../email';\n\ntest.each([\n  ['a@b.co', true],\n  ['no-at-sign', false],\n  ['two@@ats.com', false],\n])('isEmail(%s) = %s', (s, ok) => expect(isEmail(s)).toBe(ok));",
    ),
    sh(
      "npx jest src/validators",
      "PASS src/validators/__tests__/email.test.ts\n  ✓ isEmail(a@b.co) = true (2 ms)\n  ✓ isEmail(no-at-sign) = false\n  ✓ isEmail(two@@ats.com) = false\n\nTest Suites: 1 passed, 1 total\nTests:       3 passed, 3 total",
    ),
  ]),
  S("test", "medium", "go-pass-continue", [
    u("add tests for every handler in internal/http, use httptest"),
    wr(
      "internal/http/health_test.go",
      'func TestHealth(t *testing.T) {\n\trr := httptest.NewRecorder()\n\tHealth(rr, httptest.NewRequest("GET", "/health", nil))\n\tif rr.Code != 200 {\n\t\tt.Fatalf("got %d", rr.Code)\n\t}\n}',
    ),
    sh(
      "go test ./internal/http/ -run TestHealth -v",
      "=== RUN   TestHealth\n--- PASS: TestHealth (0.00s)\nPASS\nok  \tgithub.com/acme/api/internal/http\t0.011s",
    ),
  ]),
  S("test", "low", "coverage-run", [
    u("what's our coverage on the core package? then add tests to get it above 80"),
    sh(
      "pytest --cov=core --cov-report=term-missing -q",
      "........................................\nName                 Stmts   Miss  Cover   Missing\n--------------------------------------------------\ncore/__init__.py         2      0   100%\ncore/parser.py         140     38    73%   88-104, 131-150\ncore/render.py          97     31    68%   40-71\n--------------------------------------------------\nTOTAL                  239     69    71%\n40 passed in 1.88s",
    ),
  ]),
  S("test", "medium", "phpunit-pass", [
    u("cover the InvoiceNumberGenerator with tests, especially the yearly reset"),
    wr(
      "tests/Unit/InvoiceNumberGeneratorTest.php",
      "final class InvoiceNumberGeneratorTest extends TestCase\n{\n    public function test_resets_each_year(): void\n    {\n        $gen = new InvoiceNumberGenerator(new FrozenClock('2024-12-31'), $this->repo(last: 'INV-2024-0042'));\n        $this->assertSame('INV-2024-0043', $gen->next());\n    }\n}",
    ),
    sh(
      "vendor/bin/phpunit tests/Unit/InvoiceNumberGeneratorTest.php",
      "PHPUnit 10.5.9\n\n.                                                                   1 / 1 (100%)\n\nOK (1 test, 1 assertion)",
    ),
  ]),
  S("test", "medium", "playwright-run", [
    u("write e2e tests for the login page with playwright"),
    wr(
      "e2e/login.spec.ts",
      "import { test, expect } from '@playwright/test';\n\ntest('wrong password shows error', async ({ page }) => {\n  await page.goto('/login');\n  await page.getByLabel('Email').fill('a@b.co');\n  await page.getByLabel('Password').fill('nope');\n  await page.getByRole('button', { name: 'Sign in' }).click();\n  await expect(page.getByText('Invalid credentials')).toBeVisible();\n});",
    ),
    sh(
      "npx playwright test e2e/login.spec.ts",
      "Running 1 test using 1 worker\n\n  ✘  1 [chromium] › e2e/login.spec.ts:3:5 › wrong password shows error (5.2s)\n\n    Error: locator.fill: Timeout 5000ms exceeded.\n    Call log:\n      - waiting for getByLabel('Email')\n\n  1 failed",
      1,
    ),
  ]),
  S("test", "medium", "mocha-run", [
    u("add mocha tests for the queue module"),
    sh(
      "npx mocha test/queue.test.js",
      '\n  Queue\n    ✓ enqueues and dequeues in order\n    ✓ respects max size\n    1) emits drain when empty\n\n  2 passing (18ms)\n  1 failing\n\n  1) Queue\n       emits drain when empty:\n     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves.',
      1,
    ),
  ]),
  S("test", "medium", "bun-test-run", [
    u("add bun tests for the router matcher"),
    wr(
      "src/router/match.test.ts",
      "import { expect, test } from 'bun:test';\nimport { match } from './match';\n\ntest('params', () => {\n  expect(match('/users/:id', '/users/42')).toEqual({ id: '42' });\n});\ntest('no match', () => {\n  expect(match('/users/:id', '/teams/1')).toBeNull();\n});",
    ),
    sh(
      "bun test src/router",
      "bun test v1.1.29\n\nsrc/router/match.test.ts:\n✓ params [0.31ms]\n✓ no match [0.04ms]\n\n 2 pass\n 0 fail\n 2 expect() calls\nRan 2 tests across 1 files. [12.00ms]",
    ),
  ]),
  S("test", "low", "kotlin-gradle-test", [
    u("write tests for the Money value class"),
    sh(
      "./gradlew :core:test --tests '*MoneyTest*'",
      "> Task :core:test\n\nMoneyTest > addition keeps currency() PASSED\nMoneyTest > rejects negative scale() PASSED\nMoneyTest > rounds half even() PASSED\n\nBUILD SUCCESSFUL in 6s",
    ),
  ]),
  S("test", "medium", "pytest-param-continue", [
    u("parametrize the tax tests over all EU countries from the fixture file"),
    ed(
      "tests/test_tax.py",
      "def test_de_vat():\n    assert vat('DE', 100) == 19",
      "@pytest.mark.parametrize('country,rate', load_rates())\ndef test_vat(country, rate):\n    assert vat(country, 100) == rate",
    ),
    sh("pytest tests/test_tax.py -q", "...........................\n27 passed in 0.11s"),
  ]),
  S(
    "test",
    "medium",
    "test-mock-fail",
    [
      u("mock the stripe client in the payment tests instead of calling the test API"),
      ed(
        "tests/test_payments.py",
        "def test_charge():\n    charge = pay(1000, 'tok_visa')",
        "@patch('payments.service.stripe.PaymentIntent.create')\ndef test_charge(create):\n    create.return_value = {'id': 'pi_1', 'status': 'succeeded'}\n    charge = pay(1000, 'tok_visa')",
      ),
      sh(
        "pytest tests/test_payments.py -q",
        "F.\n____________________________ test_charge ____________________________\n\ncreate = <MagicMock name='create' id='140236'>\n\n    def test_charge(create):\n        create.return_value = {'id': 'pi_1', 'status': 'succeeded'}\n        charge = pay(1000, 'tok_visa')\n>       assert charge.id == 'pi_1'\nE       AttributeError: 'dict' object has no attribute 'id'\n\n1 failed, 1 passed in 0.34s",
        1,
      ),
    ],
    { acc: ["test", "debug"] },
  ),
  S("test", "medium", "test-repro-bug-run", [
    u("write a failing test for the off-by-one in the date range filter (end date is excluded but should be included)"),
    wr(
      "tests/test_filters.py",
      "def test_end_date_inclusive(db):\n    make_order(db, created=date(2024, 3, 31))\n    rows = orders_between(db, date(2024, 3, 1), date(2024, 3, 31))\n    assert len(rows) == 1",
    ),
    sh(
      "pytest tests/test_filters.py::test_end_date_inclusive -q",
      "F\nE       assert 0 == 1\nE        +  where 0 = len([])\n1 failed in 0.21s",
      1,
    ),
  ]),

  // ---- continuations in test work ----
  S("test", "medium", "cont-test-1", [
    u("write tests for the auth service"),
    a(
      "Added tests for `login` (valid, wrong password, locked account) and `refresh` (valid, expired, reused token). All 6 pass. Next I can cover `logout` and password reset.",
    ),
    u("continue"),
  ]),
  S("test", "low", "cont-test-2", [
    u("add vitest tests for the string utils"),
    sh(
      "npx vitest run src/utils/string.test.ts",
      " ✓ src/utils/string.test.ts  (11 tests) 6ms\n\n Test Files  1 passed (1)\n      Tests  11 passed (11)",
    ),
    a("All 11 pass. Shall I also do `array.ts` and `object.ts`?"),
    u("yes"),
  ]),
  S("test", "medium", "cont-test-3", [
    u("we need integration tests for the webhook receiver"),
    a(
      "Plan: spin up the app with a test DB, post signed payloads for `invoice.paid`, `invoice.failed`, bad signature and duplicate event id, and assert DB state. I've written the fixture for signing. Proceed with the four tests?",
    ),
    u("go ahead"),
  ]),
  S("test", "medium", "cont-test-4", [
    u("increase test coverage of the parser package"),
    a(
      "Coverage went from 62% to 78%. Remaining uncovered: error recovery in `parseBlock` and the unicode identifier path.",
    ),
    u("keep going, get those too"),
  ]),
  S("test", "low", "cont-test-5", [
    u("can you write some tests for the date picker component"),
    a("I wrote 5 RTL tests (open/close, select date, min/max disabled days, keyboard nav, clear). They pass locally."),
    u("ok also add one for the locale prop (de-DE should start weeks on monday)"),
  ]),
  S("test", "medium", "cont-test-6", [
    u("write go tests for the rate limiter"),
    sh(
      "go test ./internal/ratelimit -v -run TestLimiter",
      "=== RUN   TestLimiter_AllowsBurst\n--- PASS: TestLimiter_AllowsBurst (0.00s)\n=== RUN   TestLimiter_Refills\n--- PASS: TestLimiter_Refills (0.21s)\nPASS\nok  \tgithub.com/acme/gw/internal/ratelimit\t0.224s",
    ),
    a("Both pass. The refill test uses a real 200ms sleep though — want me to inject a fake clock?"),
    u("yes do that"),
  ]),
  S("test", "medium", "cont-test-7", [
    u("/run pytest tests/ -q"),
    u(
      "I ran this command:\n\npytest tests/ -q\n\nAnd got this output:\n\n........................ [100%]\n24 passed in 1.02s",
    ),
    u("good. now add tests for the new export module, there are none"),
  ]),
  S("test", "medium", "cont-test-8", [
    u("set up jest for this project, there are no tests yet"),
    wr(
      "jest.config.js",
      "/** @type {import('jest').Config} */\nmodule.exports = {\n  preset: 'ts-jest',\n  testEnvironment: 'node',\n  roots: ['<rootDir>/src'],\n};",
    ),
    sh("npx jest --passWithNoTests", "No tests found, exiting with code 0"),
    a("Jest is configured with ts-jest. Want a first test for `src/lib/price.ts` as an example?"),
    u("sure"),
  ]),
  S("test", "medium", "cont-test-9", [
    u("run the test suite and tell me the state"),
    sh("npm test", "Test Suites: 2 failed, 41 passed, 43 total\nTests:       3 failed, 388 passed, 391 total"),
    a(
      "3 failures in `Invoice.test.tsx` and `taxes.test.ts` — both look like tests asserting the old rounding that we intentionally changed last week.",
    ),
    u("yeah update those tests to the new rounding"),
  ]),
  S("test", "low", "cont-test-10", [
    u("please write tests for the helpers in lib/format.rb"),
    a("Added spec/lib/format_spec.rb with 9 examples covering `money`, `percent` and `short_date`. All green."),
    u("next: lib/slug.rb"),
  ]),
];
