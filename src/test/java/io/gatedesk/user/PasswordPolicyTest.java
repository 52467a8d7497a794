package io.gatedesk.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    static final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void bothBundledListsAreLoaded() {
        assertThat(policy.listedPasswords()).isGreaterThan(19_000);
    }

    @Test
    void listedPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.problem("123qweasdzxc", "pat")).contains("user.password.common");
        assertThat(policy.problem("123QWEASDZXC", "pat")).contains("user.password.common");
        assertThat(policy.problem("123qweasdzxc and more", "pat")).isEmpty();
    }

    @Test
    void lengthIsCountedInCharactersAndCappedByWhatBcryptReads() {
        assertThat(policy.problem("elevenchars", "pat")).contains("user.password.tooShort");
        assertThat(policy.problem("十二个汉字的密码也可以用吧", "pat")).isEmpty();
        assertThat(policy.problem("é".repeat(37), "pat")).contains("user.password.tooLong");
        assertThat(policy.problem("e".repeat(64), "pat")).isEmpty();
        assertThat(policy.problem("e".repeat(65), "pat")).contains("user.password.tooLong");
    }

    @Test
    void theUserNameAndTheProductNameAreNotAPassword() {
        assertThat(policy.problem("I am patricia forever", "patricia")).contains("user.password.context");
        assertThat(policy.problem("my GateDesk password", "pat")).contains("user.password.context");
    }

    @Test
    void theDemoPasswordPassesTheRules() {
        assertThat(policy.problem("demo-password", "agent")).isEmpty();
        assertThat(policy.problem("demo-password", "engineer")).isEmpty();
    }
}
