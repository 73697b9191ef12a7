package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;

import org.alos2ingest.identify.DeliveryNames;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void theFormsServersSend() {
        // AUIG2: unquoted
        assertEquals(Optional.of("0000022708_001001_ALOS2015976960-140909.zip"),
                ContentDisposition.fileName("attachment; filename=0000022708_001001_ALOS2015976960-140909.zip"));
        // Sentinel Asia: quoted
        assertEquals(Optional.of("ALOS2 data.zip"), ContentDisposition.fileName("attachment; filename=\"ALOS2 data.zip\""));
        assertEquals(Optional.of("a;b.zip"), ContentDisposition.fileName("attachment; filename=\"a\\;b.zip\"; size=1"));
        // RFC 6266: filename* wins over filename
        assertEquals(Optional.of("données ü.zip"),
                ContentDisposition.fileName("attachment; filename=\"fallback.zip\"; filename*=UTF-8''donn%C3%A9es%20%C3%BC.zip"));
        assertEquals(Optional.of("x.zip"), ContentDisposition.fileName("inline;FILENAME = x.zip ; size=3"));
    }

    @Test
    void namesThatWouldLeaveTheFolderAreReducedOrRefused() {
        assertEquals(Optional.of("passwd"), ContentDisposition.fileName("attachment; filename=\"../../etc/passwd\""));
        assertEquals(Optional.of("evil.zip"), ContentDisposition.fileName("attachment; filename=\"C:\\\\temp\\\\evil.zip\""));
        assertEquals(Optional.empty(), ContentDisposition.fileName("attachment; filename=\"..\""));
        assertEquals(Optional.empty(), ContentDisposition.fileName("attachment; filename=\"a\\\"b.zip\""), "quotes are not file name characters");
        assertEquals(Optional.empty(), ContentDisposition.fileName("attachment; filename=\".hidden\""));
        assertEquals(Optional.empty(), ContentDisposition.fileName("attachment"));
        assertEquals(Optional.empty(), ContentDisposition.fileName(null));
    }

    @Test
    void theUrlsLastSegment() {
        assertEquals(Optional.of("a b.zip"), ContentDisposition.lastSegment(URI.create("https://h/dav/a%20b.zip?x=1")));
        assertEquals(Optional.empty(), ContentDisposition.lastSegment(URI.create("https://h/dav/")));
    }

    @Test
    void urlsAreShownWithoutCredentials() {
        assertEquals("https://h:8443/p/x.zip?X-Amz-Signature=REDACTED&dataId=JP1&token=REDACTED",
                Urls.display(URI.create("https://u:p@h:8443/p/x.zip?X-Amz-Signature=abc&dataId=JP1&token=t0k")));
        assertEquals("http://h/a.zip", Urls.display(Urls.withoutUserInfo(URI.create("http://u:p%40ss@h/a.zip"))));
        assertEquals("p@ss", Urls.userInfo(URI.create("http://u:p%40ss@h/a.zip")).orElseThrow().password());
        assertEquals(Optional.of("ALOS2015976960-140909"),
                DeliveryNames.sceneId("0000022708_001001_ALOS2015976960-140909.zip").map(Object::toString));
        assertEquals(Optional.of("ALOS2015976960-140909-FBDR1.5GUA"),
                DeliveryNames.productName("ALOS2015976960-140909-FBDR1.5GUA.zip").map(Object::toString));
        assertEquals(Optional.empty(), DeliveryNames.sceneId("ALOS2015976960-141399.zip"), "no 13th month");
    }
}
