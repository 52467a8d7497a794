package io.gatedesk.user;

import io.gatedesk.common.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * On first start creates the {@code admin} account, with the password from {@code GATEDESK_ADMIN_PASSWORD} or a
 * generated one that is logged once and written to {@code <data dir>/initial-admin-password}.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserService users;
    private final String configuredPassword;
    private final Path dataDir;

    InitialAdmin(UserService users,
                 @Value("${gatedesk.admin.initial-password:}") String configuredPassword,
                 @Value("${gatedesk.data-dir}") Path dataDir) {
        this.users = users;
        this.configuredPassword = configuredPassword;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists(USERNAME)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? Hashing.randomToken(15) : configuredPassword;
        users.create(new UserService.NewStaffMember(USERNAME, "Administrator", null, password,
                EnumSet.of(Role.ADMIN, Role.AGENT, Role.ENGINEER)));
        if (generated) {
            Path file = dataDir.resolve("initial-admin-password");
            try {
                Files.createDirectories(dataDir);
                Files.writeString(file, password + System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
            log.warn("Created the admin account. User: admin  Password: {}  (also written to {}; change it after logging in)",
                    password, file.toAbsolutePath());
        } else {
            log.info("Created the admin account with the password from GATEDESK_ADMIN_PASSWORD");
        }
    }
}
