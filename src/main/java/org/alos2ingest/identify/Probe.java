package org.alos2ingest.identify;

/**
 * A provider's answer to "can you read this file?", from a few bytes and without changing any state.
 *
 * @param reason why, in words a user can act on (shown when no provider can read a file)
 */
public record Probe(Verdict verdict, String reason) {

    public enum Verdict {
        /** The file is exactly what the provider was written for. */
        INTENDED,
        /** The provider can read it, though it is not its primary target. */
        SUITABLE,
        /** The provider cannot read it. */
        UNABLE
    }

    public static Probe intended(String reason) {
        return new Probe(Verdict.INTENDED, reason);
    }

    public static Probe unable(String reason) {
        return new Probe(Verdict.UNABLE, reason);
    }

    public boolean canRead() {
        return verdict != Verdict.UNABLE;
    }
}
