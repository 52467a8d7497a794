package io.gatedesk.demo;

import io.gatedesk.ticket.CallerType;
import io.gatedesk.ticket.ClientApp;
import io.gatedesk.ticket.NewTicket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic tickets for a gateway help desk, in English and Simplified Chinese, built from the problem families real
 * one-api / new-api / LiteLLM gateways produce. The same seed and anchor give the same tickets, so demo data and
 * benchmarks are repeatable. Keys only ever appear in the masked forms gateways print; never a full key.
 */
public final class TicketGenerator {

    /** The moment request times are spread back from when no anchor is given. */
    public static final Instant DEFAULT_ANCHOR = Instant.parse("2026-11-28T09:00:00Z");

    /** The gateway this desk supports; its API lives under {@code /v1}. */
    public static final String SITE = "https://api.relaygate.example";
    /** Its web console, where customers sign up and manage their keys. */
    public static final String HOMEPAGE = "https://relaygate.example";

    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final DateTimeFormatter ONE_API_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3-mini",
            "claude-3-5-sonnet-20241022", "claude-sonnet-4-20250514", "deepseek-chat", "deepseek-reasoner",
            "qwen-max", "gemini-2.0-flash", "glm-4-plus"};
    private static final String[] MISSING_MODELS = {"gpt-4.5-preview", "o1-pro", "claude-3-opus-20240229",
            "claude-opus-4-20250514", "gpt-4o-2024-11-20", "deepseek-r1-distill-qwen-32b", "gemini-2.5-pro-exp-03-25"};
    private static final String[] GROUPS = {"default", "vip", "svip", "enterprise", "pro"};
    private static final String[] EN_NAMES = {"Alice Carter", "Marco Rossi", "Priya Nair", "Jonas Weber",
            "Emily Tran", "Daniel Okafor", "Sofia Lindqvist", "Kenji Watanabe", "Laura Gómez", "Tom Becker"};
    private static final String[] ZH_NAMES = {"王磊", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄晓明", "周杰", "吴婷"};
    private static final String[] ZH_PINYIN = {"wanglei", "lina", "zhangwei", "liuyang", "chenjing", "yangfan",
            "zhaomin", "huangxm", "zhoujie", "wuting"};
    private static final String[] EN_DOMAINS = {"example.com", "acme-ai.example", "finlytics.example", "shopwise.example"};
    private static final String[] ZH_DOMAINS = {"example.cn", "qq.example", "163.example", "zhiyun-tech.example"};
    private static final String[] EN_ZONES = {"UTC", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
            "Asia/Singapore", "Europe/London"};
    private static final String[] ZH_ZONES = {"Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Hong_Kong"};

    private final Random random;
    private final Instant anchor;

    /** The models the demo gateway serves; tickets about a missing model ask for others. */
    public static List<String> servedModels() {
        return List.of(MODELS);
    }

    public TicketGenerator(long seed) {
        this(seed, DEFAULT_ANCHOR);
    }

    /** Request times fall in the three days before {@code anchor}. */
    public TicketGenerator(long seed, Instant anchor) {
        this.random = new Random(seed);
        this.anchor = anchor;
    }

    /** A ticket as a customer files it, with the language they wrote it in and the trouble behind it. */
    public record GeneratedTicket(NewTicket ticket, Locale locale, ProblemFamily family) {
    }

    public List<GeneratedTicket> next(int count) {
        List<GeneratedTicket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tickets.add(next());
        }
        return tickets;
    }

    public GeneratedTicket next() {
        boolean zh = random.nextInt(100) < 45;
        ProblemFamily family = family();
        ClientApp client = clientFor(family);
        String clientVersion = versionOf(client);
        String model = family == ProblemFamily.MODEL_NOT_AVAILABLE ? pick(MISSING_MODELS) : pick(MODELS);
        String group = pick(GROUPS);
        CallerType callerType = callerType();
        boolean stream = family == ProblemFamily.STREAM_CUT_OFF || (client != ClientApp.CURL && random.nextInt(100) < 60);

        String zone = zh ? pick(ZH_ZONES) : pick(EN_ZONES);
        ZonedDateTime requestTime = anchor.minusSeconds(random.nextInt(72 * 3600)).atZone(ZoneId.of(zone));
        String oneApiId = oneApiRequestId(requestTime);
        String maskedKey = random.nextInt(100) < 85 ? maskedKey() : null;

        Failure failure = failure(family, zh, model, group, oneApiId, maskedKey, client);
        List<String> requestIds = new ArrayList<>();
        if (failure.hasRequestId()) {
            requestIds.add(oneApiId);
            if (random.nextInt(100) < 25) {
                requestIds.add(oneApiRequestId(requestTime.plusSeconds(30 + random.nextInt(600))));
            }
        }
        if (family == ProblemFamily.STREAM_CUT_OFF || random.nextInt(100) < 10) {
            requestIds.add(chatCompletionId());
        }
        String baseUrl = baseUrl(family, client);

        int person = random.nextInt(EN_NAMES.length);
        String name = zh ? ZH_NAMES[person] : EN_NAMES[person];
        String email = (zh ? ZH_PINYIN[person] : EN_NAMES[person].split(" ")[0].toLowerCase(Locale.ROOT)
                .replace("ó", "o")) + (random.nextInt(100) < 50 ? "" : String.valueOf(random.nextInt(100)))
                + "@" + (zh ? pick(ZH_DOMAINS) : pick(EN_DOMAINS));

        String clientName = clientName(client);
        String subject = zh ? zhSubject(family, model, clientName, failure.statusCode())
                : enSubject(family, model, clientName, failure.statusCode());
        String description = zh
                ? zhDescription(family, clientName, clientVersion, baseUrl, model, group, callerType, failure, requestTime)
                : enDescription(family, clientName, clientVersion, baseUrl, model, group, callerType, failure, requestTime);

        NewTicket ticket = new NewTicket(subject, description, name, email, client, clientVersion,
                random.nextInt(100) < 92 ? baseUrl : null, model, maskedKey, requestIds, failure.statusCode(),
                failure.message(), requestTime.toLocalDateTime().withNano(0), zone, stream, callerType);
        return new GeneratedTicket(ticket, zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH, family);
    }

    private record Failure(Integer statusCode, String message, boolean hasRequestId) {
    }

    private ProblemFamily family() {
        int[] weights = {15, 14, 12, 14, 8, 9, 12, 8, 8};
        int roll = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return ProblemFamily.values()[i];
            }
        }
        return ProblemFamily.INVALID_TOKEN;
    }

    private ClientApp clientFor(ProblemFamily family) {
        return switch (family) {
            case DOUBLED_V1 -> pick(ClientApp.NEXTCHAT, ClientApp.NEXTCHAT, ClientApp.BACKEND_SERVICE, ClientApp.OTHER);
            case HTML_INSTEAD_OF_JSON -> pick(ClientApp.CURSOR, ClientApp.LOBECHAT, ClientApp.OPENAI_NODE, ClientApp.DIFY,
                    ClientApp.BACKEND_SERVICE);
            default -> ClientApp.values()[random.nextInt(ClientApp.values().length)];
        };
    }

    private String versionOf(ClientApp client) {
        return switch (client) {
            case CURSOR -> pick("0.45.14", "0.48.9", "1.0.1", "1.2.4", "1.4.5");
            case CHERRY_STUDIO -> pick("1.1.18", "1.2.10", "1.3.12", "1.4.8", "1.5.3");
            case LOBECHAT -> pick("1.49.12", "1.62.3", "1.77.9", "1.96.4");
            case NEXTCHAT -> pick("2.14.2", "2.15.4", "2.15.8", "2.16.0");
            case DIFY -> pick("0.15.3", "1.0.1", "1.3.1", "1.4.3");
            case OPENAI_PYTHON -> pick("1.54.4", "1.68.2", "1.82.0", "1.93.0");
            case OPENAI_NODE -> pick("4.73.1", "4.91.0", "4.104.0", "5.3.0");
            case CURL -> pick("7.88.1", "8.5.0", "8.7.1", "8.14.1");
            case BACKEND_SERVICE -> pick("go-openai 1.36.1", "langchain-openai 0.3.9", "spring-ai 1.0.0",
                    "openai-java 2.8.0");
            case OTHER -> pick("ChatBox 1.9.8", "Continue 1.0.9", "Open WebUI 0.6.5", "Immersive Translate 1.15");
        };
    }

    private static String clientName(ClientApp client) {
        return switch (client) {
            case CURSOR -> "Cursor";
            case CHERRY_STUDIO -> "Cherry Studio";
            case LOBECHAT -> "LobeChat";
            case NEXTCHAT -> "NextChat";
            case DIFY -> "Dify";
            case OPENAI_PYTHON -> "OpenAI Python SDK";
            case OPENAI_NODE -> "OpenAI Node SDK";
            case CURL -> "curl";
            case BACKEND_SERVICE -> "our backend service";
            case OTHER -> "a desktop client";
        };
    }

    /** The base URL the customer typed: right for their client, or wrong in the way the family describes. */
    private String baseUrl(ProblemFamily family, ClientApp client) {
        return switch (family) {
            case DOUBLED_V1 -> client == ClientApp.NEXTCHAT ? SITE + "/v1" : pick(SITE + "/v1/v1", SITE + "/v1/");
            case HTML_INSTEAD_OF_JSON -> pick(SITE, SITE + "/", HOMEPAGE, HOMEPAGE + "/console");
            default -> switch (client) {
                case NEXTCHAT -> SITE;
                case CHERRY_STUDIO -> pick(SITE, SITE + "/v1");
                case CURL -> SITE + "/v1/chat/completions";
                default -> SITE + "/v1";
            };
        };
    }

    private CallerType callerType() {
        int roll = random.nextInt(100);
        return roll < 40 ? CallerType.PRODUCTION : roll < 60 ? CallerType.TEST : roll < 85 ? CallerType.PERSONAL
                : CallerType.HIGH_COST;
    }

    private Failure failure(ProblemFamily family, boolean zh, String model, String group, String id, String maskedKey,
                            ClientApp client) {
        String suffix = " (request id: " + id + ")";
        String shortKey = maskedKey == null ? "sk-abc***xyz" : shortMasked(maskedKey);
        return switch (family) {
            case INVALID_TOKEN -> switch (random.nextInt(5)) {
                case 0 -> new Failure(401, "无效的令牌" + suffix, true);
                case 1 -> new Failure(401, "该令牌已过期" + suffix, true);
                case 2 -> new Failure(401, "Invalid token" + suffix, true);
                case 3 -> new Failure(401, "Authentication Error, Invalid proxy server token passed. "
                        + "valid_token=None.", false);
                default -> new Failure(401, "Incorrect API key provided: " + shortKey
                        + ". You can find your API key at the console.", true);
            };
            case QUOTA_EXHAUSTED -> switch (random.nextInt(5)) {
                case 0 -> new Failure(401, "该令牌额度已用尽" + suffix, true);
                case 1 -> new Failure(403, "user quota is not enough" + suffix, true);
                case 2 -> new Failure(403, "用户额度不足, 剩余额度: ＄0.0123" + suffix, true);
                case 3 -> new Failure(402, "Insufficient balance, please top up your account" + suffix, true);
                default -> new Failure(429, "You exceeded your current quota, please check your plan and billing "
                        + "details.", false);
            };
            case RATE_LIMITED -> switch (random.nextInt(4)) {
                case 0 -> new Failure(429, "当前分组上游负载已饱和，请稍后再试" + suffix, true);
                case 1 -> new Failure(429, "您已达到请求数限制：1分钟内最多请求60次", true);
                case 2 -> new Failure(429, "Rate limit reached for requests (rate_limit_exceeded)" + suffix, true);
                default -> new Failure(429, null, false);
            };
            case MODEL_NOT_AVAILABLE -> switch (random.nextInt(5)) {
                case 0 -> new Failure(503, "当前分组 " + group + " 下对于模型 " + model + " 无可用渠道" + suffix, true);
                case 1 -> new Failure(503, "model_not_found: 分组 " + group + " 下模型 " + model
                        + " 无可用渠道（distributor）" + suffix, true);
                case 2 -> new Failure(403, "该令牌无权使用模型：" + model + suffix, true);
                case 3 -> new Failure(400, "Invalid model name passed in model=" + model, false);
                default -> new Failure(404, "The model `" + model + "` does not exist or you do not have access to it."
                        + suffix, true);
            };
            case DOUBLED_V1 -> new Failure(404, "Invalid URL (POST /v1/v1/chat/completions)" + suffix, true);
            case HTML_INSTEAD_OF_JSON -> switch (client) {
                case BACKEND_SERVICE -> new Failure(200, "invalid character '<' looking for beginning of value", false);
                case DIFY -> new Failure(200, "Expecting value: line 1 column 1 (char 0)", false);
                default -> new Failure(200, "Unexpected token '<', \"<!doctype \"... is not valid JSON", false);
            };
            case UPSTREAM_TIMEOUT -> switch (random.nextInt(4)) {
                case 0 -> new Failure(504, "504 Gateway Time-out", false);
                case 1 -> new Failure(524, "Error 524: A timeout occurred (Cloudflare)", false);
                case 2 -> new Failure(500, "请求上游地址失败: Post \"https://upstream/v1/chat/completions\": context "
                        + "deadline exceeded (Client.Timeout exceeded while awaiting headers)" + suffix, true);
                default -> new Failure(504, "do_request_failed: upstream timeout after 120s" + suffix, true);
            };
            case STREAM_CUT_OFF -> switch (random.nextInt(4)) {
                case 0 -> new Failure(200, "stream ended without data: [DONE]", false);
                case 1 -> new Failure(200, "streaming timeout", true);
                case 2 -> new Failure(200, "peer closed connection without sending complete message body "
                        + "(incomplete chunked read)", false);
                default -> new Failure(200, zh ? "回答到一半就断了，没有收到 [DONE]" : "TypeError: terminated", false);
            };
            case CONTEXT_LENGTH_EXCEEDED -> {
                int limit = pickInt(8192, 32768, 65536, 128000);
                int used = limit + 1 + random.nextInt(limit / 4);
                yield new Failure(400, "This model's maximum context length is " + limit + " tokens. However, your "
                        + "messages resulted in " + used + " tokens. Please reduce the length of the messages. "
                        + "(context_length_exceeded)" + suffix, true);
            }
        };
    }

    private static String enSubject(ProblemFamily family, String model, String client, Integer status) {
        return switch (family) {
            case INVALID_TOKEN -> "401 invalid token from " + client + " although the key works in the console";
            case QUOTA_EXHAUSTED -> status + " quota exhausted but the balance page still shows credit";
            case RATE_LIMITED -> "Constant 429 rate limit errors on " + model;
            case MODEL_NOT_AVAILABLE -> "model_not_found for " + model + ": no available channel";
            case DOUBLED_V1 -> "404 Invalid URL /v1/v1/chat/completions in " + client;
            case HTML_INSTEAD_OF_JSON -> client + " says Unexpected token '<' when calling the API";
            case UPSTREAM_TIMEOUT -> status + " timeout on long " + model + " requests";
            case STREAM_CUT_OFF -> "Streaming answer from " + model + " stops halfway";
            case CONTEXT_LENGTH_EXCEEDED -> "context_length_exceeded on " + model + " with a long conversation";
        };
    }

    private static String zhSubject(ProblemFamily family, String model, String client, Integer status) {
        return switch (family) {
            case INVALID_TOKEN -> client + " 调用报 401 无效的令牌";
            case QUOTA_EXHAUSTED -> "提示额度已用尽，但后台还有余额（" + status + "）";
            case RATE_LIMITED -> model + " 频繁 429，请求数限制";
            case MODEL_NOT_AVAILABLE -> "模型 " + model + " 无可用渠道 / model_not_found";
            case DOUBLED_V1 -> client + " 报 404 Invalid URL，路径里有两个 /v1";
            case HTML_INSTEAD_OF_JSON -> client + " 报错 Unexpected token '<'，接口返回了网页";
            case UPSTREAM_TIMEOUT -> model + " 长请求经常 " + status + " 超时";
            case STREAM_CUT_OFF -> model + " 流式输出中途断开";
            case CONTEXT_LENGTH_EXCEEDED -> model + " 报 context_length_exceeded 上下文超长";
        };
    }

    private String enDescription(ProblemFamily family, String client, String version, String baseUrl, String model,
                                 String group, CallerType callerType, Failure failure, ZonedDateTime time) {
        String use = switch (callerType) {
            case PRODUCTION -> "This is our production integration, customers are affected right now.";
            case HIGH_COST -> "This runs our nightly batch jobs, which spend most of our budget.";
            case TEST -> "This is on our staging setup, not urgent but blocks testing.";
            case PERSONAL -> "I use this for my own work.";
        };
        String what = switch (family) {
            case INVALID_TOKEN -> "Every request fails with 401. I copied the key from the token page again and "
                    + "it still fails. Did the key get disabled, or does it only work from certain IPs?";
            case QUOTA_EXHAUSTED -> "Requests are rejected with a quota error, but the wallet page still shows "
                    + "credit. Is the limit on the token itself rather than on the account?";
            case RATE_LIMITED -> "We send roughly " + (20 + random.nextInt(200)) + " requests per minute and get "
                    + "429 on about a third of them. Retrying with backoff helps a little. What is the limit for the "
                    + group + " group?";
            case MODEL_NOT_AVAILABLE -> "The model list on your site shows " + model + ", but every call says there "
                    + "is no channel for it. Our token is in the " + group + " group.";
            case DOUBLED_V1 -> "The request goes to /v1/v1/chat/completions and comes back 404. I set the base URL "
                    + "exactly as the docs page shows.";
            case HTML_INSTEAD_OF_JSON -> "The client shows a JSON parse error. When I open the base URL in a browser "
                    + "I get your website, not the API.";
            case UPSTREAM_TIMEOUT -> "Short prompts work, but requests with long outputs hang for about 100 seconds "
                    + "and then fail.";
            case STREAM_CUT_OFF -> "With streaming on, the answer stops in the middle of a sentence, no [DONE] at "
                    + "the end. Without streaming the same prompt completes.";
            case CONTEXT_LENGTH_EXCEEDED -> "After a long conversation every new message fails. We send the full "
                    + "history each time.";
        };
        StringBuilder text = new StringBuilder();
        text.append("Client: ").append(client).append(' ').append(version).append(", base URL ").append(baseUrl)
                .append(", model ").append(model).append(".\n").append(use).append("\n\n").append(what)
                .append("\n\nFirst seen ").append(time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(' ').append(time.getZone().getId()).append('.');
        if (failure.message() != null) {
            text.append("\nError returned: ").append(failure.message());
        } else {
            text.append("\nThe response is a bare ").append(failure.statusCode()).append(" with an empty body.");
        }
        return text.toString();
    }

    private String zhDescription(ProblemFamily family, String client, String version, String baseUrl, String model,
                                 String group, CallerType callerType, Failure failure, ZonedDateTime time) {
        String use = switch (callerType) {
            case PRODUCTION -> "这是线上生产环境，用户已经受影响了，麻烦尽快看一下。";
            case HIGH_COST -> "这是我们的批量任务，消耗比较大。";
            case TEST -> "测试环境，不算紧急，但影响联调。";
            case PERSONAL -> "个人使用。";
        };
        String what = switch (family) {
            case INVALID_TOKEN -> "所有请求都返回 401。我重新从令牌页面复制了 key 还是不行，是令牌被禁用了还是限制了 IP？";
            case QUOTA_EXHAUSTED -> "请求提示额度不足，但钱包页面显示还有余额。是不是令牌本身设置了额度上限？";
            case RATE_LIMITED -> "我们每分钟大约 " + (20 + random.nextInt(200)) + " 个请求，三分之一左右返回 429。"
                    + group + " 分组的限制是多少？";
            case MODEL_NOT_AVAILABLE -> "你们的模型列表里有 " + model + "，但是调用一直说无可用渠道。我们的令牌在 "
                    + group + " 分组。";
            case DOUBLED_V1 -> "请求地址变成了 /v1/v1/chat/completions，返回 404。Base URL 是按文档填的。";
            case HTML_INSTEAD_OF_JSON -> "客户端提示 JSON 解析错误。用浏览器打开这个地址看到的是你们的网站首页，不是接口。";
            case UPSTREAM_TIMEOUT -> "短的请求没问题，输出长一点就会卡大概 100 秒然后失败。";
            case STREAM_CUT_OFF -> "开启流式后回答到一半就停了，最后没有 [DONE]。关闭流式同样的问题可以正常返回。";
            case CONTEXT_LENGTH_EXCEEDED -> "对话长了以后每条消息都报错，我们每次都会把完整历史发过去。";
        };
        StringBuilder text = new StringBuilder();
        text.append("客户端：").append(client).append(' ').append(version).append("，Base URL：").append(baseUrl)
                .append("，模型：").append(model).append("。\n").append(use).append("\n\n").append(what)
                .append("\n\n最早出现时间：").append(time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append('（').append(time.getZone().getId()).append("）。");
        if (failure.message() != null) {
            text.append("\n报错信息：").append(failure.message());
        } else {
            text.append("\n返回的是空内容的 ").append(failure.statusCode()).append("。");
        }
        return text.toString();
    }

    /** The new-api token list form: {@code sk-} + first 4 + twelve stars + last 4. */
    private String maskedKey() {
        String head = randomChars(4);
        String tail = randomChars(4);
        return switch (random.nextInt(4)) {
            case 0, 1 -> "sk-" + head + "************" + tail;
            case 2 -> "sk-" + head.substring(0, 3) + "***" + tail.substring(1);
            default -> "sk-..." + tail;
        };
    }

    /** new-api's error-message form of the same key: first 3 + {@code ***} + last 3. */
    private static String shortMasked(String maskedKey) {
        String body = maskedKey.substring(3).replace("*", "").replace(".", "");
        if (body.length() < 6) {
            return "sk-***" + body.substring(Math.max(0, body.length() - 3));
        }
        return "sk-" + body.substring(0, 3) + "***" + body.substring(body.length() - 3);
    }

    /** one-api: local time {@code yyyyMMddHHmmss}, then the nanoseconds, then eight random digits. */
    private String oneApiRequestId(ZonedDateTime time) {
        StringBuilder id = new StringBuilder(time.withZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(ONE_API_TIME))
                .append(random.nextInt(1_000_000_000));
        for (int i = 0; i < 8; i++) {
            id.append(random.nextInt(10));
        }
        return id.toString();
    }

    private String chatCompletionId() {
        return "chatcmpl-" + randomChars(29);
    }

    private String randomChars(int length) {
        StringBuilder chars = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chars.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
        }
        return chars.toString();
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private int pickInt(int... values) {
        return values[random.nextInt(values.length)];
    }

    /** Exposed for callers that build the canonical answer: the base URL this client should use. */
    public static String correctBaseUrl(ClientApp client) {
        return switch (client) {
            case NEXTCHAT, CHERRY_STUDIO -> SITE;
            case CURL -> SITE + "/v1/chat/completions";
            default -> SITE + "/v1";
        };
    }
}
