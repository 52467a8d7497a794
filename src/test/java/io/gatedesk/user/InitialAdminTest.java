package io.gatedesk.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Without GATEDESK_ADMIN_PASSWORD a password is generated and written to the data directory. */
@SpringBootTest(properties = {"gatedesk.admin.initial-password=", "gatedesk.data-dir=target/initial-admin-test"})
@ActiveProfiles("test")
class InitialAdminTest {

    @Value("${gatedesk.data-dir}")
    Path dataDir;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void generatedPasswordIsWrittenOnceToTheDataDirectoryAndMatchesTheStoredHash() throws Exception {
        Path file = dataDir.resolve("initial-admin-password");
        assertThat(file).exists();
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE username = 'admin'", String.class);
        assertThat(passwordEncoder.matches(password, hash)).isTrue();
    }
}
