"""Writes corpus-sources.jsonl from corpus_templates.py: every template in several of the ways customers write.

Run from this folder: python3 generate_corpus.py. Deterministic (fixed seed), so the file only changes with the
templates. The Java tests read the .jsonl; this script is how it was made.
"""
import json
import random

from corpus_templates import T, P, H

rng = random.Random(26)
TRAINING = "../../../main/resources/triage/fallback-training.jsonl"

CLIENT_NAMES = {
    "curl": "curl", "python-requests": "python requests", "httpx": "httpx", "aiohttp": "aiohttp",
    "openai-python": "OpenAI Python SDK", "undici": "Node fetch", "node-fetch": "node-fetch", "axios": "axios",
    "openai-node": "OpenAI Node SDK", "okhttp": "OkHttp", "java-httpclient": "Java HttpClient",
    "go-net-http": "Go net/http", "browser": "Chrome", "cursor": "Cursor", "cherry-studio": "Cherry Studio",
    "lobechat": "LobeChat", "nextchat": "NextChat", "dify": "Dify", "continue": "Continue", "cline": "Cline",
    "langchain": "LangChain", "llamaindex": "LlamaIndex",
}
PYTHON = {"python-requests", "httpx", "aiohttp", "openai-python", "langchain", "llamaindex", "dify"}
NODE = {"undici", "node-fetch", "axios", "openai-node", "lobechat", "nextchat", "cline", "continue"}
JAVA = {"okhttp", "java-httpclient"}

OPENERS_EN = ["Getting this since this morning:", "Our service started failing with this:", "Please help, every call ends like this:",
              "Same request worked yesterday. Now:", "Hi, seeing the following error"]
OPENERS_ZH = ["从今天早上开始一直报这个错：", "我们线上服务突然出现下面的错误：", "麻烦看一下，调用的时候报：", "昨天还好好的，今天就这样了：",
              "你好，用的时候出现这个"]
# Wrong guesses, hedged the ways customers hedge; each points at a category the ticket is not.
GUESSES = [
    ("INSUFFICIENT_QUOTA", "zh", "是不是余额不足了？"), ("INSUFFICIENT_QUOTA", "en", "Maybe I ran out of credits?"),
    ("RATE_LIMITED", "zh", "感觉是被限流了吧"), ("RATE_LIMITED", "en", "I think you are rate limiting us."),
    ("INVALID_KEY", "zh", "难道是 key 过期了？"), ("INVALID_KEY", "en", "Could it be that my key is wrong?"),
    ("UPSTREAM_TIMEOUT", "zh", "估计是超时了"), ("UPSTREAM_TIMEOUT", "en", "Probably a timeout on your side?"),
    ("UPSTREAM_ERROR", "zh", "应该是你们服务器挂了"), ("UPSTREAM_ERROR", "en", "I guess your service is down?"),
    ("WRONG_BASE_URL", "zh", "是不是接口地址填错了？"), ("MODEL_NOT_AVAILABLE", "en", "Perhaps the model is not available?"),
]


def style_plain_en(src, cat, status, err):
    return {"lang": "en", "text": rng.choice(OPENERS_EN) + "\n" + err}


def style_plain_zh(src, cat, status, err):
    return {"lang": "zh", "text": rng.choice(OPENERS_ZH) + "\n" + err}


def style_fields(src, cat, status, err):
    case = {"lang": "en", "errorMessage": err, "text": "See the error above. It happens on every request."}
    if status:
        case["statusCode"] = status
    return case


def style_mixed(src, cat, status, err):
    who = CLIENT_NAMES.get(src, src)
    return {"lang": "mixed", "text": f"用 {who} 调用的时候报错了 {err} ，help!!"}


def style_screenshot(src, cat, status, err):
    who = CLIENT_NAMES.get(src, "客户端")
    lines = [f"[截图] {who}", "  ⚠ 请求失败", "  " + err.replace("\n", "\n  "), "  [ 确定 ]   [ 复制 ]"]
    return {"lang": "zh", "text": "截图里的文字：\n" + "\n".join(lines)}


def style_trace(src, cat, status, err):
    if src in PYTHON:
        trace = ("Traceback (most recent call last):\n  File \"/srv/app/chat.py\", line 42, in ask\n"
                 "    resp = client.chat.completions.create(model=model, messages=msgs, stream=True)\n  File "
                 "\"/usr/local/lib/python3.11/site-packages/openai/_base_client.py\", line 1037, in request\n"
                 "    raise APIConnectionError(request=request) from err\n" + err)
    elif src in NODE:
        trace = err + "\n    at async OpenAI.makeRequest (file:///app/node_modules/openai/core.mjs:316:30)\n" \
                      "    at async main (file:///app/index.mjs:12:18)"
    elif src in JAVA:
        trace = "Exception in thread \"main\" " + err + "\n\tat com.example.chat.GatewayClient.complete(GatewayClient.java:58)"
    else:
        trace = "2025/06/11 10:22:01 request failed: " + err
    return {"lang": "en", "text": "stack trace:\n" + trace}


def style_half_json(src, cat, status, err):
    body = err
    for lead in ('{"error":{"message":"', "{'error': {'message': '", '{"type":"error","error":{'):
        if body.startswith(lead):
            body = body[len(lead):]
    return {"lang": "mixed", "text": "日志里只截到一半：\n..." + body[: max(len(body) - 20, int(len(body) * 0.85))] + " …后面没复制全"}


def style_guess(src, cat, status, err):
    choices = [g for g in GUESSES if g[0] != cat]
    _, lang, guess = rng.choice(choices)
    opener = rng.choice(OPENERS_ZH if lang == "zh" else OPENERS_EN)
    return {"lang": "mixed" if lang == "zh" else "en", "text": f"{opener}\n{err}\n{guess}"}


STYLES = [style_plain_en, style_plain_zh, style_fields, style_mixed, style_screenshot, style_trace, style_half_json,
          style_guess]


def main():
    rows = []
    n = 0
    for src, cat, status, err, cite in T:
        # Only a JSON body is ever half-quoted; a one-line error is pasted whole.
        styles = rng.sample(STYLES if "{" in err else [s for s in STYLES if s is not style_half_json], 3)
        if style_guess not in styles and rng.random() < 0.5:
            styles[2] = style_guess
        for style in styles:
            n += 1
            case = {"id": f"s{n:03d}", "expected": cat, "source": src, "cite": cite, "style": style.__name__[6:]}
            case.update(style(src, cat, status, err))
            if src in CLIENT_NAMES and "client" not in case:
                case["client"] = CLIENT_NAMES[src]
            rows.append(case)
    for cat, lang, text, cite in P:
        n += 1
        rows.append({"id": f"s{n:03d}", "expected": cat, "source": "customers", "cite": cite, "style": "prose",
                     "lang": lang, "text": text})
    with open("corpus-sources.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(rows), "cases")
    held = []
    for src, cat, status, err, cite in H:
        for style in rng.sample([style_plain_en, style_plain_zh, style_fields, style_mixed, style_guess], 2):
            n += 1
            case = {"id": f"u{n:03d}", "expected": cat, "source": src, "cite": cite, "style": style.__name__[6:]}
            case.update(style(src, cat, status, err))
            held.append(case)
    with open("corpus-unnamed.jsonl", "w", encoding="utf-8") as out:
        for row in held:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(len(held), "cases from sources no rule names")
    write_training(rows + held)


def write_training(rows):
    """The fallback's training tickets (category and text only), shipped in the application: both corpus files."""
    with open("corpus.jsonl", encoding="utf-8") as first:
        cases = [json.loads(line) for line in first if line.strip()] + rows
    with open(TRAINING, "w", encoding="utf-8") as out:
        for case in cases:
            parts = [case.get("errorMessage"), case.get("text")]
            parts += [log.get("errorMessage") for log in case.get("logEvidence") or []]
            text = "\n".join(p for p in parts if p)
            out.write(json.dumps({"category": case["expected"], "text": text}, ensure_ascii=False) + "\n")
    print(len(cases), "training tickets in", TRAINING)


if __name__ == "__main__":
    main()
