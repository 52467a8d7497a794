package io.gatedesk.user;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a newly set password (ASVS 5.0 V6.2): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_LENGTH} (and 72 bytes, all that bcrypt reads), not a common or breached password from the bundled
 * SecLists lists, not built on the user name or the product's name. No composition rules: any characters, spaces
 * included, are welcome, and the password is used exactly as typed.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    static final String[] LISTS = {"passwords/seclists-top-10000.txt", "passwords/seclists-top-12-plus.txt"};
    private static final Set<String> CONTEXT_WORDS = Set.of("gatedesk");

    private final Set<String> common;

    PasswordPolicy() {
        Set<String> words = new HashSet<>(32_000);
        for (String list : LISTS) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new ClassPathResource(list).getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the bundled password list " + list, e);
            }
        }
        this.common = Set.copyOf(words);
    }

    /** The message key of the first rule the password breaks, for this user name; empty when it is acceptable. */
    public Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("user.password.tooShort");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("user.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        // Case does not make a listed password any harder to guess.
        if (common.contains(lower) || common.contains(lower.strip())) {
            return Optional.of("user.password.common");
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if ((name.length() >= 3 && lower.contains(name))
                || CONTEXT_WORDS.stream().anyMatch(lower::contains)) {
            return Optional.of("user.password.context");
        }
        return Optional.empty();
    }

    /** The arguments every password message takes: {0} the least length, {1} the greatest. */
    public static Object[] messageArguments() {
        return new Object[]{MIN_LENGTH, MAX_LENGTH};
    }

    int listedPasswords() {
        return common.size();
    }
}
