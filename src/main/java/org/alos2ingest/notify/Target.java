package org.alos2ingest.notify;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a subscription's notifications go: a webhook, or a command run on this machine. */
public sealed interface Target permits Webhook, CommandHook {

    /** How the target is shown ({@code subscribe list}, logs): never a secret. */
    String describe();

    /** The stored form, secret included (it is only ever read back by {@link #fromJson}). */
    ObjectNode toJson();

    /**
     * Hands one notification over.
     *
     * @param timeout how long the receiver may take
     * @return how it went; a target that did not take it is tried again later
     */
    Attempt deliver(Notification n, Duration timeout);

    /** The longest one attempt can take, given the receiver's timeout: how long a sender holds a delivery. */
    default java.time.Duration longest(java.time.Duration timeout) {
        return timeout;
    }

    /** True when running it needs a record nobody else can write (see {@link DeliveryOutbox#local()}). */
    default boolean runsHere() {
        return false;
    }

    /** How one delivery attempt went, in a few words for the log. */
    record Attempt(boolean delivered, String detail) {
    }

    static Target fromJson(ObjectNode o) {
        return switch (o.path("kind").asText()) {
            case Webhook.KIND -> Webhook.fromJson(o);
            case CommandHook.KIND -> CommandHook.fromJson(o);
            default -> throw new IllegalArgumentException("unknown notification target '" + o.path("kind").asText() + "'");
        };
    }
}
