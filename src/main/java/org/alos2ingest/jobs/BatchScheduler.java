package org.alos2ingest.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HPC batch schedulers archive jobs go to, and how each one is spoken to: the submit command
 * line, the directives of a job script, and where the job id is in the submit command's output.
 * The job's parameters travel as environment variables ({@code dir}, {@code fdate}), as the old
 * {@code qsub -v dir=...,fdate=... -N <fdate> <script>} did.
 */
public enum BatchScheduler {

    PBS("qsub", "#PBS") {
        @Override
        List<String> submitCommand(String program, String jobName, Map<String, String> vars, String script) {
            return List.of(program, "-v", joinVars(vars), "-N", jobName, script);
        }

        @Override
        List<String> directives(String walltime) {
            return List.of("#PBS -N alos2-ingest-scan", "#PBS -l walltime=" + walltime, "#PBS -l select=1:ncpus=1", "#PBS -j oe");
        }

        @Override
        String workFolderVariable() {
            return "PBS_O_WORKDIR";
        }

        @Override
        String jobId(String output) {
            return output.strip().lines().reduce((a, b) -> b).orElse("").strip();
        }
    },

    SLURM("sbatch", "#SBATCH") {
        @Override
        List<String> submitCommand(String program, String jobName, Map<String, String> vars, String script) {
            return List.of(program, "--job-name=" + jobName, "--export=ALL," + joinVars(vars), script);
        }

        @Override
        List<String> directives(String walltime) {
            return List.of("#SBATCH --job-name=alos2-ingest-scan", "#SBATCH --time=" + walltime, "#SBATCH --ntasks=1",
                    "#SBATCH --cpus-per-task=1");
        }

        @Override
        String workFolderVariable() {
            return "SLURM_SUBMIT_DIR";
        }

        @Override
        String jobId(String output) {
            Matcher m = Pattern.compile("Submitted batch job (\\S+)").matcher(output);
            return m.find() ? m.group(1) : output.strip();
        }
    };

    private final String program;
    private final String directivePrefix;

    BatchScheduler(String program, String directivePrefix) {
        this.program = program;
        this.directivePrefix = directivePrefix;
    }

    /** The submit program's name: {@code qsub} or {@code sbatch}. */
    public String program() {
        return program;
    }

    String directivePrefix() {
        return directivePrefix;
    }

    abstract List<String> submitCommand(String program, String jobName, Map<String, String> vars, String script);

    abstract List<String> directives(String walltime);

    abstract String workFolderVariable();

    /** The job id in what the submit command printed. */
    abstract String jobId(String output);

    /**
     * {@code qsub -v} and {@code sbatch --export} separate variables with commas and cannot quote
     * them portably: a value holding a comma or a newline is refused rather than split.
     */
    static String joinVars(Map<String, String> vars) {
        List<String> parts = new ArrayList<>();
        vars.forEach((k, v) -> {
            if (v.contains(",") || v.contains("\n") || v.contains("'") || v.contains("\"")) {
                throw new IllegalArgumentException("'" + v + "' cannot be passed to a batch job (commas, quotes and newlines are not allowed)");
            }
            parts.add(k + "=" + v);
        });
        return String.join(",", parts);
    }
}
