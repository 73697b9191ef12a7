package org.alos2ingest.cli.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The one line of a usage error: the option (or argument) first, then the value and what was
 * expected, {@code --start: 2017-13-01 is not a date: month 13}. Picocli's own messages (a missing
 * value, an unknown option, a value its built-in converters refuse) are put in the same shape; a
 * message that still names a Java exception loses the name.
 */
public final class UsageLine {

    private static final Pattern BUILT_IN = Pattern.compile("'(.*)' is not an? (int|long|short|byte|float|double|boolean|BigDecimal|BigInteger)",
            Pattern.DOTALL);
    private static final Pattern ENUM = Pattern.compile("expected one of \\[(.*)] \\(case-(?:in)?sensitive\\) but was '(.*)'", Pattern.DOTALL);
    /** The older messages of the stages' own checks: {@code --every must be a time span such as 30s, not '5x'}. */
    private static final Pattern MUST_BE = Pattern.compile("(--[\\w-]+) must be (.+), not '(.*)'", Pattern.DOTALL);
    /** What picocli's help command says of a command it does not know. */
    private static final Pattern UNKNOWN_COMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.");
    /** What picocli says of a map option's value without '='. */
    private static final Pattern KEY_VALUE = Pattern.compile("Value for option (?:option )?'([^']+)' \\(([^)]*)\\) should be in KEY=VALUE format but was (.*)",
            Pattern.DOTALL);
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    /** The environment; tests give their own. */
    static java.util.function.UnaryOperator<String> environment = System::getenv;

    private UsageLine() {
    }

    public static String of(CommandLine.ParameterException ex) {
        String line;
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            line = unmatched(u);
        } else if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            line = missing(m);
        } else if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
            line = name(o.getOverwritten()) + ": given more than once; give it once";
        } else if (ex.getMessage() != null && UNKNOWN_COMMAND.matcher(ex.getMessage()).matches()) {
            Matcher m = UNKNOWN_COMMAND.matcher(ex.getMessage());
            m.matches();
            line = noSuchCommand(m.group(1), ex.getCommandLine().getCommandSpec(), List.of());
        } else if (ex.getCause() instanceof CommandLine.TypeConversionException t && ex.getArgSpec() != null) {
            String said = converted(t.getMessage());
            // an empty value leaves the message starting with " is not ..."
            line = name(ex.getArgSpec()) + ": " + (said.startsWith(" ") ? "an empty value" + said : said) + fromEnvironment(ex.getArgSpec(), ex.getValue());
        } else if (ex.getMessage() != null && KEY_VALUE.matcher(ex.getMessage()).matches()) {
            Matcher m = KEY_VALUE.matcher(ex.getMessage());
            m.matches();
            line = m.group(1) + ": " + m.group(3) + " is not " + m.group(2) + "; expected " + m.group(2);
        } else {
            line = ex.getMessage() == null ? "bad usage" : ex.getMessage();
        }
        return clean(line);
    }

    /** Picocli's own converters' words, in ours. */
    private static String converted(String message) {
        Matcher m = BUILT_IN.matcher(message);
        if (m.matches()) {
            String kind = m.group(2);
            return m.group(1) + switch (kind) {
                case "boolean" -> " is not true or false";
                case "float", "double", "BigDecimal" -> " is not a number";
                default -> " is not a whole number";
            };
        }
        m = ENUM.matcher(message);
        if (m.matches()) {
            return m.group(2) + " is not one of " + m.group(1);
        }
        return message;
    }

    /** A value that the option's default took from the environment: where it came from, as the user did not type it. */
    private static String fromEnvironment(ArgSpec a, String value) {
        Matcher m = ENV_DEFAULT.matcher(String.valueOf(a.defaultValueString(false)));
        if (!m.find() || value == null) {
            return "";
        }
        String set = environment.apply(m.group(1));
        return set != null && set.strip().equals(value.strip()) ? " (from $" + m.group(1) + ")" : "";
    }

    private static String missing(CommandLine.MissingParameterException m) {
        ArgSpec a = m.getMissing().get(0);
        String message = m.getMessage() == null ? "" : m.getMessage();
        if (a instanceof OptionSpec o && message.startsWith("Missing required parameter for option")) {
            return name(o) + ": a value is missing; expected " + o.paramLabel();
        }
        if (a instanceof OptionSpec o) {
            return name(o) + ": required; expected " + name(o) + " " + o.paramLabel();
        }
        return name(a) + ": required; expected " + what(a);
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u) {
        String arg = u.getUnmatched().get(0);
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        List<String> suggestions = new ArrayList<>(u.getSuggestions());
        if (arg.startsWith("-") && !isNumber(arg)) {
            String given = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            // a single letter is as near to every other single letter: no guess for it
            List<String> near = given.length() <= 2 ? List.of()
                    : nearest(given, spec.options().stream().filter(o -> !o.hidden()).flatMap(o -> List.of(o.names()).stream()).toList());
            return given + ": no such option of " + spec.qualifiedName() + didYouMean(near.isEmpty() ? suggestions : near);
        }
        if (!spec.subcommands().isEmpty()) {
            return noSuchCommand(arg, spec, suggestions);
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        return arg + ": unexpected argument; " + spec.qualifiedName() + " takes "
                + (params.isEmpty() ? "options only" : String.join(" ", params.stream().map(PositionalParamSpec::paramLabel).toList())
                + (params.stream().anyMatch(p -> p.arity().isVariable()) ? "" : " and nothing more"));
    }

    private static String noSuchCommand(String arg, CommandSpec spec, List<String> suggestions) {
        List<String> commands = spec.subcommands().entrySet().stream().filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).distinct().toList();
        List<String> near = nearest(arg, commands);
        return arg + ": no such command; expected one of " + String.join(", ", commands) + didYouMean(near.isEmpty() ? suggestions : near);
    }

    private static boolean isNumber(String arg) {
        return arg.matches("-[0-9.].*");
    }

    private static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        return suggestions.size() == 1 ? "; did you mean " + suggestions.get(0) + "?" : "; did you mean one of " + String.join(", ", suggestions) + "?";
    }

    /** The names a mistyped one is closest to: at most two edits away, the closest first, three at most. */
    static List<String> nearest(String typed, List<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        int most = Math.max(1, Math.min(2, t.replaceFirst("^-+", "").length() / 3));
        return names.stream().distinct().filter(n -> distance(t, n.toLowerCase(Locale.ROOT)) <= most)
                .sorted(Comparator.comparingInt(n -> distance(t, n.toLowerCase(Locale.ROOT)))).limit(3).toList();
    }

    /** Edit distance (Levenshtein). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    /** An option by its longest name, an argument by its label. */
    static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }

    /** What an argument is, from the first sentence of its description. */
    private static String what(ArgSpec a) {
        String[] d = a.description();
        if (d.length == 0 || d[0].isBlank()) {
            return a.paramLabel();
        }
        String s = d[0].strip().replaceFirst("\\.$", "");
        return s.length() > 1 && Character.isLowerCase(s.charAt(1)) ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String clean(String line) {
        String l = EXCEPTION_NAME.matcher(line.replaceAll("\\s*[\\r\\n]+\\s*", " ")).replaceAll("").strip();
        Matcher m = MUST_BE.matcher(l);
        return m.matches() ? m.group(1) + ": " + m.group(3) + " is not valid; expected " + m.group(2) : l;
    }
}
