package dev.servicedesk.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an OpenTelemetry collector: accepts OTLP/HTTP trace exports ({@code POST /v1/traces},
 * protobuf) on 127.0.0.1 and keeps the spans, so a test can tell which services took part in a trace.
 * It reads only the fields a test asks about, straight from the protobuf wire format, which needs no
 * generated classes.
 *
 * <pre>{@code
 * OtlpTraceCollector collector = OtlpTraceCollector.start();
 * ... "--management.opentelemetry.tracing.export.otlp.endpoint=" + collector.endpoint()
 * await().until(() -> collector.trace(traceId), spans -> ...);
 * }</pre>
 */
public final class OtlpTraceCollector implements AutoCloseable {

    /** OTLP's {@code Span.SpanKind}, in its wire order. */
    public enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    /** One received span; ids in lowercase hex, {@code parentSpanId} empty for a root. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final AtomicInteger exports = new AtomicInteger();

    private OtlpTraceCollector(HttpServer server) {
        this.server = server;
    }

    public static OtlpTraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpTraceCollector collector = new OtlpTraceCollector(server);
            server.createContext("/v1/traces", collector::receive);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    public List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** How many export requests arrived, whatever they held. */
    public int exports() {
        return exports.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exports.incrementAndGet();
            spans.addAll(decode(ByteBuffer.wrap(body.readAllBytes())));
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest: repeated ResourceSpans resource_spans = 1. */
    static List<Span> decode(ByteBuffer request) {
        List<Span> decoded = new ArrayList<>();
        Wire.forEach(request, (field, value) -> {
            if (field == 1) {
                decodeResourceSpans(value, decoded);
            }
        });
        return decoded;
    }

    /** ResourceSpans: Resource resource = 1; repeated ScopeSpans scope_spans = 2 (each: repeated Span spans = 2). */
    private static void decodeResourceSpans(ByteBuffer resourceSpans, List<Span> into) {
        String[] service = {""};
        List<ByteBuffer> scopes = new ArrayList<>();
        Wire.forEach(resourceSpans, (field, value) -> {
            if (field == 1) {
                service[0] = serviceName(value);
            } else if (field == 2) {
                scopes.add(value);
            }
        });
        for (ByteBuffer scope : scopes) {
            Wire.forEach(scope, (field, value) -> {
                if (field == 2) {
                    into.add(span(service[0], value));
                }
            });
        }
    }

    /** Resource: repeated KeyValue attributes = 1; KeyValue: key = 1, AnyValue value = 2 (string_value = 1). */
    private static String serviceName(ByteBuffer resource) {
        String[] name = {""};
        Wire.forEach(resource, (field, attribute) -> {
            if (field != 1) {
                return;
            }
            String[] key = {""};
            String[] text = {""};
            Wire.forEach(attribute, (part, value) -> {
                if (part == 1) {
                    key[0] = Wire.string(value);
                } else if (part == 2) {
                    Wire.forEach(value, (kind, inner) -> {
                        if (kind == 1) {
                            text[0] = Wire.string(inner);
                        }
                    });
                }
            });
            if (key[0].equals("service.name")) {
                name[0] = text[0];
            }
        });
        return name[0];
    }

    /** Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6 (varint). */
    private static Span span(String service, ByteBuffer span) {
        String[] values = {"", "", "", ""};
        int[] kind = {0};
        Wire.forEach(span, (field, value) -> {
            switch (field) {
                case 1 -> values[0] = Wire.hex(value);
                case 2 -> values[1] = Wire.hex(value);
                case 4 -> values[2] = Wire.hex(value);
                case 5 -> values[3] = Wire.string(value);
                default -> { }
            }
        }, (field, varint) -> {
            if (field == 6) {
                kind[0] = (int) varint;
            }
        });
        Kind[] kinds = Kind.values();
        return new Span(service, values[0], values[1], values[2], values[3], kind[0] < kinds.length ? kinds[kind[0]] : Kind.UNSPECIFIED);
    }

    /** The protobuf wire format, as far as reading OTLP needs: length-delimited fields and varints. */
    static final class Wire {

        interface Bytes {
            void accept(int field, ByteBuffer value);
        }

        interface Varint {
            void accept(int field, long value);
        }

        static void forEach(ByteBuffer message, Bytes bytes) {
            forEach(message, bytes, (field, value) -> { });
        }

        static void forEach(ByteBuffer message, Bytes bytes, Varint varints) {
            ByteBuffer in = message.duplicate();
            while (in.hasRemaining()) {
                long tag = varint(in);
                int field = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> varints.accept(field, varint(in));
                    case 1 -> in.position(in.position() + 8);
                    case 2 -> {
                        int length = (int) varint(in);
                        ByteBuffer value = in.slice(in.position(), length);
                        in.position(in.position() + length);
                        bytes.accept(field, value);
                    }
                    case 5 -> in.position(in.position() + 4);
                    default -> throw new IllegalArgumentException("unsupported wire type in tag " + tag);
                }
            }
        }

        static long varint(ByteBuffer in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in.get();
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        static String string(ByteBuffer value) {
            byte[] bytes = new byte[value.remaining()];
            value.duplicate().get(bytes);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        static String hex(ByteBuffer value) {
            byte[] bytes = new byte[value.remaining()];
            value.duplicate().get(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
