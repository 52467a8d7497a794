package io.gatedesk.cluster;

import io.gatedesk.GateDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** Starts a whole GateDesk node as an operator would: the same jar's main class, settings on the command line. */
final class Nodes {

    private Nodes() {
    }

    /** A node on a random port against the PostgreSQL database at {@code jdbcUrl}, with {@code extra} arguments. */
    static ConfigurableApplicationContext start(String jdbcUrl, String... extra) {
        return start(jdbcUrl, new Class<?>[0], extra);
    }

    /** As {@link #start(String, String...)}, with test-only beans ({@code sources}) next to the application's. */
    static ConfigurableApplicationContext start(String jdbcUrl, Class<?>[] sources, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=test,postgres",
                "--GATEDESK_DB_URL=" + jdbcUrl, "--GATEDESK_DB_USER=postgres", "--GATEDESK_DB_PASSWORD=postgres",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(GateDeskApplication.class).sources(sources)
                .run(args.toArray(String[]::new));
    }
}
