package org.alos2ingest.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A kind of source, as everything around the sources needs it: the queue (a job names its source by
 * {@link #name()} and plain parameters), the command line (a target argument, the service's URL and
 * login options), the worker (which login to find in its own environment) and the HySDS packaging.
 * A new source is a {@link Source} class with its type beside it, and one line in {@link SourceTypes}.
 *
 * <p>Job parameters never hold credentials: a job names the service ({@link SourceTypes#BASE_URL})
 * and at most a user ({@link Service#userJobParam()}); the worker finds the password.
 */
public interface SourceType {

    /**
     * The type's name: the job type of its jobs, the key of its {@link ServiceSettings} and the start
     * of its service options ({@code --<name>-url}, {@code --<name>-user}, {@code --<name>-password-file}).
     */
    String name();

    /** The parameters a job of this type takes (besides {@link SourceTypes#BASE_URL} and the user parameter). */
    List<String> jobParams();

    /**
     * The source a job names.
     *
     * @param config the fetch settings, with the job's service URL and user already applied
     * @throws IllegalArgumentException when the parameters cannot make a source (a missing or malformed one)
     */
    Source fromJob(Map<String, String> params, FetchConfig config);

    /** What a job of these parameters fetches, in a few characters (an order id, a file name), for its job name. */
    String subject(Map<String, String> params);

    /**
     * Checks, before a job is queued, what a worker would otherwise find out only after the job sat in
     * the queue and that is cheap to check here (a path that does not exist, a URL holding a login).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    default void checkQueueable(Map<String, String> params) {
    }

    /** The service this source logs in to, if any. */
    default Optional<Service> service() {
        return Optional.empty();
    }

    /** The job parameters for a target given on the command line (a URL, a path), when this type takes it. */
    default Optional<Map<String, String>> fromArgument(String argument) {
        return Optional.empty();
    }

    /**
     * True when a job of these parameters lists many files of which each is better run as a job of its
     * own (e.g. every file of a Sentinel Asia request): the listing is fanned out, one job per item,
     * each item's attributes becoming its job's parameters.
     */
    default boolean fansOut(Map<String, String> params) {
        return false;
    }

    /**
     * The options that choose this source on the command line of {@code ingest} and {@code submit}
     * (besides a target argument, see {@link #fromArgument}); the first names the source in messages.
     */
    default List<CliOption> options() {
        return List.of();
    }

    /**
     * The job parameters of the options given: by default each given option's value as its parameter.
     *
     * @param given the options given, by name (a flag's value is {@code true})
     * @throws IllegalArgumentException for options that make no job (naming the options)
     */
    default Map<String, String> fromOptions(Map<String, String> given) {
        Map<String, String> params = new LinkedHashMap<>();
        for (CliOption o : options()) {
            if (given.containsKey(o.name())) {
                o.jobParam().ifPresent(p -> params.put(p, given.get(o.name()).strip()));
            }
        }
        return params;
    }

    /** The HySDS job this source is packaged as, if any. */
    default Optional<PgeJob> pgeJob() {
        return Optional.empty();
    }

    /**
     * An option that chooses this source.
     *
     * @param name        e.g. {@code --auig2-order}
     * @param paramLabel  its value's label in the help, e.g. {@code ID}; empty for a flag
     * @param jobParam    the job parameter its value becomes; empty for a flag
     * @param description its help text
     */
    record CliOption(String name, String paramLabel, Optional<String> jobParam, String description) {

        public boolean flag() {
            return jobParam.isEmpty();
        }

        /** How it is written in a usage message: {@code --auig2-order ID}. */
        public String usage() {
            return flag() ? name : name + " " + paramLabel;
        }
    }

    /**
     * A service with a login.
     *
     * @param title        its name in messages and option descriptions ("AUIG2")
     * @param defaultUrl   its base URL, when it has one (then {@code --<name>-url} can change it)
     * @param userEnv      the environment variable naming the user
     * @param passwordEnv  the environment variable holding the password
     * @param userJobParam the job parameter that may name the user (never the password), if the service takes one
     */
    record Service(String title, Optional<URI> defaultUrl, String userEnv, String passwordEnv, Optional<String> userJobParam) {
    }

    /**
     * A HySDS job ({@code docker/job-spec.json.<name>}) that runs this source.
     *
     * @param name          the job's name, e.g. {@code ingest_alos2_auig2}
     * @param contextParams the parameters its job-spec sends to {@code _context.json}, in the job-spec's order
     * @param toJob         turns the context's non-blank parameters into this type's job parameters; its
     *                      IllegalArgumentException reads after the context file's name ("has no auig2_orderid (...)")
     */
    record PgeJob(String name, List<String> contextParams, UnaryOperator<Map<String, String>> toJob) {
    }
}
