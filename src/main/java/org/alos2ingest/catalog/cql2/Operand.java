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
        public Number {
            value = value.stripTrailingZeros();
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
