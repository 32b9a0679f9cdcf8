package io.aigw.gateway.limits;

/**
 * The Lua of the limit counters: each runs atomically in Redis, so that no two requests, on any replica, see the
 * same counters between a check and a write. Amounts are integers (requests, tokens, nano-USD); time is Redis's own
 * clock, so replicas with skewed clocks agree on when a reservation expires.
 */
final class LimitScripts {

    private LimitScripts() {
    }

    /**
     * Admits a request or reserves for an attempt. ARGV: requests-per-minute limit (0 = none), tokens-per-minute
     * limit (0 = none), number of budgets, reservation member id, amount (nano-USD), reservation TTL (ms), then per
     * budget its limit and counter TTL. KEYS: the rpm counter (if limited), the tpm counter (if limited), then per
     * budget its spend counter and its set of open reservations.
     * Answers {0, requests, tokens, left after this reservation} when admitted and reserved; {1, i…} when budget
     * counters i are missing (nothing written: rebuild them, then ask again); {2, requests} over the request limit
     * (the request is counted); {3, requests, tokens} over the token limit; {4, requests, tokens, i, left} when budget
     * i cannot hold the amount.
     */
    static final LuaScript ADMIT = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local rpmLimit, tpmLimit, n = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            local k = 1
            local rpmKey, tpmKey
            if rpmLimit > 0 then rpmKey = KEYS[k]; k = k + 1 end
            if tpmLimit > 0 then tpmKey = KEYS[k]; k = k + 1 end
            local missing = {1}
            for i = 0, n - 1 do
              if redis.call('EXISTS', KEYS[k + 2 * i]) == 0 then missing[#missing + 1] = i end
            end
            if #missing > 1 then return missing end
            local rpm, tpm = 0, 0
            if rpmKey then
              rpm = redis.call('INCR', rpmKey)
              redis.call('PEXPIRE', rpmKey, 120000)
              if rpm > rpmLimit then return {2, rpm} end
            end
            if tpmKey then
              tpm = tonumber(redis.call('GET', tpmKey) or '0')
              if tpm >= tpmLimit then return {3, rpm, tpm} end
            end
            local amount = tonumber(ARGV[5])
            local least = -1
            for i = 0, n - 1 do
              local held = KEYS[k + 2 * i + 1]
              redis.call('ZREMRANGEBYSCORE', held, '-inf', now)
              local open = 0
              for _, m in ipairs(redis.call('ZRANGE', held, 0, -1)) do
                open = open + tonumber(string.match(m, ':(%d+)$'))
              end
              local left = tonumber(ARGV[7 + 2 * i]) - tonumber(redis.call('GET', KEYS[k + 2 * i]) or '0') - open
              if left < amount then return {4, rpm, tpm, i, left} end
              if least < 0 or left - amount < least then least = left - amount end
            end
            if amount > 0 then
              local ttl = tonumber(ARGV[6])
              for i = 0, n - 1 do
                local held = KEYS[k + 2 * i + 1]
                redis.call('ZADD', held, now + ttl, ARGV[4] .. ':' .. ARGV[5])
                redis.call('PEXPIRE', held, ttl + 60000)
              end
            end
            return {0, rpm, tpm, least}
            """);

    /**
     * Settles an attempt. ARGV: tokens to add to the minute (0 = no tpm counter), reservation member ('' = none),
     * actual cost (nano-USD), number of budgets, then per budget its counter TTL. KEYS: the tpm counter (if tokens),
     * then per budget its spend counter and its reservations. The reservation is removed and the actual cost added
     * to every spend counter that exists: a missing one is left missing, to be rebuilt from the ledger (which has
     * this attempt's event) rather than restarted from this one amount.
     */
    static final LuaScript SETTLE = new LuaScript("""
            local k = 1
            if tonumber(ARGV[1]) > 0 then
              redis.call('INCRBY', KEYS[1], ARGV[1])
              redis.call('PEXPIRE', KEYS[1], 120000)
              k = 2
            end
            local n, actual = tonumber(ARGV[4]), tonumber(ARGV[3])
            for i = 0, n - 1 do
              if ARGV[2] ~= '' then redis.call('ZREM', KEYS[k + 2 * i + 1], ARGV[2]) end
              if actual > 0 and redis.call('EXISTS', KEYS[k + 2 * i]) == 1 then
                redis.call('INCRBY', KEYS[k + 2 * i], ARGV[3])
                redis.call('PEXPIRE', KEYS[k + 2 * i], ARGV[5 + i])
              end
            end
            return 0
            """);

    /**
     * Raises a spend counter to the ledger's amount (ARGV[1]) when it is lower, keeping its TTL; creates it with
     * TTL ARGV[2] when missing. Never lowers it: the counter may be ahead of a ledger still consuming events.
     * Answers the counter's value before (-1 when it was missing).
     */
    static final LuaScript RAISE = new LuaScript("""
            local current = redis.call('GET', KEYS[1])
            if not current then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return -1
            end
            if tonumber(current) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            end
            return tonumber(current)
            """);
}
