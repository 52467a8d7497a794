package io.gatedesk.secret.bench;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import io.gatedesk.secret.SampleKeys;
import io.gatedesk.secret.SampleKeys.Sample;

/**
 * A deterministic stand-in for what the scanner reads all day: support tickets in English and Chinese, gateway
 * text logs, JSON error bodies and log exports, curl commands with the key left out, and now and then a real-looking
 * secret. The same seed always gives the same text, so benchmark runs compare like with like.
 */
public final class SupportTicketCorpus {

    /** The text and the secrets placed in it, in order. */
    public record Corpus(String text, List<Sample> secrets) {
    }

    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet-20241022", "deepseek-chat",
            "deepseek-reasoner", "gemini-1.5-pro-002", "qwen2.5-72b-instruct", "o1-mini-2024-09-12"};
    private static final String[] CLIENTS = {"Cursor", "Cherry Studio", "LobeChat", "NextChat", "Dify", "OpenAI Python SDK"};
    private static final String[] ENGLISH = {
            "Hi team, since this morning %c returns 401 for every request to %m. Our base URL is https://api.example.com/v1.",
            "We set the base URL to https://api.example.com and now %c says Unexpected token '<' in JSON at position 0.",
            "Requests to %m time out after about 100 seconds, Cloudflare shows a 524 page. Request time 2024-11-02 14:03 UTC+8.",
            "Streaming stops in the middle of the answer without data: [DONE]; it happens with %m in %c, not with curl.",
            "Is the key limited to the default group? %m says model_not_found but the dashboard lists it.",
            "Thanks, after switching the group it works. You can close this ticket.",
            "Our production service calls %m about 30 times a minute and started to get 429 rate_limit_exceeded today.",
            "The invoice shows the quota is used up although the dashboard says 12.5 USD left. Please check the token."};
    private static final String[] CHINESE = {
            "您好，我们在%c里配置了接口地址，调用%m一直报错401，麻烦帮忙看一下。",
            "今天上午开始%m经常超时，请求时间大概是10点20分（北京时间），请问是上游的问题吗？",
            "当前分组 default 下对于模型 %m 无可用渠道，请问需要换分组吗？",
            "流式输出到一半就断了，没有收到[DONE]，客户端是%c，模型是%m。",
            "余额显示还有20美元，但是提示用户额度不足，剩余额度为0，请帮忙核实。",
            "已经按照文档把Base URL改成了https://api.example.com/v1，现在可以正常使用了，谢谢！"};

    private SupportTicketCorpus() {
    }

    public static Corpus generate(long seed, int targetChars, int charsPerSecret) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(targetChars + 4096);
        List<Sample> secrets = new ArrayList<>();
        int nextSecretAt = charsPerSecret / 2;
        while (text.length() < targetChars) {
            if (text.length() >= nextSecretAt) {
                Sample secret = SampleKeys.any(random);
                secrets.add(secret);
                text.append(secretInContext(random, secret.written())).append('\n');
                nextSecretAt += charsPerSecret;
            }
            appendOrdinary(random, text);
        }
        return new Corpus(text.toString(), List.copyOf(secrets));
    }

    private static void appendOrdinary(SplittableRandom random, StringBuilder text) {
        String model = pick(random, MODELS);
        String client = pick(random, CLIENTS);
        String requestId = requestId(random);
        switch (random.nextInt(8)) {
            case 0, 1 -> text.append(fill(pick(random, ENGLISH), model, client)).append('\n');
            case 2, 3 -> text.append(fill(pick(random, CHINESE), model, client)).append('\n');
            case 4 -> text.append("[GIN] 2024/11/02 - 14:0").append(random.nextInt(10)).append(":1").append(random.nextInt(10))
                    .append(" | ").append(requestId).append(" | ").append(pick(random, new String[] {"200", "401", "429", "503"}))
                    .append(" |   ").append(random.nextInt(9000)).append(".12ms |  10.0.").append(random.nextInt(255))
                    .append(".7 | POST     /v1/chat/completions\n");
            case 5 -> text.append("{\"error\":{\"message\":\"当前分组 default 下对于模型 ").append(model)
                    .append(" 无可用渠道 (request id: ").append(requestId)
                    .append(")\",\"type\":\"new_api_error\",\"param\":\"\",\"code\":\"model_not_found\"}}\n");
            case 6 -> text.append("{\"request_id\":\"chatcmpl-").append(UUID.nameUUIDFromBytes(requestId.getBytes()).toString()
                            .replace("-", "")).append("\",\"api_key\":\"").append(hex(random, 32))
                    .append("\",\"model\":\"").append(model).append("\",\"spend\":0.00").append(random.nextInt(999))
                    .append(",\"status\":\"success\",\"trace\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                    .append("\"}\n");
            default -> text.append("curl https://api.example.com/v1/chat/completions -H \"Authorization: Bearer $OPENAI_API_KEY\" ")
                    .append("-H \"Content-Type: application/json\" -d '{\"model\":\"").append(model)
                    .append("\",\"stream\":true,\"max_tokens\":").append(256 + random.nextInt(4096)).append("}'\n");
        }
    }

    private static String secretInContext(SplittableRandom random, String key) {
        return switch (random.nextInt(5)) {
            case 0 -> "Here is our key so you can test: " + key + " (please do not share it)";
            case 1 -> "我的key是" + key + "，请帮忙看看为什么一直401。";
            case 2 -> "curl https://api.example.com/v1/models -H \"Authorization: Bearer " + key + "\"";
            case 3 -> "{\"api_key\": \"" + key + "\", \"base_url\": \"https://api.example.com/v1\"}";
            default -> "OPENAI_BASE_URL=https://api.example.com/v1\nOPENAI_API_KEY=" + key;
        };
    }

    private static String fill(String template, String model, String client) {
        return template.replace("%m", model).replace("%c", client);
    }

    private static String requestId(SplittableRandom random) {
        return "2024110214" + (1000 + random.nextInt(9000)) + (10_000_000 + random.nextInt(90_000_000))
                + (10_000_000 + random.nextInt(90_000_000));
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    private static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
