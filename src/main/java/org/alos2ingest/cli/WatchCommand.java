package org.alos2ingest.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.alos2ingest.cli.input.TimeSpan;
import org.alos2ingest.cli.input.WholeNumbers;
import org.alos2ingest.fetch.FetchConfig;
import org.alos2ingest.ingest.IngestJob;
import org.alos2ingest.ingest.IngestOptions;
import org.alos2ingest.jobs.Broker;
import org.alos2ingest.jobs.JobTypes;
import org.alos2ingest.jobs.QueueTopology;
import org.alos2ingest.jobs.RabbitMqJobQueue;
import org.alos2ingest.notify.NotifyingCatalog;
import org.alos2ingest.publish.Publishers;
import org.alos2ingest.util.Backoff;
import org.alos2ingest.util.Progress;
import org.alos2ingest.watch.Watch;
import org.alos2ingest.watch.WatchJobs;
import org.alos2ingest.watch.WatchLedger;
import org.alos2ingest.watch.WatchedSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Polls sources for new deliveries and ingests each new file, until stopped (SIGTERM/SIGINT) or, with --once, after one round.",
                "Sources: --sentinel-asia (every data file of the recent emergency requests), --auig2-user USER (the account's orders that "
                + "became ready), --listing URL (a web or WebDAV folder of delivery zips; repeatable). Logins as for 'ingest'.",
                "Each new file is one ingest job, run here (--parallel at a time) or, with a broker (--broker, $ALOS2_INGEST_BROKER), put on "
                + "--queue for 'alos2-ingest worker's. What was seen, queued and done is kept with the catalog, so a restart neither repeats "
                + "nor misses a file; a failed file is retried after a growing wait, a source that is down likewise while the others go on.",
                "One line per new file, job queued and failure on stdout. Exit code of --once: 0, or 1 when a poll or a job failed."})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    FetchOptions fetch;

    @Mixin
    WatchOptions watched;

    @Mixin
    ImagingOptions imaging;

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    UnpackOptions unpack;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--every", paramLabel = "SPAN", defaultValue = "10m", converter = TimeSpan.Positive.class,
            description = "How often each source is polled: 30s, 10m, 1h, ... (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(names = "--once", description = "Poll every source once, run or queue the new files' jobs, and exit (for cron or a HySDS periodic job).")
    boolean once;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = "alos2-ingest",
            description = "Queue the jobs go to when a broker is configured (default: ${DEFAULT-VALUE}).")
    String queue;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2", converter = WholeNumbers.AtOnce.class,
            description = "Jobs run at once in this process, without a broker (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--job-retry", paramLabel = "SPAN", defaultValue = "1m", converter = TimeSpan.Positive.class,
            description = "Wait after a file's job failed before it runs again; it doubles with each failure (default: ${DEFAULT-VALUE}).")
    Duration jobRetry;

    @Option(names = "--max-wait", paramLabel = "SPAN", defaultValue = "1h", converter = TimeSpan.Positive.class,
            description = "Longest wait before a failed job or a failed poll is tried again (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "10", converter = WholeNumbers.Attempts.class,
            description = "Jobs a file gets before it is given up on (logged, and kept in the ledger as gave-up) (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--shutdown-grace", paramLabel = "SPAN", defaultValue = "30s", converter = TimeSpan.class,
            description = "On SIGTERM/SIGINT, how long running jobs may take to finish; the others run again at the next start (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Override
    public Integer call() throws IOException {
        common.configureLogging();
        Watch.Settings settings = settings();
        Path workRoot = unpack.workRoot(common.home());
        FetchConfig config = Usage.check(spec, () -> fetch.config(workRoot.resolve("downloads")));
        List<WatchedSource> sources = watched.sources(config);
        if (sources.isEmpty()) {
            throw Usage.error(spec, "nothing to watch: give " + WatchOptions.summary());
        }
        Optional<Broker> broker = Usage.check(spec, () -> brokerOptions.broker(fetch.netrc));
        if (broker.isPresent()) {
            Usage.check(spec, () -> QueueTopology.checkName(queue));
        }
        try (FileChannel lockFile = FileChannel.open(common.home().resolve("watch.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(lockFile)) {
            lockFile.truncate(0).write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            return watch(sources, settings, config, broker);
        }
    }

    private int watch(List<WatchedSource> sources, Watch.Settings settings, FetchConfig config, Optional<Broker> broker) {
        IngestOptions options = new IngestOptions(unpack.workRoot(common.home()), common.settings(), common.definitions(), unpack.limits(),
                false, false, Progress.silent(), null);
        CountDownLatch ended = new CountDownLatch(1);
        Thread onSignal = null;
        NotifyingCatalog catalog = common.openNotifyingCatalog();
        try (catalog; WatchJobs jobs = jobs(catalog, options, config, broker)) {
            catalog.notifier().follow();
            Watch w = new Watch(sources, WatchLedger.of(catalog), jobs, settings, System.out);
            onSignal = new Thread(() -> {
                w.stop();
                try {
                    // keep the JVM up while the round's bookkeeping ends, running jobs finish and the catalog closes
                    ended.await(settings.grace().toMillis() + 60_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "watch-shutdown");
            Runtime.getRuntime().addShutdownHook(onSignal);
            if (once) {
                return w.once() ? Main.OK : Main.FAILED;
            }
            w.run();
            return Main.OK;
        } finally {
            ended.countDown();
            if (onSignal != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down (a signal): the hook is running and has seen the latch
                }
            }
        }
    }

    private WatchJobs jobs(NotifyingCatalog catalog, IngestOptions options, FetchConfig config, Optional<Broker> broker) {
        if (broker.isPresent()) {
            RabbitMqJobQueue q = RabbitMqJobQueue.open(broker.get(), queue);
            return WatchJobs.onQueue(q, "on queue " + queue + " at " + q.broker());
        }
        IngestJob ingest = new IngestJob(options, catalog, Publishers.standard(options.settings(), options.progress()), Renderers.all(imaging.settings(options.settings())));
        return WatchJobs.inProcess(JobTypes.runner(new JobTypes.Context(ingest, options, catalog, config)), parallel);
    }

    private Watch.Settings settings() {
        return new Watch.Settings(every, new Backoff(every, maxWait.compareTo(every) < 0 ? every : maxWait), new Backoff(jobRetry, maxWait),
                maxAttempts, grace);
    }

    private FileLock lock(FileChannel ch) throws IOException {
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            throw new IllegalStateException("another watch is running on " + common.home() + " (see " + common.home().resolve("watch.lock")
                    + "): one watch per home and catalog");
        }
        return l;
    }
}
