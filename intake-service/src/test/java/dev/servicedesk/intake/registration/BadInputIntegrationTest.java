package dev.servicedesk.intake.registration;

import dev.servicedesk.contracts.Topics;
import dev.servicedesk.intake.IntakeIntegrationSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated batch of bad registration bodies: every one must be refused with a 4xx problem, none
 * may produce a 500, and none may put an event on the broker.
 */
class BadInputIntegrationTest extends IntakeIntegrationSupport {

    static final int GENERATED = 400;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<Object> ODD_VALUES = List.of(42, -1.5, true, List.of(), List.of("a", 1), Map.of(),
            Map.of("x", Map.of("y", "z")), "", " ", "\u0000", "\uD800", "x".repeat(5000), "😀".repeat(4001),
            "2999-12-31T23:59:59Z", "not-a-date", "https://", "javascript:alert(1)", "<script>", "' OR 1=1 --");
    private static final List<String> FIELDS = List.of("channel", "customer", "orderNumber", "product", "description",
            "customerRequest", "occurredAt", "preferredContact", "language", "attachments");

    @Test
    void generatedBadBodiesAreAllRefusedWithProblemDetailsAndNothingIsPublished() {
        long eventsBefore = endOffsets();
        Random random = new Random(20261123);
        List<byte[]> bodies = new ArrayList<>();
        IntStream.range(0, GENERATED).forEach(i -> bodies.add(badBody(random, i)));
        bodies.addAll(handWritten());
        Map<Integer, Integer> byStatus = new TreeMap<>();

        for (byte[] body : bodies) {
            EntityExchangeResult<byte[]> result = web.post().uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectBody().returnResult();
            int status = result.getStatus().value();
            byStatus.merge(status, 1, Integer::sum);
            assertThat(status).as("status for %s", preview(body)).isBetween(400, 499);
            assertThat(result.getResponseHeaders().getContentType())
                    .as("content type for %s", preview(body)).isNotNull()
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        }

        System.out.printf("Bad registration bodies: %d generated + %d hand-written, statuses %s%n",
                GENERATED, bodies.size() - GENERATED, byStatus);
        assertThat(endOffsets()).as("no event was published for a bad body").isEqualTo(eventsBefore);
    }

    /** Each defect alone makes a form invalid; it is applied after the random noise so nothing can undo it. */
    private static final List<java.util.function.Consumer<Map<String, Object>>> DEFECTS = List.of(
            form -> form.remove("description"),
            form -> form.put("description", " "),
            form -> form.put("description", "长".repeat(4001)),
            form -> form.put("customer", Map.of("name", "no way to reach me")),
            form -> form.put("customer", "a string instead of an object"),
            form -> form.put("customer", Map.of("email", "not-an-email")),
            form -> form.put("customer", Map.of("phone", "12")),
            form -> form.put("customer", Map.of("phone", "13800000000", "tier", "platinum")),
            form -> form.put("channel", "fax"),
            form -> form.remove("channel"),
            form -> form.put("occurredAt", "2999-01-01T00:00:00Z"),
            form -> form.put("occurredAt", "yesterday"),
            form -> form.put("preferredContact", "pigeon"),
            form -> form.put("language", "not a language"),
            form -> form.put("attachments", List.of("ftp://files.example/a")),
            form -> form.put("attachments", java.util.Collections.nCopies(21, "https://x.example/a")),
            form -> form.put("attachments", 42),
            form -> form.put("orderNumber", "SO 1; DROP TABLE"),
            form -> form.put("customerRequest", "\u0000 nul"),
            form -> form.put("description", "\uD800 lone surrogate"));

    private static byte[] badBody(Random random, int i) {
        Map<String, Object> form = new LinkedHashMap<>(form("valid description " + i));
        int mutations = random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            form.put(FIELDS.get(random.nextInt(FIELDS.size())), ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
        }
        DEFECTS.get(i % DEFECTS.size()).accept(form);
        if (i % 7 == 0) {
            DEFECTS.get(random.nextInt(DEFECTS.size())).accept(form);
        }
        byte[] json = MAPPER.writeValueAsBytes(form);
        if (i % 11 == 0) {
            return java.util.Arrays.copyOf(json, random.nextInt(json.length)); // truncated JSON
        }
        if (i % 13 == 0) {
            json[random.nextInt(json.length)] = (byte) (0x80 + random.nextInt(0x40)); // broken UTF-8
        }
        return json;
    }

    private static List<byte[]> handWritten() {
        Function<String, byte[]> utf8 = text -> text.getBytes(StandardCharsets.UTF_8);
        return List.of(utf8.apply(""), utf8.apply("null"), utf8.apply("[]"), utf8.apply("42"), utf8.apply("\"text\""),
                utf8.apply("{"), utf8.apply("{}"), utf8.apply("{\"channel\":\"phone\"}"),
                utf8.apply("{\"customer\":[1,2,3]}"), utf8.apply("{\"attachments\":\"https://x.example\"}"),
                utf8.apply("[".repeat(5000) + "]".repeat(5000)),
                utf8.apply("{\"description\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}"),
                new byte[]{(byte) 0xff, (byte) 0xfe, 0, 0});
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    private static long endOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Topics.TICKET_EVENTS)).allTopicNames()
                    .get().get(Topics.TICKET_EVENTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.TICKET_EVENTS, p.partition()))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
