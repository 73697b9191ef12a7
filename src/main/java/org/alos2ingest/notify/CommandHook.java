package org.alos2ingest.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alos2ingest.config.Json;

/**
 * A command run on this machine for each matching dataset ({@code /bin/sh -c COMMAND}), the STAC item
 * on its standard input and {@code ALOS2_SUBSCRIPTION}, {@code ALOS2_ITEM_ID}, {@code ALOS2_DELIVERY}
 * in its environment; exit status 0 means delivered. Such a subscription makes whoever can write it
 * run code as this user, so it is only kept and run where the subscriptions are a file of this
 * user's (the SQLite catalog), never in a shared server's index.
 */
public record CommandHook(String command) implements Target {

    static final String KIND = "command";
    private static final Duration MIN_RUN = Duration.ofMinutes(1);

    public CommandHook {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("command: expected a command line, got nothing");
        }
    }

    @Override
    public String describe() {
        return "command: " + command;
    }

    /** A command gets at least a minute. */
    @Override
    public Duration longest(Duration timeout) {
        return timeout.compareTo(MIN_RUN) < 0 ? MIN_RUN : timeout;
    }

    @Override
    public boolean runsHere() {
        return true;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("kind", KIND);
        o.put("command", command);
        return o;
    }

    static CommandHook fromJson(ObjectNode o) {
        return new CommandHook(o.path("command").asText());
    }

    @Override
    public Attempt deliver(Notification n, Duration timeout) {
        Path output = null;
        Process p = null;
        try {
            output = Files.createTempFile("alos2-hook-", ".log");
            ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", command)).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("ALOS2_SUBSCRIPTION", n.subscription());
            pb.environment().put("ALOS2_ITEM_ID", n.itemId());
            pb.environment().put("ALOS2_DELIVERY", n.deliveryId());
            p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(n.body());
            } catch (IOException e) {
                // a command that reads nothing closes its input early: its exit status still says how it went
            }
            if (!p.waitFor(longest(timeout).toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Attempt(false, "the command did not finish in " + longest(timeout).toSeconds() + " s");
            }
            int code = p.exitValue();
            return new Attempt(code == 0, "exit " + code + (code == 0 ? "" : lastLine(output)));
        } catch (IOException e) {
            return new Attempt(false, "cannot run the command: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (p != null) {
                p.destroyForcibly();
            }
            return new Attempt(false, "interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file in the temporary folder
                }
            }
        }
    }

    private static String lastLine(Path output) {
        try {
            List<String> lines = Files.readAllLines(output).stream().filter(l -> !l.isBlank()).toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
            return last.isEmpty() ? "" : ": " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
        } catch (IOException e) {
            return "";
        }
    }
}
