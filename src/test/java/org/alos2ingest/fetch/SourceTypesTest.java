package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The registry of source types: what a job of each carries, and how a job becomes a source again. */
class SourceTypesTest {

    @Test
    void eachTypeIsRegisteredOnceUnderItsJobTypeName() {
        assertEquals(List.of("auig2", "sentinel-asia", "url", "path"), SourceTypes.all().stream().map(SourceType::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceTypes.register(UrlSource.TYPE));
        assertEquals("a source type 'url' is registered already", e.getMessage());
        assertEquals("unknown source type 'ftp' (auig2, sentinel-asia, url, path)",
                assertThrows(IllegalArgumentException.class, () -> SourceTypes.named("ftp")).getMessage());
    }

    @Test
    void aQueuedJobCarriesTheServiceAndUserAndTheWorkerAppliesThem() {
        FetchConfig here = FetchConfig.builder().credentials(CredentialLookup.none())
                .service("auig2", s -> s.withUrl(URI.create("https://mirror.example.org")).withUser("alice")).build();
        SourceTypes.Job job = new SourceTypes.Job(Auig2Source.TYPE, Map.of("auig2_orderid", "0000148073"));
        Map<String, String> queued = job.queued(here);
        assertEquals(Map.of("auig2_orderid", "0000148073", "base_url", "https://mirror.example.org", "auig2_username", "alice"), queued);
        // a worker with no settings of its own reaches the same service, as the same user
        FetchConfig worker = FetchConfig.builder().credentials(CredentialLookup.none()).build();
        Source s = SourceTypes.fromJob("auig2", queued, worker);
        assertEquals("AUIG2 order 0000148073 at https://mirror.example.org", s.describe());
        // a service without a URL option adds nothing; a path adds nothing at all
        assertEquals(Map.of("url", "https://h/x.zip"), new SourceTypes.Job(UrlSource.TYPE, Map.of("url", "https://h/x.zip")).queued(worker));
        assertEquals(Map.of("path", "/x.zip"), new SourceTypes.Job(LocalSource.TYPE, Map.of("path", "/x.zip")).queued(worker));
    }

    @Test
    void commandLineTargetsGoToTheTypeThatTakesThem() {
        assertEquals("url", SourceTypes.forArgument("HTTPS://h/x.zip").type().name());
        SourceTypes.Job p = SourceTypes.forArgument("in/../x.zip");
        assertEquals("path", p.type().name());
        assertEquals(Path.of("x.zip").toAbsolutePath().toString(), p.params().get("path"));
        assertEquals("x.zip", p.subject());
        assertTrue(p.type().fromJob(p.params(), FetchConfig.defaults()).inPlace(), "the user's own file");
        assertFalse(SourceTypes.forArgument("https://h/x.zip").source(FetchConfig.defaults()).inPlace());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourceTypes.forArgument("ftp://u:pw@h/x.zip"));
        assertFalse(e.getMessage().contains(":pw@"), e.getMessage());
    }

    @Test
    void badJobsAreRefusedWithTheParameterNamed() {
        FetchConfig c = FetchConfig.defaults();
        assertEquals("a auig2 job needs the parameter auig2_orderid",
                assertThrows(IllegalArgumentException.class, () -> SourceTypes.fromJob("auig2", Map.of(), c)).getMessage());
        assertEquals("a sentinel-asia job needs data_id, eor_id or start_date",
                assertThrows(IllegalArgumentException.class, () -> SourceTypes.fromJob("sentinel-asia", Map.of("base_url", "https://h"), c)).getMessage());
        assertEquals("start_date 29990101 is in the future",
                assertThrows(IllegalArgumentException.class, () -> SourceTypes.fromJob("sentinel-asia", Map.of("start_date", "29990101"), c)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SourceTypes.fromJob("auig2", Map.of("auig2_orderid", "1", "base_url", "ftp://h"), c));
        assertThrows(IllegalArgumentException.class, () -> UrlSource.TYPE.checkQueueable(Map.of("url", "https://u:pw@h/x.zip")));
    }

    @Test
    void settingsAreKeptByTypeNameAndLoginsComeFromTheType() {
        FetchConfig c = FetchConfig.builder().credentials(CredentialLookup.none())
                .service("sentinel-asia", s -> s.withUser("bob").withPasswordFile(Path.of("/pw"))).build();
        ServiceLogin l = c.login(SentinelAsiaSource.TYPE);
        assertEquals(new ServiceLogin("Sentinel Asia", Optional.of("bob"), Optional.of(Path.of("/pw")), "SENTINEL_ASIA_USER", "SENTINEL_ASIA_PASSWORD"), l);
        assertEquals(URI.create("https://sentinel.tksc.jaxa.jp/sentinel2"), c.serviceUrl(SentinelAsiaSource.TYPE));
        assertEquals(ServiceSettings.NONE, c.settings("auig2"));
        assertEquals(c, c.toBuilder().build());
    }
}
