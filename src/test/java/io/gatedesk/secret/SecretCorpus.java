package io.gatedesk.secret;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatedesk.secret.family.Checksum;

/**
 * The labelled corpus: ticket templates from {@code secret/secret-templates.tsv} (each citing the page its form was
 * taken from) filled with synthetic keys of every family, and the negatives of {@code secret/negatives.tsv}. Keys are
 * generated from a seed with each family's alphabet and length, so no real or literal key is stored anywhere.
 */
final class SecretCorpus {

    static final long SEED = 20261204L;

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String URL_SAFE = ALNUM + "-_";
    static final String HEX = "0123456789abcdef";
    static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String BASE64 = ALNUM + "+/";

    enum Place {
        ANY, KEY, PASSWORD, BASIC, USERINFO, PEM
    }

    record Template(String id, Place place, String source, String text) {
    }

    /**
     * One family as the corpus generates it: {@code kind} is what the scanner must report when the family's own
     * declaration finds it, {@code null} for families only context can find.
     */
    record Family(String name, String kind, Set<Place> places, Function<SplittableRandom, String> generator) {
    }

    /** One labelled secret text: the family, the template it fills, the text and the secret that must not survive. */
    record Row(Family family, Template template, String text, String secret) {
    }

    record Negative(String id, String source, String text) {
    }

    private static final Set<Place> STANDALONE = Set.of(Place.ANY, Place.KEY);
    private static final Set<Place> CONTEXT_ONLY = Set.of(Place.KEY);

    static final List<Family> FAMILIES = List.of(
            new Family("openai-project", "OPENAI_PROJECT_KEY", STANDALONE, r -> sk("proj-" + openAiBody(r))),
            new Family("openai-service-account", "OPENAI_SERVICE_ACCOUNT_KEY", STANDALONE, r -> sk("svcacct-" + openAiBody(r))),
            new Family("openai-admin", "OPENAI_ADMIN_KEY", STANDALONE, r -> sk("admin-" + openAiBody(r))),
            new Family("openai-legacy", "OPENAI_LEGACY_KEY", STANDALONE,
                    r -> sk(random(r, ALNUM, 20) + "T3Blbk" + "FJ" + random(r, ALNUM, 20))),
            new Family("anthropic", "ANTHROPIC_KEY", STANDALONE,
                    r -> sk("ant-" + "api03-" + random(r, ALNUM, 1) + random(r, URL_SAFE, 92) + "AA")),
            new Family("anthropic-admin", "ANTHROPIC_KEY", STANDALONE,
                    r -> sk("ant-" + "admin01-" + random(r, ALNUM, 1) + random(r, URL_SAFE, 92) + "AA")),
            new Family("openrouter", "OPENROUTER_KEY", STANDALONE, r -> sk("or-" + "v1-" + random(r, HEX, 64))),
            new Family("new-api", "GATEWAY_KEY", STANDALONE, r -> sk(random(r, ALNUM, 48))),
            new Family("one-api", "GATEWAY_KEY", STANDALONE, r -> sk(random(r, ALNUM, 16) + random(r, HEX, 32))),
            new Family("litellm", "GATEWAY_KEY", STANDALONE, r -> sk(random(r, ALNUM, 1) + random(r, URL_SAFE, 21))),
            new Family("deepseek-dashscope", "GATEWAY_KEY", STANDALONE, r -> sk(random(r, HEX, 32))),
            new Family("moonshot", "GATEWAY_KEY", STANDALONE, r -> sk(random(r, ALNUM, 48))),
            new Family("siliconflow", "GATEWAY_KEY", STANDALONE, r -> sk(random(r, LOWER, 48))),
            new Family("groq", "GROQ_KEY", STANDALONE, r -> "gs" + "k_" + random(r, ALNUM, 52)),
            new Family("google-gemini", "GOOGLE_API_KEY", STANDALONE, r -> "AI" + "za" + random(r, URL_SAFE, 35)),
            new Family("xai", "XAI_KEY", STANDALONE, r -> "xa" + "i-" + random(r, ALNUM, 80)),
            new Family("perplexity", "PERPLEXITY_KEY", STANDALONE, r -> "pp" + "lx-" + random(r, ALNUM, 48)),
            new Family("hugging-face", "HUGGING_FACE_TOKEN", STANDALONE, r -> "h" + "f_" + random(r, ALNUM, 34)),
            new Family("replicate", "REPLICATE_TOKEN", STANDALONE, r -> "r" + "8_" + random(r, ALNUM, 37)),
            new Family("fireworks", "FIREWORKS_KEY", STANDALONE, r -> "f" + "w_" + random(r, ALNUM, 24)),
            new Family("together", "TOGETHER_KEY", STANDALONE, r -> "tgp" + "_v1_" + random(r, URL_SAFE, 43)),
            new Family("nvidia", "NVIDIA_KEY", STANDALONE, r -> "nv" + "api-" + random(r, URL_SAFE, 64)),
            new Family("voyage", "VOYAGE_KEY", STANDALONE, r -> "p" + "a-" + mixed(r, URL_SAFE, 43)),
            new Family("jina", "JINA_KEY", STANDALONE, r -> "ji" + "na_" + random(r, ALNUM, 60)),
            new Family("cerebras", "CEREBRAS_KEY", STANDALONE, r -> "cs" + "k-" + random(r, ALNUM, 48)),
            new Family("coze", "COZE_TOKEN", STANDALONE, r -> "pa" + "t_" + mixed(r, ALNUM, 64)),
            new Family("dify", "DIFY_KEY", STANDALONE, r -> "ap" + "p-" + mixed(r, ALNUM, 24)),
            new Family("elevenlabs", "ELEVENLABS_KEY", STANDALONE, r -> "s" + "k_" + random(r, HEX, 48)),
            new Family("databricks", "DATABRICKS_TOKEN", STANDALONE, r -> "da" + "pi" + random(r, HEX, 32)),
            new Family("baidu-qianfan", "BAIDU_QIANFAN_KEY", STANDALONE,
                    r -> "bce-v3/" + "ALTAK-" + random(r, ALNUM, 20) + "/" + random(r, HEX, 40)),
            new Family("zhipu", "ZHIPU_KEY", STANDALONE, r -> random(r, HEX, 32) + "." + mixed(r, ALNUM, 16)),
            new Family("deepl-free", "DEEPL_KEY", STANDALONE, r -> uuid(r) + ":fx"),
            new Family("minimax-jwt", "JWT", STANDALONE, SecretCorpus::jwt),
            new Family("aws-access-key-id", "AWS_ACCESS_KEY_ID", STANDALONE, r -> "AK" + "IA" + random(r, UPPER_ALNUM, 16)),
            new Family("aws-session-key-id", "AWS_ACCESS_KEY_ID", STANDALONE, r -> "AS" + "IA" + random(r, UPPER_ALNUM, 16)),
            new Family("alibaba-cloud", "ALIBABA_CLOUD_ACCESS_KEY", STANDALONE, r -> "LT" + "AI" + random(r, ALNUM, 20)),
            new Family("tencent-cloud", "TENCENT_CLOUD_SECRET_ID", STANDALONE, r -> "AK" + "ID" + random(r, ALNUM, 32)),
            new Family("volcengine", "VOLCENGINE_ACCESS_KEY", STANDALONE, r -> "AK" + "LT" + random(r, URL_SAFE, 44)),
            new Family("github-classic", "GITHUB_TOKEN", STANDALONE, r -> github(r, "gh" + "p_")),
            new Family("github-app", "GITHUB_TOKEN", STANDALONE, r -> github(r, "gh" + "s_")),
            new Family("github-oauth", "GITHUB_TOKEN", STANDALONE, r -> github(r, "gh" + "o_")),
            new Family("github-fine-grained", "GITHUB_TOKEN", STANDALONE,
                    r -> "github" + "_pat_" + random(r, ALNUM, 22) + "_" + random(r, ALNUM, 59)),
            new Family("gitlab", "GITLAB_TOKEN", STANDALONE, r -> "gl" + "pat-" + random(r, URL_SAFE, 20)),
            new Family("stripe-live", "STRIPE_SECRET_KEY", STANDALONE, r -> "sk" + "_live_" + random(r, ALNUM, 99)),
            new Family("stripe-restricted", "STRIPE_SECRET_KEY", STANDALONE, r -> "rk" + "_live_" + random(r, ALNUM, 99)),
            new Family("stripe-webhook", "STRIPE_WEBHOOK_SECRET", STANDALONE, r -> "wh" + "sec_" + random(r, ALNUM, 32)),
            new Family("slack-bot", "SLACK_TOKEN", STANDALONE,
                    r -> "xo" + "xb-" + random(r, "0123456789", 12) + "-" + random(r, "0123456789", 13) + "-" + random(r, ALNUM, 24)),
            new Family("slack-user", "SLACK_TOKEN", STANDALONE,
                    r -> "xo" + "xp-" + random(r, "0123456789", 12) + "-" + random(r, "0123456789", 12) + "-"
                            + random(r, "0123456789", 13) + "-" + random(r, HEX, 32)),
            // developer platforms and AI tooling (gitleaks' rule set, issue 26's second unseen set)
            new Family("langsmith", "LANGSMITH_KEY", STANDALONE,
                    r -> "lsv" + "2_pt_" + random(r, HEX, 32) + "_" + random(r, HEX, 10)),
            new Family("tavily", "TAVILY_KEY", STANDALONE, r -> "tv" + "ly-" + mixed(r, ALNUM, 32)),
            new Family("pinecone", "PINECONE_KEY", STANDALONE,
                    r -> "pc" + "sk_" + mixed(r, ALNUM, 6) + "_" + mixed(r, ALNUM, 60)),
            new Family("firecrawl", "FIRECRAWL_KEY", STANDALONE, r -> "f" + "c-" + random(r, HEX, 32)),
            new Family("e2b", "E2B_KEY", STANDALONE, r -> "e2" + "b_" + random(r, HEX, 40)),
            new Family("llama-cloud", "LLAMA_CLOUD_KEY", STANDALONE, r -> "ll" + "x-" + mixed(r, ALNUM, 48)),
            new Family("runpod", "RUNPOD_KEY", STANDALONE, r -> "rp" + "a_" + random(r, UPPER_ALNUM, 40)),
            new Family("aws-bedrock", "AWS_BEDROCK_KEY", STANDALONE, r -> "AB" + "SK" + mixed(r, BASE64, 132)),
            new Family("sendgrid", "SENDGRID_KEY", STANDALONE,
                    r -> "S" + "G." + mixed(r, URL_SAFE, 22) + "." + mixed(r, URL_SAFE, 43)),
            new Family("digitalocean", "DIGITALOCEAN_TOKEN", STANDALONE, r -> "do" + "p_v1_" + random(r, HEX, 64)),
            new Family("notion", "NOTION_TOKEN", STANDALONE,
                    r -> "nt" + "n_" + random(r, "0123456789", 11) + mixed(r, ALNUM, 35)),
            new Family("linear", "LINEAR_KEY", STANDALONE, r -> "lin" + "_api_" + mixed(r, ALNUM, 40)),
            new Family("postman", "POSTMAN_KEY", STANDALONE,
                    r -> "PM" + "AK-" + random(r, HEX, 24) + "-" + random(r, HEX, 34)),
            new Family("vault", "VAULT_TOKEN", STANDALONE, r -> "hv" + "s." + mixed(r, URL_SAFE, 95)),
            new Family("grafana", "GRAFANA_TOKEN", STANDALONE,
                    r -> "gl" + "sa_" + mixed(r, ALNUM, 32) + "_" + random(r, HEX, 8)),
            new Family("docker-hub", "DOCKER_TOKEN", STANDALONE, r -> "dckr" + "_pat_" + mixed(r, URL_SAFE, 27)),
            new Family("pypi", "PYPI_TOKEN", STANDALONE, r -> "pypi" + "-AgEIcHlwaS5vcmc" + mixed(r, URL_SAFE, 70)),
            new Family("npm", "NPM_TOKEN", STANDALONE, r -> "np" + "m_" + mixed(r, ALNUM, 36)),
            new Family("supabase", "SUPABASE_TOKEN", STANDALONE, r -> "sb" + "p_" + random(r, HEX, 40)),
            new Family("facebook", "FACEBOOK_TOKEN", STANDALONE, r -> "EA" + "AG" + mixed(r, ALNUM, 160)),
            new Family("sentry", "SENTRY_TOKEN", STANDALONE, r -> "sntr" + "yu_" + random(r, HEX, 64)),
            new Family("heroku", "HEROKU_KEY", STANDALONE, r -> "HR" + "KU-AA" + mixed(r, URL_SAFE, 58)),
            new Family("planetscale", "PLANETSCALE_TOKEN", STANDALONE, r -> "pscale" + "_tkn_" + mixed(r, ALNUM, 43)),
            new Family("pulumi", "PULUMI_TOKEN", STANDALONE, r -> "pu" + "l-" + random(r, HEX, 40)),
            new Family("doppler", "DOPPLER_TOKEN", STANDALONE, r -> "dp" + ".pt." + mixed(r, ALNUM, 43)),
            new Family("shopify", "SHOPIFY_TOKEN", STANDALONE, r -> "sh" + "pat_" + random(r, HEX, 32)),
            new Family("square", "SQUARE_TOKEN", STANDALONE, r -> "sq0" + "atp-" + mixed(r, URL_SAFE, 22)),
            new Family("gitlab-runner", "GITLAB_TOKEN", STANDALONE, r -> "gl" + "rt-" + mixed(r, URL_SAFE, 20)),
            new Family("age", "AGE_SECRET_KEY", STANDALONE,
                    r -> "AGE-" + "SECRET-KEY-1" + random(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58).toUpperCase()),
            new Family("jwt", "JWT", STANDALONE, SecretCorpus::jwt),
            new Family("pem-rsa", "PRIVATE_KEY", Set.of(Place.PEM), r -> pem(r, "RSA PRIVATE KEY")),
            new Family("gcp-service-account", "PRIVATE_KEY", Set.of(Place.PEM), r -> pem(r, "PRIVATE KEY")),
            // found by context only: no prefix, or a shape shared with identifiers
            new Family("azure-openai", null, CONTEXT_ONLY, r -> random(r, HEX, 32)),
            new Family("mistral", null, CONTEXT_ONLY, r -> mixed(r, ALNUM, 32)),
            new Family("cohere", null, CONTEXT_ONLY, r -> mixed(r, ALNUM, 40)),
            new Family("cloudflare", null, CONTEXT_ONLY, r -> mixed(r, URL_SAFE, 40)),
            new Family("volcengine-ark", null, CONTEXT_ONLY, SecretCorpus::uuid),
            new Family("tencent-secret-key", null, CONTEXT_ONLY, r -> mixed(r, ALNUM, 32)),
            new Family("baidu-secret-key", null, CONTEXT_ONLY, r -> random(r, LOWER + "0123456789", 32)),
            new Family("aws-secret-access-key", null, CONTEXT_ONLY, r -> mixed(r, BASE64, 40)),
            new Family("opaque-hex-64", null, CONTEXT_ONLY, r -> random(r, HEX, 64)),
            new Family("opaque-alnum-40", null, CONTEXT_ONLY, r -> mixed(r, ALNUM, 40)),
            new Family("password", null, Set.of(Place.PASSWORD, Place.USERINFO),
                    r -> mixed(r, ALNUM, 6 + r.nextInt(6)) + random(r, "!#%^*-_+", 1) + random(r, "0123456789", 2)),
            new Family("basic-auth", null, Set.of(Place.BASIC),
                    r -> Base64.getEncoder().encodeToString(("admin:" + mixed(r, ALNUM, 14)).getBytes(StandardCharsets.UTF_8))));

    private SecretCorpus() {
    }

    static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (String[] columns : read("secret/secret-templates.tsv", 4)) {
            templates.add(new Template(columns[0], Place.valueOf(columns[1]), columns[2], unescape(columns[3])));
        }
        return templates;
    }

    /** Every family in every template of a place it fits, each with its own key. */
    static List<Row> rows() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Template> templates = templates();
        List<Row> rows = new ArrayList<>();
        for (Family family : FAMILIES) {
            for (Template template : templates) {
                if (family.places().contains(template.place())) {
                    String secret = family.generator().apply(random);
                    rows.add(new Row(family, template, fill(template.text(), secret, random), secret));
                }
            }
        }
        return rows;
    }

    static List<Negative> negatives() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<Negative> negatives = new ArrayList<>();
        for (String[] columns : read("secret/negatives.tsv", 3)) {
            String text = unescape(columns[2]);
            int copies = text.contains("{") && SLOT.matcher(text).find() ? 3 : 1;
            for (int i = 0; i < copies; i++) {
                negatives.add(new Negative(columns[0], columns[1], fillSlots(text, random)));
            }
        }
        return negatives;
    }

    private static final Pattern SLOT = Pattern.compile("\\{(A|HEX|DIGITS|B64_)(\\d+)}|\\{UUID}|\\{NEWAPI_REQID}");

    private static String fill(String template, String secret, SplittableRandom random) {
        int cut = secret.length() / 2;
        String text = template.replace("{KEY/}", secret.substring(0, cut) + "\n    " + secret.substring(cut))
                .replace("{KEY_JSON}", secret.replace("\n", "\\n"))
                .replace("{KEY}", secret)
                .replace("{AWSID}", random(random, UPPER_ALNUM, 16))
                .replace("{AKID}", random(random, ALNUM, 32));
        return fillSlots(text, random);
    }

    private static String fillSlots(String text, SplittableRandom random) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String value;
            if (slot.group().equals("{UUID}")) {
                value = uuid(random);
            }
            else if (slot.group().equals("{NEWAPI_REQID}")) {
                value = "2024120412" + random(random, "0123456789", 7) + random(random, LOWER + "0123456789", 8);
            }
            else {
                int length = Integer.parseInt(slot.group(2));
                value = switch (slot.group(1)) {
                    case "A" -> random(random, ALNUM, length);
                    case "HEX" -> random(random, HEX, length);
                    case "DIGITS" -> random(random, "0123456789", length);
                    default -> random(random, BASE64, length);
                };
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        return out.toString();
    }

    private static List<String[]> read(String resource, int columns) {
        try (InputStream in = SecretCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            List<String[]> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", columns);
                if (parts.length != columns) {
                    throw new IllegalStateException(resource + ": " + line);
                }
                lines.add(parts);
            }
            return lines;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> next;
                });
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String random(SplittableRandom random, String alphabet, int length) {
        return SampleKeys.random(random, alphabet, length);
    }

    /** Random characters that mix letters and digits, as issued keys do. */
    static String mixed(SplittableRandom random, String alphabet, int length) {
        while (true) {
            String value = random(random, alphabet, length);
            if (value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isUpperCase)
                    && value.chars().anyMatch(Character::isLowerCase)) {
                return value;
            }
        }
    }

    static String uuid(SplittableRandom random) {
        return random(random, HEX, 8) + "-" + random(random, HEX, 4) + "-4" + random(random, HEX, 3) + "-a"
                + random(random, HEX, 3) + "-" + random(random, HEX, 12);
    }

    private static String sk(String body) {
        return "s" + "k-" + body;
    }

    private static String openAiBody(SplittableRandom random) {
        return random(random, ALNUM, 1) + random(random, URL_SAFE, 73) + "T3Blbk" + "FJ" + random(random, URL_SAFE, 73)
                + random(random, ALNUM, 1);
    }

    private static String github(SplittableRandom random, String prefix) {
        String body = random(random, ALNUM, 30);
        return prefix + body + Checksum.base62(Checksum.crc32(body), 6);
    }

    private static String jwt(SplittableRandom random) {
        return SampleKeys.jwt(random).secret();
    }

    private static String pem(SplittableRandom random, String label) {
        StringBuilder body = new StringBuilder("MII");
        body.append(random(random, BASE64, 61));
        for (int line = 0; line < 6; line++) {
            body.append('\n').append(random(random, BASE64, 64));
        }
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----";
    }
}
