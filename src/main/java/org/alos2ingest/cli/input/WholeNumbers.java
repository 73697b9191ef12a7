package org.alos2ingest.cli.input;

import java.math.BigInteger;

import org.alos2ingest.catalog.ItemSearch;
import org.alos2ingest.identify.SceneId;
import org.alos2ingest.render.RenderSettings;
import picocli.CommandLine;

/**
 * The whole-number options, each with the range that makes sense for it: a value outside is refused
 * when the command line is read, before anything runs, rather than by the stage that would choke on it.
 */
public final class WholeNumbers {

    /** More threads or jobs at once than this is a typing mistake, not a machine. */
    static final int MOST_AT_ONCE = 1024;

    private WholeNumbers() {
    }

    /** A whole number from {@code min} to {@code max}; what it counts is named in the message. */
    public abstract static class Bounded implements CommandLine.ITypeConverter<Integer> {
        private final String what;
        private final long min;
        private final long max;

        Bounded(String what, long min, long max) {
            this.what = what;
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String text) {
            BigInteger v;
            try {
                v = new BigInteger(text.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(text + " is not a whole number; expected " + range());
            }
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new CommandLine.TypeConversionException(text.strip() + " is out of range; expected " + range());
            }
            return v.intValueExact();
        }

        String range() {
            return max >= Integer.MAX_VALUE ? what + " of " + min + " or more" : what + " from " + min + " to " + max;
        }
    }

    public static final class TileZoom extends Bounded {
        public TileZoom() {
            super("a tile zoom", 0, RenderSettings.MAX_ZOOM_LIMIT);
        }
    }

    /** As many results as the catalogs return in one answer. */
    public static final class ResultLimit extends Bounded {
        public ResultLimit() {
            super("a number of results", 1, ItemSearch.MAX_LIMIT);
        }
    }

    /** 0 asks the system for a free port. */
    public static final class Port extends Bounded {
        public Port() {
            super("a port", 0, 65535);
        }
    }

    public static final class Threads extends Bounded {
        public Threads() {
            super("a number of threads", 1, MOST_AT_ONCE);
        }
    }

    /** Jobs, groups or files handled at once. */
    public static final class AtOnce extends Bounded {
        public AtOnce() {
            super("how many at once", 1, MOST_AT_ONCE);
        }
    }

    public static final class Retries extends Bounded {
        public Retries() {
            super("a number of retries", 0, 100);
        }
    }

    public static final class Attempts extends Bounded {
        public Attempts() {
            super("a number of attempts", 1, 1000);
        }
    }

    /** JAXA's path numbers are (14 orbit + 24) mod 207: 0 to 206. */
    public static final class PathNumber extends Bounded {
        public PathNumber() {
            super("an ALOS-2 path", 0, SceneId.PATHS_PER_CYCLE - 1);
        }
    }

    public static final class Priority extends Bounded {
        public Priority() {
            super("a priority", 0, 9);
        }
    }

    public static final class DeflateLevel extends Bounded {
        public DeflateLevel() {
            super("a deflate level", 0, 9);
        }
    }

    public static final class Count extends Bounded {
        public Count() {
            super("a count", 0, Integer.MAX_VALUE);
        }
    }

    public static final class Pixels extends Bounded {
        public Pixels() {
            super("a width in pixels", 1, 1_000_000);
        }
    }

    /** Five digits in a product name. */
    public static final class OrbitNumber extends Bounded {
        public OrbitNumber() {
            super("an orbit number", 0, 99_999);
        }
    }

    /** Four digits in a product name. */
    public static final class FrameNumber extends Bounded {
        public FrameNumber() {
            super("a frame number", 0, 9_999);
        }
    }

    /** A wait in whole seconds. */
    public static final class WholeSeconds extends Bounded {
        public WholeSeconds() {
            super("a number of seconds", 0, Integer.MAX_VALUE);
        }
    }
}
