package io.gatedesk.gatewaylog.format;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Maps token-list rows onto {@link KeyInventoryEntry}. The new-api list shows a key as first 4 + stars + last 4
 * (the UI adds {@code sk-}); a database dump holds the full key, which is reduced here to SHA-256, head and tail
 * and never kept. LiteLLM lists keys by their SHA-256 ({@code token}) and {@code sk-...wxyz}.
 */
final class KeyInventoryMappers {

    private KeyInventoryMappers() {
    }

    static KeyInventoryEntry map(LogFormat format, Row row, ParseOptions options) {
        String source = options.sourceFor(format);
        return switch (format) {
            case NEW_API_TOKENS -> newApi(row, options, source);
            case LITELLM_TOKENS -> liteLlm(row, options, source);
            default -> throw new IllegalArgumentException(format + " is not a key inventory format");
        };
    }

    static KeyInventoryEntry newApi(Row row, ParseOptions options, String source) {
        String id = row.get("id", "token_id");
        String name = row.get("name", "token_name");
        String key = row.get("key");
        if (id == null && name == null && key == null) {
            throw new RowRejected(LineErrorCode.MISSING_FIELD, "the row has no id, name or key");
        }
        String head = null;
        String tail = null;
        String hash = null;
        if (key != null) {
            String body = key.strip();
            if (body.startsWith("sk-")) {
                body = body.substring(3);
            }
            int firstStar = body.indexOf('*');
            if (firstStar >= 0) {
                head = emptyToNull(body.substring(0, firstStar));
                tail = emptyToNull(body.substring(body.lastIndexOf('*') + 1));
            } else if (body.length() >= 16) {
                // A full key (database dump): keep only what a masked form would show, plus the exact fingerprint
                // of the key as customers paste it, with its sk- prefix.
                hash = GatewayLogRecord.sha256Hex("sk-" + body);
                head = body.substring(0, 4);
                tail = body.substring(body.length() - 4);
            } else {
                throw new RowRejected(LineErrorCode.BAD_VALUE, "key is neither masked nor a full key");
            }
        }
        Long status = Values.longValue("status", row.get("status"), row, options);
        String statusText = status == null ? null : switch (status.intValue()) {
            case 1 -> "enabled";
            case 2 -> "disabled";
            case 3 -> "expired";
            case 4 -> "exhausted";
            default -> "status " + status;
        };
        return guarded(options.textGuard(), new KeyInventoryEntry(source, id, name, null, row.get("user_id"),
                row.get("username"), row.get("group"), hash, head, tail, statusText));
    }

    static KeyInventoryEntry liteLlm(Row row, ParseOptions options, String source) {
        String token = row.get("token");
        String keyName = row.get("key_name");
        String alias = row.get("key_alias");
        if (token == null && keyName == null && alias == null) {
            throw new RowRejected(LineErrorCode.MISSING_FIELD, "the row has no token, key_name or key_alias");
        }
        String hash = null;
        String head = null;
        if (token != null) {
            String t = token.strip();
            if (Values.isSha256Hex(t)) {
                hash = t.toLowerCase(Locale.ROOT);
            } else if (t.startsWith("sk-") && t.length() >= 12) {
                hash = GatewayLogRecord.sha256Hex(t);
                head = t.substring(3, 7);
                if (keyName == null) {
                    keyName = "sk-..." + t.substring(t.length() - 4);
                }
            } else {
                throw new RowRejected(LineErrorCode.BAD_VALUE, "token is not a SHA-256 fingerprint");
            }
        }
        String tail = null;
        if (keyName != null) {
            String k = keyName.strip();
            int dots = k.lastIndexOf("...");
            if (dots >= 0 && k.length() - dots - 3 >= 4) {
                tail = k.substring(k.length() - 4);
            }
        }
        Boolean blocked = Values.booleanValue("blocked", row.get("blocked"), options);
        String status = Boolean.TRUE.equals(blocked) ? "blocked" : "active";
        return guarded(options.textGuard(), new KeyInventoryEntry(source, null, keyName, alias, row.get("user_id"),
                null, row.get("team_id"), hash, head, tail, status));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Every text field passes the caller's guard, exactly as log records do, and must be storable. */
    private static KeyInventoryEntry guarded(UnaryOperator<String> guard, KeyInventoryEntry e) {
        return new KeyInventoryEntry(g(guard, "source", e.source()), g(guard, "key_id", e.keyId()),
                g(guard, "key_name", e.keyName()), g(guard, "key_alias", e.keyAlias()),
                g(guard, "user_id", e.userId()), g(guard, "username", e.username()), g(guard, "group", e.group()),
                g(guard, "key_hash_sha256", e.keyHashSha256()), g(guard, "masked_head", e.maskedHead()),
                g(guard, "masked_tail", e.maskedTail()), g(guard, "status", e.status()));
    }

    private static String g(UnaryOperator<String> guard, String column, String value) {
        return value == null || value.isBlank() ? null
                : GatewayLogRecordBuilder.storable(column, guard.apply(value));
    }
}
