package io.gatedesk.web;

import java.sql.SQLException;

/**
 * Text the database refuses to hold: PostgreSQL rejects a NUL character in any text value ("invalid byte sequence
 * for encoding UTF8: 0x00", SQL state 22021), where H2 accepts it. A search or form carrying one is bad input (400),
 * not a server error.
 */
final class UnstorableText {

    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    private UnstorableText() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
