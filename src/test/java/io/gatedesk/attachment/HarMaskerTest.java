package io.gatedesk.attachment;

import io.gatedesk.secret.SecretFinding;
import io.gatedesk.secret.SecretScanner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarMaskerTest {

    private final SecretScanner guard = new SecretScanner();
    private final HarMasker masker = new HarMasker(JsonMapper.builder().build(), guard);

    @Test
    void aKeyInTheAuthorizationHeaderIsMaskedAndReported() {
        List<SecretFinding> findings = new ArrayList<>();
        String masked = masker.mask(new String(Samples.har(), StandardCharsets.UTF_8), findings);

        assertThat(masked).doesNotContain(Samples.KEY).doesNotContain(Samples.KEY.substring(3, 30));
        assertThat(masked).contains("Bearer sk-").contains("…" + Samples.KEY.substring(Samples.KEY.length() - 4));
        assertThat(findings).extracting(SecretFinding::masked).anyMatch(m -> m.startsWith("sk-"));
    }

    @Test
    void headersThatDoNotLookLikeKeysAreMaskedByTheirName() {
        String masked = masker.mask(new String(Samples.har(), StandardCharsets.UTF_8), new ArrayList<>());

        assertThat(masked).doesNotContain("gw-opaque-token-7fa93be1c2d4").contains("…c2d4");
        assertThat(masked).doesNotContain("s3ss10n-cookie-value-abcdef");
        assertThat(masked).contains("application/json").contains(Samples.REQUEST_ID);
    }

    @Test
    void anApiKeyHeaderIsMaskedWhateverItsCase() {
        String har = """
                {"log": {"entries": [{"request": {"headers": [{"name": "Api-Key", "value": "azure0123456789abcdef0123"}]},
                 "response": {"headers": []}}]}}""";

        assertThat(masker.mask(har, new ArrayList<>())).doesNotContain("azure0123456789abcdef0123").contains("…0123");
    }

    @Test
    void aFileThatIsNotAHarIsRefused() {
        assertThatThrownBy(() -> masker.mask("not json at all {", new ArrayList<>()))
                .isInstanceOf(HarMasker.MalformedHarException.class);
        assertThatThrownBy(() -> masker.mask("{\"log\": {}}", new ArrayList<>()))
                .isInstanceOf(HarMasker.MalformedHarException.class);
    }

    @Test
    void typesAreSniffedFromTheBytesNotTheName() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(FileTypes.sniff(exe, "screenshot.png").refused()).isTrue();
        assertThat(FileTypes.sniff(Samples.png(20, 10), "notes.txt").kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(FileTypes.sniff("<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
                "page.html").kind()).isEqualTo(AttachmentKind.DOWNLOAD);
        assertThat(FileTypes.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8),
                "logo.svg").kind()).isEqualTo(AttachmentKind.DOWNLOAD);
        assertThat(FileTypes.sniff(Samples.log(), "gateway.log").kind()).isEqualTo(AttachmentKind.TEXT);
        assertThat(FileTypes.sniff(Samples.har(), "session.har").kind()).isEqualTo(AttachmentKind.TEXT);
        assertThat(FileTypes.sniff("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "fix.sh").refused())
                .isTrue();
    }

    @Test
    void aScreenshotGetsASmallThumbnail() {
        byte[] thumbnail = Thumbnails.of(Samples.png(1600, 900));

        assertThat(thumbnail).isNotNull();
        assertThat(FileTypes.sniff(thumbnail, "t.png").kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(Thumbnails.of("not an image".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void fileNamesLoseTheirPathsAndControlCharacters() {
        assertThat(Upload.cleanName("C:\\Users\\ann\\Desktop\\app.log")).isEqualTo("app.log");
        assertThat(Upload.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Upload.cleanName("a\"b\r\n.txt")).isEqualTo("ab.txt");
        assertThat(Upload.cleanName("..")).isEqualTo("attachment");
    }
}
