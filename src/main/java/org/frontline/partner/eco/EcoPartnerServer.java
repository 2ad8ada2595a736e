package org.frontline.partner.eco;

import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.frontline.source.SqlSupport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ECO partner's API over its own database (db/sources/eco): what a partner organisation might run, with
 * its own conventions, none of them ours.
 *
 * <ul>
 * <li>{@code POST /oauth2/token}: OAuth2 client credentials (HTTP Basic), a random bearer token valid
 * {@code token-ttl}; an unknown, expired or revoked token is {@code 401} with
 * {@code WWW-Authenticate: Bearer error="invalid_token"}.</li>
 * <li>{@code POST /api/v1/{subjects,documents,vehicles}/search}: the question in the body; the answer
 * {@code {"data": [...], "paging": {"next": <token or null>}}}, at most {@code pageSize} records a page,
 * the next page asked with the same question and {@code pageToken}.</li>
 * <li>Its own error body, {@code {"fault": {"code": "ECO-nnnn", "reason": ...}}}: ECO-4000 bad request,
 * ECO-4010 token, ECO-4290 rate, ECO-5000 internal, ECO-5030 unavailable.</li>
 * <li>A rate limit per client and second: beyond it {@code 429} with {@code Retry-After} (seconds).</li>
 * <li>{@code GET /api/v1/changes}: Server-Sent Events, {@code event: ready} once its database listens, then
 * {@code event: change} with {@code {"entity": "SUBJECT"|"DOCUMENT"|"VEHICLE"|"ALL"}} for every change its
 * database announces (its triggers' NOTIFY), and a comment line every {@code heartbeat}. When it loses its
 * database's notifications it ends every stream: a subscriber must then assume it missed changes.</li>
 * <li>On a second port, loopback only: {@code POST /admin/faults} (a JSON of {@link Faults}) and
 * {@code DELETE /admin/faults}, {@code POST /admin/tokens/revoke}, {@code POST /admin/feed} ({@code {"up":
 * false}} ends every change stream and refuses new ones until {@code {"up": true}}), {@code GET /admin/stats}
 * (requests counted by kind, and the bytes of oversized bodies actually sent).</li>
 * </ul>
 *
 * <p>It runs each of its searches once before it says it listens: a partner's API in service has long been
 * warm (its pool connected, its statements planned), and one started a moment ago for the demo or a test
 * should not make the service's first question pay for that partner's first query.
 */
final class EcoPartnerServer {

    record Settings(String db, String dbUser, String dbPassword, String host, int port, int adminPort, String clientId,
                    String clientSecret, Duration tokenTtl, int ratePerSecond, Duration heartbeat) {
    }

    /** Faults the tests set through the admin port; all off by default. */
    static final class Faults {
        volatile long delayMs;
        /** Only pages from this number on (1: every page) are delayed. */
        volatile int delayFromPage = 1;
        volatile int status;
        volatile boolean malformed;
        volatile int throttle;
        volatile int retryAfterSeconds = 1;
        volatile long tokenTtlMs = -1;
        /** More than 0: a search answers 200 with a body of this many bytes, streamed in chunks (no Content-Length). */
        volatile long oversizedBytes;

        void set(JsonObject json) {
            delayMs = json.getLong("delayMs", 0L);
            delayFromPage = json.getInteger("delayFromPage", 1);
            status = json.getInteger("status", 0);
            malformed = json.getBoolean("malformed", false);
            throttle = json.getInteger("throttle", 0);
            retryAfterSeconds = json.getInteger("retryAfterSeconds", 1);
            tokenTtlMs = json.getLong("tokenTtlMs", -1L);
            oversizedBytes = json.getLong("oversizedBytes", 0L);
        }
    }

    private static final String CHANNEL = "frontline_changes";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final Settings settings;
    private final Faults faults = new Faults();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, long[]> rate = new ConcurrentHashMap<>();
    private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private volatile boolean listening;
    /** False while a test has the change feed down: streams are ended and new ones refused (503). */
    private volatile boolean feedUp = true;
    private Pool pool;
    private PgSubscriber subscriber;

    EcoPartnerServer(Vertx vertx, Settings settings) {
        this.vertx = vertx;
        this.settings = settings;
    }

    /** Starts both servers; the ports bound, API first. */
    Future<int[]> start() {
        PgConnectOptions connect = PgConnectOptions.fromUri(settings.db()).setUser(settings.dbUser());
        if (settings.dbPassword() != null) {
            connect.setPassword(settings.dbPassword());
        }
        connect.addProperty("application_name", "eco-partner-api");
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(connect).using(vertx).build();
        listen(connect);
        vertx.setPeriodic(settings.heartbeat().toMillis(), id -> streams.forEach(s -> s.write(": alive\n\n")));
        vertx.setPeriodic(10_000, id -> {
            long now = System.currentTimeMillis();
            tokens.values().removeIf(expires -> expires <= now);
        });

        Router api = Router.router(vertx);
        api.route().handler(BodyHandler.create().setBodyLimit(16 * 1024));
        api.post("/oauth2/token").handler(this::token);
        api.route("/api/v1/*").handler(this::authorised);
        api.get("/api/v1/changes").handler(this::changes);
        api.route("/api/v1/*").handler(this::limited);
        api.get("/api/v1/status").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        api.post("/api/v1/subjects/search").handler(ctx -> search(ctx, "subjects"));
        api.post("/api/v1/documents/search").handler(ctx -> search(ctx, "documents"));
        api.post("/api/v1/vehicles/search").handler(ctx -> search(ctx, "vehicles"));
        api.route().last().handler(ctx -> fault(ctx, 404, "ECO-4040", "no such resource"));

        Router admin = Router.router(vertx);
        admin.route().handler(BodyHandler.create());
        admin.post("/admin/faults").handler(ctx -> {
            faults.set(ctx.body().asJsonObject() == null ? new JsonObject() : ctx.body().asJsonObject());
            ctx.response().setStatusCode(204).end();
        });
        admin.delete("/admin/faults").handler(ctx -> {
            faults.set(new JsonObject());
            ctx.response().setStatusCode(204).end();
        });
        admin.post("/admin/feed").handler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            feedUp = body == null || body.getBoolean("up", true);
            if (!feedUp) {
                endStreams();
            }
            ctx.response().setStatusCode(204).end();
        });
        admin.post("/admin/tokens/revoke").handler(ctx -> {
            tokens.clear();
            ctx.response().setStatusCode(204).end();
        });
        admin.get("/admin/stats").handler(ctx -> {
            JsonObject stats = new JsonObject();
            counts.forEach(stats::put);
            stats.put("streams", streams.size()).put("listening", listening);
            json(ctx, 200, stats);
        });

        return warm().compose(warmed -> {
            Future<HttpServer> apiServer = vertx.createHttpServer().requestHandler(api).listen(settings.port(), settings.host());
            Future<HttpServer> adminServer = vertx.createHttpServer().requestHandler(admin).listen(settings.adminPort(), "127.0.0.1");
            return CompositeFuture.all(apiServer, adminServer)
                    .map(x -> new int[] {apiServer.result().actualPort(), adminServer.result().actualPort()});
        });
    }

    /** Each search once, on a name and numbers nobody holds (see the class comment); a failure is only logged. */
    private Future<Void> warm() {
        JsonObject nobody = new JsonObject().put("name", "warm up").put("limit", 25)
                .put("countries", new JsonArray().add("ZZZ")).put("number", "WARMUP").put("plate", "WARMUP").put("vin", "WARMUP");
        return CompositeFuture.all(rows("subjects", nobody, 26), rows("documents", nobody, 26), rows("vehicles", nobody, 26))
                .<Void>mapEmpty()
                .recover(e -> {
                    System.err.println("ECO partner API: warming its searches failed: " + e.getClass().getSimpleName());
                    return Future.succeededFuture();
                });
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    // ------------------------------------------------------------------ tokens and limits

    private void token(RoutingContext ctx) {
        count("token");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(ctx.request().getHeader("Authorization"))) {
            json(ctx, 401, new JsonObject().put("error", "invalid_client"));
            return;
        }
        if (!"client_credentials".equals(ctx.request().getFormAttribute("grant_type"))) {
            json(ctx, 400, new JsonObject().put("error", "unsupported_grant_type"));
            return;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long ttl = faults.tokenTtlMs >= 0 ? faults.tokenTtlMs : settings.tokenTtl().toMillis();
        tokens.put(token, System.currentTimeMillis() + ttl);
        json(ctx, 200, new JsonObject().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", Math.max(0, ttl / 1000)));
    }

    private void authorised(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
        Long expires = token == null ? null : tokens.get(token);
        if (expires == null || expires <= System.currentTimeMillis()) {
            if (token != null) {
                tokens.remove(token);
            }
            count("unauthorised");
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            fault(ctx, 401, "ECO-4010", "the access token is missing, unknown or expired");
            return;
        }
        ctx.put("client", settings.clientId());
        ctx.next();
    }

    /** Fixed one-second windows per client; the test's throttle answers 429 to the next requests. */
    private void limited(RoutingContext ctx) {
        if (faults.throttle > 0) {
            faults.throttle--;
            tooMany(ctx, faults.retryAfterSeconds);
            return;
        }
        long now = System.currentTimeMillis();
        long second = now / 1000;
        long[] window = rate.computeIfAbsent(ctx.get("client"), c -> new long[2]);
        boolean over;
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            over = ++window[1] > settings.ratePerSecond();
        }
        if (over) {
            tooMany(ctx, 1);
            return;
        }
        ctx.next();
    }

    private void tooMany(RoutingContext ctx, int retryAfterSeconds) {
        count("throttled");
        ctx.response().putHeader("Retry-After", Integer.toString(retryAfterSeconds));
        fault(ctx, 429, "ECO-4290", "rate limit exceeded");
    }

    // ------------------------------------------------------------------ searches

    private void search(RoutingContext ctx, String what) {
        count(what);
        JsonObject q;
        try {
            q = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            q = null;
        }
        if (q == null) {
            fault(ctx, 400, "ECO-4000", "the body must be a JSON object");
            return;
        }
        int pageSize = q.getInteger("pageSize", 25);
        int offset;
        try {
            offset = offset(q.getString("pageToken"));
        } catch (RuntimeException e) {
            fault(ctx, 400, "ECO-4000", "unreadable pageToken");
            return;
        }
        if (pageSize < 1 || pageSize > 100) {
            fault(ctx, 400, "ECO-4000", "pageSize must be 1..100");
            return;
        }
        int pageNo = offset / pageSize + 1;
        if (faults.status > 0) {
            fault(ctx, faults.status, faults.status == 503 ? "ECO-5030" : "ECO-5000", "the register is unavailable");
            return;
        }
        JsonObject query = q;
        long delay = faults.delayMs > 0 && pageNo >= faults.delayFromPage ? faults.delayMs : 0;
        Runnable run = () -> rows(what, query, offset + pageSize + 1).onComplete(done -> {
            if (done.failed()) {
                fault(ctx, 500, "ECO-5000", "internal error");
                return;
            }
            List<JsonObject> all = done.result();
            List<JsonObject> page = all.subList(Math.min(offset, all.size()), Math.min(offset + pageSize, all.size()));
            String next = all.size() > offset + pageSize ? pageToken(offset + pageSize) : null;
            if (faults.oversizedBytes > 0) {
                oversized(ctx.response(), faults.oversizedBytes);
                return;
            }
            if (faults.malformed) {
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end("{\"data\": [{\"subjectId\": 1, \"surname\": \"trunc");
                return;
            }
            json(ctx, 200, new JsonObject().put("data", new JsonArray(new ArrayList<>(page)))
                    .put("paging", new JsonObject().put("next", next).put("pageSize", pageSize)));
        });
        if (delay > 0) {
            vertx.setTimer(delay, id -> run.run());
        } else {
            run.run();
        }
    }

    /**
     * A 200 whose body goes on and on: well-formed records, chunk after chunk, as fast as the client reads them
     * (the write queue's back pressure), until {@code bytes} were sent or the client hung up. What was sent is
     * counted in the stats ({@code oversizedSent}), so that a test can tell a client that stopped reading early
     * from one that buffered everything.
     */
    private void oversized(HttpServerResponse response, long bytes) {
        count("oversized");
        response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
        StringBuilder records = new StringBuilder();
        while (records.length() < 64 * 1024) {
            records.append("{\"subjectId\": 1, \"surname\": \"Padding\", \"forenames\": \"Record\"},");
        }
        io.vertx.core.buffer.Buffer chunk = io.vertx.core.buffer.Buffer.buffer(records.toString());
        long[] sent = {0};
        boolean[] closed = {false};
        response.closeHandler(v -> closed[0] = true);
        response.write("{\"data\": [");
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (!closed[0] && sent[0] < bytes && !response.writeQueueFull()) {
                response.write(chunk);
                sent[0] += chunk.length();
                counts.merge("oversizedSent", (long) chunk.length(), Long::sum);
            }
            if (closed[0]) {
                return;
            }
            if (sent[0] >= bytes) {
                response.end("{\"subjectId\": 2}], \"paging\": {\"next\": null}}");
                return;
            }
            response.drainHandler(v -> pump[0].run());
        };
        pump[0].run();
    }

    private Future<List<JsonObject>> rows(String what, JsonObject q, int atMost) {
        switch (what) {
            case "subjects" -> {
                String name = q.getString("name");
                if (name == null || name.isBlank()) {
                    return Future.failedFuture("no name");
                }
                Integer year = q.getInteger("birthYear");
                int limit = Math.min(Math.max(1, q.getInteger("limit", 25)), 200);
                return pool.preparedQuery(SUBJECTS).execute(SqlSupport.personSearch(name, year, limit).getDelegate())
                        .map(EcoPartnerServer::records);
            }
            case "documents" -> {
                return pool.preparedQuery(DOCUMENTS + " LIMIT " + atMost)
                        .execute(Tuple.of(strings(q.getJsonArray("countries")), q.getString("number", "")))
                        .map(EcoPartnerServer::records);
            }
            default -> {
                return pool.preparedQuery(VEHICLES + " LIMIT " + atMost)
                        .execute(Tuple.of(strings(q.getJsonArray("countries")), q.getString("plate"), q.getString("vin")))
                        .map(EcoPartnerServer::records);
            }
        }
    }

    private static String[] strings(JsonArray array) {
        if (array == null) {
            return new String[0];
        }
        return array.stream().map(String::valueOf).toArray(String[]::new);
    }

    private static List<JsonObject> records(RowSet<Row> rows) {
        List<JsonObject> out = new ArrayList<>();
        for (Row row : rows) {
            Object value = row.getValue("record");
            out.add(value instanceof JsonObject o ? o : new JsonObject(String.valueOf(value)));
        }
        return out;
    }

    private static final String SUBJECTS = SqlSupport.personCandidates("subject_id") + """
            SELECT json_build_object('subjectId', s.subject_id, 'surname', s.surname, 'forenames', s.forenames,
                   'patronymic', s.patronymic, 'nameNative', s.name_native, 'birthDate', s.birth_date, 'sex', s.sex,
                   'citizenship', s.citizenship,
                   'aliases', (SELECT coalesce(json_agg(a.alias), '[]') FROM eco_subject_alias a WHERE a.subject_id = s.subject_id),
                   'notices', (SELECT coalesce(json_agg(json_build_object('noticeRef', n.notice_ref, 'type', n.notice_type,
                           'measure', n.measure, 'cautions', n.cautions, 'issued', n.issued, 'originator', n.originator,
                           'releasability', n.releasability, 'releasableTo', n.releasable_to, 'grading', n.grading,
                           'onRestricted', n.on_restricted, 'pointOfContact', n.point_of_contact)), '[]')
                      FROM eco_notice n WHERE n.subject_id = s.subject_id)) AS record
              FROM best b JOIN eco_subject s ON s.subject_id = b.subject_id
             ORDER BY b.sim DESC, s.subject_id
            """;

    private static final String DOCUMENTS = """
            SELECT json_build_object('documentId', document_id, 'docNumber', doc_number, 'docCountry', doc_country,
                   'docType', doc_type, 'status', status, 'statusDate', status_date, 'subjectId', subject_id,
                   'releasableTo', releasable_to, 'pointOfContact', point_of_contact) AS record
              FROM eco_document
             WHERE doc_country = ANY($1) AND upper(regexp_replace(doc_number, '[^A-Za-z0-9]', '', 'g')) = $2
             ORDER BY document_id
            """;

    private static final String VEHICLES = """
            SELECT json_build_object('vehicleId', vehicle_id, 'plate', plate, 'plateCountry', plate_country, 'vin', vin,
                   'makeModel', make_model, 'status', status, 'statusDate', status_date,
                   'releasableTo', releasable_to, 'pointOfContact', point_of_contact) AS record
              FROM eco_vehicle
             WHERE (plate_country = ANY($1) AND upper(regexp_replace(plate, '[^A-Za-z0-9]', '', 'g')) = $2)
                OR vin = $3
             ORDER BY vehicle_id
            """;

    static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(String token) {
        if (token == null) {
            return 0;
        }
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        if (!text.startsWith("o:")) {
            throw new IllegalArgumentException("page token");
        }
        int offset = Integer.parseInt(text.substring(2));
        if (offset < 0 || offset > 10_000) {
            throw new IllegalArgumentException("page token");
        }
        return offset;
    }

    // ------------------------------------------------------------------ the change feed

    private void listen(PgConnectOptions connect) {
        subscriber = PgSubscriber.subscriber(vertx, new PgConnectOptions(connect));
        subscriber.reconnectPolicy(attempt -> -1L);
        PgSubscriber current = subscriber;
        current.closeHandler(v -> {
            listening = false;
            endStreams();
            vertx.setTimer(500, id -> listen(connect));
        });
        current.channel(CHANNEL)
                .subscribeHandler(v -> {
                    listening = true;
                    streams.forEach(s -> s.write("event: ready\ndata: {}\n\n"));
                })
                .handler(payload -> {
                    String entity = entity(payload);
                    count("changes");
                    streams.forEach(s -> s.write("event: change\ndata: {\"entity\":\"" + entity + "\"}\n\n"));
                });
        current.connect().onFailure(e -> {
            current.close();
            vertx.setTimer(500, id -> listen(connect));
        });
    }

    /** Our triggers' kind in ECO's own words. */
    private static String entity(String payload) {
        try {
            String kind = new JsonObject(payload).getString("kind", "*");
            return switch (kind) {
                case "PERSON" -> "SUBJECT";
                case "DOCUMENT" -> "DOCUMENT";
                case "VEHICLE" -> "VEHICLE";
                default -> "ALL";
            };
        } catch (RuntimeException e) {
            return "ALL";
        }
    }

    private void endStreams() {
        for (HttpServerResponse s : streams) {
            s.end();
        }
        streams.clear();
    }

    private void changes(RoutingContext ctx) {
        if (!feedUp) {
            fault(ctx, 503, "ECO-5030", "the change feed is unavailable");
            return;
        }
        count("streams");
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.write(": ECO change feed\n\n");
        streams.add(response);
        response.closeHandler(v -> streams.remove(response));
        if (listening) {
            response.write("event: ready\ndata: {}\n\n");
        }
    }

    // ------------------------------------------------------------------ answers

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static void fault(RoutingContext ctx, int status, String code, String reason) {
        json(ctx, status, new JsonObject().put("fault", new JsonObject().put("code", code).put("reason", reason)));
    }

    static Set<String> entities() {
        return Set.of("SUBJECT", "DOCUMENT", "VEHICLE", "ALL");
    }
}
