package org.alos2ingest.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.alos2ingest.IngestException;
import org.alos2ingest.ingest.IngestReport;

/**
 * A queue whose jobs run on an HPC cluster: each job is one {@code qsub}/{@code sbatch} of a job
 * script that runs alos2-ingest on the compute node. Jobs are submitted, not awaited: the
 * scheduler runs them later, and each one catalogs its own result.
 */
public final class BatchJobQueue implements JobQueue {

    private final BatchScheduler scheduler;
    private final Path script;
    private final String program;
    private final List<JobResult> submitted = new ArrayList<>();

    /**
     * @param program the submit program to run (normally {@link BatchScheduler#program()}; a path
     *                for a wrapper)
     */
    public BatchJobQueue(BatchScheduler scheduler, Path script, String program) {
        this.scheduler = scheduler;
        this.script = script.toAbsolutePath().normalize();
        this.program = program;
    }

    @Override
    public String name() {
        return scheduler.name().toLowerCase(java.util.Locale.ROOT) + ":" + script;
    }

    /**
     * Writes a job script that runs {@code command} (to which it appends the job's
     * {@code "$dir"}/{@code "$fdate"} arguments), unless the file exists: a user's own script is used
     * as it is, as the old PBS workflow did.
     *
     * @return true when a script was written
     */
    public static boolean writeScript(BatchScheduler scheduler, Path script, List<String> command, String walltime) throws IOException {
        if (Files.exists(script)) {
            return false;
        }
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        for (String d : scheduler.directives(walltime)) {
            s.append(d).append('\n');
        }
        s.append("# Written by alos2-ingest scan. Catalogs one archive group: submitted with the variables\n")
                .append("# dir (the group's folder) and fdate (frame-date, e.g. 6960-140909).\n")
                .append("set -euo pipefail\n")
                .append(": \"${dir:?dir is not set}\" \"${fdate:?fdate is not set}\"\n")
                .append("cd \"${").append(scheduler.workFolderVariable()).append(":-.}\"\n")
                .append("exec");
        for (String c : command) {
            s.append(' ').append(shellQuote(c));
        }
        s.append(" \"$dir\" --fdate \"$fdate\"\n");
        Path parent = script.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(script, s.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return true;
    }

    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** The command line that submits one job. */
    public List<String> commandLine(JobSpec job) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("dir", require(job, "dir"));
        vars.put("fdate", require(job, "fdate"));
        return scheduler.submitCommand(program, job.params().get("fdate"), vars, script.toString());
    }

    private static String require(JobSpec job, String name) {
        String v = job.params().get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("a batch archive job needs the parameter " + name);
        }
        return v;
    }

    @Override
    public synchronized void submit(JobSpec job) {
        List<String> cmd = commandLine(job);
        long t0 = System.nanoTime();
        IngestReport report = new IngestReport();
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IngestException(null, program + " did not answer in 5 minutes");
            }
            if (p.exitValue() != 0) {
                throw new IngestException(null, program + " refused " + job.name() + " (exit " + p.exitValue() + "): " + out.strip());
            }
            report.add(new IngestReport.Outcome(IngestReport.Status.PLANNED, job.params().get("dataset_id"), job.name(),
                    scheduler.name() + " job " + scheduler.jobId(out), 0));
        } catch (IOException e) {
            throw new IngestException(null, "cannot run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(null, "interrupted while submitting " + job.name(), e);
        }
        submitted.add(new JobResult(job, report.outcomes(), report.warnings(), (System.nanoTime() - t0) / 1e9));
    }

    @Override
    public synchronized List<JobResult> awaitAll() {
        List<JobResult> out = List.copyOf(submitted);
        submitted.clear();
        return out;
    }

    @Override
    public void close() {
    }
}
