package io.aigw.keys.outbox;

/** The topics key-service produces (channel name = topic name). */
public final class OutboxTopics {

    public static final String ACCESS_KEY_CHANGES = "access-key-changes";
    public static final String PROVIDER_KEY_CHANGES = "provider-key-changes";

    private OutboxTopics() {
    }
}
