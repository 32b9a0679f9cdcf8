package io.aigw.gateway.auth;

/**
 * The two version-checked writes of an access-key entry in Redis, as Lua scripts so that reading the
 * current version and writing happen in one atomic step on every replica. An entry is the JSON of
 * {@link AccessKeyDocuments}: a record with its `version`, a stale marker `{"version":v,"stale":true}`, or
 * `{"unknown":true}` (no version).
 */
final class AccessKeyScripts {

    /** KEYS[1] entry; ARGV record JSON, its version, TTL ms. Keeps an entry of a newer version. */
    static final String PUT_FETCHED = """
            local cur = redis.call('GET', KEYS[1])
            if cur then
              local ok, doc = pcall(cjson.decode, cur)
              if ok and type(doc) == 'table' and type(doc.version) == 'number' and doc.version > tonumber(ARGV[2]) then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1
            """;

    /**
     * KEYS[1] entry; ARGV event version, the event's record JSON ('' = none or not mergeable), TTL ms, now ms.
     * Nothing when the entry is at that version or newer; the record merged with the stored hash when the
     * entry holds one (confirmed now: a committed change is as good as key-service's answer); else a stale
     * marker at that version.
     */
    static final String APPLY_CHANGE = """
            local v = tonumber(ARGV[1])
            local cur = redis.call('GET', KEYS[1])
            local hash = nil
            if cur then
              local ok, doc = pcall(cjson.decode, cur)
              if ok and type(doc) == 'table' then
                if type(doc.version) == 'number' and doc.version >= v then
                  return 0
                end
                if not doc.stale and type(doc.secretHash) == 'string' then
                  hash = doc.secretHash
                end
              end
            end
            if ARGV[2] ~= '' and hash then
              local merged = cjson.decode(ARGV[2])
              merged.secretHash = hash
              merged.version = v
              merged.fetchedAt = tonumber(ARGV[4])
              redis.call('SET', KEYS[1], cjson.encode(merged), 'PX', ARGV[3])
              return 1
            end
            redis.call('SET', KEYS[1], cjson.encode({version = v, stale = true}), 'PX', ARGV[3])
            return 2
            """;

    private AccessKeyScripts() {
    }
}
