-- Built-in providers. Repeatable: re-runs when this file changes (e.g. a release adds a provider), and
-- `on conflict do nothing` never overwrites what an operator changed with PATCH.
-- `ollama` is seeded disabled: its address is loopback, and an allow-all key must not make the gateway POST into its
-- own pod. An operator enables it with PATCH {"baseUrl": "<where Ollama runs>", "status": "active"}; that write
-- passes the upstream URL policy like any other.
insert into provider (id, display_name, base_url, auth_scheme, extra_headers, built_in, key_required,
                      allow_pass_through_models, website, status, surfaces)
values
    ('openai', 'OpenAI', 'https://api.openai.com/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://platform.openai.com', 'active', '{"openai/chat-completions","openai/responses","openai/embeddings","openai/completions"}'::text[]),
    ('anthropic', 'Anthropic', 'https://api.anthropic.com/v1', 'x-api-key', '{"anthropic-version": "2023-06-01"}'::jsonb, true, true, true, 'https://www.anthropic.com', 'active', '{"anthropic/messages"}'::text[]),
    ('google', 'Google Gemini (OpenAI-compatible)', 'https://generativelanguage.googleapis.com/v1beta/openai', 'bearer', '{}'::jsonb, true, true, true, 'https://ai.google.dev', 'active', '{"openai/chat-completions","openai/embeddings"}'::text[]),
    ('gemini', 'Google Gemini API (native)', 'https://generativelanguage.googleapis.com/v1beta', 'x-goog-api-key', '{}'::jsonb, true, true, true, 'https://ai.google.dev', 'active', '{"google/generate-content"}'::text[]),
    ('openrouter', 'OpenRouter', 'https://openrouter.ai/api/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://openrouter.ai', 'active', '{"openai/chat-completions","openai/completions","openai/responses","openai/embeddings"}'::text[]),
    ('groq', 'Groq', 'https://api.groq.com/openai/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://groq.com', 'active', '{"openai/chat-completions","openai/responses"}'::text[]),
    ('deepseek', 'DeepSeek', 'https://api.deepseek.com/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://www.deepseek.com', 'active', '{"openai/chat-completions"}'::text[]),
    ('mistral', 'Mistral AI', 'https://api.mistral.ai/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://mistral.ai', 'active', '{"openai/chat-completions","openai/embeddings"}'::text[]),
    ('together', 'Together AI', 'https://api.together.xyz/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://www.together.ai', 'active', '{"openai/chat-completions","openai/completions","openai/embeddings"}'::text[]),
    ('fireworks', 'Fireworks AI', 'https://api.fireworks.ai/inference/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://fireworks.ai', 'active', '{"openai/chat-completions","openai/completions","openai/embeddings"}'::text[]),
    ('xai', 'xAI', 'https://api.x.ai/v1', 'bearer', '{}'::jsonb, true, true, true, 'https://x.ai', 'active', '{"openai/chat-completions","openai/responses"}'::text[]),
    ('ollama', 'Ollama (local)', 'http://localhost:11434/v1', 'none', '{}'::jsonb, true, false, true, 'https://ollama.com', 'disabled', '{"openai/chat-completions","openai/completions","openai/embeddings"}'::text[])
on conflict (id) do nothing;
