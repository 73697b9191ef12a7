package org.alos2ingest.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Picocli's own messages, for options without a converter of ours, put in the one-line shape. */
class UsageLineTest {

    enum Colour { red, green }

    @Command(name = "paint")
    static final class Paint implements Runnable {
        @Option(names = "--coats", paramLabel = "N")
        int coats;

        @Option(names = "--thinner", paramLabel = "RATIO")
        double thinner;

        @Option(names = "--colour", paramLabel = "COLOUR")
        Colour colour;

        @Option(names = "--brush", paramLabel = "NAME", required = true)
        String brush;

        @Option(names = "--zoom", paramLabel = "Z", converter = WholeNumbers.TileZoom.class, defaultValue = "${env:PAINT_TEST_ZOOM:-99}")
        int zoom;

        @Parameters(index = "0", paramLabel = "WALL", description = "The wall to paint.")
        String wall;

        @Override
        public void run() {
        }
    }

    private static String line(String... args) {
        CommandLine cl = new CommandLine(new Paint());
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return UsageLine.of(e);
        }
        throw new AssertionError("accepted " + List.of(args));
    }

    @Test
    void picocliMessagesInTheUsageShape() {
        assertEquals("--coats: two is not a whole number", line("--zoom", "1", "--brush", "b", "w", "--coats", "two"));
        assertEquals("--thinner: lots is not a number", line("--zoom", "1", "--brush", "b", "w", "--thinner", "lots"));
        assertEquals("--colour: blue is not one of red, green", line("--zoom", "1", "--brush", "b", "w", "--colour", "blue"));
        assertEquals("--brush: required; expected --brush NAME", line("--zoom", "1", "w"));
        assertEquals("--brush: a value is missing; expected NAME", line("--zoom", "1", "w", "--brush"));
        assertEquals("WALL: required; expected the wall to paint", line("--zoom", "1", "--brush", "b"));
        assertEquals("--coats: given more than once; give it once", line("--zoom", "1", "--brush", "b", "w", "--coats", "1", "--coats", "2"));
        assertEquals("--brsh: no such option of paint; did you mean --brush?", line("--zoom", "1", "--brush", "b", "--brsh", "w"));
        assertEquals("x: unexpected argument; paint takes WALL and nothing more", line("--zoom", "1", "--brush", "b", "w", "x"));
    }

    @Test
    void aBadDefaultFromTheEnvironmentSaysWhereItCameFrom() {
        var real = UsageLine.environment;
        try {
            // picocli reads the real environment, where the variable is unset: its fallback 99 stands for the variable's value
            UsageLine.environment = n -> n.equals("PAINT_TEST_ZOOM") ? "99" : null;
            assertEquals("--zoom: 99 is out of range; expected a tile zoom from 0 to 20 (from $PAINT_TEST_ZOOM)", line("--brush", "b", "w"));
            assertEquals("--zoom: 30 is out of range; expected a tile zoom from 0 to 20", line("--brush", "b", "w", "--zoom", "30"), "typed");
            UsageLine.environment = n -> null;
            assertEquals("--zoom: 99 is out of range; expected a tile zoom from 0 to 20", line("--brush", "b", "w"), "the default's own fallback");
        } finally {
            UsageLine.environment = real;
        }
    }

    @Test
    void nearestNamesAreAtMostTwoEditsAway() {
        assertEquals(List.of("--home"), UsageLine.nearest("--hme", List.of("--home", "--help", "--format")));
        assertEquals(List.of(), UsageLine.nearest("--xyz", List.of("--home", "--help")));
        assertEquals(2, UsageLine.distance("serch", "serve"));
    }
}
