#!/usr/bin/env python3
"""Writes models.json: a sample of OpenRouter's GET /api/v1/models document (same shape, several hundred
entries, realistic ids including :free variants, per-token prices as decimal strings). Deterministic."""
import json
import random
from decimal import Decimal

random.seed(20261125)

# (vendor, model, display, context, max_out, input modalities, prompt $/M, completion $/M, cache read $/M, has_free)
BASE = [
    ("openai", "gpt-5", "GPT-5", 400000, 128000, ["text", "image", "file"], "1.25", "10", "0.125", False),
    ("openai", "gpt-5-mini", "GPT-5 Mini", 400000, 128000, ["text", "image", "file"], "0.25", "2", "0.025", False),
    ("openai", "gpt-5-nano", "GPT-5 Nano", 400000, 128000, ["text", "image", "file"], "0.05", "0.4", "0.005", False),
    ("openai", "gpt-4.1", "GPT-4.1", 1047576, 32768, ["text", "image", "file"], "2", "8", "0.5", False),
    ("openai", "gpt-4.1-mini", "GPT-4.1 Mini", 1047576, 32768, ["text", "image", "file"], "0.4", "1.6", "0.1", False),
    ("openai", "gpt-4o", "GPT-4o", 128000, 16384, ["text", "image", "file"], "2.5", "10", "1.25", False),
    ("openai", "gpt-4o-mini", "GPT-4o-mini", 128000, 16384, ["text", "image", "file"], "0.15", "0.6", "0.075", False),
    ("openai", "o3", "o3", 200000, 100000, ["text", "image", "file"], "2", "8", "0.5", False),
    ("openai", "o4-mini", "o4 Mini", 200000, 100000, ["text", "image", "file"], "1.1", "4.4", "0.275", False),
    ("openai", "gpt-oss-120b", "gpt-oss-120b", 131072, 131072, ["text"], "0.05", "0.25", None, True),
    ("openai", "gpt-oss-20b", "gpt-oss-20b", 131072, 131072, ["text"], "0.03", "0.15", None, True),
    ("anthropic", "claude-opus-4.5", "Claude Opus 4.5", 200000, 64000, ["text", "image", "file"], "5", "25", "0.5", False),
    ("anthropic", "claude-opus-4.1", "Claude Opus 4.1", 200000, 32000, ["text", "image", "file"], "15", "75", "1.5", False),
    ("anthropic", "claude-sonnet-4.5", "Claude Sonnet 4.5", 1000000, 64000, ["text", "image", "file"], "3", "15", "0.3", False),
    ("anthropic", "claude-sonnet-4", "Claude Sonnet 4", 1000000, 64000, ["text", "image", "file"], "3", "15", "0.3", False),
    ("anthropic", "claude-3.7-sonnet", "Claude 3.7 Sonnet", 200000, 64000, ["text", "image", "file"], "3", "15", "0.3", False),
    ("anthropic", "claude-3.5-sonnet", "Claude 3.5 Sonnet", 200000, 8192, ["text", "image", "file"], "3", "15", "0.3", False),
    ("anthropic", "claude-haiku-4.5", "Claude Haiku 4.5", 200000, 64000, ["text", "image"], "1", "5", "0.1", False),
    ("anthropic", "claude-3.5-haiku", "Claude 3.5 Haiku", 200000, 8192, ["text", "image"], "0.8", "4", "0.08", False),
    ("google", "gemini-2.5-pro", "Gemini 2.5 Pro", 1048576, 65536, ["text", "image", "file", "audio", "video"], "1.25", "10", "0.31", False),
    ("google", "gemini-2.5-flash", "Gemini 2.5 Flash", 1048576, 65535, ["text", "image", "file", "audio", "video"], "0.3", "2.5", "0.03", False),
    ("google", "gemini-2.5-flash-lite", "Gemini 2.5 Flash Lite", 1048576, 65535, ["text", "image", "file", "audio", "video"], "0.1", "0.4", "0.01", False),
    ("google", "gemini-2.0-flash-001", "Gemini 2.0 Flash", 1048576, 8192, ["text", "image", "file", "audio", "video"], "0.1", "0.4", "0.025", False),
    ("google", "gemini-2.0-flash-exp", "Gemini 2.0 Flash Experimental", 1048576, 8192, ["text", "image"], "0", "0", None, True),
    ("google", "gemma-3-27b-it", "Gemma 3 27B", 131072, 8192, ["text", "image"], "0.067", "0.267", None, True),
    ("google", "gemma-3-12b-it", "Gemma 3 12B", 131072, 8192, ["text", "image"], "0.03", "0.1", None, True),
    ("google", "gemma-3-4b-it", "Gemma 3 4B", 131072, 8192, ["text", "image"], "0.017", "0.068", None, True),
    ("meta-llama", "llama-4-maverick", "Llama 4 Maverick", 1048576, 16384, ["text", "image"], "0.15", "0.6", None, True),
    ("meta-llama", "llama-4-scout", "Llama 4 Scout", 327680, 16384, ["text", "image"], "0.08", "0.3", None, True),
    ("meta-llama", "llama-3.3-70b-instruct", "Llama 3.3 70B Instruct", 131072, 16384, ["text"], "0.13", "0.39", None, True),
    ("meta-llama", "llama-3.1-405b-instruct", "Llama 3.1 405B Instruct", 131072, 16384, ["text"], "0.8", "0.8", None, True),
    ("meta-llama", "llama-3.1-8b-instruct", "Llama 3.1 8B Instruct", 131072, 16384, ["text"], "0.015", "0.02", None, False),
    ("meta-llama", "llama-3.2-3b-instruct", "Llama 3.2 3B Instruct", 131072, 16384, ["text"], "0.003", "0.006", None, True),
    ("mistralai", "mistral-large-2411", "Mistral Large 2411", 131072, None, ["text"], "2", "6", None, False),
    ("mistralai", "mistral-medium-3.1", "Mistral Medium 3.1", 131072, None, ["text", "image"], "0.4", "2", None, False),
    ("mistralai", "mistral-small-3.2-24b-instruct", "Mistral Small 3.2 24B", 131072, None, ["text", "image"], "0.05", "0.1", None, True),
    ("mistralai", "mistral-nemo", "Mistral Nemo", 131072, None, ["text"], "0.02", "0.04", None, True),
    ("mistralai", "codestral-2508", "Codestral 2508", 256000, None, ["text"], "0.3", "0.9", None, False),
    ("mistralai", "devstral-small", "Devstral Small", 128000, None, ["text"], "0.07", "0.28", None, True),
    ("qwen", "qwen3-235b-a22b", "Qwen3 235B A22B", 131072, None, ["text"], "0.13", "0.6", None, True),
    ("qwen", "qwen3-32b", "Qwen3 32B", 40960, None, ["text"], "0.05", "0.2", None, False),
    ("qwen", "qwen3-coder", "Qwen3 Coder 480B A35B", 262144, None, ["text"], "0.22", "0.95", None, True),
    ("qwen", "qwen-2.5-72b-instruct", "Qwen2.5 72B Instruct", 32768, 16384, ["text"], "0.07", "0.26", None, True),
    ("qwen", "qwen2.5-vl-72b-instruct", "Qwen2.5 VL 72B Instruct", 32768, None, ["text", "image"], "0.25", "0.75", None, True),
    ("deepseek", "deepseek-chat-v3.1", "DeepSeek V3.1", 163840, None, ["text"], "0.2", "0.8", None, True),
    ("deepseek", "deepseek-r1", "R1", 163840, None, ["text"], "0.4", "2", None, True),
    ("deepseek", "deepseek-r1-0528", "R1 0528", 163840, None, ["text"], "0.5", "2.15", None, True),
    ("deepseek", "deepseek-v3.2-exp", "DeepSeek V3.2 Exp", 163840, None, ["text"], "0.27", "0.4", None, False),
    ("x-ai", "grok-4", "Grok 4", 256000, None, ["text", "image"], "3", "15", "0.75", False),
    ("x-ai", "grok-4-fast", "Grok 4 Fast", 2000000, 30000, ["text", "image"], "0.2", "0.5", "0.05", True),
    ("x-ai", "grok-3-mini", "Grok 3 Mini", 131072, None, ["text"], "0.3", "0.5", "0.075", False),
    ("x-ai", "grok-code-fast-1", "Grok Code Fast 1", 256000, 10000, ["text"], "0.2", "1.5", "0.02", False),
    ("moonshotai", "kimi-k2", "Kimi K2 0711", 131072, None, ["text"], "0.14", "2.49", None, True),
    ("moonshotai", "kimi-k2-0905", "Kimi K2 0905", 262144, 262144, ["text"], "0.39", "1.9", None, False),
    ("z-ai", "glm-4.6", "GLM 4.6", 202752, 202752, ["text"], "0.4", "1.75", None, False),
    ("z-ai", "glm-4.5-air", "GLM 4.5 Air", 131072, 131072, ["text"], "0.14", "0.86", None, True),
    ("cohere", "command-r-plus-08-2024", "Command R+ (08-2024)", 128000, 4000, ["text"], "2.5", "10", None, False),
    ("cohere", "command-a", "Command A", 256000, 8192, ["text"], "2.5", "10", None, False),
    ("nvidia", "llama-3.1-nemotron-70b-instruct", "Llama 3.1 Nemotron 70B Instruct", 131072, 16384, ["text"], "1.2", "1.2", None, False),
    ("nvidia", "nemotron-nano-9b-v2", "Nemotron Nano 9B V2", 128000, None, ["text"], "0.04", "0.16", None, True),
    ("microsoft", "phi-4", "Phi 4", 16384, None, ["text"], "0.06", "0.14", None, False),
    ("microsoft", "mai-ds-r1", "MAI DS R1", 163840, None, ["text"], "0.3", "1.2", None, True),
    ("amazon", "nova-pro-v1", "Nova Pro 1.0", 300000, 5120, ["text", "image"], "0.8", "3.2", None, False),
    ("amazon", "nova-lite-v1", "Nova Lite 1.0", 300000, 5120, ["text", "image"], "0.06", "0.24", None, False),
    ("perplexity", "sonar", "Sonar", 127072, None, ["text", "image"], "1", "1", None, False),
    ("perplexity", "sonar-pro", "Sonar Pro", 200000, 8000, ["text", "image"], "3", "15", None, False),
    ("nousresearch", "hermes-3-llama-3.1-405b", "Hermes 3 405B Instruct", 131072, None, ["text"], "1", "1", None, True),
    ("nousresearch", "hermes-4-70b", "Hermes 4 70B", 131072, None, ["text"], "0.11", "0.38", None, False),
    ("minimax", "minimax-m2", "MiniMax M2", 204800, 131072, ["text"], "0.255", "1.02", None, True),
    ("baidu", "ernie-4.5-300b-a47b", "ERNIE 4.5 300B A47B", 123000, 12000, ["text"], "0.28", "1.1", None, False),
    ("ai21", "jamba-large-1.7", "Jamba Large 1.7", 256000, 4096, ["text"], "2", "8", None, False),
    ("inception", "mercury-coder", "Mercury Coder", 128000, 16384, ["text"], "0.25", "1", None, False),
]

# fine-tunes and community models: plausible ids, many with :free variants
COMMUNITY_VENDORS = ["thedrummer", "sao10k", "gryphe", "neversleep", "undi95", "cognitivecomputations", "arcee-ai",
                     "liquid", "allenai", "tngtech", "shisa-ai", "alpindale", "anthracite-org", "eva-unit-01",
                     "mancer", "sophosympatheia", "aion-labs", "opengvlab", "bytedance", "agentica-org",
                     "featherless", "huggingfaceh4", "openchat", "teknium", "pygmalionai", "raifle", "infermatic",
                     "latitudegames", "rekaai", "ibm-granite", "stepfun-ai", "tencent", "thudm", "morph", "relace"]
FAMILIES = ["llama-3.1-8b", "llama-3.3-70b", "mistral-7b", "mistral-nemo-12b", "qwen-2.5-7b", "qwen3-14b", "qwen3-30b-a3b",
            "gemma-2-9b", "gemma-2-27b", "mixtral-8x7b", "mixtral-8x22b", "yi-34b", "phi-3-medium", "solar-10.7b",
            "deepseek-r1-distill-qwen-32b", "deepseek-r1-distill-llama-70b", "glm-4-32b", "olmo-2-13b"]
SUFFIXES = ["instruct", "chat", "rp", "v2", "v3", "uncensored", "coder", "vision", "reasoning", "lite", "preview",
            "0724", "1124", "2506", "turbo"]


def per_token(per_million):
    if per_million is None:
        return None
    value = (Decimal(per_million) / Decimal(1000000)).normalize()
    return format(value, "f")


def entry(model_id, name, context, max_out, inputs, prompt, completion, cache_read, created):
    pricing = {"prompt": per_token(prompt), "completion": per_token(completion), "request": "0", "image": "0",
               "web_search": "0", "internal_reasoning": "0"}
    if cache_read is not None:
        pricing["input_cache_read"] = per_token(cache_read)
    if model_id.startswith("anthropic/"):
        pricing["input_cache_write"] = per_token(str(Decimal(prompt) * Decimal("1.25")))
    if "image" in inputs and prompt != "0":
        pricing["image"] = per_token(str((Decimal(prompt) * 1000).quantize(Decimal("0.001"))))
    modality = "+".join(m for m in inputs if m in ("text", "image", "audio", "video", "file")) + "->text"
    return {
        "id": model_id,
        "canonical_slug": model_id.split(":")[0],
        "hugging_face_id": None,
        "name": name,
        "created": created,
        "description": name + " served through OpenRouter.",
        "context_length": context,
        "architecture": {"modality": modality, "input_modalities": inputs, "output_modalities": ["text"],
                         "tokenizer": "Other", "instruct_type": None},
        "pricing": pricing,
        "top_provider": {"context_length": context, "max_completion_tokens": max_out,
                         "is_moderated": model_id.startswith(("openai/", "anthropic/"))},
        "per_request_limits": None,
        "supported_parameters": ["max_tokens", "temperature", "top_p", "stop", "frequency_penalty",
                                 "presence_penalty", "seed", "tools", "tool_choice", "response_format"],
        "default_parameters": {},
    }


data = []
created = 1760000000
for vendor, model, display, ctx, max_out, inputs, p, c, cr, has_free in BASE:
    created -= 86400
    data.append(entry(vendor + "/" + model, vendor.replace("-", " ").title() + ": " + display, ctx, max_out, inputs,
                      p, c, cr, created))
    if has_free:
        data.append(entry(vendor + "/" + model + ":free", vendor.replace("-", " ").title() + ": " + display
                          + " (free)", min(ctx, 131072), max_out, inputs, "0", "0", None, created))

seen = {d["id"] for d in data}
while len(data) < 420:
    vendor = random.choice(COMMUNITY_VENDORS)
    model = random.choice(FAMILIES) + "-" + random.choice(SUFFIXES)
    model_id = vendor + "/" + model
    if model_id in seen:
        continue
    seen.add(model_id)
    created -= random.randint(3600, 86400)
    prompt = str(Decimal(random.randint(1, 4000)) / Decimal(1000))
    completion = str(Decimal(prompt) * random.choice([1, 2, 3, 4]))
    ctx = random.choice([4096, 8192, 16384, 32768, 65536, 131072])
    data.append(entry(model_id, vendor + ": " + model, ctx, random.choice([None, 4096, 8192]),
                      random.choice([["text"], ["text"], ["text", "image"]]), prompt, completion, None, created))
    if random.random() < 0.25 and len(data) < 420:
        seen.add(model_id + ":free")
        data.append(entry(model_id + ":free", vendor + ": " + model + " (free)", ctx, None, ["text"], "0", "0",
                          None, created))

# OpenRouter's router: variable pricing is published as "-1"
auto = entry("openrouter/auto", "Auto Router", 2000000, None, ["text", "image"], "0", "0", None, 1699401600)
auto["pricing"] = {"prompt": "-1", "completion": "-1"}
data.append(auto)

with open("models.json", "w") as f:
    json.dump({"data": data}, f, indent=1)
print(len(data), "models,", sum(1 for d in data if d["id"].endswith(":free")), "free")
