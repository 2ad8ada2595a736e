package org.frontline.source.eco;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.PartnerLink;
import org.frontline.source.SourceBusyException;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;
import org.frontline.source.UnreadableCodes;
import org.frontline.source.VisibleTo;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads an ECO-style source through its partner's HTTP/JSON API (db/sources/eco is the partner's database,
 * never ours to open): OAuth2 client-credentials tokens, paged answers, the partner's own error body, rate
 * limits and slowness. The guard around it ({@link org.frontline.source.Source}: timeout, bulkhead, breaker,
 * deadline) is the one every source has; what is particular to an HTTP source is decided here.
 *
 * <h2>Tokens</h2>
 * One bearer token per connector, fetched on first use and again shortly before it expires (a fifth of its
 * lifetime ahead, at most 30 s), so that a question rarely pays for a token; concurrent questions share one
 * fetch. A {@code 401} all the same (the partner revoked it, or clocks disagree) drops the token and retries
 * the request once with a fresh one; a second {@code 401} is the source's ERROR.
 *
 * <h2>Pages</h2>
 * A question is answered in pages of {@code page-size}; the connector follows the partner's {@code next}
 * token until it has what it asked for, the partner has no more, or {@code max-pages} pages were read. Every
 * page counts against the one source timeout: a slow page makes the whole call a TIMEOUT, never a partial
 * answer presented as complete.
 *
 * <h2>Within the time, never past it</h2>
 * A {@code 429} names how long to wait ({@code Retry-After}, seconds). The connector waits and asks again
 * only when the wait and a round trip still fit in the source's own timeout from the call's start (which is
 * never longer than the request's deadline allows, see {@code Source}); otherwise it answers at once with
 * BUSY ({@link SourceBusyException}) rather than letting the deadline pass. {@code 5xx}, an undecodable body
 * or a body without the expected fields is ERROR; no answer in time is TIMEOUT. Nothing of the partner's body
 * or of the question reaches a log or an answer's detail.
 *
 * <h2>A body of bounded size</h2>
 * Counting pages and records bounds what we keep, not what we read: a broken or hostile partner could send
 * one endless body, and a client that hands over whole bodies would buffer all of it before we could look.
 * So every response (token, status, page) is read as it arrives, chunk by chunk ({@link EcoApi}), and the
 * bytes are counted against {@code max-response-bytes}: the chunk that goes past it, or a declared
 * {@code Content-Length} past it, ends the read there, closes the connection (the partner's sending stops with
 * it) and makes the call the source's ERROR, logged with the source and the bound only. A question reads at
 * most {@code max-pages} such bodies.
 *
 * <h2>Ready before the first question</h2>
 * Building the REST client and fetching the first token cost more, the first time, than a question may take
 * (the source's timeout: 800 ms). {@link #prepare} does both as the service starts, the client built on a
 * worker thread (never on the event loop), outside the source's guard: a partner down at start leaves the
 * connector as it would have been (the first question tries again, and fails as the partner does), and its
 * breaker has heard nothing of it. A question that comes while the preparation is still under way waits for
 * the same client and the same token fetch, within its own time.
 */
public final class EcoConnector implements SourceConnector, AutoCloseable {

    /** What a round trip is reckoned to take when deciding whether a Retry-After wait fits. */
    static final Duration ROUND_TRIP = Duration.ofMillis(50);
    /** 429s waited out at most per request. */
    static final int MAX_RATE_LIMIT_RETRIES = 2;

    private static final Logger LOG = Logger.getLogger(EcoConnector.class);

    private volatile EcoApi client;
    private Uni<EcoApi> building;
    private final ResponseHeads heads = new ResponseHeads();
    private final PartnerLink link;
    private final UnreadableCodes unreadable;
    private final String basic;
    private final Object lock = new Object();
    private volatile Token token;
    private Uni<Token> fetching;

    /** A bearer token and when to fetch the next one. */
    record Token(String value, long refreshAtMs) {
        String header() {
            return "Bearer " + value;
        }
    }

    /** One response of the partner: its status, its Retry-After, and its body (at most max-response-bytes). */
    record Answer(int status, String retryAfter, byte[] body) {
    }

    /** The partner answered, but not with what we asked for: the source's ERROR. */
    static final class PartnerFault extends RuntimeException {
        PartnerFault(String message) {
            super(message, null, false, false);
        }
    }

    /** The REST client is built on first use (the registry builds connectors before the application has started). */
    public EcoConnector(PartnerLink link, UnreadableCodes unreadable) {
        this(null, link, unreadable);
    }

    EcoConnector(EcoApi api, PartnerLink link, UnreadableCodes unreadable) {
        this.client = api;
        this.link = link;
        this.unreadable = unreadable;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (link.clientId() + ":" + link.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    /** The REST client, built once, on a worker thread: building it loads and initialises classes. */
    private Uni<EcoApi> api() {
        EcoApi built = client;
        if (built != null) {
            return Uni.createFrom().item(built);
        }
        synchronized (lock) {
            if (building == null) {
                building = Uni.createFrom().item(this::build)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .onFailure().invoke(() -> {
                            synchronized (lock) {
                                building = null;
                            }
                        })
                        .memoize().indefinitely();
            }
            return building;
        }
    }

    private EcoApi build() {
        synchronized (lock) {
            if (client == null) {
                client = QuarkusRestClientBuilder.newBuilder()
                        .baseUri(link.baseUri())
                        .connectTimeout(link.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(link.timeout().toMillis(), TimeUnit.MILLISECONDS)
                        .disableDefaultMapper(true)
                        .followRedirects(false)
                        .userAgent("frontline-query source-" + link.sourceId())
                        .register(heads)
                        .build(EcoApi.class);
            }
            return client;
        }
    }

    /**
     * Builds the client and fetches the first token (and, with the status call, opens a first connection), so
     * that the first question pays for none of it. Called as the service starts, outside the source's guard.
     */
    @Override
    public Uni<Void> prepare() {
        return api().flatMap(ready -> ping());
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    // ------------------------------------------------------------------ questions

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit) {
        JsonObject query = new JsonObject().put("name", searchName).put("birthYear", birthYear).put("limit", limit);
        return paged((api, x, b, body) -> api.subjects(x, b, body), query, limit, this::subject);
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        JsonObject q = new JsonObject()
                .put("number", SqlSupport.normalisedIdentifierValue(query.number()))
                .put("countries", new JsonArray(EcoVocabulary.COUNTRY.queryForms(query.issuingCountry())));
        return paged((api, x, b, body) -> api.documents(x, b, body), q, Integer.MAX_VALUE, this::document);
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        JsonObject q = new JsonObject();
        if (query.hasPlate()) {
            q.put("plate", SqlSupport.normalisedIdentifierValue(query.plate()))
                    .put("countries", new JsonArray(EcoVocabulary.COUNTRY.queryForms(query.registrationCountry())));
        }
        if (query.hasVin()) {
            q.put("vin", query.vin());
        }
        return paged((api, x, b, body) -> api.vehicles(x, b, body), q, Integer.MAX_VALUE, this::vehicle);
    }

    @Override
    public Uni<Void> ping() {
        return Uni.createFrom().deferred(() -> {
            long start = link.clock().millis();
            return exchange(b -> send((api, x) -> api.status(x, b)), start).replaceWithVoid();
        });
    }

    /** The pages of one question, followed up to {@code max} records or max-pages pages. */
    private <T> Uni<List<T>> paged(SearchCall call, JsonObject query, int max, Function<JsonObject, T> mapper) {
        return Uni.createFrom().deferred(() -> {
            long start = link.clock().millis();
            List<T> out = new ArrayList<>();
            query.put("pageSize", Math.min(link.pageSize(), Math.max(1, max)));
            return page(call, query, null, 1, max, mapper, out, start);
        });
    }

    private <T> Uni<List<T>> page(SearchCall call, JsonObject query, String pageToken, int pageNo, int max,
                                  Function<JsonObject, T> mapper, List<T> out, long start) {
        String body = query.copy().put("pageToken", pageToken).encode();
        return exchange(bearer -> send((api, x) -> call.search(api, x, bearer, body)), start).flatMap(json -> {
            JsonArray data = field(json, "data", JsonArray.class);
            for (Object item : data) {
                if (!(item instanceof JsonObject record)) {
                    throw new PartnerFault("a record that is not an object");
                }
                if (out.size() < max) {
                    out.add(mapper.apply(record));
                }
            }
            JsonObject paging = json.getValue("paging") instanceof JsonObject p ? p : new JsonObject();
            String next = paging.getValue("next") instanceof String s && !s.isBlank() ? s : null;
            if (next == null || out.size() >= max || pageNo >= link.maxPages()) {
                return Uni.createFrom().item(List.copyOf(out));
            }
            return page(call, query, next, pageNo + 1, max, mapper, out, start);
        });
    }

    @FunctionalInterface
    private interface SearchCall {
        Multi<byte[]> search(EcoApi api, String exchange, String bearer, String body);
    }

    // ------------------------------------------------------------------ one request: token, 401, 429, errors

    /** One request with a valid token, retried once on a 401 with a fresh token, 429s waited out when they fit. */
    private Uni<JsonObject> exchange(Function<String, Uni<Answer>> request, long start) {
        return bearer().flatMap(t -> request.apply(t.header()).flatMap(response -> {
            if (response.status() == 401) {
                drop(t);
                return bearer().flatMap(fresh -> request.apply(fresh.header()))
                        .flatMap(again -> answer(again, request, start, 0));
            }
            return answer(response, request, start, 0);
        }));
    }

    private Uni<JsonObject> answer(Answer response, Function<String, Uni<Answer>> request, long start, int retries) {
        int status = response.status();
        if (status == 200) {
            return Uni.createFrom().item(() -> json(response));
        }
        if (status == 429) {
            Duration wait = retryAfter(response.retryAfter());
            long left = start + link.timeout().toMillis() - link.clock().millis();
            if (retries >= MAX_RATE_LIMIT_RETRIES || wait == null || wait.plus(ROUND_TRIP).toMillis() >= left) {
                return Uni.createFrom().failure(new SourceBusyException(
                        "not asked: the partner API limits our rate and asked to wait longer than the source's time allows"));
            }
            return Uni.createFrom().voidItem()
                    .onItem().delayIt().by(wait)
                    .flatMap(x -> bearer())
                    .flatMap(t -> request.apply(t.header()))
                    .flatMap(again -> answer(again, request, start, retries + 1));
        }
        return Uni.createFrom().failure(new PartnerFault("the partner API answered " + status));
    }

    /** The longest Retry-After read as such: anything longer is as good as never within a source's timeout. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

    /**
     * Retry-After in seconds (the partner does not send HTTP dates), at most {@link #LONGEST_RETRY_AFTER}: a
     * hostile or broken partner's 9223372036854775807 is a wait too long (BUSY), not an overflow (ERROR);
     * null when absent, negative or unreadable.
     */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, LONGEST_RETRY_AFTER.toSeconds()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * One request with a new exchange id: the response's body read as it arrives, never past
     * max-response-bytes (see the class comment), with the head its filter kept.
     */
    private Uni<Answer> send(BiFunction<EcoApi, String, Multi<byte[]>> request) {
        return api().flatMap(api -> Uni.createFrom().deferred(() -> {
            String exchange = UUID.randomUUID().toString();
            return request.apply(api, exchange)
                    .collect().in(ByteArrayOutputStream::new, (body, chunk) -> keep(exchange, body, chunk))
                    .map(body -> answer(exchange, body))
                    .onFailure(WebApplicationException.class).recoverWithItem(EcoConnector::refused)
                    .onTermination().invoke(() -> heads.take(exchange));
        }).onFailure(EcoConnector::closedBeforeAnswer).retry().atMost(1));
    }

    /**
     * The pooled keep-alive connection the request went out on was closed before any answer came back: the
     * client's own idle timeout (its read timeout) or the partner's closed it as the request was handed to it.
     * The partner never saw the question, so asking once more on a fresh connection is safe (every request is a
     * read) and is what HTTP clients do for a stale connection; without it, an officer's question failed in a
     * few milliseconds as the source's ERROR (EcoBreakerTest, now and then). A reset by the peer or a refusal is
     * the partner's doing and is not asked again.
     */
    static boolean closedBeforeAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Vert.x's own exception, or the IOException the REST client makes of it while a body streams
            if (t instanceof io.vertx.core.http.HttpClosedException
                    || (t instanceof java.io.IOException && "Connection was closed".equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private void keep(String exchange, ByteArrayOutputStream body, byte[] chunk) {
        long max = link.maxResponseBytes();
        ResponseHeads.Head head = heads.peek(exchange);
        if ((head != null && head.declaredLength() > max) || body.size() + (long) chunk.length > max) {
            LOG.warnf("source %s: the partner API's answer is larger than max-response-bytes (%d); not read further",
                    link.sourceId(), max);
            throw new PartnerFault("the partner API's answer is larger than " + max + " bytes");
        }
        body.write(chunk, 0, chunk.length);
    }

    /**
     * A status other than 2xx: the client hands it over as a failure, with the response's head but without its
     * body, which is left unread (never buffered, however large; the client's read timeout bounds how long its
     * connection can be held). Its status and Retry-After are all the connector reads of it.
     */
    private static Answer refused(Throwable failure) {
        Response response = ((WebApplicationException) failure).getResponse();
        return new Answer(response.getStatus(), response.getHeaderString("Retry-After"), new byte[0]);
    }

    private Answer answer(String exchange, ByteArrayOutputStream body) {
        ResponseHeads.Head head = heads.peek(exchange);
        if (head == null) {
            throw new PartnerFault("the partner API's answer has no status");
        }
        return new Answer(head.status(), head.retryAfter(), body.toByteArray());
    }

    private static JsonObject json(Answer response) {
        try {
            return new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            throw new PartnerFault("the partner API's answer is not a JSON object");
        }
    }

    private static <V> V field(JsonObject json, String name, Class<V> type) {
        Object value = json.getValue(name);
        if (!type.isInstance(value)) {
            throw new PartnerFault("the partner API's answer has no " + name);
        }
        return type.cast(value);
    }

    // ------------------------------------------------------------------ the token

    /** The current token, or one fetched now (one fetch shared by every caller). */
    private Uni<Token> bearer() {
        Token current = token;
        if (current != null && link.clock().millis() < current.refreshAtMs()) {
            return Uni.createFrom().item(current);
        }
        synchronized (lock) {
            if (fetching == null) {
                fetching = fetchToken()
                        .onTermination().invoke(() -> {
                            synchronized (lock) {
                                fetching = null;
                            }
                        })
                        .memoize().indefinitely();
            }
            return fetching;
        }
    }

    private void drop(Token stale) {
        synchronized (lock) {
            if (token == stale) {
                token = null;
            }
        }
    }

    private Uni<Token> fetchToken() {
        return Uni.createFrom().deferred(() -> {
            long asked = link.clock().millis();
            return send((api, x) -> api.token(x, basic, "client_credentials")).map(response -> {
                if (response.status() != 200) {
                    throw new PartnerFault("the partner API refused our client credentials (" + response.status() + ")");
                }
                JsonObject json = json(response);
                Object value = json.getValue("access_token");
                Object expiresIn = json.getValue("expires_in");
                if (!(value instanceof String s) || s.isBlank() || !(expiresIn instanceof Number seconds)) {
                    throw new PartnerFault("the partner API's token answer has no token");
                }
                long lifetimeMs = Math.max(0, seconds.longValue() * 1000);
                long margin = Math.min(30_000, lifetimeMs / 5);
                Token fresh = new Token(s, asked + lifetimeMs - margin);
                token = fresh;
                return fresh;
            });
        });
    }

    // ------------------------------------------------------------------ ECO's records to the common model

    private PersonRecord subject(JsonObject s) {
        String forenames = text(s, "forenames");
        String patronymic = text(s, "patronymic");
        String surname = text(s, "surname");
        List<String> aliases = new ArrayList<>(strings(s.getValue("aliases")));
        String nativeName = text(s, "nameNative");
        if (nativeName != null && !nativeName.isBlank()) {
            aliases.add(nativeName);
        }
        List<Alert> notices = new ArrayList<>();
        if (s.getValue("notices") instanceof JsonArray array) {
            for (Object n : array) {
                if (!(n instanceof JsonObject notice)) {
                    throw new PartnerFault("a notice that is not an object");
                }
                notices.add(notice(notice));
            }
        }
        return new PersonRecord(id(s, "subjectId"), EcoVocabulary.givenNames(forenames, patronymic), surname,
                EcoVocabulary.fullName(forenames, patronymic, surname), aliases,
                EcoVocabulary.dateOfBirth(text(s, "birthDate")), EcoVocabulary.sex(text(s, "sex")),
                EcoVocabulary.country(text(s, "citizenship")), notices);
    }

    /** A notice: ECO's releasability read fail closed (EcoVocabulary), an unknown grading as the strictest. */
    Alert notice(JsonObject n) {
        String originator = EcoVocabulary.country(text(n, "originator"));
        List<String> releasableTo = n.getValue("releasableTo") == null ? null : nullableStrings(n.getValue("releasableTo"));
        VisibleTo visible = EcoVocabulary.releasableTo(text(n, "releasability"), releasableTo, originator);
        HandlingRestrictions restrictions = new HandlingRestrictions(unreadable.countries(visible, originator), Set.of(),
                EcoVocabulary.GRADING.valueOr(text(n, "grading"), SqlSupport.UNKNOWN_CLEARANCE), null,
                EcoVocabulary.ON_RESTRICTED.valueOr(text(n, "onRestricted"), WhenRestricted.HIDE));
        return new Alert(id(n, "noticeRef"),
                EcoVocabulary.NOTICE_TYPE.valueOr(text(n, "type"), AlertCategory.DANGEROUS_PERSON),
                EcoVocabulary.MEASURE.valueOr(text(n, "measure"), ActionToTake.REPORT),
                EcoVocabulary.CAUTION.readAll(strings(n.getValue("cautions"))), date(n, "issued"), restrictions,
                text(n, "pointOfContact"));
    }

    private DocumentRecord document(JsonObject d) {
        AlertCategory status = EcoVocabulary.DOC_STATUS.valueOr(text(d, "status"), AlertCategory.REVOKED_DOCUMENT);
        String id = id(d, "documentId");
        Alert alert = new Alert("ECO-D-" + id, status, EcoVocabulary.documentAction(status), List.of(),
                date(d, "statusDate"), listed(d), text(d, "pointOfContact"));
        Object holder = d.getValue("subjectId");
        return new DocumentRecord(id, text(d, "docNumber"), EcoVocabulary.country(text(d, "docCountry")),
                EcoVocabulary.DOC_TYPE.valueOr(text(d, "docType"), DocumentType.RESIDENCE_PERMIT),
                holder == null ? null : holder.toString(), List.of(alert));
    }

    private VehicleRecord vehicle(JsonObject v) {
        AlertCategory status = EcoVocabulary.VEHICLE_STATUS.valueOr(text(v, "status"), AlertCategory.WANTED_VEHICLE);
        String id = id(v, "vehicleId");
        Alert alert = new Alert("ECO-V-" + id, status, EcoVocabulary.vehicleAction(status), List.of(),
                date(v, "statusDate"), listed(v), text(v, "pointOfContact"));
        return new VehicleRecord(id, text(v, "plate"), EcoVocabulary.country(text(v, "plateCountry")), text(v, "vin"),
                text(v, "makeModel"), List.of(alert));
    }

    /** A document's or vehicle's releasable-to list: absent is everyone, else fail closed. */
    private HandlingRestrictions listed(JsonObject record) {
        Object list = record.getValue("releasableTo");
        VisibleTo visible = EcoVocabulary.releasableTo(list == null ? null : nullableStrings(list));
        Set<String> countries = unreadable.countries(visible, null);
        return countries.isEmpty() ? HandlingRestrictions.NONE
                : new HandlingRestrictions(countries, Set.of(), Clearance.UNCLASSIFIED, null, WhenRestricted.HIDE);
    }

    private static String id(JsonObject o, String field) {
        Object value = o.getValue(field);
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new PartnerFault("a record without its " + field);
        }
        return value.toString();
    }

    private static String text(JsonObject o, String field) {
        return o.getValue(field) instanceof String s ? s : null;
    }

    private static LocalDate date(JsonObject o, String field) {
        try {
            String text = text(o, field);
            return text == null ? null : LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (Object o : array) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A restriction list as sent: each entry a string or null (unreadable); not an array at all: one unreadable entry. */
    private static List<String> nullableStrings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (Object o : array) {
                out.add(o instanceof String s ? s : null);
            }
            return out;
        }
        out.add(null);
        return out;
    }

    @Override
    public void close() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
