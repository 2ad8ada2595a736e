package org.frontline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the Kubernetes manifests in {@code k8s/} against the application: every overlay in
 * {@code k8s/overlays/} is rendered with {@code kubectl kustomize} (kubectl must be on the PATH: this
 * test fails rather than skips without it) and the rendered objects are checked against
 * {@code src/main/resources/application.properties} — probes on the application's health paths and
 * HTTP port, passwords only from the Secret (never committed), resources and a locked-down security
 * context on every container, a grace period that outlasts the graceful shutdown, every source's
 * configuration keys present, and HPA, PDB, Service and NetworkPolicies in place.
 *
 * <p>Plain JUnit: no Quarkus, no cluster. Each failure names the overlay, the object and what is wrong.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path OVERLAYS = K8S.resolve("overlays");
    static final Path APPLICATION_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");
    static final Path SECRET_EXAMPLE = K8S.resolve("base/secret.example.yaml");

    static final List<String> REQUIRED_OVERLAYS = List.of("dev", "prod");
    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet");

    /** Keys each source must be given by the manifests, as FRONTLINE_SOURCES_<ID>_<KEY>. */
    static final List<String> REQUIRED_SOURCE_KEYS = List.of("URL", "USERNAME", "PASSWORD", "ORGANISATION", "CONTACT_POINT");

    /** The same for a source of type http (a partner's API, ECO): OAuth2 client credentials in place of a database login. */
    static final List<String> REQUIRED_HTTP_SOURCE_KEYS = List.of("URL", "CLIENT_ID", "CLIENT_SECRET", "ORGANISATION", "CONTACT_POINT");

    /**
     * Every key of a source that the application reads (org.frontline.source.SourcesConfig), in
     * environment-variable form: a FRONTLINE_SOURCES_<ID>_* variable with another suffix is a typo
     * that the application would silently ignore.
     */
    static final Set<String> KNOWN_SOURCE_KEYS = Set.of(
            "TYPE", "SCHEMA", "ENABLED", "ORGANISATION", "REGION", "CONTACT_POINT", "URL", "USERNAME", "PASSWORD",
            "TIMEOUT", "MAX_CONCURRENCY", "QUEUE_SIZE", "POOL_SIZE", "KINDS", "CACHE_TTL",
            "BREAKER_REQUEST_VOLUME", "BREAKER_FAILURE_RATIO", "BREAKER_DELAY", "BREAKER_SUCCESS_THRESHOLD",
            "CLIENT_ID", "CLIENT_SECRET", "PAGE_SIZE", "MAX_PAGES", "MAX_RESPONSE_BYTES");

    /** Every key of frontline.search.* (org.frontline.search.SearchConfig), in environment-variable form. */
    static final Set<String> KNOWN_SEARCH_KEYS = Set.of(
            "DEFAULT_DEADLINE", "MAX_DEADLINE", "HIT_THRESHOLD", "POSSIBLE_THRESHOLD", "MAX_CANDIDATES", "MERGE_THRESHOLD");

    static final Pattern SECRET_LIKE_KEY = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY).*");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    // ------------------------------------------------------------------------------------------ the tests

    @Test
    void overlaysDevAndProdExist() {
        List<String> found = overlays().collect(Collectors.toList());
        for (String required : REQUIRED_OVERLAYS) {
            assertTrue(found.contains(required),
                    "k8s/overlays/" + required + "/kustomization.yaml is missing (overlays found: " + found + ")");
        }
    }

    @Test
    void kubectlIsOnThePath() {
        kubectl(); // fails with the explanation when it is not
    }

    @Test
    void theSecretExampleDocumentsTheKeysAndIsNeverRendered() throws IOException {
        List<String> problems = new ArrayList<>();
        assertTrue(Files.isRegularFile(SECRET_EXAMPLE),
                "k8s/base/secret.example.yaml is missing: it documents the keys of the Secret the Deployment references");
        JsonNode example = readSingle(SECRET_EXAMPLE);
        if (!"Secret".equals(example.path("kind").asText())) {
            problems.add("k8s/base/secret.example.yaml: kind is '" + example.path("kind").asText() + "', expected Secret");
        }
        for (String field : List.of("stringData", "data")) {
            example.path(field).fields().forEachRemaining(e -> {
                if (!e.getValue().asText().toUpperCase().contains("CHANGE-ME")) {
                    problems.add("k8s/base/secret.example.yaml: " + field + "." + e.getKey()
                            + " must be a placeholder containing CHANGE-ME, never a real value");
                }
            });
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path kustomization : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                JsonNode k = readSingle(kustomization);
                for (String list : List.of("resources", "components", "patchesStrategicMerge")) {
                    for (JsonNode entry : k.path(list)) {
                        if (entry.asText().contains("secret.example")) {
                            problems.add(ROOT.relativize(kustomization) + ": lists " + entry.asText() + " under " + list
                                    + " — the example must never be deployed; create the Secret out of band");
                        }
                    }
                }
            }
        }
        report("k8s/base/secret.example.yaml", problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void probesAndPortsMatchTheApplication(String overlay) {
        List<String> problems = new ArrayList<>();
        Properties app = applicationProperties();
        int httpPort = Integer.parseInt(app.getProperty("quarkus.http.port", "8080").trim());
        String health = "/" + trimSlashes(app.getProperty("quarkus.http.non-application-root-path", "q")) + "/"
                + trimSlashes(app.getProperty("quarkus.smallrye-health.root-path", "health"));
        if (Boolean.parseBoolean(app.getProperty("quarkus.management.enabled", "false"))) {
            problems.add("application.properties enables the management interface: health moves to its own port; "
                    + "update the manifests and this test");
        }
        JsonNode deployment = appDeployment(overlay);
        JsonNode container = appContainer(overlay, deployment);
        String where = "Deployment/" + name(deployment) + " container " + name(container);

        boolean portDeclared = false;
        for (JsonNode port : container.path("ports")) {
            if (port.path("containerPort").asInt() == httpPort) {
                portDeclared = true;
                if (!"http".equals(port.path("name").asText())) {
                    problems.add(where + ": containerPort " + httpPort + " is named '" + port.path("name").asText()
                            + "', expected 'http'");
                }
            }
        }
        if (!portDeclared) {
            problems.add(where + ": no containerPort equals quarkus.http.port=" + httpPort + " (ports: "
                    + container.path("ports") + ")");
        }

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("startupProbe", health + "/started");
        expected.put("livenessProbe", health + "/live");
        expected.put("readinessProbe", health + "/ready");
        expected.forEach((probeName, path) -> {
            JsonNode probe = container.path(probeName);
            if (probe.isMissingNode()) {
                problems.add(where + ": no " + probeName + " (expected httpGet " + path + " on port " + httpPort + ")");
                return;
            }
            JsonNode httpGet = probe.path("httpGet");
            if (httpGet.isMissingNode()) {
                problems.add(where + ": " + probeName + " is not an httpGet probe (expected GET " + path + ")");
                return;
            }
            if (!path.equals(httpGet.path("path").asText())) {
                problems.add(where + ": " + probeName + " path is '" + httpGet.path("path").asText() + "', the application serves "
                        + path);
            }
            Integer port = resolvePort(container, httpGet.path("port"));
            if (port == null || port != httpPort) {
                problems.add(where + ": " + probeName + " port '" + httpGet.path("port").asText() + "' resolves to " + port
                        + ", expected quarkus.http.port=" + httpPort);
            }
            for (String timing : List.of("initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold")) {
                if (!probe.has(timing)) {
                    problems.add(where + ": " + probeName + " has no explicit " + timing);
                }
            }
        });

        JsonNode service = find(overlay, "Service", appName());
        if (service == null) {
            problems.add("no Service named " + appName());
        } else {
            for (JsonNode port : service.path("spec").path("ports")) {
                Integer target = resolvePort(container, port.path("targetPort"));
                if (target == null || target != httpPort) {
                    problems.add("Service/" + appName() + " port " + port.path("port").asText() + ": targetPort '"
                            + port.path("targetPort").asText() + "' resolves to " + target + ", expected " + httpPort);
                }
            }
        }
        report(overlay, problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void noSecretValuesAreCommittedAndPasswordsComeOnlyFromSecrets(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode secret : objects(overlay, "Secret")) {
            for (String field : List.of("data", "stringData")) {
                if (secret.path(field).size() > 0) {
                    problems.add("Secret/" + name(secret) + " carries " + field + " " + fieldNames(secret.path(field))
                            + ": secrets are created out of band (k8s/base/secret.example.yaml), never committed");
                }
            }
        }
        for (JsonNode configMap : objects(overlay, "ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET_LIKE_KEY.matcher(key).matches()) {
                    problems.add("ConfigMap/" + name(configMap) + " holds " + key + ": a secret must come from the Secret");
                }
            });
        }
        Set<String> documented = secretExampleKeys();
        String exampleName = readSingleUnchecked(SECRET_EXAMPLE).path("metadata").path("name").asText();
        Set<String> referenced = new TreeSet<>();
        forEachContainer(overlay, (workload, container) -> {
            String where = kind(workload) + "/" + name(workload) + " container " + name(container);
            for (JsonNode env : container.path("env")) {
                String envName = env.path("name").asText();
                JsonNode secretRef = env.path("valueFrom").path("secretKeyRef");
                if (!secretRef.isMissingNode()) {
                    referenced.add(secretRef.path("key").asText());
                    if (!exampleName.equals(secretRef.path("name").asText())) {
                        problems.add(where + ": " + envName + " refers to Secret '" + secretRef.path("name").asText()
                                + "', which k8s/base/secret.example.yaml does not document (it documents '" + exampleName + "')");
                    } else if (!documented.contains(secretRef.path("key").asText())) {
                        problems.add(where + ": " + envName + " refers to key " + secretRef.path("key").asText()
                                + " of Secret " + exampleName + ", missing from k8s/base/secret.example.yaml");
                    }
                } else if (SECRET_LIKE_KEY.matcher(envName).matches()) {
                    problems.add(where + ": " + envName + " is "
                            + (env.has("value") ? "a literal value" : "not from a secretKeyRef (" + env.path("valueFrom") + ")")
                            + " — passwords must come from a Secret");
                }
            }
            for (JsonNode from : container.path("envFrom")) {
                if (from.has("secretRef")) {
                    String secretName = from.path("secretRef").path("name").asText();
                    if (exampleName.equals(secretName)) {
                        referenced.addAll(documented);
                    }
                }
            }
        });
        Set<String> unused = new TreeSet<>(documented);
        unused.removeAll(referenced);
        if (!unused.isEmpty()) {
            problems.add("k8s/base/secret.example.yaml documents keys no container uses: " + unused);
        }
        Map<String, EnvValue> env = appEnv(overlay);
        for (String id : sourceIds(env)) {
            String var = envName(id, isHttp(env, id) ? "CLIENT_SECRET" : "PASSWORD");
            EnvValue value = env.get(var);
            if (value == null || value.from != From.SECRET) {
                problems.add("Deployment/" + appName() + ": " + var + " is " + (value == null ? "not provided" : "from " + value)
                        + ", expected a secretKeyRef to Secret " + exampleName);
            }
        }
        report(overlay, problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyContainerHasResourcesAndALockedDownSecurityContext(String overlay) {
        List<String> problems = new ArrayList<>();
        forEachContainer(overlay, (workload, container) -> {
            String where = kind(workload) + "/" + name(workload) + " container " + name(container);
            JsonNode pod = podSpec(workload);
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (container.path("resources").path(bound).path(resource).asText().isBlank()) {
                        problems.add(where + ": no resources." + bound + "." + resource);
                    }
                }
            }
            JsonNode sc = container.path("securityContext");
            JsonNode podSc = pod.path("securityContext");
            if (!effective(sc, podSc, "runAsNonRoot").asBoolean(false)) {
                problems.add(where + ": runAsNonRoot is not true (container or pod securityContext)");
            }
            JsonNode user = effective(sc, podSc, "runAsUser");
            if (!user.isMissingNode() && user.asInt() == 0) {
                problems.add(where + ": runAsUser is 0 (root)");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(where + ": securityContext.readOnlyRootFilesystem is not true");
            }
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(where + ": securityContext.allowPrivilegeEscalation is not false");
            }
            if (!textValues(sc.path("capabilities").path("drop")).contains("ALL")) {
                problems.add(where + ": securityContext.capabilities.drop does not contain ALL");
            }
            String seccomp = effective(sc, podSc, "seccompProfile").path("type").asText();
            if (!Set.of("RuntimeDefault", "Localhost").contains(seccomp)) {
                problems.add(where + ": seccompProfile.type is '" + seccomp + "', expected RuntimeDefault");
            }
            String image = container.path("image").asText();
            String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
                    ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty() || tag.equals("latest")) {
                problems.add(where + ": image '" + image + "' has no pinned tag (set it in the overlay's images:)");
            }
        });

        JsonNode deployment = appDeployment(overlay);
        JsonNode container = appContainer(overlay, deployment);
        String where = "Deployment/" + name(deployment) + " container " + name(container);
        JsonNode user = effective(container.path("securityContext"), podSpec(deployment).path("securityContext"), "runAsUser");
        if (user.asInt(-1) != 185) {
            problems.add(where + ": runAsUser is " + user.asText("unset") + ", expected 185 (the UBI OpenJDK image's user)");
        }
        boolean tmp = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            tmp |= "/tmp".equals(mount.path("mountPath").asText());
        }
        if (!tmp) {
            problems.add(where + ": nothing is mounted at /tmp: with a read-only root filesystem Quarkus and Vert.x need a "
                    + "writable /tmp (an emptyDir)");
        }
        Map<String, EnvValue> env = appEnv(overlay);
        Pattern ratio = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");
        Double percent = null;
        for (String var : List.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JAVA_OPTS_APPEND")) {
            EnvValue value = env.get(var);
            if (value != null && value.value != null) {
                Matcher m = ratio.matcher(value.value);
                while (m.find()) {
                    percent = Double.parseDouble(m.group(1)); // the last one on the command line wins
                }
            }
        }
        if (percent == null) {
            problems.add(where + ": the JVM is not sized to the memory limit: no -XX:MaxRAMPercentage in JAVA_TOOL_OPTIONS, "
                    + "JAVA_OPTS or JAVA_OPTS_APPEND");
        } else if (percent <= 0 || percent > 80) {
            problems.add(where + ": -XX:MaxRAMPercentage=" + percent + " leaves no room for metaspace, threads and direct "
                    + "buffers within the memory limit (expected 50-80)");
        }
        report(overlay, problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void theGracePeriodOutlastsPreStopAndGracefulShutdown(String overlay) {
        List<String> problems = new ArrayList<>();
        JsonNode deployment = appDeployment(overlay);
        JsonNode container = appContainer(overlay, deployment);
        JsonNode pod = podSpec(deployment);
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);

        EnvValue shutdown = appEnv(overlay).get("QUARKUS_SHUTDOWN_TIMEOUT");
        if (shutdown == null || shutdown.from != From.CONFIG_MAP) {
            problems.add("Deployment/" + appName() + ": QUARKUS_SHUTDOWN_TIMEOUT is "
                    + (shutdown == null ? "not set" : "from " + shutdown)
                    + ": set it explicitly in the ConfigMap so that the grace period can be checked against it");
        } else {
            Duration timeout;
            try {
                timeout = parseDuration(shutdown.value);
            } catch (IllegalArgumentException e) {
                problems.add("ConfigMap " + shutdown.ref + ": QUARKUS_SHUTDOWN_TIMEOUT='" + shutdown.value + "' is not a duration");
                report(overlay, problems);
                return;
            }
            long preStop = preStopSeconds(container);
            if (grace <= timeout.toSeconds() + preStop) {
                problems.add("Deployment/" + appName() + ": terminationGracePeriodSeconds=" + grace + " must exceed the preStop "
                        + "sleep (" + preStop + "s) + QUARKUS_SHUTDOWN_TIMEOUT (" + shutdown.value + " in ConfigMap " + shutdown.ref
                        + "): the kubelet would kill the pod before requests in flight finish");
            }
            if (preStop == 0) {
                problems.add("Deployment/" + appName() + " container " + name(container) + ": no preStop sleep — the pod stops "
                        + "before the load balancers have stopped sending it requests");
            }
        }
        report(overlay, problems);
    }

    /** Whether the manifests make the source one of type http (its credentials are a client id and secret). */
    static boolean isHttp(Map<String, EnvValue> env, String id) {
        EnvValue type = env.get(envName(id, "TYPE"));
        return type != null && "http".equalsIgnoreCase(type.value);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void everyConfigurationKeyTheApplicationNeedsIsProvided(String overlay) {
        List<String> problems = new ArrayList<>();
        Map<String, EnvValue> env = appEnv(overlay);
        List<String> ids = sourceIds(env);
        if (ids.isEmpty()) {
            problems.add("no frontline.sources.<id>.url in application.properties: cannot tell which sources to check");
        }
        for (String id : ids) {
            for (String key : isHttp(env, id) ? REQUIRED_HTTP_SOURCE_KEYS : REQUIRED_SOURCE_KEYS) {
                String var = envName(id, key);
                EnvValue value = env.get(var);
                String property = "frontline.sources." + id + "." + key.toLowerCase().replace('_', '-');
                if (value == null) {
                    problems.add("Deployment/" + appName() + ": " + var + " (" + property + ") is provided neither by the "
                            + "ConfigMap nor by a secretKeyRef");
                } else if (value.from != From.SECRET && (value.value == null || value.value.isBlank())) {
                    problems.add("Deployment/" + appName() + ": " + var + " (" + property + ") is empty (" + value + ")");
                }
            }
        }
        Set<String> envIds = ids.stream().map(id -> id.toUpperCase().replace('-', '_')).collect(Collectors.toSet());
        for (String var : env.keySet()) {
            if (var.startsWith("FRONTLINE_SOURCES_")) {
                String rest = var.substring("FRONTLINE_SOURCES_".length());
                String id = envIds.stream().filter(i -> rest.startsWith(i + "_")).findFirst().orElse(null);
                if (id == null) {
                    problems.add("Deployment/" + appName() + ": " + var + " names no configured source "
                            + envIds + " (a typo, or a new source without FRONTLINE_SOURCES_<ID>_URL)");
                } else if (!KNOWN_SOURCE_KEYS.contains(rest.substring(id.length() + 1))) {
                    problems.add("Deployment/" + appName() + ": " + var + ": '" + rest.substring(id.length() + 1)
                            + "' is not a source key the application reads " + new TreeSet<>(KNOWN_SOURCE_KEYS));
                }
            } else if (var.startsWith("FRONTLINE_SEARCH_")
                    && !KNOWN_SEARCH_KEYS.contains(var.substring("FRONTLINE_SEARCH_".length()))) {
                problems.add("Deployment/" + appName() + ": " + var + " is not a frontline.search key the application reads "
                        + new TreeSet<>(KNOWN_SEARCH_KEYS));
            }
        }
        EnvValue redis = env.get("QUARKUS_REDIS_HOSTS");
        if (redis == null || redis.value == null || redis.value.isBlank()) {
            problems.add("Deployment/" + appName() + ": QUARKUS_REDIS_HOSTS (the shared L2 cache) is not provided");
        } else {
            Matcher m = Pattern.compile("rediss?://(?:[^@/]*@)?([^:/]+)(?::(\\d+))?.*").matcher(redis.value);
            if (!m.matches()) {
                problems.add("ConfigMap " + redis.ref + ": QUARKUS_REDIS_HOSTS='" + redis.value + "' is not a redis:// URL");
            } else {
                String host = m.group(1);
                int port = m.group(2) == null ? 6379 : Integer.parseInt(m.group(2));
                String serviceName = host.split("\\.")[0];
                JsonNode service = find(overlay, "Service", serviceName);
                if (service == null) {
                    problems.add("QUARKUS_REDIS_HOSTS points at '" + host + "' but the overlay renders no Service " + serviceName);
                } else if (textValues(service.path("spec").path("ports"), "port").stream().noneMatch(p -> p.equals("" + port))) {
                    problems.add("QUARKUS_REDIS_HOSTS points at port " + port + " but Service/" + serviceName + " exposes "
                            + textValues(service.path("spec").path("ports"), "port"));
                }
            }
        }
        report(overlay, problems);
    }

    /**
     * Officer tokens are verified strictly (issuer and JWKS named by the overlay, no base default; audience,
     * maximum age), and the audit database is used with least privilege: the service's container runs as
     * the writer role and does not migrate; the owner's password goes to the migrate-audit init container
     * only; the checkpoint key comes from the Secret.
     */
    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void tokensAreVerifiedStrictlyAndTheAuditRunsWithLeastPrivilege(String overlay) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, EnvValue> env = appEnv(overlay);
        String base = Files.readString(K8S.resolve("base/kustomization.yaml"));
        for (String var : List.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            EnvValue value = env.get(var);
            if (value == null || value.value == null || value.value.isBlank()) {
                problems.add(var + " is not set: the overlay must name its identity provider (no default)");
            }
            if (base.contains(var + "=")) {
                problems.add("k8s/base/kustomization.yaml sets " + var + ": a default would let an overlay forget its own");
            }
        }
        EnvValue jwks = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        if (jwks != null && jwks.value != null && !jwks.value.startsWith("https://")) {
            problems.add("MP_JWT_VERIFY_PUBLICKEY_LOCATION='" + jwks.value + "' is not an https JWKS URL");
        }
        // (the maximum token age comes from application.properties: MP_JWT_VERIFY_TOKEN_AGE would read as a secret here)
        for (String var : List.of("MP_JWT_VERIFY_AUDIENCES", "MP_JWT_VERIFY_CLOCK_SKEW")) {
            EnvValue value = env.get(var);
            if (value == null || value.value == null || value.value.isBlank()) {
                problems.add(var + " is not set");
            }
        }
        EnvValue writer = env.get("QUARKUS_DATASOURCE_USERNAME");
        EnvValue owner = env.get("FRONTLINE_AUDIT_MIGRATION_USERNAME");
        if (writer == null || owner == null || writer.value == null || writer.value.equals(owner.value)) {
            problems.add("the service's audit role (QUARKUS_DATASOURCE_USERNAME=" + (writer == null ? null : writer.value)
                    + ") must differ from the owner that migrates (FRONTLINE_AUDIT_MIGRATION_USERNAME="
                    + (owner == null ? null : owner.value) + ")");
        }
        EnvValue migrate = env.get("FRONTLINE_AUDIT_MIGRATE");
        if (migrate == null || !"false".equals(migrate.value)) {
            problems.add("the service's container must not migrate the audit schema (FRONTLINE_AUDIT_MIGRATE=false): "
                    + "that needs the owner's password");
        }
        if (env.containsKey("FRONTLINE_AUDIT_MIGRATION_PASSWORD")) {
            problems.add("the service's container gets FRONTLINE_AUDIT_MIGRATION_PASSWORD: only the migrate-audit init "
                    + "container may hold the owner's password");
        }
        EnvValue key = env.get("FRONTLINE_AUDIT_CHECKPOINT_KEY");
        if (key == null || key.from != From.SECRET) {
            problems.add("FRONTLINE_AUDIT_CHECKPOINT_KEY must come from the Secret (is " + key + ")");
        }
        boolean migrator = false;
        for (JsonNode init : podSpec(appDeployment(overlay)).path("initContainers")) {
            if (textValues(init.path("args")).contains("migrate-audit")) {
                for (JsonNode e : init.path("env")) {
                    migrator |= "FRONTLINE_AUDIT_MIGRATION_PASSWORD".equals(e.path("name").asText())
                            && e.path("valueFrom").has("secretKeyRef");
                }
            }
        }
        if (!migrator) {
            problems.add("no init container runs migrate-audit with FRONTLINE_AUDIT_MIGRATION_PASSWORD from the Secret");
        }
        report(overlay, problems);
    }

    @ParameterizedTest(name = "overlay {0}")
    @MethodSource("overlays")
    void autoscalingDisruptionBudgetServiceAndNetworkPoliciesAreInPlace(String overlay) {
        List<String> problems = new ArrayList<>();
        JsonNode deployment = appDeployment(overlay);
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        int httpPort = Integer.parseInt(applicationProperties().getProperty("quarkus.http.port", "8080").trim());

        JsonNode hpa = objects(overlay, "HorizontalPodAutoscaler").stream()
                .filter(h -> appName().equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
                .findFirst().orElse(null);
        int minReplicas = 1;
        if (hpa == null) {
            problems.add("no HorizontalPodAutoscaler targets Deployment/" + appName());
        } else {
            if (!"autoscaling/v2".equals(hpa.path("apiVersion").asText())) {
                problems.add("HorizontalPodAutoscaler/" + name(hpa) + ": apiVersion " + hpa.path("apiVersion").asText()
                        + ", expected autoscaling/v2");
            }
            minReplicas = hpa.path("spec").path("minReplicas").asInt(1);
            int maxReplicas = hpa.path("spec").path("maxReplicas").asInt();
            if (minReplicas < 1 || maxReplicas < minReplicas) {
                problems.add("HorizontalPodAutoscaler/" + name(hpa) + ": minReplicas=" + minReplicas + " maxReplicas=" + maxReplicas);
            }
            boolean cpu = false;
            for (JsonNode metric : hpa.path("spec").path("metrics")) {
                cpu |= "Resource".equals(metric.path("type").asText())
                        && "cpu".equals(metric.path("resource").path("name").asText())
                        && "Utilization".equals(metric.path("resource").path("target").path("type").asText());
            }
            if (!cpu) {
                problems.add("HorizontalPodAutoscaler/" + name(hpa) + ": no CPU utilisation metric");
            }
            if (deployment.path("spec").has("replicas")) {
                problems.add("Deployment/" + appName() + " sets spec.replicas while HorizontalPodAutoscaler/" + name(hpa)
                        + " owns the count: every apply would reset it");
            }
            if (minReplicas > 1 && !spreadsAcrossNodes(podSpec(deployment))) {
                problems.add("Deployment/" + appName() + ": at least " + minReplicas + " replicas but no topologySpreadConstraints "
                        + "or podAntiAffinity on kubernetes.io/hostname: one node failure could take them all");
            }
        }

        List<JsonNode> pdbs = objects(overlay, "PodDisruptionBudget").stream()
                .filter(p -> selects(p.path("spec").path("selector"), podLabels)).toList();
        if (pdbs.isEmpty()) {
            problems.add("no PodDisruptionBudget selects the pods of Deployment/" + appName() + " " + podLabels);
        }
        for (JsonNode pdb : pdbs) {
            JsonNode spec = pdb.path("spec");
            if (spec.path("minAvailable").isInt() && spec.path("minAvailable").asInt() >= minReplicas) {
                problems.add("PodDisruptionBudget/" + name(pdb) + ": minAvailable=" + spec.path("minAvailable").asInt()
                        + " >= HPA minReplicas=" + minReplicas + ": node drains would block");
            }
            if (spec.path("maxUnavailable").isInt() && spec.path("maxUnavailable").asInt() < 1) {
                problems.add("PodDisruptionBudget/" + name(pdb) + ": maxUnavailable=0: node drains would block");
            }
        }

        JsonNode service = find(overlay, "Service", appName());
        if (service == null || !selectsLabels(service.path("spec").path("selector"), podLabels)) {
            problems.add(service == null ? "no Service named " + appName()
                    : "Service/" + appName() + " selector " + service.path("spec").path("selector") + " does not select " + podLabels);
        } else if (!"ClusterIP".equals(service.path("spec").path("type").asText("ClusterIP"))) {
            problems.add("Service/" + appName() + ": type " + service.path("spec").path("type").asText() + ", expected ClusterIP");
        }

        // every workload's pods: selected by a NetworkPolicy with both Ingress and Egress (default deny)
        for (JsonNode workload : workloads(overlay)) {
            JsonNode labels = workload.path("spec").path("template").path("metadata").path("labels");
            boolean both = policiesFor(overlay, labels).stream().anyMatch(np -> {
                Set<String> types = textValues(np.path("spec").path("policyTypes"));
                return types.contains("Ingress") && types.contains("Egress");
            });
            if (!both) {
                problems.add(kind(workload) + "/" + name(workload) + ": no NetworkPolicy with policyTypes [Ingress, Egress] selects "
                        + "its pods " + labels);
            }
        }
        List<JsonNode> appPolicies = policiesFor(overlay, podLabels);
        List<JsonNode> ingress = new ArrayList<>();
        List<JsonNode> egress = new ArrayList<>();
        appPolicies.forEach(np -> {
            np.path("spec").path("ingress").forEach(ingress::add);
            np.path("spec").path("egress").forEach(egress::add);
        });
        if (ingress.isEmpty()) {
            problems.add("the NetworkPolicies of " + appName() + " admit no ingress: the API gateway cannot reach it");
        }
        for (JsonNode rule : ingress) {
            if (rule.path("from").size() == 0) {
                problems.add("a NetworkPolicy of " + appName() + " admits ingress from everywhere: " + rule);
            }
            Set<String> ports = textValues(rule.path("ports"), "port");
            if (!ports.equals(Set.of("" + httpPort)) && !ports.equals(Set.of("http"))) {
                problems.add("a NetworkPolicy of " + appName() + " admits ingress on ports " + ports + ", expected only " + httpPort);
            }
        }
        for (JsonNode rule : egress) {
            if (rule.path("to").size() == 0 || rule.path("ports").size() == 0) {
                problems.add("a NetworkPolicy of " + appName() + " allows egress to any peer or any port: " + rule);
            }
        }
        requireEgress(problems, egress, "53", "UDP", false, "DNS");
        requireEgress(problems, egress, "53", "TCP", false, "DNS over TCP");
        requireEgress(problems, egress, "6379", "TCP", false, "Redis");
        requireEgress(problems, egress, "5432", "TCP", true, "the source databases (ipBlock)");
        requireEgress(problems, egress, "3306", "TCP", true, "AIMC's MariaDB (ipBlock)");
        requireEgress(problems, egress, "8443", "TCP", true, "ECO's partner API (ipBlock)");
        report(overlay, problems);
    }

    // ------------------------------------------------------------------------------------------ rendering

    static Stream<String> overlays() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + OVERLAYS + ": " + e, e);
        }
    }

    static String kubectl() {
        String override = System.getenv("KUBECTL");
        if (override != null && new File(override).canExecute()) {
            return override;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, "kubectl");
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return fail("kubectl is not on the PATH (PATH=" + path + "). KubernetesManifestsTest renders every k8s/overlays/* with "
                + "`kubectl kustomize` and deliberately fails instead of skipping without it: install kubectl (it bundles "
                + "kustomize), or point the KUBECTL environment variable at one.");
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            Path dir = OVERLAYS.resolve(o);
            try {
                File err = File.createTempFile("kustomize", ".err");
                err.deleteOnExit();
                Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                        .redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return fail("`kubectl kustomize " + ROOT.relativize(dir) + "` did not finish in 120s");
                }
                if (process.exitValue() != 0) {
                    return fail("`kubectl kustomize " + ROOT.relativize(dir) + "` failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(err.toPath()));
                }
                List<JsonNode> objects = new ArrayList<>();
                try (Reader reader = new java.io.StringReader(new String(out, StandardCharsets.UTF_8))) {
                    Iterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(reader);
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                            objects.add(doc);
                        }
                    }
                }
                assertTrue(!objects.isEmpty(), "`kubectl kustomize " + ROOT.relativize(dir) + "` rendered nothing");
                return objects;
            } catch (IOException e) {
                return fail("cannot render " + ROOT.relativize(dir) + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted while rendering " + ROOT.relativize(dir));
            }
        });
    }

    static List<JsonNode> objects(String overlay, String kind) {
        return render(overlay).stream().filter(o -> kind.equals(kind(o))).toList();
    }

    static JsonNode find(String overlay, String kind, String name) {
        return objects(overlay, kind).stream().filter(o -> name.equals(name(o))).findFirst().orElse(null);
    }

    static List<JsonNode> workloads(String overlay) {
        return render(overlay).stream().filter(o -> WORKLOAD_KINDS.contains(kind(o))).toList();
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    static void forEachContainer(String overlay, java.util.function.BiConsumer<JsonNode, JsonNode> check) {
        for (JsonNode workload : workloads(overlay)) {
            for (String list : List.of("initContainers", "containers")) {
                podSpec(workload).path(list).forEach(c -> check.accept(workload, c));
            }
        }
    }

    static JsonNode appDeployment(String overlay) {
        JsonNode deployment = find(overlay, "Deployment", appName());
        if (deployment == null) {
            fail("overlay " + overlay + ": no Deployment named " + appName() + " (quarkus.application.name)");
        }
        return deployment;
    }

    static JsonNode appContainer(String overlay, JsonNode deployment) {
        JsonNode containers = podSpec(deployment).path("containers");
        for (JsonNode c : containers) {
            if (appName().equals(name(c))) {
                return c;
            }
        }
        if (containers.size() == 1) {
            return containers.get(0);
        }
        return fail("overlay " + overlay + ": Deployment/" + appName() + " has no container named " + appName());
    }

    // ------------------------------------------------------------------------------------------ environment

    enum From { LITERAL, CONFIG_MAP, SECRET, OTHER }

    record EnvValue(From from, String value, String ref) {
        @Override
        public String toString() {
            return switch (from) {
                case LITERAL -> "a literal value";
                case CONFIG_MAP -> "ConfigMap " + ref;
                case SECRET -> "Secret " + ref;
                case OTHER -> "valueFrom " + ref;
            };
        }
    }

    /** The application container's environment as Kubernetes would assemble it: envFrom first, env over it. */
    static Map<String, EnvValue> appEnv(String overlay) {
        JsonNode container = appContainer(overlay, appDeployment(overlay));
        Map<String, EnvValue> env = new LinkedHashMap<>();
        String exampleName = readSingleUnchecked(SECRET_EXAMPLE).path("metadata").path("name").asText();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                String cmName = from.path("configMapRef").path("name").asText();
                JsonNode cm = find(overlay, "ConfigMap", cmName);
                if (cm == null) {
                    fail("overlay " + overlay + ": Deployment/" + appName() + " takes envFrom ConfigMap " + cmName
                            + ", which the overlay does not render");
                }
                cm.path("data").fields().forEachRemaining(e ->
                        env.put(prefix + e.getKey(), new EnvValue(From.CONFIG_MAP, e.getValue().asText(), cmName)));
            } else if (from.has("secretRef")) {
                String secretName = from.path("secretRef").path("name").asText();
                if (exampleName.equals(secretName)) {
                    secretExampleKeys().forEach(k -> env.put(prefix + k, new EnvValue(From.SECRET, null, secretName + "/" + k)));
                }
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            JsonNode valueFrom = e.path("valueFrom");
            if (valueFrom.has("secretKeyRef")) {
                JsonNode ref = valueFrom.path("secretKeyRef");
                env.put(name, new EnvValue(From.SECRET, null, ref.path("name").asText() + "/" + ref.path("key").asText()));
            } else if (valueFrom.has("configMapKeyRef")) {
                JsonNode ref = valueFrom.path("configMapKeyRef");
                JsonNode cm = find(overlay, "ConfigMap", ref.path("name").asText());
                String value = cm == null ? null : cm.path("data").path(ref.path("key").asText()).asText(null);
                env.put(name, new EnvValue(From.CONFIG_MAP, value, ref.path("name").asText() + "/" + ref.path("key").asText()));
            } else if (!valueFrom.isMissingNode()) {
                env.put(name, new EnvValue(From.OTHER, null, valueFrom.toString()));
            } else {
                env.put(name, new EnvValue(From.LITERAL, e.path("value").asText(""), null));
            }
        }
        return env;
    }

    static Set<String> secretExampleKeys() {
        JsonNode example = readSingleUnchecked(SECRET_EXAMPLE);
        Set<String> keys = new TreeSet<>();
        example.path("stringData").fieldNames().forEachRemaining(keys::add);
        example.path("data").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static String envName(String sourceId, String key) {
        return "FRONTLINE_SOURCES_" + sourceId.toUpperCase().replace('-', '_') + "_" + key;
    }

    // ------------------------------------------------------------------------------------------ application.properties

    static Properties applicationProperties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + APPLICATION_PROPERTIES + ": " + e, e);
        }
        return properties;
    }

    static String appName() {
        return applicationProperties().getProperty("quarkus.application.name", "frontline-query").trim();
    }

    /** The source ids: every {@code frontline.sources.<id>.url} outside a profile. */
    static List<String> sourceIds() {
        Pattern url = Pattern.compile("frontline\\.sources\\.([^.]+)\\.url");
        return applicationProperties().stringPropertyNames().stream()
                .map(url::matcher).filter(Matcher::matches).map(m -> m.group(1)).sorted().toList();
    }

    /**
     * The sources a deployment configures: those of application.properties, and a source added by the
     * manifests alone (FRONTLINE_SOURCES_&lt;ID&gt;_URL: adding a source of a known schema is configuration,
     * SourcesFromEnvironmentTest), which must then be given every required key like the others.
     */
    static List<String> sourceIds(Map<String, EnvValue> env) {
        Set<String> ids = new TreeSet<>(sourceIds());
        Set<String> known = ids.stream().map(id -> id.toUpperCase().replace('-', '_')).collect(Collectors.toSet());
        Pattern url = Pattern.compile("FRONTLINE_SOURCES_(.+)_URL");
        for (String var : env.keySet()) {
            Matcher m = url.matcher(var);
            if (m.matches() && !known.contains(m.group(1))) {
                ids.add(m.group(1).toLowerCase());
            }
        }
        return List.copyOf(ids);
    }

    /** A Quarkus duration: {@code 20s}, {@code 1500ms}, {@code 2m}, {@code 1h}, {@code 1d}, ISO-8601, or bare seconds. */
    static Duration parseDuration(String text) {
        String s = text.trim();
        if (s.regionMatches(true, 0, "P", 0, 1)) {
            return Duration.parse(s.toUpperCase());
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    @Test
    void durationsParseAsQuarkusReadsThem() {
        assertEquals(Duration.ofSeconds(20), parseDuration("20s"));
        assertEquals(Duration.ofSeconds(20), parseDuration("20"));
        assertEquals(Duration.ofMillis(1500), parseDuration("1500ms"));
        assertEquals(Duration.ofMinutes(1), parseDuration("1m"));
        assertEquals(Duration.ofSeconds(20), parseDuration("PT20S"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    static long preStopSeconds(JsonNode container) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        if (preStop.has("sleep")) {
            return preStop.path("sleep").path("seconds").asLong();
        }
        String command = String.join(" ", textList(preStop.path("exec").path("command")));
        Matcher m = Pattern.compile("sleep\\s+(\\d+)").matcher(command);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static Integer resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        if (port.isTextual() && port.asText().matches("\\d+")) {
            return Integer.parseInt(port.asText());
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return null;
    }

    static boolean spreadsAcrossNodes(JsonNode pod) {
        for (JsonNode c : pod.path("topologySpreadConstraints")) {
            if ("kubernetes.io/hostname".equals(c.path("topologyKey").asText())) {
                return true;
            }
        }
        JsonNode anti = pod.path("affinity").path("podAntiAffinity");
        for (JsonNode term : anti.path("requiredDuringSchedulingIgnoredDuringExecution")) {
            if ("kubernetes.io/hostname".equals(term.path("topologyKey").asText())) {
                return true;
            }
        }
        for (JsonNode term : anti.path("preferredDuringSchedulingIgnoredDuringExecution")) {
            if ("kubernetes.io/hostname".equals(term.path("podAffinityTerm").path("topologyKey").asText())) {
                return true;
            }
        }
        return false;
    }

    static List<JsonNode> policiesFor(String overlay, JsonNode podLabels) {
        return objects(overlay, "NetworkPolicy").stream()
                .filter(np -> selects(np.path("spec").path("podSelector"), podLabels)).toList();
    }

    /** A label selector (matchLabels only; matchExpressions are not used here) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.has("matchExpressions")) {
            return false;
        }
        return selectsLabels(selector.path("matchLabels"), labels);
    }

    static boolean selectsLabels(JsonNode matchLabels, JsonNode labels) {
        Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    static void requireEgress(List<String> problems, List<JsonNode> egress, String port, String protocol, boolean ipBlock,
            String what) {
        boolean found = egress.stream().anyMatch(rule -> {
            boolean portMatches = false;
            for (JsonNode p : rule.path("ports")) {
                portMatches |= port.equals(p.path("port").asText()) && protocol.equals(p.path("protocol").asText("TCP"));
            }
            if (!portMatches) {
                return false;
            }
            if (!ipBlock) {
                return true;
            }
            for (JsonNode peer : rule.path("to")) {
                if (peer.has("ipBlock")) {
                    return true;
                }
            }
            return false;
        });
        if (!found) {
            problems.add("the NetworkPolicies of " + appName() + " allow no egress on " + port + "/" + protocol
                    + (ipBlock ? " to an ipBlock" : "") + " (" + what + ")");
        }
    }

    static JsonNode effective(JsonNode container, JsonNode pod, String field) {
        return container.has(field) ? container.path(field) : pod.has(field) ? pod.path(field) : MissingNode.getInstance();
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.has("metadata") ? o.path("metadata").path("name").asText() : o.path("name").asText();
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> textValues(JsonNode array) {
        return new LinkedHashSet<>(textList(array));
    }

    static Set<String> textValues(JsonNode array, String field) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    static String trimSlashes(String s) {
        return s.trim().replaceAll("^/+|/+$", "");
    }

    static JsonNode readSingle(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    static JsonNode readSingleUnchecked(Path file) {
        try {
            return readSingle(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + ROOT.relativize(file) + ": " + e, e);
        }
    }

    static void report(String where, List<String> problems) {
        if (!problems.isEmpty()) {
            fail((where.startsWith("k8s/") ? where : "overlay " + where + " (k8s/overlays/" + where + ")") + ": "
                    + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }
}
