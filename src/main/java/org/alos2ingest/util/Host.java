package org.alos2ingest.util;

import java.io.IOException;
import java.net.InetAddress;

/** This machine, as publish markers and job records name it: a marker's writer is its host and pid. */
public final class Host {

    private Host() {
    }

    /** The host name, or "localhost" when the machine cannot name itself (no resolver). */
    public static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
