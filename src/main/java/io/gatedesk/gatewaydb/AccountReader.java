package io.gatedesk.gatewaydb;

import io.gatedesk.secret.MaskedKey;

import java.util.List;

/** Reads the key rows one kind of gateway keeps for a masked key, without ever selecting the key itself. */
interface AccountReader {

    /** At most this many candidates are read for one mask: more means the mask says too little to tell them apart. */
    int MAX_CANDIDATES = 5;

    boolean reads(GatewayKind kind);

    List<KeyAccount> find(GatewaySource source, MaskedKey key);

    /** Reads the schema this reader needs, so "test connection" also proves the tables are there. */
    void probe(GatewaySource source);

    /** A visible part of a mask as a LIKE literal: only letters, digits, '-' and '_' are kept, '!' escapes. */
    static String likeLiteral(String visible) {
        StringBuilder out = new StringBuilder();
        for (char c : visible.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-') {
                out.append(c);
            } else if (c == '_') {
                out.append("!_");
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
