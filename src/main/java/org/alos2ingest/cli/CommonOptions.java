package org.alos2ingest.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.catalog.Catalogs;
import org.alos2ingest.cli.input.CatalogLocation;
import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.config.DatasetDefinitions;
import org.alos2ingest.config.Settings;
import org.alos2ingest.notify.Notifier;
import org.alos2ingest.notify.NotifySettings;
import org.alos2ingest.notify.NotifyingCatalog;
import org.alos2ingest.util.UserHome;
import picocli.CommandLine.Option;

/**
 * Options every command shares: where alos2-ingest keeps its files, which catalog and which
 * dataset configuration to use, how much to say.
 */
public final class CommonOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Folder for the embedded catalog, published datasets and work files "
                    + "(default: $ALOS2_INGEST_HOME, else $HOME/.alos2-ingest).")
    Path home;

    @Option(names = "--catalog", paramLabel = "URI", converter = CatalogLocation.class,
            description = "Catalog to use: sqlite:FILE (default: sqlite:<home>/catalog.sqlite), opensearch://HOST:PORT[/PREFIX], "
                    + "opensearch+https://HOST:PORT[/PREFIX] (user and password from OPENSEARCH_USER/OPENSEARCH_PASSWORD or ~/.netrc), "
                    + "or a catalog .json file.")
    String catalog;

    @Option(names = "--datasets", paramLabel = "FILE", converter = ExistingFile.class,
            description = "A HySDS datasets.json to use instead of the shipped one (default: <home>/datasets.json when present).")
    Path datasets;

    @Option(names = "--settings", paramLabel = "FILE", converter = ExistingFile.class,
            description = "A settings.json whose values override the shipped ones (default: <home>/settings.json when present).")
    Path settings;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print what each stage does.")
    boolean verbose;

    public Path home() {
        Path h = (home != null ? home : defaultHome()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(h);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + h, e);
        }
        return h;
    }

    /** {@code $ALOS2_INGEST_HOME}, else .alos2-ingest in the user's home ({@code $HOME}). */
    static Path defaultHome() {
        String env = System.getenv("ALOS2_INGEST_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : UserHome.get().resolve(".alos2-ingest");
    }

    public String catalogUri() {
        return catalog != null ? catalog : "sqlite:" + home().resolve("catalog.sqlite");
    }

    public Catalog openCatalog() {
        return Catalogs.open(catalogUri(), definitions());
    }

    /**
     * The catalog for commands that catalog datasets: every dataset it takes is notified to the
     * subscriptions kept with it (closing it waits briefly for the first deliveries).
     */
    public NotifyingCatalog openNotifyingCatalog() {
        Catalog c = openCatalog();
        try {
            return new NotifyingCatalog(c, Notifier.of(c, NotifySettings.of(settings())));
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public Settings settings() {
        Path file = settings;
        if (file == null && Files.isRegularFile(home().resolve("settings.json"))) {
            file = home().resolve("settings.json");
        }
        return Settings.load(file, Map.of("ALOS2_INGEST_HOME", home().toString()));
    }

    public DatasetDefinitions definitions() {
        Path file = datasets;
        if (file == null && Files.isRegularFile(home().resolve("datasets.json"))) {
            file = home().resolve("datasets.json");
        }
        return DatasetDefinitions.load(file);
    }

    /** Sends warnings (and with -v, progress notes) to stderr as plain one-line messages. */
    public void configureLogging() {
        Logger root = Logger.getLogger("org.alos2ingest");
        root.setUseParentHandlers(false);
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String level = r.getLevel() == Level.WARNING ? "warning: " : r.getLevel() == Level.SEVERE ? "error: " : "";
                return level + formatMessage(r) + System.lineSeparator();
            }
        });
        Level level = quiet ? Level.SEVERE : verbose ? Level.FINE : Level.WARNING;
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
        // libraries (AWS SDK, RabbitMQ client) log through the JDK's root logger: their warnings, not their chatter
        Logger.getLogger("").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
