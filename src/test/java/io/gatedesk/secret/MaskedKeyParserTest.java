package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedKeyParserTest {

    @Test
    void newApiTokenListFormKeepsFourAndFour() {
        assertThat(MaskedKeyParser.parse("sk-abcd************wxyz")).contains(MaskedKey.of("sk-", "abcd", "wxyz"));
    }

    @Test
    void newApiErrorFormInBracketsKeepsThreeAndThree() {
        assertThat(MaskedKeyParser.parse("[sk-abc***xyz]")).contains(MaskedKey.of("sk-", "abc", "xyz"));
    }

    @Test
    void liteLlmFormHasOnlyATail() {
        assertThat(MaskedKeyParser.parse("sk-...wxyz")).contains(MaskedKey.of("sk-", "", "wxyz"));
    }

    @Test
    void cherryStudioFormKeepsEightAndEight() {
        assertThat(MaskedKeyParser.parse("sk-abcdefgh****12345678")).contains(MaskedKey.of("sk-", "abcdefgh", "12345678"));
    }

    @Test
    void ourOwnMaskParsesBackToItsParts() {
        MaskedKey key = MaskedKeyParser.parse("sk-abcd…wxyz").orElseThrow();

        assertThat(key).isEqualTo(new MaskedKey("sk-", "abcd", "wxyz", "sk-abcd…wxyz", null));
    }

    @Test
    void issuerPrefixesAreKeptApartFromTheHead() {
        assertThat(MaskedKeyParser.parse("sk-proj-abcd…wxyz")).contains(MaskedKey.of("sk-proj-", "abcd", "wxyz"));
        assertThat(MaskedKeyParser.parse("sk-ant-api03-abcd…wxAA")).contains(MaskedKey.of("sk-ant-api03-", "abcd", "wxAA"));
        assertThat(MaskedKeyParser.parse("sk-or-v1-0f1e…e1f0")).contains(MaskedKey.of("sk-or-v1-", "0f1e", "e1f0"));
        assertThat(MaskedKeyParser.parse("gsk_Qx7m…Zz91")).contains(MaskedKey.of("gsk_", "Qx7m", "Zz91"));
    }

    @Test
    void aBearerMaskParsesWithoutItsScheme() {
        assertThat(MaskedKeyParser.parse("Bearer Zt7K…6Hy1")).contains(MaskedKey.of("", "Zt7K", "6Hy1"));
    }

    @Test
    void aBareLastFourTypedIntoTheMaskedKeyFieldIsATail() {
        assertThat(MaskedKeyParser.parse(" wxyz ")).contains(MaskedKey.of("", "", "wxyz"));
    }

    @Test
    void aFullKeyOrAPlaceholderIsNotAMaskedKey() {
        assertThat(MaskedKeyParser.parse("sk-" + "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB")).isEmpty();
        assertThat(MaskedKeyParser.parse("sk-xxxx…xxxx")).isEmpty();
        assertThat(MaskedKeyParser.parse("sk-...")).isEmpty();
        assertThat(MaskedKeyParser.parse(null)).isEmpty();
    }

    @Test
    void englishAndChineseTailPhrasesAreFoundInTicketText() {
        assertThat(MaskedKeyParser.findAll("The key ending in wxyz fails, the one that ends with 9Qz1 works"))
                .containsExactly(MaskedKey.of("", "", "wxyz"), MaskedKey.of("", "", "9Qz1"));
        assertThat(MaskedKeyParser.findAll("尾号wxyz的key报401")).containsExactly(MaskedKey.of("", "", "wxyz"));
        assertThat(MaskedKeyParser.findAll("密钥后四位 ab12，另一个后4位：cd34")).containsExactly(
                MaskedKey.of("", "", "ab12"), MaskedKey.of("", "", "cd34"));
        assertThat(MaskedKeyParser.findAll("last 4 digits: 7788")).containsExactly(MaskedKey.of("", "", "7788"));
    }

    @Test
    void tailPhrasesAreFoundInAnyCaseAndEveryChineseWording() {
        assertThat(MaskedKeyParser.findAll("KEY ENDING IN WXYZ")).containsExactly(MaskedKey.of("", "", "WXYZ"));
        assertThat(MaskedKeyParser.findAll("The LAST FOUR of my key: 9f3a")).containsExactly(MaskedKey.of("", "", "9f3a"));
        assertThat(MaskedKeyParser.findAll("尾数是 ab12；末4位 cd34；末四位 ef56；最后四位 gh78；最后4位 ij90"))
                .containsExactly(MaskedKey.of("", "", "ab12"), MaskedKey.of("", "", "cd34"),
                        MaskedKey.of("", "", "ef56"), MaskedKey.of("", "", "gh78"), MaskedKey.of("", "", "ij90"));
        assertThat(MaskedKeyParser.findAll("以 wxyz 结尾的那个 key")).containsExactly(MaskedKey.of("", "", "wxyz"));
        assertThat(MaskedKeyParser.findAll("Nothing here: no key, no phrase, 1234")).isEmpty();
    }

    @Test
    void findAllReturnsEveryMaskedKeyOnceInOrder() {
        String ticket = "旧key是sk-abc***xyz，新的 sk-abcd************wxyz 也报错；LiteLLM 日志里是 sk-...wxyz，again sk-abc***xyz";

        assertThat(MaskedKeyParser.findAll(ticket)).containsExactly(
                MaskedKey.of("sk-", "abc", "xyz"), MaskedKey.of("sk-", "abcd", "wxyz"), MaskedKey.of("sk-", "", "wxyz"));
    }

    @Test
    void findAllIgnoresFullKeysModelNamesAndPlainEllipses() {
        assertThat(MaskedKeyParser.findAll("gpt-4o-mini…… 等了很久…… sk-xxxx…xxxx 20240102150405123456789012345678")).isEmpty();
    }

    @Test
    void masksOfTheSameKeyFitEachOtherWhateverTheGatewaysSpelling() {
        MaskedKey ours = MaskedKeyParser.parse("sk-abcd…wxyz").orElseThrow();

        assertThat(ours.fits(MaskedKeyParser.parse("sk-abc***xyz").orElseThrow())).isTrue();
        assertThat(ours.fits(MaskedKeyParser.parse("sk-...wxyz").orElseThrow())).isTrue();
        assertThat(ours.fits(MaskedKeyParser.parse("尾号wxyz").orElseThrow())).isTrue();
        assertThat(MaskedKeyParser.parse("sk-abc***xyz").orElseThrow().fits(ours)).isTrue();
    }

    @Test
    void masksWithDifferentHeadsTailsOrIssuersDoNotFit() {
        MaskedKey ours = MaskedKeyParser.parse("sk-abcd…wxyz").orElseThrow();

        assertThat(ours.fits(MaskedKeyParser.parse("sk-abce***xyz").orElseThrow())).isFalse();
        assertThat(ours.fits(MaskedKeyParser.parse("sk-...wxy0").orElseThrow())).isFalse();
        assertThat(ours.fits(MaskedKeyParser.parse("gsk_abcd…wxyz").orElseThrow())).isFalse();
    }

    @Test
    void knownFingerprintsDecideWhetherTwoMasksFit() {
        MaskedKey a = MaskedKey.of("sk-", "abcd", "wxyz").withFingerprint("aa");

        assertThat(a.fits(MaskedKey.of("sk-", "abcd", "wxyz").withFingerprint("bb"))).isFalse();
        assertThat(a.fits(MaskedKey.of("sk-", "", "wxyz").withFingerprint("aa"))).isTrue();
    }

    @Test
    void aFindingBecomesAMaskedKeyThatFitsTheFullKey() {
        String key = "sk-" + "Qx7mR2vK9pLw3NcT8bZs5YhJ4fGd6AeUq1WoXiVn0MlPrCjB";
        SecretFinding finding = new SecretScanner().redact(key).findings().get(0);

        MaskedKey masked = MaskedKey.from(finding).orElseThrow();

        assertThat(masked.knownFingerprint()).contains(finding.fingerprint());
        assertThat(masked.fitsKey(key)).isTrue();
        assertThat(MaskedKey.of("sk-", "Qx7m", "rCjB").fitsKey(key)).isTrue();
        assertThat(MaskedKey.of("sk-", "Qx7m", "rCjC").fitsKey(key)).isFalse();
    }
}
