package org.alos2ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {

    @TempDir
    Path tmp;

    @Test
    void machinesDefaultMacrosQuotesAndComments() {
        Netrc n = Netrc.parse(null, """
                # ARIA worker
                machine auig2.jaxa.jp login alice password "pa ss\\"word"
                machine sentinel.tksc.jaxa.jp
                    login bob
                    account x
                    password s3cret
                macdef init
                cd /pub
                machine not.a.machine login mallory password nope

                default login anonymous password guest@example.org
                """);
        assertEquals(new Credentials("alice", "pa ss\"word", ".netrc"), n.lookup("AUIG2.jaxa.jp").orElseThrow());
        assertEquals("s3cret", n.lookup("sentinel.tksc.jaxa.jp").orElseThrow().password());
        assertEquals("anonymous", n.lookup("not.a.machine").orElseThrow().user(), "the macro body is not an entry");
        assertEquals("anonymous", n.lookup("elsewhere.org").orElseThrow().user());
    }

    @Test
    void aMissingFileIsEmptyAndABrokenOneIsAnError() {
        assertEquals(Optional.empty(), Netrc.read(tmp.resolve("none")).lookup("x"));
        FetchException e = assertThrows(FetchException.class, () -> Netrc.parse(tmp.resolve("n"), "machine h login"));
        assertEquals(tmp.resolve("n") + ": 'login' without a value in the entry for h", e.getMessage());
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        Credentials c = new Credentials("alice", "hunter2", "~/.netrc");
        assertFalse(c.toString().contains("hunter2"));
        assertTrue(c.toString().contains("alice"));
    }

    @Test
    void serviceLoginsComeFromOptionsEnvironmentThenNetrc() throws Exception {
        Path netrc = tmp.resolve("netrc");
        Files.writeString(netrc, "machine auig2.jaxa.jp login alice password from-netrc\n");
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "from-file\nignored\n");
        ServiceLogin none = FetchConfig.defaults().login(Auig2Source.TYPE);

        assertEquals("from-netrc", new CredentialLookup(Map.of(), netrc).forService(none, "auig2.jaxa.jp").orElseThrow().password());
        assertEquals("from-env", new CredentialLookup(Map.of("AUIG2_PASSWORD", "from-env"), netrc).forService(none, "auig2.jaxa.jp")
                .orElseThrow().password());
        assertEquals("from-file", new CredentialLookup(Map.of("AUIG2_PASSWORD", "from-env"), netrc)
                .forService(FetchConfig.builder().service("auig2", x -> x.withUser("alice").withPasswordFile(pw)).build().login(Auig2Source.TYPE), "auig2.jaxa.jp").orElseThrow().password());
        assertEquals(Optional.empty(), new CredentialLookup(Map.of(), netrc).forService(none, "other.host"));
        // a user named elsewhere does not get the .netrc password of another user
        assertThrows(FetchException.class, () -> new CredentialLookup(Map.of("AUIG2_USER", "carol"), netrc).forService(none, "auig2.jaxa.jp"));
    }
}
