package org.alos2ingest.notify;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.IsoTime;

/**
 * A standing request: tell {@code target} of every dataset cataloged from now on that
 * {@code interest} matches, once per dataset. {@code uid} tells this subscription from an earlier one
 * of the same name, so that a name removed and added again starts with no delivery history.
 */
public record Subscription(String name, String uid, Interest interest, Target target, Instant created) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** A new subscription; its name must be 1 to 64 letters, digits, '.', '_' or '-'. */
    public static Subscription create(String name, Interest interest, Target target, UnaryOperator<String> named) {
        return new Subscription(checkName(name, named), UUID.randomUUID().toString(), interest, target, Instant.now());
    }

    /** @return the name, when it is one (it may become part of a file name) */
    public static String checkName(String name, UnaryOperator<String> named) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(named.apply("name") + ": expected 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter or digit), got '"
                    + name + "'");
        }
        return name;
    }

    /** The stored form, the target's secret included. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("uid", uid);
        o.put("created", IsoTime.format(created));
        o.set("interest", interest.toJson());
        o.set("target", target.toJson());
        return o;
    }

    public static Subscription fromJson(ObjectNode o) {
        return new Subscription(o.path("name").asText(), o.path("uid").asText(), Interest.fromJson(o.path("interest"), f -> f),
                Target.fromJson((ObjectNode) o.path("target")), IsoTime.parse(o.path("created").asText()));
    }

    /** What {@code subscribe list} and the API show: everything but the secret, and the webhook without its path. */
    public ObjectNode publicJson() {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("created", IsoTime.format(created));
        o.setAll(interest.toJson());
        o.put(target instanceof Webhook ? "webhook" : "command", target instanceof CommandHook c ? c.command() : target.describe());
        return o;
    }

    /** Never the secret (a record's own toString would print the target's). */
    @Override
    public String toString() {
        return "subscription " + name + " (" + interest.describe() + " -> " + target.describe() + ")";
    }
}
