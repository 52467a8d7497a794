package io.gatedesk.secret.family;

import static io.gatedesk.secret.family.Alphabet.ALNUM;
import static io.gatedesk.secret.family.Alphabet.ALNUM_UNDERSCORE;
import static io.gatedesk.secret.family.Alphabet.HEX;
import static io.gatedesk.secret.family.Alphabet.UPPER_ALNUM;
import static io.gatedesk.secret.family.Alphabet.URL_SAFE;
import static io.gatedesk.secret.family.KeyFamily.prefixed;

import java.util.List;

/**
 * Every key family the guard recognises on its own, one declaration each, with the page or source file its format
 * was taken from. Where several share a first character, the more specific comes first: the scanner tries the
 * families of a position in this order and takes the first that fits.
 *
 * <p>Which providers: the channel types of new-api ({@code constant/api_type.go}, {@code constant/channel.go}), one-api
 * ({@code relay/apitype/define.go}, {@code relay/channeltype/define.go}) and LiteLLM ({@code litellm/types/utils.py}
 * {@code LlmProviders}), plus the cloud and developer secrets customers paste beside them. Providers whose keys have
 * no fixed shape (Azure OpenAI's 32 hex, Mistral, Cohere, Cloudflare, Volcengine Ark's UUIDs, Tencent and Baidu
 * secret keys, AWS secret access keys) are found by context instead: see {@code ContextRules}.
 */
public final class KeyFamilies {

    private KeyFamilies() {
    }

    private static final List<KeyFamily> ALL = List.of(
            // ---- LLM providers -------------------------------------------------------------------------------------
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
            // Gateways and every provider that issues sk- keys: new-api and one-api (48 alnum, optional -<channel>),
            // LiteLLM virtual keys, DeepSeek and DashScope (32 hex), Moonshot (48 alnum), SiliconFlow (48 lower
            // case), Baichuan, StepFun, 01.AI, Hunyuan's OpenAI-compatible keys.
            prefixed("GATEWAY_KEY", "sk-", URL_SAFE, 20, 512).shape(Shapes.CHANNEL_SUFFIX)
                    .context("OPENAI_API_KEY", "DEEPSEEK_API_KEY", "DASHSCOPE_API_KEY", "MOONSHOT_API_KEY")
                    .source("https://github.com/QuantumNous/new-api/blob/main/common/utils.go (GenerateKey);"
                            + " https://github.com/songquanpeng/one-api/blob/main/common/random/main.go;"
                            + " https://docs.litellm.ai/docs/proxy/virtual_keys;"
                            + " https://api-docs.deepseek.com/; https://help.aliyun.com/zh/model-studio/get-api-key;"
                            + " https://platform.moonshot.cn/docs/api/chat; https://docs.siliconflow.cn/"),
            prefixed("GROQ_KEY", "gsk_", URL_SAFE, 20, 512)
                    .context("GROQ_API_KEY")
                    .source("https://console.groq.com/docs/quickstart"),
            prefixed("GOOGLE_API_KEY", "AIza", URL_SAFE, 35, 35)
                    .context("GEMINI_API_KEY", "GOOGLE_API_KEY", "x-goog-api-key")
                    .source("https://cloud.google.com/docs/authentication/api-keys; https://ai.google.dev/gemini-api/docs/api-key"),
            prefixed("XAI_KEY", "xai-", ALNUM, 32, 128)
                    .context("XAI_API_KEY")
                    .source("https://docs.x.ai/docs/tutorial"),
            prefixed("PERPLEXITY_KEY", "pplx-", ALNUM, 32, 64)
                    .context("PERPLEXITY_API_KEY", "PPLX_API_KEY")
                    .source("https://docs.perplexity.ai/guides/getting-started"),
            prefixed("HUGGING_FACE_TOKEN", "hf_", ALNUM, 30, 40)
                    .context("HF_TOKEN", "HUGGINGFACE_API_KEY")
                    .source("https://huggingface.co/docs/hub/security-tokens"),
            prefixed("REPLICATE_TOKEN", "r8_", ALNUM, 30, 40)
                    .context("REPLICATE_API_TOKEN")
                    .source("https://replicate.com/docs/topics/security/api-tokens"),
            prefixed("FIREWORKS_KEY", "fw_", ALNUM, 20, 64)
                    .context("FIREWORKS_API_KEY")
                    .source("https://docs.fireworks.ai/api-reference/introduction"),
            prefixed("TOGETHER_KEY", "tgp_v1_", URL_SAFE, 32, 64)
                    .context("TOGETHER_API_KEY")
                    .source("https://docs.together.ai/reference/authentication-1"),
            prefixed("NVIDIA_KEY", "nvapi-", URL_SAFE, 40, 80)
                    .context("NVIDIA_API_KEY")
                    .source("https://docs.api.nvidia.com/nim/reference/llm-apis"),
            prefixed("VOYAGE_KEY", "pa-", URL_SAFE, 32, 64).shape(Shapes.RANDOM)
                    .context("VOYAGE_API_KEY")
                    .source("https://docs.voyageai.com/docs/api-key-and-installation"),
            prefixed("JINA_KEY", "jina_", ALNUM, 40, 80)
                    .context("JINA_API_KEY")
                    .source("https://jina.ai/embeddings/ (API key box); https://github.com/jina-ai/reader"),
            prefixed("CEREBRAS_KEY", "csk-", ALNUM, 32, 64)
                    .context("CEREBRAS_API_KEY")
                    .source("https://inference-docs.cerebras.ai/quickstart"),
            prefixed("COZE_TOKEN", "pat_", ALNUM, 40, 80).shape(Shapes.RANDOM)
                    .context("COZE_API_TOKEN")
                    .source("https://www.coze.com/docs/developer_guides/pat"),
            prefixed("DIFY_KEY", "app-", ALNUM, 24, 24).shape(Shapes.RANDOM)
                    .context("DIFY_API_KEY")
                    .source("https://docs.dify.ai/en/guides/application-publishing/developing-with-apis"),
            prefixed("ELEVENLABS_KEY", "sk_", HEX, 48, 48)
                    .context("ELEVENLABS_API_KEY", "xi-api-key")
                    .source("https://elevenlabs.io/docs/api-reference/authentication"),
            prefixed("DATABRICKS_TOKEN", "dapi", HEX, 32, 32)
                    .context("DATABRICKS_TOKEN")
                    .source("https://docs.databricks.com/aws/en/dev-tools/auth/pat"),
            prefixed("BAIDU_QIANFAN_KEY", "bce-v3/ALTAK-", ALNUM.plus("alnum and /", "/"), 40, 100)
                    .context("QIANFAN_API_KEY")
                    .source("https://cloud.baidu.com/doc/qianfan-api/s/ym9chdsy5"),
            prefixed("ZHIPU_KEY", "", ALNUM, 12, 32).shape(Shapes.ID_DOT_SECRET)
                    .context("ZHIPUAI_API_KEY")
                    .source("https://open.bigmodel.cn/dev/api/http-call/http-auth"),
            prefixed("DEEPL_KEY", "", HEX, 36, 36).shape(Shapes.UUID_FX)
                    .context("DEEPL_AUTH_KEY", "DeepL-Auth-Key")
                    .source("https://developers.deepl.com/docs/getting-started/auth"),
            // ---- cloud access keys ---------------------------------------------------------------------------------
            prefixed("AWS_ACCESS_KEY_ID", "AKIA", UPPER_ALNUM, 16, 16)
                    .context("AWS_ACCESS_KEY_ID", "aws_access_key_id")
                    .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"),
            prefixed("AWS_ACCESS_KEY_ID", "ASIA", UPPER_ALNUM, 16, 16)
                    .context("AWS_ACCESS_KEY_ID", "aws_session_token")
                    .source("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids"),
            prefixed("ALIBABA_CLOUD_ACCESS_KEY", "LTAI", ALNUM, 12, 24)
                    .context("ALIBABA_CLOUD_ACCESS_KEY_ID")
                    .source("https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair"),
            prefixed("TENCENT_CLOUD_SECRET_ID", "AKID", ALNUM, 28, 40)
                    .context("TENCENTCLOUD_SECRET_ID", "SecretId")
                    .source("https://cloud.tencent.com/document/product/598/40488"),
            prefixed("VOLCENGINE_ACCESS_KEY", "AKLT", URL_SAFE, 32, 80)
                    .context("VOLC_ACCESSKEY")
                    .source("https://www.volcengine.com/docs/6291/65568"),
            prefixed("PRIVATE_KEY", "-----BEGIN ", Alphabet.BASE64, 64, 16_384).shape(Shapes.PEM_PRIVATE_KEY)
                    .context("private_key", "GOOGLE_APPLICATION_CREDENTIALS")
                    .source("https://www.rfc-editor.org/rfc/rfc7468; https://cloud.google.com/iam/docs/keys-create-delete"),
            // ---- code hosts, payments, chat ------------------------------------------------------------------------
            github("ghp_"), github("gho_"), github("ghu_"), github("ghs_"), github("ghr_"),
            prefixed("GITHUB_TOKEN", "github_pat_", ALNUM_UNDERSCORE, 70, 100)
                    .context("GITHUB_TOKEN", "GH_TOKEN")
                    .source("https://github.blog/security/application-security/introducing-fine-grained-personal-access-tokens-for-github/"),
            prefixed("GITLAB_TOKEN", "glpat-", URL_SAFE, 20, 64)
                    .context("GITLAB_TOKEN", "PRIVATE-TOKEN")
                    .source("https://docs.gitlab.com/security/tokens/"),
            stripe("sk_live_"), stripe("sk_test_"), stripe("rk_live_"), stripe("rk_test_"),
            prefixed("STRIPE_WEBHOOK_SECRET", "whsec_", ALNUM, 24, 128)
                    .context("STRIPE_WEBHOOK_SECRET")
                    .source("https://docs.stripe.com/webhooks#verify-events"),
            slack("xoxb-"), slack("xoxp-"), slack("xoxa-"), slack("xoxr-"), slack("xoxs-"), slack("xoxe-"),
            // ---- developer platforms and AI tooling customers paste beside their gateway keys ------------------------
            // Prefixes and lengths from gitleaks' rule set (one rule per issuer, each citing the issuer), checked
            // against the issuer's page where one documents the format.
            prefixed("LANGSMITH_KEY", "lsv2_", URL_SAFE, 40, 80)
                    .context("LANGSMITH_API_KEY", "LANGCHAIN_API_KEY")
                    .source("https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key"),
            prefixed("TAVILY_KEY", "tvly-", URL_SAFE, 32, 64)
                    .context("TAVILY_API_KEY")
                    .source("https://docs.tavily.com/documentation/quickstart"),
            prefixed("PINECONE_KEY", "pcsk_", URL_SAFE, 50, 120)
                    .context("PINECONE_API_KEY")
                    .source("https://docs.pinecone.io/guides/projects/manage-api-keys"),
            prefixed("FIRECRAWL_KEY", "fc-", HEX, 32, 32)
                    .context("FIRECRAWL_API_KEY")
                    .source("https://docs.firecrawl.dev/introduction"),
            prefixed("E2B_KEY", "e2b_", HEX, 40, 40)
                    .context("E2B_API_KEY")
                    .source("https://e2b.dev/docs/api-key"),
            prefixed("LLAMA_CLOUD_KEY", "llx-", ALNUM, 40, 64)
                    .context("LLAMA_CLOUD_API_KEY")
                    .source("https://docs.cloud.llamaindex.ai/api_key"),
            prefixed("RUNPOD_KEY", "rpa_", UPPER_ALNUM, 40, 48)
                    .context("RUNPOD_API_KEY")
                    .source("https://docs.runpod.io/get-started/api-keys"),
            prefixed("HUGGING_FACE_TOKEN", "api_org_", ALNUM, 34, 34)
                    .context("HF_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#huggingface-organization-api-token"),
            prefixed("AWS_BEDROCK_KEY", "ABSK", Alphabet.BASE64, 100, 280)
                    .context("AWS_BEARER_TOKEN_BEDROCK")
                    .source("https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-use.html; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#aws-amazon-bedrock-api-key-long-lived"),
            prefixed("SENDGRID_KEY", "SG.", URL_SAFE.plus("url-safe and .", "."), 60, 70)
                    .context("SENDGRID_API_KEY")
                    .source("https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#sendgrid-api-token"),
            digitalOcean("dop_v1_"), digitalOcean("doo_v1_"), digitalOcean("dor_v1_"),
            prefixed("NOTION_TOKEN", "ntn_", ALNUM, 40, 50)
                    .context("NOTION_TOKEN", "NOTION_API_KEY")
                    .source("https://developers.notion.com/docs/authorization; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#notion-api-token"),
            prefixed("LINEAR_KEY", "lin_api_", ALNUM, 40, 40)
                    .context("LINEAR_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#linear-api-key"),
            prefixed("POSTMAN_KEY", "PMAK-", HEX.plus("hex and -", "-"), 59, 59)
                    .context("POSTMAN_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#postman-api-token"),
            prefixed("VAULT_TOKEN", "hvs.", URL_SAFE, 90, 120)
                    .context("VAULT_TOKEN")
                    .source("https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#vault-service-token"),
            prefixed("VAULT_TOKEN", "hvb.", URL_SAFE, 138, 300)
                    .context("VAULT_TOKEN")
                    .source("https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#vault-batch-token"),
            prefixed("GRAFANA_TOKEN", "glsa_", ALNUM_UNDERSCORE, 41, 41)
                    .context("GRAFANA_SERVICE_ACCOUNT_TOKEN")
                    .source("https://grafana.com/docs/grafana/latest/administration/service-accounts/; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#grafana-service-account-token"),
            prefixed("GRAFANA_TOKEN", "glc_", Alphabet.BASE64, 32, 400)
                    .context("GRAFANA_CLOUD_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#grafana-cloud-api-token"),
            prefixed("DOCKER_TOKEN", "dckr_pat_", URL_SAFE, 27, 40)
                    .context("DOCKERHUB_TOKEN")
                    .source("https://docs.docker.com/security/for-developers/access-tokens/"),
            prefixed("PYPI_TOKEN", "pypi-AgEIcHlwaS5vcmc", URL_SAFE, 50, 1000)
                    .context("TWINE_PASSWORD", "PYPI_TOKEN")
                    .source("https://pypi.org/help/#apitoken; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#pypi-upload-token"),
            prefixed("NPM_TOKEN", "npm_", ALNUM, 36, 36)
                    .context("NPM_TOKEN", "_authToken")
                    .source("https://docs.npmjs.com/about-access-tokens; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#npm-access-token"),
            prefixed("SUPABASE_TOKEN", "sbp_", HEX, 40, 40)
                    .context("SUPABASE_ACCESS_TOKEN")
                    .source("https://supabase.com/docs/reference/cli/supabase-login"),
            prefixed("FACEBOOK_TOKEN", "EAA", ALNUM, 100, 400).shape(Shapes.RANDOM)
                    .context("FACEBOOK_ACCESS_TOKEN")
                    .source("https://developers.facebook.com/docs/facebook-login/guides/access-tokens; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#facebook-page-access-token"),
            prefixed("ONEPASSWORD_TOKEN", "ops_eyJ", Alphabet.BASE64, 250, 2000)
                    .context("OP_SERVICE_ACCOUNT_TOKEN")
                    .source("https://developer.1password.com/docs/service-accounts/; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#1password-service-account-token"),
            prefixed("SENTRY_TOKEN", "sntryu_", HEX, 64, 64)
                    .context("SENTRY_AUTH_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#sentry-user-token"),
            prefixed("SENTRY_TOKEN", "sntrys_eyJ", Alphabet.BASE64.plus("base64 and _", "_"), 60, 600)
                    .context("SENTRY_AUTH_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#sentry-org-token"),
            prefixed("HEROKU_KEY", "HRKU-AA", URL_SAFE, 58, 58)
                    .context("HEROKU_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#heroku-api-key-v2"),
            planetScale("pscale_tkn_"), planetScale("pscale_pw_"), planetScale("pscale_oauth_"),
            prefixed("PULUMI_TOKEN", "pul-", HEX, 40, 40)
                    .context("PULUMI_ACCESS_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#pulumi-api-token"),
            prefixed("RUBYGEMS_KEY", "rubygems_", HEX, 48, 48)
                    .context("GEM_HOST_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#rubygems-api-token"),
            prefixed("DOPPLER_TOKEN", "dp.pt.", ALNUM, 43, 43)
                    .context("DOPPLER_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#doppler-api-token"),
            prefixed("DYNATRACE_TOKEN", "dt0c01.", ALNUM.plus("alnum and .", "."), 89, 89)
                    .context("DT_API_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#dynatrace-api-token"),
            prefixed("PREFECT_KEY", "pnu_", ALNUM, 36, 36)
                    .context("PREFECT_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#prefect-api-token"),
            prefixed("SENDINBLUE_KEY", "xkeysib-", ALNUM.plus("alnum and -", "-"), 81, 81)
                    .context("BREVO_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#sendinblue-api-token"),
            shopify("shpat_"), shopify("shpca_"), shopify("shppa_"), shopify("shpss_"),
            prefixed("SQUARE_TOKEN", "sq0atp-", URL_SAFE, 22, 60)
                    .context("SQUARE_ACCESS_TOKEN")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#square-access-token"),
            prefixed("SQUARE_TOKEN", "sq0csp-", URL_SAFE, 40, 60)
                    .context("SQUARE_APPLICATION_SECRET")
                    .source("https://developer.squareup.com/docs/build-basics/access-tokens"),
            prefixed("FLUTTERWAVE_KEY", "FLWSECK-", ALNUM.plus("alnum and -", "-"), 32, 40)
                    .context("FLW_SECRET_KEY")
                    .source("https://developer.flutterwave.com/docs/api-keys; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#flutterwave-secret-key"),
            prefixed("FLUTTERWAVE_KEY", "FLWSECK_TEST-", ALNUM.plus("alnum and -", "-"), 32, 40)
                    .context("FLW_SECRET_KEY")
                    .source("https://developer.flutterwave.com/docs/api-keys; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#flutterwave-secret-key"),
            prefixed("ARTIFACTORY_KEY", "AKCp", ALNUM, 69, 69)
                    .context("ARTIFACTORY_API_KEY")
                    .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#artifactory-api-key"),
            gitlab("glrt-"), gitlab("gldt-"), gitlab("glptt-"), gitlab("glft-"), gitlab("glsoat-"), gitlab("gloas-"),
            gitlab("glagent-"), gitlab("glcbt-"), gitlab("glimt-"),
            prefixed("AGE_SECRET_KEY", "AGE-SECRET-KEY-1", UPPER_ALNUM, 58, 58)
                    .context("SOPS_AGE_KEY")
                    .source("https://github.com/FiloSottile/age; https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#age-secret-key"),
            prefixed("JWT", "eyJ", URL_SAFE, 4, 8192).shape(Shapes.JWT)
                    .context("id_token", "access_token")
                    .source("https://www.rfc-editor.org/rfc/rfc7519; MiniMax keys are JWTs: https://platform.minimaxi.com/document/Fast%20access"));

    public static List<KeyFamily> all() {
        return ALL;
    }

    /** Classic GitHub tokens: 30 random base62 characters and a 6-character CRC32 checksum. */
    private static KeyFamily github(String prefix) {
        return prefixed("GITHUB_TOKEN", prefix, ALNUM, 36, 36).checksum(Checksum.GITHUB_CRC32)
                .context("GITHUB_TOKEN", "GH_TOKEN")
                .source("https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/");
    }

    /** Stripe secret and restricted keys; publishable {@code pk_} keys are public by design and left alone. */
    private static KeyFamily stripe(String prefix) {
        return prefixed("STRIPE_SECRET_KEY", prefix, ALNUM, 24, 247)
                .context("STRIPE_SECRET_KEY", "STRIPE_API_KEY")
                .source("https://docs.stripe.com/keys#obtain-api-keys");
    }

    private static KeyFamily slack(String prefix) {
        return prefixed("SLACK_TOKEN", prefix, URL_SAFE, 20, 255).shape(Shapes.RANDOM)
                .context("SLACK_BOT_TOKEN", "SLACK_TOKEN")
                .source("https://api.slack.com/concepts/token-types");
    }

    private static KeyFamily digitalOcean(String prefix) {
        return prefixed("DIGITALOCEAN_TOKEN", prefix, HEX, 64, 64)
                .context("DIGITALOCEAN_ACCESS_TOKEN", "DIGITALOCEAN_TOKEN")
                .source("https://docs.digitalocean.com/reference/api/create-personal-access-token/; "
                        + "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#digitalocean-pat");
    }

    private static KeyFamily planetScale(String prefix) {
        return prefixed("PLANETSCALE_TOKEN", prefix, URL_SAFE.plus("url-safe and .=", ".="), 32, 64)
                .context("PLANETSCALE_SERVICE_TOKEN", "DATABASE_PASSWORD")
                .source("https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#planetscale-api-token");
    }

    /** Shopify's admin, custom-app, private-app tokens and shared secret: 32 hex digits in either case. */
    private static KeyFamily shopify(String prefix) {
        return prefixed("SHOPIFY_TOKEN", prefix, HEX.plus("hex, either case", "ABCDEF"), 32, 32)
                .context("SHOPIFY_ACCESS_TOKEN", "X-Shopify-Access-Token")
                .source("https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens; "
                        + "https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml#shopify-access-token");
    }

    /** GitLab's other token types: runner, deploy, trigger, feed, SCIM, OAuth secret, agent, CI job, mail. */
    private static KeyFamily gitlab(String prefix) {
        return prefixed("GITLAB_TOKEN", prefix, URL_SAFE, 20, 300)
                .context("GITLAB_TOKEN", "CI_JOB_TOKEN")
                .source("https://docs.gitlab.com/security/tokens/#token-prefixes");
    }
}
