package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.fetch.HttpDownloader;
import org.alos2ingest.fetch.HttpSession;
import org.alos2ingest.fetch.PgeMetrics;
import org.alos2ingest.fetch.Urls;
import org.alos2ingest.util.Progress;
import org.alos2ingest.util.Sizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads URLs with the ingest's downloader (resume, retries, .netrc logins, size check) without "
                + "ingesting them, and records each transfer in <dir>/pge_metrics.json. Useful to fetch a delivery "
                + "for later, and to measure throughput (bench/download-vs-curl.sh).")
public final class DownloadCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    FetchOptions fetch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http(s) URL(s) to download.")
    List<String> urls;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".", description = "Folder to save into (default: the current folder).")
    Path output;

    @Option(names = "--zip", description = "Require zips: refuse an HTML page or anything else, and check the zip's directory.")
    boolean zip;

    @Override
    public Integer call() throws IOException {
        common.configureLogging();
        FetchConfig config;
        try {
            config = fetch.config(null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), Errors.oneLine(e));
        }
        int code = Main.OK;
        for (String url : urls) {
            java.net.URI uri;
            try {
                uri = Urls.parse(url);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "URL: " + Errors.oneLine(e));
            }
            HttpSession session = new HttpSession(config, "alos2-ingest", true);
            Urls.userInfo(uri).ifPresent(c -> session.authorize(uri.getHost(), c));
            try {
                HttpDownloader.Download d = new HttpDownloader(session, Progress.forTerminal()).download(Urls.withoutUserInfo(uri), output, zip);
                PgeMetrics.append(output, List.of(d.transfer()));
                if (!common.quiet) {
                    System.out.printf(Locale.ROOT, "downloaded %s (%s in %.2f s, %s/s)%n", d.file(), Sizes.human(d.bytes()),
                            d.transfer().seconds(), Sizes.human((long) d.transfer().rate()));
                }
            } catch (org.alos2ingest.IngestException e) {
                System.err.println("error: " + e.getMessage());
                code = Main.FAILED;
            }
        }
        return code;
    }
}
