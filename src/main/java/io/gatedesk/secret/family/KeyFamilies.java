package io.gatedesk.secret.family;

import static io.gatedesk.secret.family.Alphabet.URL_SAFE;
import static io.gatedesk.secret.family.KeyFamily.prefixed;

import java.util.List;

/**
 * Every key family the guard recognises on its own, one declaration each. Where several share a prefix, the more
 * specific comes first: the scanner tries the families of a position in this order and takes the first that fits.
 */
public final class KeyFamilies {

    private KeyFamilies() {
    }

    private static final List<KeyFamily> ALL = List.of(
            prefixed("ANTHROPIC_KEY", "sk-ant-", URL_SAFE, 20, 512).shape(Shapes.VERSIONED)
                    .context("ANTHROPIC_API_KEY", "x-api-key")
                    .source("https://docs.anthropic.com/en/api/overview#authentication"),
            prefixed("OPENROUTER_KEY", "sk-or-v1-", URL_SAFE, 20, 512)
                    .context("OPENROUTER_API_KEY")
                    .source("https://openrouter.ai/docs/api-reference/authentication"),
            prefixed("OPENAI_PROJECT_KEY", "sk-proj-", URL_SAFE, 20, 512)
                    .context("OPENAI_API_KEY")
                    .source("https://platform.openai.com/docs/api-reference/authentication"),
            prefixed("OPENAI_SERVICE_ACCOUNT_KEY", "sk-svcacct-", URL_SAFE, 20, 512)
                    .context("OPENAI_API_KEY")
                    .source("https://platform.openai.com/docs/api-reference/project-service-accounts"),
            prefixed("OPENAI_ADMIN_KEY", "sk-admin-", URL_SAFE, 20, 512)
                    .context("OPENAI_ADMIN_KEY")
                    .source("https://platform.openai.com/docs/api-reference/administration"),
            prefixed("OPENAI_LEGACY_KEY", "sk-", URL_SAFE, 20, 512).shape(Shapes.containing("T3Blbk" + "FJ"))
                    .context("OPENAI_API_KEY")
                    .source("https://github.com/openai/openai-python (keys issued before 2024 embed base64 'OpenAI')"),
            prefixed("GATEWAY_KEY", "sk-", URL_SAFE, 20, 512).shape(Shapes.CHANNEL_SUFFIX)
                    .context("OPENAI_API_KEY", "OPENAI_KEY")
                    .source("https://github.com/QuantumNous/new-api/blob/main/common/utils.go (GenerateKey, 48 alnum);"
                            + " https://github.com/songquanpeng/one-api/blob/main/common/random/main.go;"
                            + " https://docs.litellm.ai/docs/proxy/virtual_keys"),
            prefixed("GROQ_KEY", "gsk_", URL_SAFE, 20, 512)
                    .context("GROQ_API_KEY")
                    .source("https://console.groq.com/docs/quickstart"),
            prefixed("JWT", "eyJ", URL_SAFE, 4, 8192).shape(Shapes.JWT)
                    .source("https://www.rfc-editor.org/rfc/rfc7519"));

    public static List<KeyFamily> all() {
        return ALL;
    }
}
