package org.alos2ingest.catalog.cql2;

import java.util.List;

/** A CQL2 boolean expression, as either encoding gives it. */
public sealed interface Expr {

    /**
     * The deepest nesting of parentheses, NOT and nested expressions either parser accepts: far more
     * than a person or a client writes, and shallow enough that the parsers and everything that walks
     * an expression (SQL, OpenSearch query, matcher) recurse without running out of stack.
     */
    int MAX_DEPTH = 64;

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator with its operands swapped: {@code 5 < x} is {@code x > 5}. */
        public Op flipped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }

    record And(List<Expr> args) implements Expr {
    }

    record Or(List<Expr> args) implements Expr {
    }

    record Not(Expr arg) implements Expr {
    }

    record Comparison(Op op, Operand left, Operand right) implements Expr {
    }

    /** {@code pattern} holds % (any run) and _ (one character); a backslash escapes either. */
    record Like(Operand value, Operand pattern) implements Expr {
    }

    record In(Operand value, List<Operand> list) implements Expr {
    }

    record Between(Operand value, Operand low, Operand high) implements Expr {
    }

    record IsNull(Operand value) implements Expr {
    }

    record SIntersects(Operand left, Operand right) implements Expr {
    }

    record TIntersects(Operand left, Operand right) implements Expr {
    }

    record Bool(boolean value) implements Expr {
    }
}
