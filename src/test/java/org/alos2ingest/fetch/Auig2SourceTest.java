package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alos2ingest.fetch.servers.Auig2Server;
import org.alos2ingest.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Auig2SourceTest {

    @TempDir
    Path tmp;

    @Test
    void aSessionThePortalNoLongerAcceptsIsALoginFailureNotAnUnknownOrder() throws Exception {
        String product = "ALOS2146686640-170209-FBDR1.5GUA";
        try (Auig2Server s = new Auig2Server().account("alice", "pw-1").order("0000148073", Samples.deliveryName(product), Samples.delivery(product))) {
            Files.writeString(tmp.resolve("pw"), "pw-1\n");
            FetchConfig config = FetchConfig.builder().retries(0, Duration.ofMillis(1)).credentials(CredentialLookup.none())
                    .service(Auig2Source.TYPE.name(), x -> new ServiceSettings(Optional.of(s.base()), Optional.of("alice"), Optional.of(tmp.resolve("pw"))))
                    .build();
            Auig2Source source = new Auig2Source("0000148073", config);
            List<Source.Item> items = source.list();
            assertEquals(Optional.of(Samples.deliveryName(product)), items.get(0).name(), "the HEAD names the file before any download");
            assertEquals(Map.of("auig2_orderid", "0000148073"), items.get(0).attributes());

            s.forgetSessions();
            FetchException e = assertThrows(FetchException.class, () -> source.fetch(items.get(0), tmp.resolve("work"), Progress.silent()));

            assertEquals("login failed for AUIG2 user alice at " + s.base() + " (the portal answered the order download with its login page)",
                    e.getMessage());
        }
    }
}
