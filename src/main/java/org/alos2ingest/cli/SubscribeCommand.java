package org.alos2ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.cli.input.AcquisitionCodes;
import org.alos2ingest.cli.input.BoxOption;
import org.alos2ingest.cli.input.Choices;
import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.cli.input.TimeSpan;
import org.alos2ingest.cli.input.WebAddress;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.config.Json;
import org.alos2ingest.geo.BoundingBox;
import org.alos2ingest.geo.GeoJsonGeometry;
import org.alos2ingest.geo.OrbitDirection;
import org.alos2ingest.identify.ObservationMode;
import org.alos2ingest.identify.ProcessingLevel;
import org.alos2ingest.notify.CommandHook;
import org.alos2ingest.notify.Interest;
import org.alos2ingest.notify.Notifier;
import org.alos2ingest.notify.NotifySettings;
import org.alos2ingest.notify.Subscription;
import org.alos2ingest.notify.Subscriptions;
import org.alos2ingest.notify.Target;
import org.alos2ingest.notify.Webhook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "subscribe", mixinStandardHelpOptions = true,
        subcommands = {SubscribeCommand.Add.class, SubscribeCommand.ListAll.class, SubscribeCommand.Remove.class, SubscribeCommand.Deliver.class},
        description = {"Subscriptions: whenever a dataset is cataloged (by ingest, a worker, scan, watch or hysds-run) that a subscription's "
                + "area and filters match, its STAC item is POSTed to the subscription's webhook (signed: X-Alos2-Signature: sha256=<HMAC-SHA256 "
                + "of the body under its secret>) or piped into its command, until the receiver takes it; once per dataset.",
                "Subscriptions and the deliveries still owed are kept with the catalog (--catalog)."})
public final class SubscribeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Usage.error(spec, "a subcommand is required; expected one of add, list, remove, deliver");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a subscription.")
    static final class Add implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "Its name: 1 to 64 letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--intersects", paramLabel = "GEOJSON", description = "The area: a GeoJSON geometry or Feature, inline or @FILE.")
        String intersects;

        @Option(names = "--bbox", paramLabel = "W,S,E,N", converter = BoxOption.class,
                description = "The area as a box in degrees (west > east crosses the antimeridian).")
        BoundingBox bbox;

        @Option(names = "--mode", split = ",", paramLabel = "MODE", converter = AcquisitionCodes.Mode.class,
                description = "Only these observation modes, e.g. FBD,UBS.")
        List<ObservationMode> modes;

        @Option(names = "--level", split = ",", paramLabel = "LEVEL", converter = AcquisitionCodes.Level.class,
                description = "Only these processing levels: 1.1, 1.5, 2.1.")
        List<ProcessingLevel> levels;

        @Option(names = "--direction", paramLabel = "DIR", converter = AcquisitionCodes.Direction.class,
                description = "Only ascending or only descending passes.")
        OrbitDirection direction;

        @Option(names = "--path", paramLabel = "N", converter = WholeNumbers.PathNumber.class,
                description = "Only this path (relative orbit, 0-206).")
        Integer path;

        @Option(names = "--webhook", paramLabel = "URL", converter = WebAddress.Http.class,
                description = "POST each matching dataset's STAC item here (http or https).")
        String webhook;

        @Option(names = "--secret-file", paramLabel = "FILE", converter = ExistingFile.class,
                description = "File whose first line is the webhook's signing secret (at least 16 characters). Without it a random secret is "
                        + "written to <home>/subscriptions/<NAME>.secret (readable by you only).")
        Path secretFile;

        @Option(names = "--command", paramLabel = "COMMAND",
                description = "Instead of a webhook: run this command (/bin/sh -c) with the STAC item on standard input (local SQLite catalogs only).")
        String command;

        @Override
        public Integer call() throws IOException {
            common.configureLogging();
            Interest interest = Usage.check(spec, () -> Interest.of(area(), modes == null ? null : modes.stream().map(Enum::name).toList(),
                    levels == null ? null : levels.stream().map(ProcessingLevel::label).toList(), direction == null ? null : direction.word(), path,
                    f -> "--" + f));
            if ((webhook == null) == (command == null)) {
                throw Usage.error(spec, "--webhook: " + (webhook == null ? "none given" : "given with --command")
                        + "; expected --webhook URL or --command COMMAND (one of them)");
            }
            if (command != null && secretFile != null) {
                throw Usage.error(spec, "--secret-file goes with --webhook");
            }
            Path generated = null;
            Target target;
            if (command != null) {
                target = Usage.check(spec, () -> new CommandHook(command));
            } else {
                String secret;
                if (secretFile != null) {
                    secret = Usage.check(spec, () -> readSecret(secretFile));
                } else {
                    // the name is checked before it becomes part of a path
                    generated = common.home().resolve("subscriptions").resolve(Usage.check(spec, () -> Subscription.checkName(name, f -> "--" + f))
                            + ".secret");
                    secret = HexFormat.of().formatHex(random());
                }
                String s = secret;
                target = Usage.check(spec, () -> new Webhook(Webhook.url(webhook, "--webhook"), s));
            }
            Subscription sub = Usage.check(spec, () -> Subscription.create(name, interest, target, f -> "--" + f));
            try (Catalog catalog = common.openCatalog()) {
                Subscriptions subs = Subscriptions.of(catalog);
                Usage.check(spec, () -> subs.add(sub));
                if (generated != null) {
                    // only once the name is ours: a name taken already keeps its subscriber's secret file
                    try {
                        writeSecret(generated, ((Webhook) target).secret());
                    } catch (IOException | RuntimeException e) {
                        subs.remove(sub.name());
                        throw e;
                    }
                }
            }
            if (!common.quiet) {
                System.out.println("subscribed " + sub.name() + ": " + interest.describe() + " -> " + target.describe());
                if (generated != null) {
                    System.out.println("signing secret written to " + generated);
                }
            }
            return Main.OK;
        }

        private JsonNode area() {
            if ((intersects == null) == (bbox == null)) {
                throw new IllegalArgumentException("--intersects: " + (bbox == null ? "no area given" : "given with --bbox")
                        + "; expected the area as --intersects GEOJSON or --bbox W,S,E,N (one of them)");
            }
            if (bbox != null) {
                return GeoJsonGeometry.write(bbox.geometry());
            }
            try {
                return Json.MAPPER.readTree(SearchCommand.geoJsonText(intersects));
            } catch (IOException e) {
                throw new IllegalArgumentException("--intersects: expected GeoJSON or @FILE: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }

        private static byte[] random() {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            return b;
        }

        static String readSecret(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String s = lines.isEmpty() ? "" : lines.get(0).strip();
                if (s.length() < Webhook.MIN_SECRET) {
                    throw new IllegalArgumentException("--secret-file " + file + ": its first line must be a secret of at least " + Webhook.MIN_SECRET
                            + " characters");
                }
                return s;
            } catch (IOException e) {
                throw new IllegalArgumentException("--secret-file " + file + ": cannot be read (" + e.getMessage() + ")");
            }
        }

        private static void writeSecret(Path file, String secret) throws IOException {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the subscriptions and their deliveries (never a secret).")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Choices.ListFormat.class,
                description = "table or json (default: ${DEFAULT-VALUE}).")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            common.configureLogging();
            try (Catalog catalog = common.openCatalog()) {
                Subscriptions subs = Subscriptions.of(catalog);
                Map<String, Map<String, Integer>> counts = subs.deliveries();
                PrintStream out = System.out;
                if (format.equals("json")) {
                    ArrayNode a = Json.MAPPER.createArrayNode();
                    for (Subscription s : subs.list()) {
                        ObjectNode o = s.publicJson();
                        ObjectNode d = o.putObject("deliveries");
                        counts.getOrDefault(s.uid(), Map.of()).forEach(d::put);
                        a.add(o);
                    }
                    out.println(a.toPrettyString());
                    return Main.OK;
                }
                List<Subscription> all = subs.list();
                if (all.isEmpty()) {
                    out.println("no subscriptions");
                    return Main.OK;
                }
                String fmt = "%-20s %-40s %-40s %8s %9s %6s%n";
                out.printf(Locale.ROOT, fmt, "NAME", "TARGET", "INTEREST", "PENDING", "DELIVERED", "FAILED");
                for (Subscription s : all) {
                    Map<String, Integer> c = counts.getOrDefault(s.uid(), Map.of());
                    out.printf(Locale.ROOT, fmt, s.name(), s.target().describe(), s.interest().describe(), c.getOrDefault("pending", 0),
                            c.getOrDefault("delivered", 0), c.getOrDefault("failed", 0));
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a subscription and the deliveries it still owes.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            common.configureLogging();
            try (Catalog catalog = common.openCatalog()) {
                if (!Subscriptions.of(catalog).remove(name)) {
                    System.err.println("error: no subscription named '" + name + "' (see subscribe list)");
                    return Main.FAILED;
                }
            }
            if (!common.quiet) {
                System.out.println("removed " + name);
            }
            return Main.OK;
        }
    }

    @Command(name = "deliver", mixinStandardHelpOptions = true,
            description = {"Delivers the notifications that are owed (a receiver was down, the process that cataloged the dataset ended): "
                    + "once, waiting up to --wait for the last of them, or until stopped with --follow. Workers and watch do this all along; "
                    + "this is for hosts that only ingest, e.g. from cron.",
                    "Exit code: 0 when nothing is owed at the end and nothing was given up on, 1 otherwise."})
    static final class Deliver implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--wait", paramLabel = "SPAN", defaultValue = "0s", converter = TimeSpan.class,
                description = "Keep delivering (with the retries' waits) until nothing is owed, for at most this long (default: ${DEFAULT-VALUE}).")
        Duration wait;

        @Option(names = "--follow", description = "Keep delivering until SIGTERM/SIGINT, as deliveries fall due.")
        boolean follow;

        @Override
        public Integer call() throws InterruptedException {
            common.configureLogging();
            Duration max = wait;
            try (Catalog catalog = common.openCatalog(); Notifier n = Notifier.of(catalog, NotifySettings.of(common.settings()))) {
                if (follow) {
                    CountDownLatch stop = new CountDownLatch(1);
                    CountDownLatch ended = new CountDownLatch(1);
                    Thread hook = new Thread(() -> {
                        stop.countDown();
                        try {
                            ended.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "deliver-shutdown");
                    Runtime.getRuntime().addShutdownHook(hook);
                    try {
                        n.follow();
                        stop.await();
                    } finally {
                        ended.countDown();
                    }
                    return Main.OK;
                }
                n.deliverDue();
                boolean done = max.isZero() ? n.owed() == 0 : n.awaitDelivered(max);
                int owed = n.owed();
                if (!common.quiet) {
                    System.out.println((owed == 0 ? "nothing owed" : owed + " notification(s) still owed (see subscribe list)")
                            + (n.givenUp() == 0 ? "" : "; " + n.givenUp() + " given up on"));
                }
                return done && owed == 0 && n.givenUp() == 0 ? Main.OK : Main.FAILED;
            }
        }
    }
}
