package io.gatedesk.attachment;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Files the attachment tests upload: a HAR with a key in its headers, a log with a key, a screenshot. */
final class Samples {

    /** A full gateway key, never to be stored. */
    static final String KEY = "sk-Zq81mWk2Lp5Rt7Yx3Nc9Vb4Hd6Fg0Js8Ka1Qe2Wr3Ty4Ui";
    static final String OTHER_KEY = "sk-proj-Hb7Nm2Qw9Er4Ty6Ui8Op1As3Df5Gh7Jk9Lz2Xc4Vb6Nm8Q";
    static final String REQUEST_ID = "2026120514223397586731a8bC4d";

    private Samples() {
    }

    static byte[] har() {
        return ("""
                {"log": {"version": "1.2", "creator": {"name": "Chrome", "version": "131"}, "entries": [
                  {"request": {"method": "POST", "url": "https://api.example.com/v1/chat/completions",
                    "headers": [{"name": "Authorization", "value": "Bearer %s"},
                                {"name": "x-api-key", "value": "gw-opaque-token-7fa93be1c2d4"},
                                {"name": "Content-Type", "value": "application/json"}],
                    "cookies": [{"name": "session", "value": "s3ss10n-cookie-value-abcdef"}]},
                   "response": {"status": 401, "headers": [{"name": "X-Oneapi-Request-Id", "value": "%s"}],
                    "content": {"text": "{\\"error\\":{\\"message\\":\\"invalid key (request id: %s)\\"}}"}}}
                ]}}
                """).formatted(KEY, REQUEST_ID, REQUEST_ID).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] log() {
        return ("2026/12/05 14:22:33 [ERR] request failed, key " + OTHER_KEY + "\n"
                + "2026/12/05 14:22:33 [ERR] status 401 (request id: " + REQUEST_ID + ")\n"
                + "2026/12/05 14:22:34 [GIN] 200 | 1.2s | POST /v1/chat/completions\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0969da));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
