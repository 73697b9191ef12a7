package org.alos2ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import org.alos2ingest.testing.FuzzInputs;

/**
 * AUIG2 as {@code watch} reads it, over real HTTP: the login page the second POST gets, the order
 * list, then for each ready order the download's HEAD and its Content-Disposition. The input is
 * those three answers cut at NUL bytes. Whatever the portal answers must end in a
 * {@link FetchException} or a list.
 */
class Auig2OrdersFuzzTest {

    /**
     * The server, the HTTP client and the classes they load started before the first input, whose
     * time the fuzzer would otherwise count against its 1 s limit.
     */
    @BeforeAll
    static void warmUp() {
        list("<html>Welcome</html>\0[{\"orderId\":\"0000148073\",\"status\":\"Providing preparation completion\"}]\0attachment; filename=a.zip".getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "10s")
    void orderList(byte[] input) {
        list(input);
    }

    private static void list(byte[] input) {
        String[] p = FuzzedPortal.parts(input, 3);
        FuzzedPortal portal = FuzzedPortal.get();
        portal.pages(Map.of(
                Auig2Protocol.LOGIN_PATH, FuzzedPortal.Page.html(p[0]),
                "/pp/service/orderlist", FuzzedPortal.Page.json(p[1]),
                "/pp/service/download", new FuzzedPortal.Page(200, "application/zip", "", Map.of("Content-Disposition", p[2]))));
        FetchConfig config = portal.config(Auig2Source.TYPE);
        try {
            for (Auig2Orders.Order o : new Auig2Orders(config).list()) {
                if (o.ready()) {
                    new Auig2Source(o.id(), config).list();
                }
            }
        } catch (FetchException e) {
            FuzzInputs.refused(e);
        }
    }
}
