import { a, gr, rd, S, sh, u } from "./dsl.mjs";

export default [
  // ---- design questions, user text ----
  S("plan", "high", "fastapi-multitenant", [
    u(
      "We need to support multiple tenants in this FastAPI app. Right now every table has no tenant column. What are the options — schema per tenant, row-level tenant_id, or separate DBs? We're on Postgres 15 with SQLAlchemy 2. Don't write code yet, I want to understand tradeoffs first.",
    ),
  ]),
  S("plan", "medium", "react-state", [
    u(
      "thinking of moving off redux. app is ~40 screens, lots of server state from REST. zustand vs react-query + context vs jotai? what would you do and why",
    ),
  ]),
  S("plan", "medium", "go-worker-queue", [
    u(
      "how should we structure the background job system in the Go service? jobs come from http handlers, some need retries with backoff, some are cron-ish. is it worth pulling in asynq or river or just a goroutine pool + postgres SKIP LOCKED?",
    ),
  ]),
  S("plan", "high", "rust-plugin-system", [
    u(
      "I want plugins for my Rust CLI tool (third parties should be able to ship them). Options I see: dylib with abi_stable, WASM via wasmtime, or subprocess + JSON-RPC. Which one would you pick for a tool that runs on linux/mac/windows, and what would the architecture look like? Give me a step by step plan.",
    ),
  ]),
  S("plan", "medium", "django-search", [
    u(
      "Our Django admin search is unusably slow on the orders table (12M rows). Before we touch anything: what approaches exist? pg_trgm index, full text search with SearchVector, or bolt on Meilisearch? Estimate effort for each.",
    ),
  ]),
  S("plan", "medium", "kotlin-offline-sync", [
    u(
      "Android app (Kotlin, Room, Retrofit). Product wants offline mode: users edit stuff on the plane, sync when back online. How would you design the sync + conflict resolution? we control the backend too (Spring Boot).",
    ),
  ]),
  S("plan", "low", "vue-i18n", [
    u(
      "what's the best approach to add i18n to our Vue 3 app? we have maybe 300 strings hardcoded in templates. vue-i18n or something lighter?",
    ),
  ]),
  S("plan", "high", "event-sourcing-ledger", [
    u(
      "Proposal time. We're rebuilding the ledger service and someone suggested event sourcing. Requirements:\n1. every balance change must be auditable\n2. we need point-in-time balances for reports\n3. ~2k writes/s peak\n4. team knows Java/Spring, Postgres, Kafka\n\nIs event sourcing justified here or is an append-only transactions table + snapshots enough? Lay out both designs and the migration path from our current mutable balances table.",
    ),
  ]),
  S("plan", "medium", "nextjs-auth", [
    u(
      "next.js 14 app router project — need auth (email magic link + google). next-auth/auth.js vs clerk vs lucia vs rolling our own with iron-session? we're a small team and want to self host. plan it out pls",
    ),
  ]),
  S("plan", "medium", "terraform-layout", [
    u(
      "Our terraform is one giant root module with 900 resources for dev/staging/prod, plan takes 6 min. How should we split it? workspaces vs separate root modules per env vs terragrunt. Also how do we migrate state without destroying things",
    ),
  ]),
  S("plan", "medium", "csharp-modular-monolith", [
    u(
      "We have a .NET 8 Web API that has become a big ball of mud. Thinking about a modular monolith (modules per bounded context, each with own DbContext). How would you carve it? Modules we see: Catalog, Ordering, Billing, Identity, Notifications. What goes where and how do modules talk?",
    ),
  ]),
  S("plan", "low", "flask-to-fastapi", [
    u("is it worth migrating a small flask api (15 endpoints) to fastapi? what would the migration steps be"),
  ]),
  S("plan", "medium", "swift-arch", [
    u(
      "Starting a new SwiftUI app for a gym booking thing. TCA or plain MVVM with Observation? Team of 2, both mid-level. Also how to layer networking/persistence. Just want an architecture recommendation + folder structure before we start",
    ),
  ]),
  S("plan", "high", "distributed-rate-limit", [
    u(
      "We run 30 replicas of the API gateway (Node). Need a global rate limit per API key (sliding window, 1000 req/min) with <2ms overhead. Redis is available. Design options? token bucket in Lua script vs approximate local counters synced periodically? what about redis going down",
    ),
  ]),
  S("plan", "medium", "php-laravel-queue", [
    u(
      "laravel app sends ~50k emails a night via a cron that loops users. it times out. how should I restructure this? jobs + horizon? batching? chunkById? want a plan, not code",
    ),
  ]),
  S("plan", "medium", "monorepo-tooling", [
    u(
      "we have 6 TS packages in separate repos and keep getting version drift. considering a monorepo — nx vs turborepo vs plain pnpm workspaces + changesets. what would the migration look like step by step?",
    ),
  ]),
  S("plan", "low", "sqlite-vs-postgres", [
    u(
      "for a small internal tool (maybe 20 users) is sqlite fine or should I just go postgres from the start? it's a python app deployed on a single VM",
    ),
  ]),
  S("plan", "high", "ml-feature-store", [
    u(
      "Need to design how our training pipeline and online inference share features. Currently features computed in a pandas notebook and re-implemented in Go for serving (and they drift). Options: Feast, custom materialization to Redis, or compute in SQL (dbt) and serve from postgres? Outline an architecture and phased rollout.",
    ),
  ]),
  S("plan", "medium", "ruby-rails-upgrade", [
    u(
      "We're on Rails 6.0 / Ruby 2.7 and need to get to Rails 7.2 / Ruby 3.3. What's the safest order of operations? We have ~1400 specs and a few monkey patches in config/initializers.",
    ),
  ]),
  S("plan", "medium", "websocket-scale", [
    u(
      "Как лучше организовать websocket-соединения, если у нас несколько инстансов сервера на Node.js за балансировщиком? Нужно рассылать события конкретным пользователям. Redis pub/sub, sticky sessions или что-то ещё? Пока без кода, просто архитектура.",
    ),
  ]),
  S("plan", "medium", "spring-cache-design", [
    u(
      "¿Cuál sería la mejor forma de estructurar la capa de caché en nuestro servicio Spring Boot? Tenemos Redis disponible y algunos endpoints muy lentos (catálogo de productos). Quiero opciones antes de implementar nada.",
    ),
  ]),
  S("plan", "medium", "go-config", [
    u(
      "我们的 Go 服务配置现在散落在环境变量、yaml 和 flag 里。应该怎么统一？viper 还是 koanf，还是自己写？先给我一个方案，不要写代码。",
    ),
  ]),
  S("plan", "medium", "k8s-deploy-strategy", [
    u(
      "Wie sollten wir Blue/Green Deployments für unseren Kubernetes-Cluster aufsetzen? Argo Rollouts oder Flagger? Wir nutzen schon ArgoCD. Bitte erst mal nur Plan und Vor-/Nachteile.",
    ),
  ]),
  S("plan", "low", "cli-arg-parsing", [u("click or typer for the new python cli? it'll have ~10 subcommands")]),
  S("plan", "high", "payments-idempotency", [
    u(
      "we keep double-charging customers when the mobile client retries. before fixing anything I want a proper design for idempotency across the payment API: idempotency keys, storage, TTL, what happens when the first request is still in flight, how it interacts with the Stripe webhook handler. walk me through it",
    ),
  ]),
  S("plan", "medium", "graphql-vs-rest", [
    u(
      "new mobile app needs a backend-for-frontend. graphql (apollo server) or just REST with some aggregated endpoints? our existing services are REST/gRPC. what would you recommend for a 3-person team",
    ),
  ]),
  S("plan", "medium", "unity-save-system", [
    u(
      "I need a save system for my unity game (inventory, quest state, world objects). how should i architect it so adding new saveable things later isnt painful? json vs binary? ScriptableObjects?",
    ),
  ]),
  S("plan", "medium", "estimate-impact", [
    u(
      "If we switch our ORM from TypeORM to Drizzle, what's the blast radius? Roughly how many files/places would change and what are the risky parts? Just estimate, don't start.",
    ),
  ]),
  S("plan", "high", "cqrs-read-models", [
    u(
      "Read path on the dashboard does 14 joins and p99 is 3s. Considering CQRS-ish read models updated from domain events. How would that look in our Node/Postgres stack, what are the consistency implications for the UI, and how do we roll it out incrementally?",
    ),
  ]),
  S("plan", "low", "logging-lib", [u("pino or winston for a new express service? we ship logs to datadog")]),

  // ---- aider architect / ask modes ----
  S(
    "plan",
    "medium",
    "aider-architect-cache",
    [
      u(
        "/architect we need to stop hitting the weather API on every request. figure out where a cache layer should go and what invalidation makes sense",
      ),
    ],
    { mode: "architect" },
  ),
  S(
    "plan",
    "medium",
    "aider-ask-structure",
    [u("/ask how should I split up app.py? it's 1800 lines with routes, db code and pdf generation all mixed")],
    { mode: "ask" },
  ),
  S(
    "plan",
    "medium",
    "aider-architect-auth",
    [
      u("/add api/routes.py api/models.py"),
      u("/architect plan how to add role based permissions (admin, editor, viewer) to these routes. dont write it yet"),
    ],
    { mode: "architect" },
  ),
  S(
    "plan",
    "low",
    "aider-senior-godot",
    [
      u(
        "how would I separate the inventory UI from the inventory data in godot? right now the Control node holds the item array",
      ),
    ],
    { mode: "senior" },
  ),

  // ---- plan mode (agent modes) ----
  S(
    "plan",
    "medium",
    "plan-mode-retry",
    [u("Add retry with exponential backoff to all outbound HTTP calls in the payments client")],
    { mode: "plan", ag: "claude-code" },
  ),
  S("plan", "medium", "plan-mode-codex", [u("migrate the settings page from class components to hooks")], {
    mode: "plan",
    ag: "codex",
  }),
  S("plan", "medium", "plan-mode-opencode", [u("we need pagination on every list endpoint in the api, cursor based")], {
    mode: "plan",
    ag: "opencode",
  }),
  S(
    "plan",
    "high",
    "plan-mode-gemini",
    [u("Design an approach to shard the notifications table by tenant without downtime")],
    { mode: "plan", ag: "gemini-cli" },
  ),
  S("plan", "medium", "plan-mode-cline", [u("I want dark mode in the electron app. what needs to change?")], {
    mode: "plan",
    ag: "cline",
  }),
  S(
    "plan",
    "medium",
    "plan-mode-claude-read",
    [
      u("Add OpenTelemetry tracing to the order service"),
      rd(
        "src/server.ts",
        "import express from 'express';\nimport { ordersRouter } from './routes/orders';\nimport { db } from './db';\n\nconst app = express();\napp.use(express.json());\napp.use('/orders', ordersRouter);\napp.listen(process.env.PORT ?? 3000);",
        "Let me look at how the server is set up first.",
      ),
      rd(
        "src/db.ts",
        "import { Pool } from 'pg';\nexport const db = new Pool({ connectionString: process.env.DATABASE_URL });",
      ),
    ],
    { mode: "plan", ag: "claude-code" },
  ),

  // ---- read-only exploration before any edit (tool-result tails) ----
  S("plan", "medium", "explore-billing-go", [
    u(
      "we need to add proration when a customer changes plan mid-cycle. look around the billing package and tell me how you'd approach it",
    ),
    gr(
      "func .*Invoice",
      "internal/billing/invoice.go:22:func NewInvoice(cust Customer, items []LineItem) *Invoice {\ninternal/billing/invoice.go:58:func (i *Invoice) Total() money.Amount {\ninternal/billing/cycle.go:14:func NextInvoiceDate(sub Subscription) time.Time {\ninternal/billing/stripe_sync.go:31:func PushInvoice(ctx context.Context, inv *Invoice) error {",
      "I'll start by finding the invoice code.",
    ),
    rd(
      "internal/billing/cycle.go",
      'package billing\n\nimport "time"\n\n// NextInvoiceDate returns the start of the next billing period.\nfunc NextInvoiceDate(sub Subscription) time.Time {\n\tswitch sub.Interval {\n\tcase Monthly:\n\t\treturn sub.PeriodStart.AddDate(0, 1, 0)\n\tcase Yearly:\n\t\treturn sub.PeriodStart.AddDate(1, 0, 0)\n\t}\n\treturn sub.PeriodStart\n}',
    ),
    rd(
      "internal/billing/subscription.go",
      "package billing\n\ntype Subscription struct {\n\tID          string\n\tCustomerID  string\n\tPlanID      string\n\tInterval    Interval\n\tPeriodStart time.Time\n\tStatus      Status\n}\n\nfunc (s *Subscription) ChangePlan(planID string) {\n\ts.PlanID = planID\n}",
    ),
  ]),
  S("plan", "medium", "explore-react-forms", [
    u(
      "The checkout form validation is a mess — some in components, some in a utils file, some in the API layer. Investigate and propose how to consolidate it (zod? react-hook-form resolver?)",
    ),
    sh(
      'rg -l "validate|isValid|errors\\." src/ | head -30',
      "src/components/checkout/AddressForm.tsx\nsrc/components/checkout/PaymentForm.tsx\nsrc/components/checkout/ShippingOptions.tsx\nsrc/utils/validation.ts\nsrc/api/orders.ts\nsrc/hooks/useCheckout.ts",
    ),
    rd(
      "src/utils/validation.ts",
      "export const isEmail = (s: string) => /.+@.+\\..+/.test(s);\nexport const isZip = (s: string) => /^\\d{5}(-\\d{4})?$/.test(s);\nexport function validateAddress(a: Address) {\n  const errors: Record<string, string> = {};\n  if (!a.line1) errors.line1 = 'Required';\n  if (!isZip(a.zip)) errors.zip = 'Invalid ZIP';\n  return errors;\n}",
    ),
    rd(
      "src/components/checkout/PaymentForm.tsx",
      "export function PaymentForm({ onSubmit }: Props) {\n  const [card, setCard] = useState('');\n  const [err, setErr] = useState<string | null>(null);\n  const submit = () => {\n    if (card.replace(/\\s/g, '').length < 15) return setErr('Card number too short');\n    onSubmit(card);\n  };\n  ...",
    ),
    rd(
      "src/api/orders.ts",
      "export async function createOrder(body: OrderInput) {\n  if (!body.items?.length) throw new Error('empty cart');\n  if (!isEmail(body.email)) throw new Error('bad email');\n  return http.post('/orders', body);\n}",
    ),
  ]),
  S("plan", "high", "explore-rust-async", [
    u(
      "I'd like to move the sync file indexer to tokio so it can watch multiple roots concurrently. Read the code first and give me a migration plan, what breaks, what order.",
    ),
    sh(
      "tree -L 2 src",
      "src\n├── cli.rs\n├── index\n│   ├── mod.rs\n│   ├── walker.rs\n│   └── store.rs\n├── main.rs\n└── watch.rs",
    ),
    rd(
      "src/index/walker.rs",
      "use std::fs;\nuse std::path::Path;\n\npub fn walk(root: &Path, out: &mut Vec<Entry>) -> std::io::Result<()> {\n    for e in fs::read_dir(root)? {\n        let e = e?;\n        if e.file_type()?.is_dir() { walk(&e.path(), out)?; } else { out.push(Entry::from(e)); }\n    }\n    Ok(())\n}",
    ),
    rd(
      "src/watch.rs",
      "use notify::{RecommendedWatcher, RecursiveMode, Watcher};\nuse std::sync::mpsc::channel;\n\npub fn watch(root: &Path, store: &mut Store) -> notify::Result<()> {\n    let (tx, rx) = channel();\n    let mut w = RecommendedWatcher::new(tx, Default::default())?;\n    w.watch(root, RecursiveMode::Recursive)?;\n    for ev in rx { store.apply(ev?)?; }\n    Ok(())\n}",
    ),
    rd(
      "src/index/store.rs",
      "pub struct Store { conn: rusqlite::Connection }\n\nimpl Store {\n    pub fn apply(&mut self, ev: notify::Event) -> anyhow::Result<()> { /* ... */ }\n}",
    ),
  ]),
  S("plan", "medium", "explore-django-perms", [
    u("before we add object-level permissions, map out how auth/permissions currently work in this django project"),
    gr(
      "permission_classes",
      "api/views/projects.py:18:    permission_classes = [IsAuthenticated]\napi/views/projects.py:61:    permission_classes = [IsAuthenticated, IsProjectMember]\napi/views/reports.py:12:    permission_classes = [IsAdminUser]\napi/views/users.py:9:    permission_classes = [AllowAny]",
    ),
    rd(
      "api/permissions.py",
      "from rest_framework.permissions import BasePermission\n\nclass IsProjectMember(BasePermission):\n    def has_object_permission(self, request, view, obj):\n        return obj.members.filter(id=request.user.id).exists()",
    ),
    gr(
      "has_perm\\(",
      "core/models.py:88:        return self.user.has_perm('core.view_report')\nbilling/views.py:40:    if not request.user.has_perm('billing.refund'):",
    ),
  ]),
  S("plan", "medium", "explore-java-batch", [
    u(
      "Our nightly Spring Batch job for statement generation takes 5h. I want options to speed it up. Start by reading the job config and the processor",
    ),
    rd(
      "src/main/java/com/acme/batch/StatementJobConfig.java",
      '@Configuration\npublic class StatementJobConfig {\n  @Bean\n  public Step statementStep(JobRepository repo, PlatformTransactionManager tx) {\n    return new StepBuilder("statementStep", repo)\n      .<Account, Statement>chunk(10, tx)\n      .reader(accountReader())\n      .processor(statementProcessor)\n      .writer(pdfWriter)\n      .build();\n  }\n}',
    ),
    rd(
      "src/main/java/com/acme/batch/StatementProcessor.java",
      "@Component\npublic class StatementProcessor implements ItemProcessor<Account, Statement> {\n  public Statement process(Account a) {\n    var txs = txRepo.findByAccountIdAndMonth(a.getId(), month); // one query per account\n    var fx = fxClient.rates(a.getCurrency()); // HTTP call per account\n    return Statement.of(a, txs, fx);\n  }\n}",
    ),
  ]),
  S("plan", "medium", "explore-monolith-split", [
    u(
      "figure out which parts of the rails app talk to the `Notification` model, we're thinking of pulling notifications into a separate service. no changes, just investigate and write up what coupling exists",
    ),
    gr(
      "Notification\\.",
      "app/models/comment.rb:34:    Notification.create!(user: post.author, kind: :comment, subject: self)\napp/models/follow.rb:12:    Notification.create!(user: followee, kind: :follow, subject: self)\napp/controllers/notifications_controller.rb:8:    @notifications = Notification.where(user: current_user).unread\napp/jobs/digest_job.rb:15:    Notification.where(created_at: 1.day.ago..).group_by(&:user_id).each do |uid, ns|\napp/services/mentions.rb:22:      Notification.create!(user: u, kind: :mention, subject: comment)",
    ),
    gr("has_many :notifications", "app/models/user.rb:19:  has_many :notifications, dependent: :destroy"),
    rd(
      "app/jobs/digest_job.rb",
      "class DigestJob < ApplicationJob\n  def perform\n    Notification.where(created_at: 1.day.ago..).group_by(&:user_id).each do |uid, ns|\n      DigestMailer.with(user_id: uid, ids: ns.map(&:id)).daily.deliver_later\n    end\n  end\nend",
    ),
  ]),
  S("plan", "medium", "explore-ts-sdk", [
    u(
      "We want to publish our internal API client as a public npm SDK. Look through packages/client and tell me what needs to change (exports, bundling, types, breaking stuff). Don't modify anything yet.",
    ),
    sh(
      "ls packages/client && cat packages/client/package.json",
      'package.json\nsrc\ntsconfig.json\n{\n  "name": "@acme/client",\n  "private": true,\n  "main": "src/index.ts",\n  "dependencies": { "axios": "^1.6.0", "@acme/shared": "workspace:*" }\n}',
    ),
    rd(
      "packages/client/src/index.ts",
      "export * from './http';\nexport * from './resources/users';\nexport * from './resources/orders';\nexport { internalDebug } from './debug';",
    ),
    gr(
      "@acme/shared",
      "packages/client/src/resources/users.ts:2:import { UserDTO } from '@acme/shared';\npackages/client/src/resources/orders.ts:3:import { OrderDTO, Money } from '@acme/shared';",
    ),
  ]),
  S("plan", "high", "explore-kernel-driver", [
    u(
      "need to understand how the DMA buffers are allocated in this driver before we propose zero-copy for the capture path",
    ),
    gr(
      "dma_alloc_coherent|dma_map_single",
      "drivers/capture/cap_core.c:212:\tbuf->vaddr = dma_alloc_coherent(dev, size, &buf->dma, GFP_KERNEL);\ndrivers/capture/cap_stream.c:88:\tdma = dma_map_single(dev, skb->data, len, DMA_FROM_DEVICE);",
    ),
    rd(
      "drivers/capture/cap_stream.c",
      "static int cap_rx_one(struct cap_dev *cd, struct sk_buff *skb)\n{\n\tdma_addr_t dma;\n\tdma = dma_map_single(cd->dev, skb->data, skb->len, DMA_FROM_DEVICE);\n\tif (dma_mapping_error(cd->dev, dma))\n\t\treturn -ENOMEM;\n\tmemcpy(cd->ring[cd->head].buf, skb->data, skb->len);\n\t...\n}",
    ),
  ]),
  S("plan", "medium", "explore-terraform", [
    u(
      "We're moving from one AWS account to an org with separate dev/prod accounts. Read the terraform and tell me what's hardcoded to the current account and what the migration plan should be",
    ),
    gr(
      "arn:aws:[a-z0-9-]+:[a-z0-9-]*:1234",
      'modules/iam/main.tf:14:  principals { identifiers = ["arn:aws:iam::123456789012:root"] }\nenvs/prod/s3.tf:8:  bucket_policy_principal = "arn:aws:iam::123456789012:role/deploy"\nmodules/kms/main.tf:22:    "arn:aws:iam::123456789012:user/ci"',
    ),
    sh(
      "ls envs/*",
      "envs/prod:\nbackend.tf  main.tf  s3.tf  variables.tf\n\nenvs/staging:\nbackend.tf  main.tf  variables.tf",
    ),
    rd(
      "envs/prod/backend.tf",
      'terraform {\n  backend "s3" {\n    bucket = "acme-tf-state"\n    key    = "prod/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}',
    ),
  ]),
  S("plan", "medium", "explore-flutter", [
    u(
      "look at how navigation works in this flutter app. we want deep links for /product/:id and /order/:id. what would be the approach?",
    ),
    gr(
      "Navigator\\.push|GoRouter|routes:",
      "lib/main.dart:31:      routes: {\nlib/screens/home.dart:88:        Navigator.push(context, MaterialPageRoute(builder: (_) => ProductScreen(id: p.id)));\nlib/screens/orders.dart:45:    Navigator.push(context, MaterialPageRoute(builder: (_) => OrderScreen(order: o)));",
    ),
    rd(
      "lib/main.dart",
      "class App extends StatelessWidget {\n  @override\n  Widget build(BuildContext context) => MaterialApp(\n    title: 'Shop',\n    routes: {\n      '/': (_) => const HomeScreen(),\n      '/cart': (_) => const CartScreen(),\n    },\n  );\n}",
    ),
  ]),
  S("plan", "low", "explore-py-cli", [
    u("how would we add a `--json` output flag to every command? check how output is printed now"),
    gr(
      "print\\(|click.echo",
      'mytool/commands/list.py:22:    click.echo(f"{p.name:30} {p.version}")\nmytool/commands/show.py:15:    click.echo(tabulate(rows))\nmytool/commands/sync.py:40:    print("synced", n, "packages")',
    ),
  ]),
  S("plan", "medium", "explore-csharp-di", [
    u(
      "We're getting rid of the static ServiceLocator. Find all usages and give me a plan to move to constructor injection in phases",
    ),
    gr(
      "ServiceLocator\\.",
      "Src/Orders/OrderService.cs:31:            var repo = ServiceLocator.Get<IOrderRepository>();\nSrc/Orders/OrderExporter.cs:12:        private readonly IClock _clock = ServiceLocator.Get<IClock>();\nSrc/Billing/InvoiceJob.cs:44:            var mailer = ServiceLocator.Get<IMailer>();\nSrc/Web/Controllers/AdminController.cs:27:            ServiceLocator.Get<IAuditLog>().Write(...);\n... 37 more matches",
    ),
    sh(
      'rg -c "ServiceLocator\\." Src | sort -t: -k2 -nr | head',
      "Src/Legacy/ReportBuilder.cs:9\nSrc/Orders/OrderService.cs:6\nSrc/Billing/InvoiceJob.cs:5\nSrc/Web/Controllers/AdminController.cs:4\nSrc/Orders/OrderExporter.cs:2",
    ),
  ]),
  S("plan", "medium", "explore-vue-store", [
    u(
      "before migrating vuex -> pinia, list all the vuex modules and anything weird (plugins, dynamic modules, direct state mutation)",
    ),
    sh(
      'ls src/store/modules && grep -rn "registerModule\\|store.state\\." src --include=*.vue --include=*.js | head -20',
      "auth.js\ncart.js\ncatalog.js\nui.js\nsrc/views/Admin.vue:77:      this.$store.registerModule('admin', adminModule)\nsrc/components/CartBadge.vue:14:    count() { return this.$store.state.cart.items.length }\nsrc/plugins/persist.js:5:  store.subscribe((mutation, state) => localStorage.setItem('s', JSON.stringify(state)))",
    ),
  ]),
  S("plan", "high", "explore-concurrency-java", [
    u(
      "There's a report that the inventory reservation service oversells under load. Don't fix yet — read through the reservation flow and tell me where the race could be and what design we should move to (optimistic locking? SELECT FOR UPDATE? redis lock?)",
    ),
    rd(
      "src/main/java/com/shop/inventory/ReservationService.java",
      "@Transactional\npublic Reservation reserve(String sku, int qty) {\n  Stock s = stockRepo.findBySku(sku);\n  if (s.getAvailable() < qty) throw new OutOfStock(sku);\n  s.setAvailable(s.getAvailable() - qty);\n  stockRepo.save(s);\n  return reservationRepo.save(new Reservation(sku, qty));\n}",
    ),
    rd(
      "src/main/java/com/shop/inventory/Stock.java",
      "@Entity\npublic class Stock {\n  @Id private String sku;\n  private int available;\n  // no @Version\n}",
    ),
  ]),
  S("plan", "medium", "explore-py-ml", [
    u(
      "we want to swap the sklearn model for a lightgbm one and add model versioning. poke around the training + serving code and suggest an approach",
    ),
    sh(
      "find . -name '*.py' -path '*model*' | head",
      "./train/model.py\n./train/train_model.py\n./serve/model_loader.py\n./serve/app.py",
    ),
    rd(
      "serve/model_loader.py",
      "import joblib\n\n_MODEL = None\n\ndef get_model():\n    global _MODEL\n    if _MODEL is None:\n        _MODEL = joblib.load('/models/model.pkl')\n    return _MODEL",
    ),
    rd(
      "train/train_model.py",
      "from sklearn.ensemble import RandomForestClassifier\n...\nclf.fit(X_train, y_train)\njoblib.dump(clf, '/models/model.pkl')",
    ),
  ]),
  S("plan", "low", "explore-php", [
    u("where are emails sent from in this codebase? we want to move to a queue, just tell me what the plan would be"),
    gr(
      "mail\\(|Mail::|->send\\(",
      "app/Http/Controllers/RegisterController.php:54:        Mail::to($user)->send(new WelcomeMail($user));\napp/Services/OrderService.php:120:        Mail::to($order->email)->send(new OrderConfirmation($order));\nlegacy/reset.php:33:    mail($email, 'Password reset', $body);",
    ),
  ]),
  S("plan", "medium", "explore-go-grpc", [
    u(
      "We need to version the gRPC API (v1 -> v2) without breaking existing mobile clients. Check the proto layout and handlers, then propose a plan.",
    ),
    sh(
      "find proto -name '*.proto' && head -30 proto/account/account.proto",
      'proto/account/account.proto\nproto/feed/feed.proto\nsyntax = "proto3";\npackage account;\noption go_package = "github.com/acme/api/gen/account";\n\nservice AccountService {\n  rpc GetProfile(GetProfileRequest) returns (Profile);\n  rpc UpdateProfile(UpdateProfileRequest) returns (Profile);\n}',
    ),
    gr(
      "RegisterAccountServiceServer",
      "cmd/api/main.go:48:\taccount.RegisterAccountServiceServer(s, handlers.NewAccount(db))",
    ),
  ]),

  // ---- continuations of plan work ----
  S("plan", "medium", "cont-plan-1", [
    u("how should we structure the notification preferences? per channel per event type, with org defaults?"),
    a(
      "Two reasonable shapes:\n\n**A. Matrix table** `notification_prefs(user_id, event_type, channel, enabled)` with org defaults in `org_notification_defaults`, resolved at send time (user row wins, else org default, else global default).\n\n**B. JSON blob** on the user row.\n\nA is queryable and supports 'who gets X' fan-out queries efficiently; B is simpler but you lose that. I'd go with A. Want me to also sketch the resolution function and the migration?",
    ),
    u("yes, sketch the resolution logic and migration steps, still no code changes"),
  ]),
  S("plan", "medium", "cont-plan-2", [
    u("we need to decide on a job scheduler for the python backend"),
    a(
      "Options: Celery beat (you already run Celery), APScheduler inside the web process, or k8s CronJobs. Given you have 3 replicas, APScheduler in-process would run jobs 3x unless you add a lock. Celery beat is the smallest change. Shall I continue comparing failure modes?",
    ),
    u("continue"),
  ]),
  S("plan", "high", "cont-plan-3", [
    u("Propose a design for splitting read and write databases for the orders service"),
    a(
      "Here is a first cut:\n1. Route writes to primary via the existing `db` pool.\n2. Add a `replica` pool; repositories get a `readOnly` flag.\n3. Handle read-your-writes by pinning a session to primary for N seconds after a write.\n\nOpen questions: replication lag budget, which endpoints tolerate staleness.",
    ),
    u(
      "lag is typically <200ms. checkout endpoints can't tolerate staleness, the dashboards can. refine the plan with that",
    ),
  ]),
  S("plan", "low", "cont-plan-4", [
    u("what's the plan for migrating the cron scripts to github actions?"),
    a(
      "1. Inventory the 9 cron entries and their secrets\n2. Group by runtime requirements (some need the VPN)\n3. Self-hosted runner for VPN ones, hosted runners for the rest\n4. Migrate one low-risk job first, run both in parallel for a week\n5. Cut over the rest, delete crontab\n\nAnything you'd change?",
    ),
    u("looks right. also think about how we alert on failures, then finalize"),
  ]),
  S("plan", "medium", "cont-plan-5", [
    u("we want to let users export their data (GDPR). how should this work"),
    a(
      "Proposal: async export job → zip of JSON per domain → signed S3 URL emailed, expires in 7 days. Need an `exports` table to track status and rate-limit one per day. I've listed the 11 tables containing personal data in the notes above.",
    ),
    u("ok"),
  ]),
  S(
    "plan",
    "medium",
    "cont-plan-6",
    [
      u("/ask what would it take to support postgres in addition to mysql in this app?"),
      a(
        "Main blockers I see: raw SQL with backticks in `repo/*.php` (about 40 queries), use of `ON DUPLICATE KEY UPDATE` in 6 places, and `GROUP_CONCAT` in reports. The ORM-layer code is portable. A plan would be: (1) introduce a dialect helper, (2) replace the upserts, (3) port report queries, (4) run the test suite against both in CI.",
      ),
      u("/ask ok and what order would you do those in to keep main releasable?"),
    ],
    { mode: "ask" },
  ),
  S("plan", "medium", "cont-plan-7", [
    u("Investigate why our webpack build is slow and propose improvements — don't change config yet"),
    sh(
      "npx webpack --profile --json > stats.json && npx webpack-bundle-analyzer stats.json --mode static -r /tmp/r.html; node -e \"const s=require('./stats.json');console.log(s.time, s.modules.length)\"",
      "84213 11877",
    ),
    a(
      "84s for 11.9k modules. babel-loader is applied to node_modules (no exclude) and source maps are `eval-source-map` in prod config. Two quick wins and a bigger one (switch to esbuild-loader / swc). Want me to keep digging into the loaders?",
    ),
    u("yep keep going"),
  ]),
  S("plan", "medium", "cont-plan-8", [
    u("let's plan the v2 of the import pipeline"),
    a(
      "Before I propose anything: do we need to keep CSV support, or only the new JSON feed? And is it OK for imports to be eventually consistent (processed by a worker) instead of synchronous?",
    ),
    u("csv must stay. async is fine. max file 500MB"),
  ]),

  // ---- tasks / specs / tickets ----
  S("plan", "medium", "create-task-spec", [
    u(
      "create a task for adding SSO (SAML) to the admin portal. break it into steps with acceptance criteria, put it in tasks/0042-saml-sso.md",
    ),
  ]),
  S("plan", "low", "create-ticket", [
    u("write up a jira ticket breakdown for the 'export to excel' feature: subtasks, rough estimates, dependencies"),
  ]),
  S("plan", "medium", "create-spec-2", [
    u("The search page needs facets (brand, price range, rating)."),
    a("Got it. Do you want me to implement it, or first spec it out?"),
    u("spec first. make a task file with the implementation steps, api changes and open questions"),
  ]),
  S("plan", "medium", "create-roadmap", [
    u(
      "break down 'migrate from heroku to fly.io' into a checklist of steps in order, with what could go wrong at each step",
    ),
  ]),
  S("plan", "low", "todo-breakdown", [
    u(
      "turn this into a todo list of implementation steps: users can invite teammates by email, invite expires in 72h, invited user lands on signup with email prefilled, admin can revoke",
    ),
  ]),

  // ---- library choice / impact ----
  S("plan", "low", "lib-choice-date", [u("date-fns vs dayjs vs luxon for a new react native app? we need timezones")]),
  S("plan", "low", "lib-choice-rust-http", [
    u("reqwest or ureq for a small rust cli that makes a handful of https calls? binary size matters a bit"),
  ]),
  S("plan", "medium", "lib-choice-orm-go", [
    u("sqlc vs gorm vs ent for our new go service? team hates magic. we do have some dynamic filtering queries though"),
  ]),
  S("plan", "medium", "lib-choice-queue-dotnet", [
    u(
      "MassTransit or plain Azure Service Bus SDK for a .NET 8 service that needs pub/sub + sagas for order workflow? Pros/cons please",
    ),
  ]),
  S("plan", "low", "lib-choice-pdf", [
    u(
      "need to generate invoices as PDF from a node service. puppeteer html->pdf or pdfkit or react-pdf? which is least painful to maintain",
    ),
  ]),
  S("plan", "medium", "impact-upgrade", [
    u(
      "what would break if we upgrade pydantic from v1 to v2 in this repo? give me a rough list of areas + effort estimate before we commit to it",
    ),
  ]),
  S("plan", "medium", "impact-node", [
    u("we're on node 16 and want node 22. what's likely to bite us? we use native modules (bcrypt, sharp) and jest 27"),
  ]),
  S("plan", "high", "design-review", [
    u(
      "Here's my design doc for the new scheduler (pasted below). Poke holes in it — concurrency, failure modes, what happens on leader change. Suggest changes to the design.\n\n## Scheduler v2\n- Single leader elected via etcd lease\n- Leader scans `jobs` table every second for due jobs, pushes to NATS\n- Workers ack on completion; leader marks done\n- If worker dies, job redelivered after 30s ack timeout\n- Cron expressions parsed by leader",
    ),
  ]),
  S("plan", "medium", "api-design", [
    u(
      "designing REST endpoints for a comments feature (nested replies, reactions, edit history). what should the resource layout + pagination look like? just the API design",
    ),
  ]),
  S("plan", "medium", "db-schema-design", [
    u(
      "need a schema for a booking system: resources (rooms, people), bookings with recurrence, cancellations of single occurrences. how would you model recurrence in postgres? store rrule vs materialize occurrences?",
    ),
  ]),
  S("plan", "low", "folder-structure", [
    u(
      "how should I organise folders in a new express + typescript project? feature folders or layers (controllers/services/repos)?",
    ),
  ]),
  S("plan", "medium", "ci-pipeline-plan", [
    u(
      "our github actions CI takes 25 minutes. what's the plan to get it under 10? we have unit tests (jest), e2e (playwright), docker build, lint. no changes yet, just tell me where to start",
    ),
  ]),
  S(
    "plan",
    "medium",
    "testing-strategy",
    [
      u(
        "We have zero tests on the billing module. What testing strategy should we adopt before refactoring it — characterization tests? contract tests with stripe-mock? Recommend an approach and order.",
      ),
    ],
    { acc: ["plan", "test"] },
  ),
  S("plan", "high", "migration-zero-downtime", [
    u(
      "We need to rename `users.name` to `users.full_name` and split it into first/last, on a table with 40M rows, zero downtime, 4 app versions possibly live at once during deploy. Plan the expand/contract steps.",
    ),
  ]),
  S("plan", "medium", "wasm-or-not", [
    u(
      "would it make sense to move our image diffing (currently JS, slow) to rust compiled to wasm? how would we integrate it with the vite build and what's the expected speedup roughly",
    ),
  ]),
  S("plan", "low", "typo-in-plan-q", [
    u("whats teh best way to handel feature flags in a small django app, we dont want to pay for launchdarkly"),
  ]),
  S("plan", "medium", "security-approach", [
    u(
      "Pentest says our JWTs live 24h with no revocation. What are our options to add revocation without a DB lookup on every request? compare short-lived access + refresh rotation vs denylist in redis",
    ),
  ]),
];
