package org.alos2ingest.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code .netrc} file, as curl, wget and Python's requests read it: {@code machine NAME},
 * {@code login}, {@code password}, {@code account}, a {@code default} entry for any other host, and
 * {@code macdef} blocks (skipped up to the next empty line). Tokens are separated by any white space,
 * so entries may span lines or share one; a token may be double-quoted with backslash escapes.
 */
public final class Netrc {

    private final Path file;
    private final Map<String, Credentials> machines;
    private final Credentials fallback;

    private Netrc(Path file, Map<String, Credentials> machines, Credentials fallback) {
        this.file = file;
        this.machines = machines;
        this.fallback = fallback;
    }

    /** The file curl would read: {@code $NETRC} when set, else .netrc in {@code $HOME}. */
    public static Path defaultFile(Map<String, String> env) {
        return org.alos2ingest.util.UserHome.netrc(env);
    }

    /** Reads a .netrc; a missing file is an empty one. */
    public static Netrc read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return new Netrc(file, Map.of(), null);
        }
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new FetchException(file, "cannot read: " + e.getMessage());
        }
    }

    static Netrc parse(Path file, String text) {
        List<String> tokens = tokens(text);
        Map<String, Credentials> machines = new LinkedHashMap<>();
        Credentials fallback = null;
        String origin = file == null ? ".netrc" : file.toString();
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i++);
            switch (t) {
                case "machine", "default" -> {
                    String host = null;
                    if (t.equals("machine")) {
                        if (i >= tokens.size()) {
                            throw new FetchException(file, "'machine' without a host name at the end of the file");
                        }
                        host = tokens.get(i++).toLowerCase(Locale.ROOT);
                    }
                    String login = null;
                    String password = null;
                    while (i < tokens.size() && !isEntryStart(tokens.get(i))) {
                        String key = tokens.get(i++);
                        if (i >= tokens.size()) {
                            throw new FetchException(file, "'" + key + "' without a value" + (host == null ? "" : " in the entry for " + host));
                        }
                        String value = tokens.get(i++);
                        switch (key) {
                            case "login" -> login = value;
                            case "password" -> password = value;
                            case "account", "port", "protocol" -> {
                                // not used for HTTP logins
                            }
                            default -> throw new FetchException(file, "unknown token '" + key + "'" + (host == null ? "" : " in the entry for " + host));
                        }
                    }
                    if (login != null && password != null) {
                        Credentials c = new Credentials(login, password, origin);
                        if (host == null) {
                            fallback = c;
                        } else {
                            machines.putIfAbsent(host, c);
                        }
                    }
                }
                case "macdef" -> {
                    // the macro body was dropped by the tokenizer; its name is the next token
                    i++;
                }
                default -> throw new FetchException(file, "unexpected token '" + t + "' (expected machine, default or macdef)");
            }
        }
        return new Netrc(file, Map.copyOf(machines), fallback);
    }

    private static boolean isEntryStart(String t) {
        return t.equals("machine") || t.equals("default") || t.equals("macdef");
    }

    /** Splits into tokens; drops comments (# at a token start) and macdef bodies. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean inMacro = false;
        for (String line : lines) {
            if (inMacro) {
                if (line.isBlank()) {
                    inMacro = false;
                }
                continue;
            }
            int p = 0;
            int n = line.length();
            while (p < n) {
                char c = line.charAt(p);
                if (Character.isWhitespace(c)) {
                    p++;
                    continue;
                }
                if (c == '#') {
                    break;
                }
                StringBuilder sb = new StringBuilder();
                if (c == '"') {
                    p++;
                    while (p < n && line.charAt(p) != '"') {
                        if (line.charAt(p) == '\\' && p + 1 < n) {
                            p++;
                        }
                        sb.append(line.charAt(p++));
                    }
                    p++;
                } else {
                    while (p < n && !Character.isWhitespace(line.charAt(p))) {
                        sb.append(line.charAt(p++));
                    }
                }
                out.add(sb.toString());
                if (sb.toString().equals("macdef") && c != '"') {
                    // the rest of this line is the macro's name; its body runs to the next blank line
                    String rest = line.substring(p).strip();
                    out.add(rest.isEmpty() ? "" : rest.split("\\s+")[0]);
                    inMacro = true;
                    break;
                }
            }
        }
        return out;
    }

    /** The entry for {@code host}, else the {@code default} entry. */
    public Optional<Credentials> lookup(String host) {
        if (host == null) {
            return Optional.empty();
        }
        Credentials c = machines.get(host.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(c != null ? c : fallback);
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "Netrc[" + file + ", " + machines.size() + " machine(s)" + (fallback != null ? " + default" : "") + "]";
    }
}
