package org.alos2ingest.fetch;

import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import org.alos2ingest.testing.FuzzInputs;

/**
 * The Sentinel Asia portal as {@code watch} and {@code ingest} read it, over real HTTP: the login
 * answer, the EOR list, each EOR's file list, then each ALOS-2 file's HEAD and its
 * Content-Disposition. The input is those four answers cut at NUL bytes. Whatever the portal answers
 * must end in a {@link FetchException} or a list of items.
 */
class SentinelAsiaFuzzTest {

    /**
     * The server, the HTTP client and the classes they load started before the first input, whose
     * time the fuzzer would otherwise count against its 1 s limit.
     */
    @BeforeAll
    static void warmUp() {
        list("<html>top</html>\0[{\"requestId\":\"ER1\",\"observeDateStr\":\"02/Jan/2024\"}]\0[{\"dataId\":\"D1\",\"typeStr\":\"ALOS(Data)\"}]\0attachment; filename=a.zip".getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "10s")
    void eorListing(byte[] input) {
        list(input);
    }

    private static void list(byte[] input) {
        String[] p = FuzzedPortal.parts(input, 4);
        FuzzedPortal portal = FuzzedPortal.get();
        portal.pages(Map.of(
                "/topControl.jsp", new FuzzedPortal.Page(200, "text/html", p[0], Map.of("Set-Cookie", "JSESSIONID=fuzz; Path=/")),
                "/webresources/emobRequestSelect/viewList", FuzzedPortal.Page.json(p[1]),
                "/webresources/thumbnailEmob/emergencyViewThumbnail", FuzzedPortal.Page.json(p[2]),
                "/webresources/thumbnailEmob/download", new FuzzedPortal.Page(200, "application/zip", "", Map.of("Content-Disposition", p[3]))));
        try {
            SentinelAsiaSource.since(LocalDate.of(2014, 5, 24), LocalDate.of(2100, 1, 1), portal.config(SentinelAsiaSource.TYPE)).list();
        } catch (FetchException e) {
            FuzzInputs.refused(e);
        }
    }
}
