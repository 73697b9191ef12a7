package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for secrets in everything a run left: its output and every file under the given folders
 * (work and publish folders, met.json, pge_metrics.json, the catalog database), as the password
 * itself, URL-encoded, and inside an HTTP Basic header.
 */
final class SecretScan {

    private SecretScan() {
    }

    static void assertAbsent(List<String> secrets, List<String> outputs, List<Path> roots) throws IOException {
        List<String> forms = new ArrayList<>();
        for (String s : secrets) {
            forms.add(s);
            forms.add(java.net.URLEncoder.encode(s, StandardCharsets.UTF_8));
            forms.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        List<String> found = new ArrayList<>();
        for (String o : outputs) {
            for (String f : forms) {
                if (o.contains(f)) {
                    found.add("output contains '" + f + "'");
                }
            }
        }
        int files = 0;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                    for (String f : forms) {
                        if (text.contains(f)) {
                            found.add(p + " contains '" + f + "'");
                        }
                    }
                }
            }
        }
        if (files == 0 && !roots.isEmpty()) {
            fail("no files to scan under " + roots + ": the scan would prove nothing");
        }
        if (!found.isEmpty()) {
            fail("secrets leaked: " + found);
        }
    }
}
