package org.alos2ingest.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.alos2ingest.catalog.Catalog;
import org.alos2ingest.cli.input.ExistingFile;
import org.alos2ingest.cli.input.WebAddress;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.notify.Subscriptions;
import org.alos2ingest.serve.Backends;
import org.alos2ingest.serve.StacServer;
import org.alos2ingest.serve.SubscriptionsApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the catalog as a STAC API (and the files of local publishing under /assets/) until stopped. "
                + "SIGTERM or Ctrl-C stops it once the requests in flight are answered.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", converter = WholeNumbers.Port.class,
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--base-url", paramLabel = "URL", converter = WebAddress.Http.class,
            description = "The URL clients reach this server at, when behind a proxy, e.g. https://stac.example.org/alos2 "
                    + "(default: the scheme and host each request came in on).")
    String baseUrl;

    @Option(names = "--cors", paramLabel = "ORIGIN", converter = WebAddress.Origin.class,
            description = "An origin allowed to read the API from a browser, e.g. https://radiantearth.github.io; repeatable; * for any.")
    List<String> cors;

    @Option(names = "--subscriptions-token-file", paramLabel = "FILE", converter = ExistingFile.class,
            description = "Turns on /subscriptions (POST, GET, DELETE webhook subscriptions) for clients sending 'Authorization: Bearer <token>', "
                    + "the token being this file's first line (at least 16 characters; default: $" + TOKEN_ENV + "). Off without one.")
    java.nio.file.Path tokenFile;

    /** The token of /subscriptions, when no file gives it. */
    static final String TOKEN_ENV = "ALOS2_INGEST_SUBSCRIPTIONS_TOKEN";

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "20", converter = WholeNumbers.WholeSeconds.class,
            description = "On stop, how long requests in flight may take to finish (default: ${DEFAULT-VALUE}).")
    int grace;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Append a line per request to FILE (NCSA combined format, then milliseconds taken).")
    java.nio.file.Path accessLog;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        common.configureLogging();
        Catalog catalog = common.openCatalog();
        var settings = common.settings();
        StacServer.Options options = new StacServer.Options(bind, port, baseUrl, cors,
                Backends.publishRoot(settings).orElse(null), Duration.ofSeconds(grace));
        String token = token();
        SubscriptionsApi subscriptions;
        try {
            subscriptions = token == null ? null : new SubscriptionsApi(Subscriptions.of(catalog), token);
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
        StacServer server = new StacServer(Backends.of(catalog, common.definitions(), settings), options, subscriptions, catalog::close);
        if (accessLog != null) {
            server.accessLog(accessLog);
        }
        try {
            server.start();
        } catch (Exception e) {
            catalog.close();
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + Errors.oneLine(e), e);
        }
        var a = server.address();
        String shown = baseUrl != null ? baseUrl : "http://" + (a.getHostString().contains(":") ? "[" + a.getHostString() + "]" : a.getHostString()) + ":" + a.getPort() + "/";
        if (!common.quiet) {
            System.out.println("serving STAC API at " + shown + " over " + catalog.describe()
                    + (options.publishRoot() == null ? "" : ", files of " + options.publishRoot() + " under /assets/")
                    + (subscriptions == null ? "" : ", subscriptions under /subscriptions"));
            System.out.flush();
        }
        server.join();
        return Main.OK;
    }

    /** The /subscriptions token, or null when they stay off; the token itself is never printed. */
    private String token() {
        String t;
        if (tokenFile != null) {
            try {
                t = java.nio.file.Files.readAllLines(tokenFile).stream().findFirst().orElse("").strip();
            } catch (java.io.IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--subscriptions-token-file " + tokenFile + ": cannot be read (" + e.getMessage() + ")");
            }
        } else {
            t = System.getenv(TOKEN_ENV);
            if (t == null || t.isBlank()) {
                return null;
            }
            t = t.strip();
        }
        if (t.length() < 16) {
            throw new CommandLine.ParameterException(spec.commandLine(), (tokenFile != null ? "--subscriptions-token-file " + tokenFile : "$" + TOKEN_ENV)
                    + ": the token must be at least 16 characters");
        }
        return t;
    }
}
