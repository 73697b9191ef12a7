
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.geo.LonLat;
import org.alos2ingest.geo.LookSide;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.sample.ceos.CeosSampleProduct;
import org.alos2ingest.sample.ceos.CeosSampleSpec;
import org.alos2ingest.util.Progress;

/**
 * Builds a benchmark archive: GROUPS Level 1.1 scene groups of 5 files each (VOL, LED, IMG-HH,
 * IMG-HV, TRL), in P<path>/F<frame> folders as an HPC archive keeps them. Eight real generated FBD
 * products (full-size sparse images, 1.6 MB leaders) are the templates; every group hard-links one
 * template's files under its own names, so 100 000 files cost the disk of eight products.
 *
 * Usage: java -cp target/classes:DEPS bench/MakeArchive.java OUT GROUPS
 */
public class MakeArchive {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int groups = Integer.parseInt(args[1]);
        Path templates = out.resolve(".templates");
        List<Path> folders = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            CeosSampleSpec spec = CeosSampleSpec.generic(ObservationMode.FBD, LookSide.RIGHT, t % 2 == 0 ? OrbitDirection.ASCENDING : OrbitDirection.DESCENDING,
                    new LonLat(-120 + 30 * t, -40 + 10 * t), LocalDateTime.of(2016 + t, 1 + t, 3, 4, 5, 6), 10000 + t, 1000 + 500 * t)
                    .withSparse(true);
            Path f = templates.resolve("t" + t);
            if (!Files.exists(f.resolve("done"))) {
                new CeosSampleProduct(spec).write(f, Progress.silent());
                try (var s = Files.list(f)) {
                    for (Path p : s.toList()) {
                        String n = p.getFileName().toString();
                        if (n.startsWith("BRS-") || n.equals("summary.txt")) {
                            Files.delete(p);
                        }
                    }
                }
                Files.writeString(f.resolve("done"), "");
            }
            folders.add(f);
            names.add(spec.name().scene().text());
        }
        DateTimeFormatter yymmdd = DateTimeFormatter.ofPattern("yyMMdd");
        int files = 0;
        for (int g = 0; g < groups; g++) {
            int t = g % 8;
            int orbit = 20000 + g / 4;
            int frame = (g % 4) * 1000 + 500 + (g / 7 % 50) * 10;
            String scene = String.format("ALOS2%05d%04d-%s", orbit, frame, LocalDate.of(2015, 1, 1).plusDays(g / 3).format(yymmdd));
            int path = (14 * orbit + 24) % 207;
            Path folder = out.resolve(String.format("P%03d/F%04d", path, frame));
            Files.createDirectories(folder);
            try (var s = Files.list(folders.get(t))) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.equals("done")) {
                        continue;
                    }
                    Path link = folder.resolve(n.replace(names.get(t), scene));
                    if (!Files.exists(link)) {
                        Files.createLink(link, p);
                    }
                    files++;
                }
            }
        }
        System.out.println(groups + " groups, " + files + " files under " + out);
    }
}
