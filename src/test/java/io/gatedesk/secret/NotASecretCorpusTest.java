package io.gatedesk.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that looks a little like a credential but is not one: masking it would destroy evidence agents need. */
class NotASecretCorpusTest {

    private final SecretScanner scanner = new SecretScanner();

    @ParameterizedTest
    @ValueSource(strings = {
            // masked forms, ours and the gateways'
            "Our key sk-abcd…wxyz stopped working",
            "new-api token list shows sk-abcd************wxyz",
            "无效的令牌 [sk-abc***xyz]",
            "LiteLLM: Authentication Error, key sk-...wxyz",
            "Cherry Studio shows sk-abcdefgh****12345678",
            "Authorization: Bearer sk-abcd…wxyz",
            "api_key=sk-abcd…wxyz",
            "{\"api_key\": \"sk-abc***xyz\"}",
            "token=Zt7K…6Hy1&limit=5",
            "gsk_abcd…wxyz and sk-proj-abcd…wxyz and sk-ant-api03-abcd…wxAA",
            // documentation placeholders
            "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "export OPENAI_API_KEY=sk-your-key-here",
            "api_key = \"sk-your-openai-api-key-goes-here\"",
            "set the key to sk-... in settings",
            "sk-1234567890abcdef1234567890abcdef",
            "OPENAI_API_KEY=<your key>",
            "api_key=YOUR_API_KEY",
            "OPENAI_API_KEY=${OPENAI_API_KEY}",
            "curl https://api.example.com/v1/models -H \"Authorization: Bearer $OPENAI_API_KEY\"",
            "Authorization: Bearer <your key>",
            "Authorization: Bearer YOUR_API_KEY_GOES_HERE",
            "const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
            "api_key = os.environ[\"OPENAI_API_KEY\"]",
            "gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "sk-ant-api03-...",
            "Bearer token expired, please refresh it",
            // model names
            "model: gpt-4o-mini",
            "claude-3-5-sonnet-20241022 returns overloaded_error",
            "deepseek-chat and deepseek-reasoner both time out",
            "gemini-1.5-pro-002 / qwen2.5-72b-instruct / o1-mini-2024-09-12",
            "分组 default 下模型 gpt-4o-2024-08-06 无可用渠道（distributor）",
            // request ids, uuids, completion ids, hashes
            "request id: 20240102150405123456789012345678",
            "X-Oneapi-Request-Id: 20240102150405123456789012345678",
            "[ERR] 2024/01/02 - 15:04:05 | 20240102150405123456789012345678 | 无效的令牌 (request id: 20240102150405123456789012345678)",
            "\"request_id\": \"550e8400-e29b-41d4-a716-446655440000\"",
            "trace 550e8400-e29b-41d4-a716-446655440000",
            "{\"id\":\"chatcmpl-AbC123dEf456GhI789jKl012\",\"object\":\"chat.completion\"}",
            "sha256 3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
            "{\"api_key\": \"3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b\", \"spend\": 0.002}",
            "key_hash_sha256=3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
            "\"idempotency_key\": \"550e8400-e29b-41d4-a716-446655440000\"",
            // plain urls and ordinary code and prose
            "https://api.example.com/v1/chat/completions",
            "https://api.example.com/v1/models?limit=20&order=desc",
            "https://docs.example.com/keys?tab=api-keys#create-a-key",
            "[GIN] 2024/01/02 - 15:04:05 | 20240102150405123456789012345678 | 401 |   1.234ms | 10.0.0.1 | POST /v1/chat/completions",
            "\"max_tokens\": 4096, \"token_type\": \"bearer\", \"prompt_tokens\": 1234",
            "task-management-module-2024-release-notes",
            "risk-assessment-for-q3-deployment-plan-final",
            "The key: ask the admin for a new one.",
            "monkey=banana_split_recipe_2024_v2",
            "{\"key\": \"ticket.status.open\"}",
            "\"cache_key\": \"user:1234:profile:settings\"",
            "primary_key=ticket_id_2024_customer_reference",
            "Token: 12345678901234567890",
            "eyJhbGciOiJIUzI1NiJ9 is only a JWT header",
            "timestamp 2024-01-02T15:04:05.123456789+08:00",
            "用户尾号wxyz的key报401，后四位 wxyz",
            "if (key == expectedKeyFromConfig2024) { return; }",
    })
    void leavesTextThatIsNotACredentialUnchanged(String text) {
        Redaction redaction = scanner.redact(text);

        assertThat(redaction.findings()).isEmpty();
        assertThat(redaction.text()).isEqualTo(text);
    }
}
