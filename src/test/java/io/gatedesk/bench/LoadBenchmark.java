package io.gatedesk.bench;

import io.gatedesk.GateDeskApplication;
import io.gatedesk.demo.TicketGenerator;
import io.gatedesk.demo.TicketGenerator.GeneratedTicket;
import io.gatedesk.support.EmbeddedPostgres;
import io.gatedesk.ticket.NewTicket;
import io.gatedesk.ticket.store.SearchTerms;
import io.gatedesk.ticket.TicketService;
import io.gatedesk.user.Role;
import io.gatedesk.user.UserService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for issue 2 item 11: GateDesk on a real PostgreSQL with N open tickets, measured with {@code wrk} at
 * 8 connections for a static file, ticket creation through the public JSON API and an agent's first queue page.
 *
 * <p>Run with {@code bench/load-benchmark.sh [tickets]}. Settings (system properties): {@code bench.tickets}
 * (default 100000), {@code bench.duration} seconds per measured run (30), {@code bench.warmup} seconds (60),
 * {@code bench.seed-threads} (4), {@code bench.connections} (8), {@code bench.wrk-threads} (2), {@code bench.nodes}
 * (1; 2 starts a second node on the same database and spreads wrk's threads over both, issue 20).
 *
 * <p>The warm-up is long because the measurement is of a server that has been running: after 10 s of queue pages
 * the JIT was still compiling 30–150 methods a second and its threads took a fifth of the CPU the request threads
 * did, which put 9.1 ms of JVM CPU on each page against 6.0 ms after 60 s. Each measurement also prints where the
 * CPU went per request (JVM, PostgreSQL, everything else; {@link CpuMeter}), which holds still when other load on
 * the machine moves throughput and latency around.
 *
 * <p>Seeding uses {@link TicketBulkLoader} (JDBC batches writing the rows {@link TicketService#submit} writes), because
 * the service path managed only about 125 tickets/s on the shared machine; {@code -Dbench.seed=service} files them
 * through the service on {@code bench.seed-threads} threads instead.
 */
public final class LoadBenchmark {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String AGENT = "bench-agent";
    static final String AGENT_PASSWORD = "bench-agent-password";
    /** See {@link #startNode}: a signed-in request that reads nothing and renders nothing. */
    static final String FLOOR_PATH = "/desk/bench-floor";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private static CpuMeter cpu = new CpuMeter(-1);
    /** The nodes' ports when more than one runs: wrk's threads are spread over them, one node per thread in turn. */
    private static List<Integer> nodePorts = List.of();

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ticketCount = args.length > 0 ? Integer.parseInt(args[0].replace("_", ""))
                : Integer.getInteger("bench.tickets", 100_000);
        int duration = Integer.getInteger("bench.duration", 30);
        int warmup = Integer.getInteger("bench.warmup", 60);
        int seedThreads = Integer.getInteger("bench.seed-threads", 4);
        int connections = Integer.getInteger("bench.connections", 8);
        int wrkThreads = Integer.getInteger("bench.wrk-threads", 2);
        String wrk = System.getProperty("bench.wrk", "wrk");
        String seedMode = System.getProperty("bench.seed", "jdbc");
        Set<String> only = Set.of(System.getProperty("bench.only", "static,queue,create").split(","));
        int nodes = Integer.getInteger("bench.nodes", 1);

        out("GateDesk load benchmark: %,d open tickets, wrk -t%d -c%d, %d s per endpoint after a %d s warm-up",
                ticketCount, wrkThreads, connections, duration, warmup);
        out("Machine: %d cores seen by the JVM, load average %.2f at start, max heap %d MiB, Java %s",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        long started = System.nanoTime();
        // zonky turns synchronous_commit off for fast tests; production PostgreSQL commits durably, so do we.
        Map<String, String> postgresSettings = new LinkedHashMap<>(Map.of("synchronous_commit", "on"));
        // For diagnosis, e.g. -Dbench.pg-settings=logging_collector=on,log_directory=/tmp/pg,log_min_duration_statement=0
        for (String setting : System.getProperty("bench.pg-settings", "").split(",")) {
            if (setting.contains("=")) {
                postgresSettings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        String jdbcUrl;
        boolean kept = System.getProperty("bench.pg-dir") != null;
        if (kept) {
            // The cluster ScaleBenchmark seeded (1 M tickets, 10 M+ log rows), with its settings.
            jdbcUrl = ScaleBenchmark.startPostgres();
        } else {
            EmbeddedPostgres.start(postgresSettings);
            jdbcUrl = EmbeddedPostgres.newDatabase();
        }
        out("PostgreSQL: embedded (zonky) at %s, synchronous_commit=on, started in %.1f s", jdbcUrl,
                seconds(started));

        long appStart = System.nanoTime();
        ConfigurableApplicationContext context = startNode(jdbcUrl);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        String base = "http://127.0.0.1:" + port;
        out("GateDesk: profile postgres on %s, started in %.1f s", base, seconds(appStart));
        ConfigurableApplicationContext second = null;
        if (nodes == 2) {
            long secondStart = System.nanoTime();
            second = startNode(jdbcUrl);
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            nodePorts = List.of(port, secondPort);
            out("Second node: profile postgres on http://127.0.0.1:%d, same database, started in %.1f s. Both nodes run"
                    + " in this JVM (one JIT, one heap); wrk thread i talks to node i mod 2 over keep-alive "
                    + "connections, as a balancer does round robin per connection", secondPort, seconds(secondStart));
            if (wrkThreads % 2 != 0) {
                throw new IllegalArgumentException("bench.wrk-threads must be even with two nodes");
            }
        }
        out("NOTE: gatedesk.rate-limit.enabled=false for this run only, because all load comes from one address; "
                + "the product default stays on.");

        try {
            DataSource dataSource = context.getBean(DataSource.class);
            cpu = new CpuMeter(postmasterPid(dataSource));
            long existing = queryLong(dataSource, "SELECT count(*) FROM tickets");
            if (existing >= ticketCount) {
                out("Seeding: none, the kept database already holds %,d tickets", existing);
            } else if (seedMode.equals("service")) {
                seed(context.getBean(TicketService.class), ticketCount, seedThreads);
            } else {
                long seeding = System.nanoTime();
                new TicketBulkLoader(dataSource).load(ticketCount, 1000L, 30L * 24 * 3600);
                double took = seconds(seeding);
                out("Seeding: %,d tickets (created over the last 30 days) with the JDBC batch loader in %.1f s "
                        + "(%.0f tickets/s); -Dbench.seed=service files them through TicketService instead",
                        ticketCount, took, ticketCount / took);
            }
            long indexing = System.nanoTime();
            context.getBean(SearchTerms.class).backfill();
            out("Search terms: %,d terms of %,d tickets indexed by SearchTerms.backfill in %.1f s (what a node does "
                    + "once after the upgrade that added them)", queryLong(dataSource, "SELECT count(*) FROM ticket_search_terms"),
                    queryLong(dataSource, "SELECT count(DISTINCT ticket_id) FROM ticket_search_terms"), seconds(indexing));
            long vacuum = System.nanoTime();
            // A kept cluster holds millions of log rows that ScaleBenchmark vacuumed; the tickets are what the queue reads.
            execute(dataSource, kept ? "VACUUM ANALYZE tickets" : "VACUUM ANALYZE");
            out("VACUUM ANALYZE (what autovacuum does after a bulk load, run now so timing does not depend on it): "
                    + "%.1f s", seconds(vacuum));
            out("Tickets in the database: %,d (active: %,d)",
                    queryLong(dataSource, "SELECT count(*) FROM tickets"),
                    queryLong(dataSource, "SELECT count(*) FROM tickets WHERE status IN "
                            + "('NEW','OPEN','WAITING_ON_CUSTOMER','ESCALATED')"));

            if (queryLong(dataSource, "SELECT count(*) FROM users WHERE username = '" + AGENT + "'") == 0) {
                context.getBean(UserService.class).create(new UserService.NewStaffMember(AGENT, "Bench Agent", null,
                        AGENT_PASSWORD, EnumSet.of(Role.AGENT)));
            }
            String session = logIn(base);
            out("Logged in as %s (AGENT) through /login; the queue runs with its session cookie", AGENT);
            explainQueue(dataSource);

            Path work = Files.createTempDirectory("gatedesk-wrk");
            List<Result> results = new ArrayList<>();
            Result queue = null;
            Result create = null;
            if (only.contains("static")) {
                results.add(measure(wrk, "static /assets/css/app.css", base + "/assets/css/app.css",
                        checkScript(work.resolve("static.lua"), 200, null), List.of(), duration, warmup, connections,
                        wrkThreads));
            }
            if (only.contains("floor")) {
                results.add(measure(wrk, "floor GET " + FLOOR_PATH + " (agent)", base + FLOOR_PATH,
                        checkScript(work.resolve("floor.lua"), 200, null), List.of("Cookie: JSESSIONID=" + session),
                        duration, warmup, connections, wrkThreads));
            }
            if (only.contains("queue")) {
                queue = measure(wrk, "queue GET /desk (agent)", base + "/desk",
                        checkScript(work.resolve("queue.lua"), 200, null), List.of("Cookie: JSESSIONID=" + session),
                        duration, warmup, connections, wrkThreads);
                results.add(queue);
            }
            if (only.contains("create")) {
                java.sql.Timestamp createPhase = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
                long createStarted = System.nanoTime();
                BacklogProbe backlog = BacklogProbe.start(context);
                create = measure(wrk, "create POST /api/v1/tickets", base + "/api/v1/tickets",
                        checkScript(work.resolve("create.lua"), 201, postBodies(200)), List.of(), duration, warmup,
                        connections, wrkThreads);
                results.add(create);
                backlog.stop();
                reportTriageBacklog(dataSource, createPhase, createStarted, backlog.max());
            }

            if (only.contains("search")) {
                results.addAll(measureSearch(dataSource, wrk, base, session, work, duration, warmup, connections,
                        wrkThreads));
            }

            requireStillLoggedIn(base, session);
            MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.gc();
            MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();

            out("");
            out("%-30s %10s %9s %9s %9s %8s %10s", "endpoint", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors",
                    "requests");
            for (Result result : results) {
                out("%-30s %10.1f %9.2f %9.2f %9.2f %8d %10d", result.name(), result.requestsPerSecond(),
                        result.p50(), result.p90(), result.p99(), result.errors(), result.requests());
            }
            out("JVM heap after the run (app + harness in one JVM): %d MiB used, %d MiB after a full GC, "
                    + "%d MiB committed, %d MiB max", before.getUsed() >> 20, after.getUsed() >> 20,
                    after.getCommitted() >> 20, after.getMax() >> 20);
            out("Tickets in the database at the end: %,d", queryLong(dataSource, "SELECT count(*) FROM tickets"));
            if (create != null) {
                out("Target: creation >= 280 req/s and p99 <= 100 ms: %s (%.1f req/s, p99 %.2f ms)",
                        create.requestsPerSecond() >= 280 && create.p99() <= 100 && create.errors() == 0
                                ? "MET" : "MISSED", create.requestsPerSecond(), create.p99());
            }
            if (queue != null) {
                out("Target: queue page p99 <= 100 ms: %s (p99 %.2f ms)",
                        queue.p99() <= 100 && queue.errors() == 0 ? "MET" : "MISSED", queue.p99());
            }
            out("Load average at the end: %.2f (other processes on the machine count here too)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            if (second != null) {
                second.close();
            }
            context.close();
            EmbeddedPostgres.stop();
        }
        System.exit(0);
    }

    /**
     * The queue searched for what an agent pastes (a request ID, an email, a key's last four, a ticket number) and
     * for a word, each in a view of all statuses, so no status index narrows it first.
     */
    private static List<Result> measureSearch(DataSource dataSource, String wrk, String base, String session, Path work,
                                              int duration, int warmup, int connections, int wrkThreads)
            throws Exception {
        // A key in the console's long form (sk-abcd************wxyz), whose last four an agent would type.
        String longMask = "masked_key LIKE 'sk-____************____'";
        long middle = queryLong(dataSource, "SELECT max(id) / 2 FROM tickets WHERE " + longMask
                + " AND request_ids IS NOT NULL");
        Map<String, String> queries = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT request_ids, customer_email, masked_key FROM tickets WHERE id >= ? AND " + longMask
                             + " AND request_ids IS NOT NULL ORDER BY id LIMIT 1")) {
            read.setLong(1, middle);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                queries.put("request ID", row.getString(1).split("\n")[0]);
                queries.put("email", row.getString(2));
                String key = row.getString(3);
                queries.put("key last four", key.substring(key.length() - 4));
            }
        }
        queries.put("ticket number", "GD-" + middle);
        queries.put("word", "timeout");
        List<Result> results = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, String> query : queries.entrySet()) {
            String url = base + "/desk?status=all&q=" + java.net.URLEncoder.encode(query.getValue(),
                    java.nio.charset.StandardCharsets.UTF_8);
            out("Search for a %s: %s", query.getKey(), url);
            results.add(measure(wrk, "search " + query.getKey(), url,
                    checkScript(work.resolve("search.lua"), 200, null), List.of("Cookie: JSESSIONID=" + session),
                    duration, first ? warmup : 5, connections, wrkThreads));
            first = false;
        }
        return results;
    }

    /** One GateDesk node on the benchmark's database, on a port of its own. */
    private static ConfigurableApplicationContext startNode(String jdbcUrl) throws IOException {
        Path dataDir = Files.createTempDirectory("gatedesk-bench");
        SpringApplication application = new SpringApplication(GateDeskApplication.class);
        application.setAdditionalProfiles("postgres");
        // The floor of any signed-in page: a handler that does nothing, behind the same filter chain, session store
        // and dispatcher as the queue. A functional route registered here, so no component scan of a test finds it.
        application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("benchFloor",
                RouterFunction.class, () -> RouterFunctions.route().GET(FLOOR_PATH,
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).body("ok")).build()));
        return application.run(
                "--GATEDESK_DB_URL=" + jdbcUrl,
                "--GATEDESK_DB_USER=postgres",
                "--GATEDESK_DB_PASSWORD=postgres",
                "--server.port=0",
                "--gatedesk.data-dir=" + dataDir,
                "--gatedesk.admin.initial-password=" + ADMIN_PASSWORD,
                // Every wrk request comes from 127.0.0.1: the public per-address limit (20/min) would answer 429.
                "--gatedesk.rate-limit.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.io.gatedesk.bench=INFO",
                "--spring.mvc.log-resolved-exception=true");
    }

    /** The PostgreSQL server's process id, from postmaster.pid in its data directory. */
    private static long postmasterPid(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            return Long.parseLong(Files.readAllLines(Path.of(rows.getString(1), "postmaster.pid")).get(0).trim());
        }
    }

    /** Files the tickets through the product's own service, split over several threads. */
    private static void seed(TicketService tickets, int count, int threads) throws Exception {
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = count / threads + (t < count % threads ? 1 : 0);
            long seed = 1000L + t;
            futures.add(pool.submit(() -> {
                TicketGenerator generator = new TicketGenerator(seed, java.time.Instant.now());
                for (int i = 0; i < share; i++) {
                    GeneratedTicket generated = generator.next();
                    tickets.submit(generated.ticket(), generated.locale());
                    int total = done.incrementAndGet();
                    if (total % 10_000 == 0) {
                        out("  seeded %,d tickets (%.0f/s)", total, total / seconds(start));
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double took = seconds(start);
        out("Seeding: %,d tickets through TicketService.submit on %d threads in %.1f s (%.0f tickets/s)", count,
                threads, took, count / took);
    }

    /** GET /login for the CSRF token and session, POST /login, and keep the session id Spring issues after it. */
    static String logIn(String base) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("No CSRF token on /login (status " + form.statusCode() + ")");
        }
        String body = "username=" + encode(AGENT) + "&password=" + encode(AGENT_PASSWORD) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login failed: " + login.statusCode() + " " + location);
        }
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("No JSESSIONID after login"));
        requireStillLoggedIn(base, session);
        return session;
    }

    /** A redirect to /login would count as a success for wrk; make sure the cookie really opens the queue. */
    private static void requireStillLoggedIn(String base, String session) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> queue = client.send(HttpRequest.newBuilder(URI.create(base + "/desk"))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (queue.statusCode() != 200 || !queue.body().contains("data-ticket=\"GD-")) {
            throw new IllegalStateException("The agent session does not show the queue: " + queue.statusCode() + "\n"
                    + queue.body().substring(0, Math.min(2000, queue.body().length())));
        }
    }

    /** The queue's two statements as Hibernate issues them for the default view, with their PostgreSQL plans. */
    private static void explainQueue(DataSource dataSource) throws SQLException {
        String active = "('NEW','OPEN','WAITING_ON_CUSTOMER','ESCALATED')";
        String page = "SELECT * FROM tickets t WHERE t.status IN " + active
                + " ORDER BY t.updated_at DESC, t.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY";
        String count = "SELECT count(t.id) FROM tickets t WHERE t.status IN " + active;
        for (String sql : List.of(page, count)) {
            out("EXPLAIN ANALYZE %s", sql);
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                while (plan.next()) {
                    out("    %s", plan.getString(1));
                }
            }
        }
    }

    /** Bodies shaped like the generator's tickets, in the API's field names, rotated by the Lua script. */
    private static List<String> postBodies(int count) {
        JsonMapper json = JsonMapper.builder().build();
        List<String> bodies = new ArrayList<>();
        for (GeneratedTicket generated : new TicketGenerator(4242L).next(count)) {
            NewTicket ticket = generated.ticket();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subject", ticket.subject());
            body.put("description", ticket.description());
            body.put("name", ticket.customerName());
            body.put("email", ticket.customerEmail());
            body.put("client", ticket.client());
            body.put("clientVersion", ticket.clientVersion());
            body.put("baseUrl", ticket.baseUrl());
            body.put("model", ticket.model());
            body.put("maskedKey", ticket.maskedKey());
            body.put("requestIds", ticket.requestIds());
            body.put("statusCode", ticket.statusCode());
            body.put("errorMessage", ticket.errorMessage());
            body.put("requestTime", ticket.requestTime().atZone(ZoneId.of(ticket.requestTimeZone()))
                    .toOffsetDateTime().toString());
            body.put("requestTimeZone", ticket.requestTimeZone());
            body.put("stream", ticket.stream());
            body.put("callerType", ticket.callerType());
            bodies.add(json.writeValueAsString(body));
        }
        return bodies;
    }

    /**
     * A wrk script that counts every response whose status is not {@code expected} (wrk itself counts 3xx as
     * success), and, for POST, sends the bodies in turn as JSON.
     */
    private static Path checkScript(Path file, int expected, List<String> postBodies) throws IOException {
        StringBuilder lua = new StringBuilder();
        lua.append("local threads = {}\n");
        if (nodePorts.size() > 1) {
            lua.append("local nodes = {}\n");
            for (int nodePort : nodePorts) {
                lua.append("table.insert(nodes, wrk.lookup(\"127.0.0.1\", \"").append(nodePort).append("\")[1])\n");
            }
            lua.append("function setup(thread) table.insert(threads, thread); ")
                    .append("thread.addr = nodes[(#threads - 1) % #nodes + 1] end\n");
        } else {
            lua.append("function setup(thread) table.insert(threads, thread) end\n");
        }
        lua
                .append("function init(args) unexpected = 0 end\n")
                .append("function response(status, headers, body) if status ~= ").append(expected)
                .append(" then unexpected = unexpected + 1 end end\n")
                .append("function done(summary, latency, requests)\n")
                .append("  local total = 0\n")
                .append("  for _, t in ipairs(threads) do total = total + t:get(\"unexpected\") end\n")
                .append("  io.write(\"Unexpected status: \" .. total .. \"\\n\")\n")
                .append("end\n");
        if (postBodies != null) {
            lua.append("wrk.method = \"POST\"\n")
                    .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
                    .append("local bodies = {\n");
            for (String body : postBodies) {
                lua.append("[==[").append(body).append("]==],\n");
            }
            lua.append("}\n")
                    .append("local counter = 0\n")
                    .append("function request()\n")
                    .append("  counter = counter + 1\n")
                    .append("  return wrk.format(nil, nil, nil, bodies[(counter % #bodies) + 1])\n")
                    .append("end\n");
        }
        Files.writeString(file, lua.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static Result measure(String wrk, String name, String url, Path script, List<String> headers,
                                  int duration, int warmup, int connections, int threads)
            throws IOException, InterruptedException {
        if (warmup > 0) {
            out("Warm-up %s for %d s ...", name, warmup);
            runWrk(wrk, url, script, headers, warmup, connections, threads);
        }
        out("Measuring %s for %d s ...", name, duration);
        CpuMeter.Snapshot before = cpu.now();
        String output = runWrk(wrk, url, script, headers, duration, connections, threads);
        CpuMeter.Snapshot after = cpu.now();
        System.out.print(output.lines().map(line -> "    | " + line + "\n").reduce("", String::concat));
        Result result = Result.parse(name, output);
        out("    %s", cpu.describe(before, after, result.requests()));
        return result;
    }

    private static String runWrk(String wrk, String url, Path script, List<String> headers, int duration,
                                 int connections, int threads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(wrk, "-t" + threads, "-c" + connections, "-d" + duration + "s",
                "--timeout", "10s", "--latency", "-s", script.toString()));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    record Result(String name, double requestsPerSecond, double p50, double p90, double p99, long errors,
                  long requests) {

        private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
        private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
        private static final Pattern SOCKET = Pattern.compile(
                "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        private static final Pattern UNEXPECTED = Pattern.compile("Unexpected status: (\\d+)");

        static Result parse(String name, String output) {
            long socketErrors = 0;
            Matcher socket = SOCKET.matcher(output);
            if (socket.find()) {
                for (int group = 1; group <= 4; group++) {
                    socketErrors += Long.parseLong(socket.group(group));
                }
            }
            return new Result(name, Double.parseDouble(find(RATE, output)), percentile(output, "50"),
                    percentile(output, "90"), percentile(output, "99"),
                    socketErrors + Long.parseLong(find(UNEXPECTED, output)), Long.parseLong(find(TOTAL, output)));
        }

        /** A latency percentile in milliseconds, from wrk's "Latency Distribution" block. */
        private static double percentile(String output, String percent) {
            Matcher matcher = Pattern.compile("(?m)^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s|m)\\s*$").matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("No " + percent + "% line in wrk output:\n" + output);
            }
            double value = Double.parseDouble(matcher.group(1));
            return switch (matcher.group(2)) {
                case "us" -> value / 1000;
                case "ms" -> value;
                case "s" -> value * 1000;
                default -> value * 60_000;
            };
        }

        private static String find(Pattern pattern, String output) {
            Matcher matcher = pattern.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("Unexpected wrk output (" + pattern + "):\n" + output);
            }
            return matcher.group(1);
        }
    }

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }

    /**
     * New tickets are classified by a background worker. Its backlog is part of the cost of filing: say how far it
     * fell behind during the run and how long it took to catch up, so the creation figure hides nothing.
     */
    /**
     * Classification is asynchronous, so a creation run can end with tickets still waiting for their category. Waits
     * for them and reports, besides the backlog, what filing and classifying together sustain: every ticket created
     * in the phase (warm-up included) over the time from the phase's start until the last of them had its category,
     * and the CPU the catching-up cost per ticket it classified.
     */
    private static void reportTriageBacklog(DataSource dataSource, java.sql.Timestamp since, long phaseStarted,
                                            double maxBacklog) throws SQLException, InterruptedException {
        String uncategorized = "SELECT count(*) FROM tickets WHERE category IS NULL AND created_at >= '" + since + "'";
        long left = queryLong(dataSource, uncategorized);
        long drain = System.nanoTime();
        CpuMeter.Snapshot before = cpu.now();
        while (queryLong(dataSource, uncategorized) > 0 && seconds(drain) < 600) {
            Thread.sleep(100);
        }
        CpuMeter.Snapshot after = cpu.now();
        double drained = seconds(drain);
        double phase = seconds(phaseStarted);
        long filed = queryLong(dataSource, "SELECT count(*) FROM tickets WHERE created_at >= '" + since + "'");
        out("Triage of new tickets (background worker): at most %.0f waiting in its queue during the run; %,d without "
                        + "a category when wrk stopped, all classified %.1f s later (%,d still without one)", maxBacklog,
                left, drained, queryLong(dataSource, uncategorized));
        if (left > 0) {
            out("    catching up, %s", cpu.describe(before, after, left).replace("CPU per request", "CPU per ticket"));
        }
        out("Filed and classified: %,d tickets (warm-up included) in %.1f s from the first request to the last "
                + "category = %.1f tickets/s sustained", filed, phase, filed / phase);
    }

    /** Samples the triage worker's queue length (Micrometer gauge gatedesk.triage.pending) every 100 ms. */
    private static final class BacklogProbe {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double max;

        private BacklogProbe(io.micrometer.core.instrument.Gauge gauge) {
            thread = new Thread(() -> {
                while (running && gauge != null) {
                    max = Math.max(max, gauge.value());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "backlog-probe");
            thread.setDaemon(true);
            thread.start();
        }

        static BacklogProbe start(ConfigurableApplicationContext context) {
            return new BacklogProbe(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .find("gatedesk.triage.pending").gauge());
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        double max() {
            return max;
        }
    }

    static long queryLong(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void out(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
