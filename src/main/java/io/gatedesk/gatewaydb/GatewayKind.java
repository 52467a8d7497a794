package io.gatedesk.gatewaydb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The gateway software whose database a source is; each keeps keys and users in its own tables. */
public enum GatewayKind {
    NEW_API("new-api"),
    ONE_API("one-api"),
    LITELLM("litellm");

    private final String code;

    GatewayKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<GatewayKind> of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.code.equals(wanted)).findFirst();
    }
}
