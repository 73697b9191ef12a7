package org.alos2ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.alos2ingest.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validated option of every command, given a bad value: exit code 2 and exactly two lines on
 * stderr, the error naming the option (or argument), the value and what was expected, then the
 * pointer to the command's --help; no usage text, no Java exception, nothing on stdout.
 */
class BadCommandLineTest {

    @TempDir
    static Path tmp;

    /** A row: the command line ({@code HOME} is replaced by a fresh home), the name the line starts with, the value, what is expected. */
    static Stream<Arguments> badCommandLines() {
        String missing = "/no/such/file.json";
        String[][] rows = {
                // search
                {"search HOME --start 2017-13-01", "--start", "2017-13-01", "month 13"},
                {"search HOME --end 2017-01-32", "--end", "2017-01-32", "day 32"},
                {"search HOME --start 2017-02-30", "--start", "2017-02-30", "February 2017 has 28 days"},
                {"search HOME --start 2016-02-30", "--start", "2016-02-30", "February 2016 has 29 days"},
                {"search HOME --start 2017-02-09T25:00", "--start", "2017-02-09T25:00", "hour 25"},
                {"search HOME --start 2017-02-09T05:61:00Z", "--start", "2017-02-09T05:61:00Z", "minute 61"},
                {"search HOME --start 2017-02-09T05:11:03+25:00", "--start", "2017-02-09T05:11:03+25:00", "offset +25:00"},
                {"search HOME --start yesterday", "--start", "yesterday", "ISO 8601 date or time such as 2017-02-09"},
                {"search HOME --start 09/02/2017", "--start", "09/02/2017", "ISO 8601"},
                {"search HOME --start 2017-03-01 --end 2017-02-01", "--end", "2017-02-01", "at or after the start"},
                {"search HOME --bbox 10,20", "--bbox", "10,20", "4 numbers west,south,east,north"},
                {"search HOME --bbox 1,2,3,x", "--bbox", "1,2,3,x", "north 'x' is not a number"},
                {"search HOME --bbox 10,30,20,20", "--bbox", "10,30,20,20", "south 30 is north of north 20"},
                {"search HOME --bbox 200,0,210,10", "--bbox", "200,0,210,10", "longitude from -180 to 180"},
                {"search HOME --bbox 0,-95,10,10", "--bbox", "0,-95,10,10", "latitude from -90 to 90"},
                {"search HOME --bbox 0,0,NaN,10", "--bbox", "0,0,NaN,10", "not a number"},
                {"search HOME --bbox", "--bbox", "", "W,S,E,N"},
                {"search HOME --limit=-5", "--limit", "-5", "from 1 to 10000"},
                {"search HOME --limit 10001", "--limit", "10001", "from 1 to 10000"},
                {"search HOME --limit abc", "--limit", "abc", "whole number"},
                {"search HOME --mode XYZ", "--mode", "XYZ", "one of SBS, UBS, UBD, HBS, HBD, HBQ, FBS, FBD, FBQ, WBS, WBD, WWS, WWD, VBS, VBD"},
                {"search HOME --mode FBD,FDB", "--mode", "FDB", "one of SBS"},
                {"search HOME --level 1.2", "--level", "1.2", "one of 1.1, 1.5, 2.1"},
                {"search HOME --level 1.0", "--level", "1.0", "one of 1.1, 1.5, 2.1"},
                {"search HOME --direction up", "--direction", "up", "one of ascending, descending"},
                {"search HOME --path 207", "--path", "207", "from 0 to 206"},
                {"search HOME --type L1.6_geotiff", "--type", "L1.6_geotiff", "one of alos2_slc_md, L1.5_geotiff, L2.1_geotiff, alos2_slc"},
                {"search HOME --format xml", "--format", "xml", "one of table, json, ids"},
                {"search HOME --datasets " + missing, "--datasets", missing, "an existing file"},
                {"search HOME --settings " + missing, "--settings", missing, "an existing file"},
                {"search HOME --intersects @" + missing, "--intersects", missing, "GeoJSON"},
                {"search HOME --bbox 1,2,3,4 --intersects {\"type\":\"Point\",\"coordinates\":[1,2]}", "--intersects", "--bbox", "not both"},
                {"search HOME stray", "stray", "stray", "takes options only"},
                {"search HOME --hme x", "--hme", "--hme", "did you mean --home?"},
                {"search HOME --catalog foo:bar", "--catalog", "foo:bar", "expected sqlite:<file>, opensearch://host:port"},
                {"search HOME --catalog redis://u:secret@h:1", "--catalog", "redis://***@h:1", "is not a catalog"},
                {"search HOME --start=", "--start", "an empty value", "ISO 8601"},
                // ingest and its option groups
                {"ingest HOME --max-zoom 99 x.zip", "--max-zoom", "99", "from 0 to 20"},
                {"ingest HOME --threads 0 x.zip", "--threads", "0", "from 1 to 1024"},
                {"ingest HOME --parallel 0 x.zip", "--parallel", "0", "from 1 to 1024"},
                {"ingest HOME --retries -1 x.zip", "--retries", "-1", "from 0 to 100"},
                {"ingest HOME --retry-wait soon x.zip", "--retry-wait", "soon", "0 or more seconds"},
                {"ingest HOME --timeout 0 x.zip", "--timeout", "0", "more than 0 seconds"},
                {"ingest HOME --ca-cert " + missing + " x.zip", "--ca-cert", missing, "an existing file"},
                {"ingest HOME --auig2-order 1 --auig2-password-file " + missing, "--auig2-password-file", missing, "an existing file"},
                {"ingest HOME --max-unpacked-size lots x.zip", "--max-unpacked-size", "lots", "such as 500M or 2G"},
                {"ingest HOME --max-unpacked-size 0 x.zip", "--max-unpacked-size", "0", "more than 0"},
                {"ingest HOME --max-expansion-ratio 0.5 x.zip", "--max-expansion-ratio", "0.5", "1 or more"},
                {"ingest HOME --keep-free some x.zip", "--keep-free", "some", "such as 500M or 2G"},
                {"ingest HOME --sentinel-asia --start-date 2019-13-01", "--start-date", "2019-13-01", "YYYYMMDD"},
                {"ingest HOME", "URL|PATH", "no source given", "delivery zip(s)"},
                {"ingest HOME ftp://example.org/x.zip", "URL|PATH", "ftp://example.org/x.zip", "only http and https URLs and local paths"},
                {"ingest HOME --auig2-url ftp://example.org --auig2-order 1", "--auig2-url", "ftp://example.org", "only http and https"},
                // download, inspect, render, demo, sample
                {"download HOME ftp://example.org/x.zip", "URL", "ftp://example.org/x.zip", "http"},
                {"download HOME --retries 101 https://example.org/x.zip", "--retries", "101", "from 0 to 100"},
                {"inspect", "PATH", "", "delivery zip, product folder, product file or GeoTIFF"},
                {"inspect " + missing, "PATH", missing, "an existing file or folder"},
                {"inspect --sarcat-url ftp://example.org/wfs .", "--sarcat-url", "ftp://example.org/wfs", "http(s) URL"},
                {"render HOME --max-zoom -1 x.zip", "--max-zoom", "-1", "from 0 to 20"},
                {"render HOME --threads many x.zip", "--threads", "many", "whole number"},
                {"demo HOME --width 0", "--width", "0", "from 1 to 1000000"},
                {"demo HOME --max-zoom 21", "--max-zoom", "21", "from 0 to 20"},
                {"sample --preset xyz", "--preset", "xyz", "one of fbd, ubs, ubs-l11, wbd-l11"},
                {"sample --mode XYZ", "--mode", "XYZ", "one of SBS"},
                {"sample --level 3.1", "--level", "3.1", "one of 1.1, 1.5, 2.1"},
                {"sample --look X", "--look", "X", "one of L, R"},
                {"sample --direction up", "--direction", "up", "ascending, descending"},
                {"sample --projection Q", "--projection", "Q", "one of U, P"},
                {"sample --centre 95,10", "--centre", "95,10", "from -90 to 90"},
                {"sample --centre 35", "--centre", "35", "latitude,longitude"},
                {"sample --time 2024-13-01T00:00", "--time", "2024-13-01T00:00", "month 13"},
                {"sample --orbit 100000", "--orbit", "100000", "from 0 to 99999"},
                {"sample --frame -1", "--frame", "-1", "from 0 to 9999"},
                {"sample --width 0", "--width", "0", "from 1 to 1000000"},
                {"sample --holes -1", "--holes", "-1", "0 or more"},
                {"sample --zip-level 10", "--zip-level", "10", "from 0 to 9"},
                // scan, submit, worker, hysds-run
                {"scan HOME " + missing, "DIR", missing, "an existing folder"},
                {"scan HOME --regex [ .", "--regex", "[", "Unclosed character class"},
                {"scan HOME --parallel 0 .", "--parallel", "0", "from 1 to 1024"},
                {"scan HOME --walltime 2h .", "--walltime", "2h", "hours:minutes:seconds"},
                {"scan HOME --slurm --pbs a.pbs .", "--pbs", "--slurm", "one of --pbs, --slurm and --queue"},
                {"submit HOME --retries -1 x.zip", "--retries", "-1", "from 0 to 100"},
                {"submit HOME --broker-password-file " + missing + " x.zip", "--broker-password-file", missing, "an existing file"},
                {"submit HOME --type url --param x", "--param", "x", "NAME=VALUE"},
                {"worker HOME --concurrency 0", "--concurrency", "0", "from 1 to 1024"},
                {"worker HOME --max-retries 101", "--max-retries", "101", "from 0 to 100"},
                {"worker HOME --retry-delay -1", "--retry-delay", "-1", "0 or more seconds"},
                {"worker HOME --max-jobs -1", "--max-jobs", "-1", "0 or more"},
                {"worker HOME --exit-when-idle later", "--exit-when-idle", "later", "0 or more seconds"},
                {"worker HOME --shutdown-grace NaN", "--shutdown-grace", "NaN", "0 or more seconds"},
                {"hysds-run HOME --priority 10 ingest_alos2_auig2", "--priority", "10", "from 0 to 9"},
                {"hysds-run HOME --parallel 0 ingest_alos2_auig2", "--parallel", "0", "from 1 to 1024"},
                {"hysds-run HOME --max-unpacked-size x ingest_alos2_auig2", "--max-unpacked-size", "x", "such as 500M"},
                {"hysds-run HOME --mozart-url ftp://mozart/api ingest_alos2_auig2", "--mozart-url", "ftp://mozart/api", "http(s) URL"},
                // stac-export, serve, watch, subscribe
                {"stac-export HOME --assets ftp out", "--assets", "ftp", "one of published, s3"},
                {"stac-export HOME --asset-base-url gopher://x/y out", "--asset-base-url", "gopher://x/y", "http(s), s3 or file URL"},
                {"serve HOME --port 70000", "--port", "70000", "from 0 to 65535"},
                {"serve HOME --grace -1", "--grace", "-1", "0 or more"},
                {"serve HOME --cors browser.example/path", "--cors", "browser.example/path", "scheme and host"},
                {"serve HOME --base-url ftp://x", "--base-url", "ftp://x", "http(s) URL"},
                {"serve HOME --subscriptions-token-file " + missing, "--subscriptions-token-file", missing, "an existing file"},
                {"watch HOME --listing http://example.org/x/ --every 5x", "--every", "5x", "such as 30s, 10m"},
                {"watch HOME --listing http://example.org/x/ --every 0s", "--every", "0s", "longer than 0"},
                {"watch HOME --listing http://example.org/x/ --job-retry 0", "--job-retry", "0", "longer than 0"},
                {"watch HOME --listing http://example.org/x/ --max-wait forever", "--max-wait", "forever", "time span"},
                {"watch HOME --listing http://example.org/x/ --shutdown-grace x", "--shutdown-grace", "x", "time span"},
                {"watch HOME --listing http://example.org/x/ --parallel 0", "--parallel", "0", "from 1 to 1024"},
                {"watch HOME --listing http://example.org/x/ --max-attempts 0", "--max-attempts", "0", "from 1 to 1000"},
                {"watch HOME --sentinel-asia --sentinel-asia-days many", "--sentinel-asia-days", "many", "number of days"},
                {"subscribe add HOME --name a --bbox 1,2,3 --webhook http://127.0.0.1:9/h", "--bbox", "1,2,3", "4 numbers"},
                {"subscribe add HOME --name a --bbox 1,2,3,4 --mode XYZ --webhook http://127.0.0.1:9/h", "--mode", "XYZ", "one of SBS"},
                {"subscribe add HOME --name a --bbox 1,2,3,4 --level 3 --webhook http://127.0.0.1:9/h", "--level", "3", "one of 1.1, 1.5, 2.1"},
                {"subscribe add HOME --name a --bbox 1,2,3,4 --direction sideways --webhook http://127.0.0.1:9/h", "--direction", "sideways", "ascending"},
                {"subscribe add HOME --name a --bbox 1,2,3,4 --path 300 --webhook http://127.0.0.1:9/h", "--path", "300", "from 0 to 206"},
                {"subscribe add HOME --name a --bbox 1,2,3,4 --webhook ftp://example.org/x", "--webhook", "ftp://example.org/x", "http(s) URL"},
                {"subscribe add HOME --name a --bbox 1,2,3,4 --webhook http://127.0.0.1:9/h --secret-file " + missing, "--secret-file", missing, "existing file"},
                {"subscribe add HOME --bbox 1,2,3,4 --webhook http://127.0.0.1:9/h", "--name", "", "--name NAME"},
                {"subscribe list HOME --format xml", "--format", "xml", "one of table, json"},
                {"subscribe deliver HOME --wait 5x", "--wait", "5x", "time span"},
                // the command itself
                {"serch", "serch", "serch", "did you mean search?"},
                {"help serch", "serch", "serch", "one of ingest, download, search"},
                {"", "a command is required", "", "one of ingest, download, search"},
                {"subscribe", "a subcommand is required", "", "one of add, list, remove, deliver"},
        };
        return Stream.of(rows).map(r -> Arguments.of(r[0], r[1], r[2], r[3]));
    }

    @ParameterizedTest(name = "[{index}] alos2-ingest {0}")
    @MethodSource("badCommandLines")
    void isOneLineNamingOptionValueAndWhatIsExpectedThenTheHelpPointer(String line, String named, String value, String expected) {
        List<String> args = args(line);
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertEquals(Main.USAGE, r.code(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), "the error and the help pointer only: " + r);
        String error = lines.get(0);
        assertTrue(error.startsWith(named), "names " + named + " first: " + error);
        assertTrue(error.contains(value), "quotes the value " + value + ": " + error);
        assertTrue(error.contains(expected), "says " + expected + ": " + error);
        assertEquals("try 'alos2-ingest" + command(args) + " --help'", lines.get(1));
        assertFalse(r.err().contains("Exception") || r.err().contains("java.") || r.err().contains("Usage:"), r.err());
        assertEquals("", r.out(), "nothing on stdout");
    }

    /** The issue's examples, word for word. */
    @Test
    void theIssuesExamples() {
        assertEquals(List.of("--start: 2017-13-01 is not a date: month 13", "try 'alos2-ingest search --help'"),
                errLines("search HOME --start 2017-13-01"));
        assertEquals(List.of("--bbox: 10,20 is not a box: expected 4 numbers west,south,east,north in degrees (or 6 with heights), got 2",
                "try 'alos2-ingest search --help'"), errLines("search HOME --bbox 10,20"));
        assertEquals(List.of("--max-zoom: 99 is out of range; expected a tile zoom from 0 to 20", "try 'alos2-ingest ingest --help'"),
                errLines("ingest HOME --max-zoom 99 x.zip"));
        assertEquals(List.of("--limit: -5 is out of range; expected a number of results from 1 to 10000", "try 'alos2-ingest search --help'"),
                errLines("search HOME --limit=-5"));
        assertEquals(List.of("--mode: XYZ is not an ALOS-2 observation mode; one of SBS, UBS, UBD, HBS, HBD, HBQ, FBS, FBD, FBQ, WBS, WBD, WWS, "
                + "WWD, VBS, VBD", "try 'alos2-ingest search --help'"), errLines("search HOME --mode XYZ"));
        assertEquals(List.of("--hme: no such option of alos2-ingest search; did you mean --home?", "try 'alos2-ingest search --help'"),
                errLines("search --hme x"));
    }

    /** What the validation lets through still works: the codes in any case and spelling, six-number and antimeridian boxes. */
    @Test
    void goodValuesInTheirVariousSpellingsAreTaken() {
        CliRun r = CliRun.run(args("search HOME --mode fbd,UBS --level L1.5,2.1 --direction A --path 0 --limit 10000 --format GeoJSON "
                + "--bbox 170,-20,0,-170,-10,100 --start 2017-02-09T05:11:03.457+09:00 --end 2017-02-09").toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("\"FeatureCollection\""), r.out());
        assertEquals(Main.OK, CliRun.run(args("search HOME --direction descending --start 2017-02-09T05:11 --format ids").toArray(String[]::new)).code());
    }

    @Test
    void everyCommandStillPrintsItsHelp() {
        for (Class<?> c : Main.COMMANDS) {
            picocli.CommandLine.Command command = c.getAnnotation(picocli.CommandLine.Command.class);
            if (command.hidden()) {
                continue;
            }
            String name = command.name();
            CliRun r = CliRun.run(name, "--help");
            assertEquals(Main.OK, r.code(), name + ": " + r);
            assertTrue(r.out().contains("Usage: alos2-ingest " + name), name + ": " + r.out());
            assertEquals("", r.err(), name);
        }
        assertEquals(Main.OK, CliRun.run("--help").code());
    }

    private static List<String> errLines(String line) {
        CliRun r = CliRun.run(args(line).toArray(String[]::new));
        assertEquals(Main.USAGE, r.code(), r.toString());
        return r.err().lines().toList();
    }

    /** The words of a line, HOME becoming {@code --home <fresh folder>} after the command word(s). */
    private static List<String> args(String line) {
        List<String> out = new ArrayList<>();
        if (line.isBlank()) {
            return out;
        }
        for (String w : line.split(" ")) {
            if (w.equals("HOME")) {
                out.add("--home");
                out.add(tmp.resolve("home" + System.nanoTime()).toString());
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** " search", " subscribe add": the command words before the first option or argument. */
    private static String command(List<String> args) {
        StringBuilder b = new StringBuilder();
        for (String a : args) {
            if (a.startsWith("-") || !a.matches("[a-z-]+") || !(a.equals("subscribe") || a.equals("add") || a.equals("list") || a.equals("deliver")
                    || Main.COMMANDS.stream().anyMatch(c -> c.getAnnotation(picocli.CommandLine.Command.class).name().equals(a)))) {
                break;
            }
            if (a.equals("help")) {
                break;
            }
            b.append(' ').append(a);
        }
        return b.toString();
    }
}
