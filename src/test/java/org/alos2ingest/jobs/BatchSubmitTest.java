package org.alos2ingest.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's PBS and Slurm submissions, run as a real process with fake {@code qsub}/{@code sbatch}
 * first on its PATH that record their arguments: the exact command lines, the job script written,
 * and a re-run that submits nothing twice.
 */
class BatchSubmitTest {

    @TempDir
    Path tmp;

    private Path archive;
    private Path bin;
    private Path log;

    @BeforeEach
    void archiveAndFakeSchedulers() throws IOException {
        archive = tmp.resolve("archive");
        Path f1 = Files.createDirectories(archive.resolve("P032/F6640"));
        for (String name : List.of("IMG-HH-ALOS2146686640-170209-FBDR1.1__A", "IMG-HV-ALOS2146686640-170209-FBDR1.1__A",
                "LED-ALOS2146686640-170209-FBDR1.1__A", "VOL-ALOS2146686640-170209-FBDR1.1__A", "TRL-ALOS2146686640-170209-FBDR1.1__A",
                "IMG-HH-ALOS2153586640-170325-FBDR1.1__A", "LED-ALOS2153586640-170325-FBDR1.1__A", "notes.txt")) {
            Files.writeString(f1.resolve(name), "x");
        }
        // a folder outside the default P###/F#### layout, and a Level 1.5 product that is not archived
        Files.writeString(Files.createDirectories(archive.resolve("misc")).resolve("IMG-HH-ALOS2146686650-170209-FBDR1.1__A"), "x");
        Files.writeString(Files.createDirectories(archive.resolve("P032/F6650")).resolve("IMG-HH-ALOS2146686650-170209-FBDR1.5GUA"), "x");
        bin = Files.createDirectories(tmp.resolve("bin"));
        log = tmp.resolve("calls.log");
        fake("qsub", "echo \"$((1000 + $(grep -c '^CALL' " + log + " 2>/dev/null || echo 0))).pbs01\"");
        fake("sbatch", "echo \"Submitted batch job $((42 + $(grep -c '^CALL' " + log + " 2>/dev/null || echo 0)))\"");
    }

    private void fake(String name, String reply) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/bash\n" + reply + "\n{ echo \"CALL " + name + "\"; for a in \"$@\"; do echo \"ARG $a\"; done; } >> " + log + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int code, String out) {
    }

    private Run scan(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "org.alos2ingest.cli.Main", "scan", "--home", tmp.resolve("home").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    /** Each recorded call as one list of arguments, program first. */
    private List<List<String>> calls() throws IOException {
        List<List<String>> calls = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("CALL ")) {
                calls.add(new ArrayList<>(List.of(line.substring(5))));
            } else {
                calls.get(calls.size() - 1).add(line.substring(4));
            }
        }
        return calls;
    }

    @Test
    void pbsOneQsubPerGroupAsTheOldSystemDid() throws Exception {
        Path script = tmp.resolve("ingest2aria.pbs");
        Run r = scan(archive.toString(), "--pbs", script.toString(), "--tag", "gekko-2024");
        assertEquals(0, r.code(), r.out());
        String folder = archive.resolve("P032/F6640").toAbsolutePath().toString();
        assertEquals(List.of(
                List.of("qsub", "-v", "dir=" + folder + ",fdate=6640-170209", "-N", "6640-170209", script.toAbsolutePath().toString()),
                List.of("qsub", "-v", "dir=" + folder + ",fdate=6640-170325", "-N", "6640-170325", script.toAbsolutePath().toString())),
                calls());
        assertTrue(r.out().contains("wrote PBS job script " + script.toAbsolutePath()), r.out());
        assertTrue(r.out().contains("PBS job 1000.pbs01") && r.out().contains("PBS job 1001.pbs01"), r.out());

        String text = Files.readString(script);
        assertTrue(text.startsWith("#!/bin/bash\n#PBS -N alos2-ingest-scan\n#PBS -l walltime=02:00:00\n"), text);
        assertTrue(text.contains("cd \"${PBS_O_WORKDIR:-.}\""), text);
        assertTrue(text.contains(" org.alos2ingest.cli.Main scan --home " + tmp.resolve("home") + " --tag gekko-2024 \"$dir\" --fdate \"$fdate\"\n"), text);
        assertTrue(Files.isExecutable(script));

        // a re-run submits nothing again while the jobs have not cataloged their groups
        Run again = scan(archive.toString(), "--pbs", script.toString());
        assertEquals(0, again.code(), again.out());
        assertEquals(2, calls().size());
        assertTrue(again.out().contains("submitted earlier as PBS job 1000.pbs01"), again.out());
        assertEquals(text, Files.readString(script), "an existing script is used as it is");
    }

    @Test
    void slurmWritesItsScriptAndUsesSbatch() throws Exception {
        Run r = scan(archive.toString(), "--slurm", "--regex", "");
        assertEquals(0, r.code(), r.out());
        Path script = tmp.resolve("home/alos2-ingest-scan.sbatch");
        List<List<String>> calls = calls();
        assertEquals(3, calls.size(), "every folder with --regex \"\": the misc folder too");
        // folders in path order: P032/F6640 before misc
        assertEquals(List.of("sbatch", "--job-name=6640-170209",
                "--export=ALL,dir=" + archive.resolve("P032/F6640").toAbsolutePath() + ",fdate=6640-170209", script.toString()), calls.get(0));
        assertEquals(List.of("sbatch", "--job-name=6650-170209",
                "--export=ALL,dir=" + archive.resolve("misc").toAbsolutePath() + ",fdate=6650-170209", script.toString()), calls.get(2));
        String text = Files.readString(script);
        assertTrue(text.contains("#SBATCH --time=02:00:00") && text.contains("cd \"${SLURM_SUBMIT_DIR:-.}\""), text);
        assertTrue(r.out().contains("SLURM job 42"), r.out());
    }

    @Test
    void dryRunListsGroupsWithoutSubmitting() throws Exception {
        Run r = scan(archive.toString(), "--dry-run");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("would ingest ALOS2146686640-170209-FBDR1.1__A-md (" + archive.resolve("P032/F6640").toAbsolutePath()
                + " 6640-170209, 5 files)"), r.out());
        assertTrue(r.out().contains("ALOS2153586640-170325-FBDR1.1__A-md"), r.out());
        assertTrue(Files.notExists(log));
    }
}
