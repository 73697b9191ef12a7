package org.alos2ingest.catalog.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.locationtech.jts.geom.Geometry;

/** What a CQL2 predicate compares: a property (a queryable's name) or a literal. */
public sealed interface Operand {

    record Property(String name) implements Operand {
    }

    record Text(String value) implements Operand {
    }

    /** Kept exact; 100.0 and 1e2 are one number. */
    record Number(BigDecimal value) implements Operand {

        /**
         * The widest exponent a literal may have: a double's range and then some. Beyond it a number
         * written in a few characters (1e999999999) would cost gigabytes wherever it is spelt out.
         */
        public static final int MAX_EXPONENT = 400;

        public Number {
            value = value.stripTrailingZeros();
        }

        /** Whether a literal is within the range any queryable can compare it with. */
        public static boolean inRange(BigDecimal v) {
            long exponent = (long) v.precision() - v.scale() - 1;
            return v.signum() == 0 || Math.abs(exponent) <= MAX_EXPONENT && v.precision() <= MAX_EXPONENT;
        }
    }

    record Flag(boolean value) implements Operand {
    }

    record Timestamp(Instant value) implements Operand {
    }

    record Date(LocalDate value) implements Operand {
    }

    /** Either end may be null: {@code '..'}, open. Ends are literals or properties. */
    record Interval(Operand start, Operand end) implements Operand {
    }

    /** Longitude/latitude, WGS 84. */
    record Geom(Geometry value) implements Operand {
    }
}
