package dev.coffer.vault.core;

import dev.coffer.vault.audit.AuditEvent;
import dev.coffer.vault.audit.AuditSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ready-made {@link AuditSink}s. */
public final class AuditSinks {
    private static final Logger AUDIT = LoggerFactory.getLogger("dev.coffer.audit");

    private AuditSinks() {
    }

    /**
     * @return a sink that logs each completed event as one JSON line at INFO (request records at
     * DEBUG) on logger {@code dev.coffer.audit}
     */
    public static AuditSink slf4j() {
        return event -> {
            if (event.phase() == AuditEvent.Phase.REQUEST) {
                if (AUDIT.isDebugEnabled()) {
                    AUDIT.debug(toJson(event));
                }
            } else if (AUDIT.isInfoEnabled()) {
                AUDIT.info(toJson(event));
            }
        };
    }

    /**
     * A sink writing one JSON object per line (JSON Lines) to a writer, flushing after each.
     * Writes are serialized; an I/O failure is thrown to the platform (counted when fail-open,
     * refusing the call when fail-closed).
     *
     * @param out where to write
     * @return the sink
     */
    public static AuditSink jsonLines(Writer out) {
        Objects.requireNonNull(out, "out");
        return event -> {
            String line = toJson(event) + "\n";
            synchronized (out) {
                try {
                    out.write(line);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * @param e an event
     * @return the event as one JSON object with the field names of Azure's diagnostic log
     */
    public static String toJson(AuditEvent e) {
        StringBuilder b = new StringBuilder(384).append('{');
        field(b, "time", e.time().toString());
        field(b, "resourceId", e.resourceId());
        field(b, "operationName", e.operationName());
        field(b, "operationVersion", e.operationVersion());
        field(b, "category", e.category().wireName());
        field(b, "phase", e.phase().name());
        field(b, "resultType", e.resultType());
        field(b, "resultSignature", e.resultSignature());
        field(b, "resultDescription", e.resultDescription());
        field(b, "durationMs", Long.toString(e.durationMs()));
        field(b, "callerIpAddress", e.callerIpAddress());
        field(b, "correlationId", e.correlationId());
        b.append("\"identity\":{\"claim\":{");
        int mark = b.length();
        field(b, "oid", e.identity().objectId());
        field(b, "tid", e.identity().tenantId());
        field(b, "appid", e.identity().applicationId());
        field(b, "upn", e.identity().displayName());
        trimComma(b, mark);
        b.append("}},\"properties\":{");
        mark = b.length();
        field(b, "clientInfo", e.clientInfo());
        field(b, "id", e.requestObjectId());
        b.append("\"httpStatusCode\":").append(e.httpStatusCode()).append(',');
        field(b, "errorCode", e.errorCode());
        field(b, "innerErrorCode", e.innerErrorCode());
        field(b, "authorizedBy", e.authorizedBy());
        trimComma(b, mark);
        return b.append("}}").toString();
    }

    private static void trimComma(StringBuilder b, int mark) {
        if (b.length() > mark && b.charAt(b.length() - 1) == ',') {
            b.setLength(b.length() - 1);
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value == null) {
            return;
        }
        b.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append("\",");
    }
}
