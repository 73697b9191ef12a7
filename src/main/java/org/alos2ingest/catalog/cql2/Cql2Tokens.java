package org.alos2ingest.catalog.cql2;

import java.util.ArrayList;
import java.util.List;

import org.alos2ingest.catalog.InvalidSearchException;

/** Splits CQL2-text into words, numbers, 'strings', "quoted names" and symbols, keeping positions. */
final class Cql2Tokens {

    enum Kind { WORD, NUMBER, STRING, QUOTED, SYMBOL, END }

    /** @param position the index of the token's first character */
    record Token(Kind kind, String text, int position) {
    }

    private final String parameter;
    private final String s;

    Cql2Tokens(String parameter, String text) {
        this.parameter = parameter;
        this.s = text;
    }

    List<Token> all() {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                out.add(new Token(Kind.END, "", s.length()));
                return out;
            }
            char c = s.charAt(i);
            int start = i;
            if (c == '\'' || c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new InvalidSearchException(parameter, "expected a closing " + c + " for the text opened at position " + (start + 1));
                    }
                    if (s.charAt(i) == c) {
                        if (i + 1 < s.length() && s.charAt(i + 1) == c) {
                            b.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(s.charAt(i++));
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, b.toString(), start));
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < s.length()
                    && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || ((s.charAt(i) == 'e' || s.charAt(i) == 'E') && i + 1 < s.length())
                        || ((s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                    i++;
                }
                String n = s.substring(start, i);
                if (!n.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    throw new InvalidSearchException(parameter, "expected a number at position " + (start + 1) + ", found '" + shown(n) + "'");
                }
                out.add(new Token(Kind.NUMBER, n.startsWith("+") ? n.substring(1) : n, start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_:.".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else if (c == '<' || c == '>') {
                i++;
                if (i < s.length() && (s.charAt(i) == '=' || (c == '<' && s.charAt(i) == '>'))) {
                    i++;
                }
                out.add(new Token(Kind.SYMBOL, s.substring(start, i), start));
            } else if ("=(),".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), start));
            } else {
                throw new InvalidSearchException(parameter, "unexpected character '" + shown(String.valueOf(c)) + "' at position " + (start + 1));
            }
        }
    }

    /** A piece of the user's text for an error message: on one line (control characters escaped), at most 60 characters. */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < text.length() && b.length() < 60; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < text.length() ? b + "..." : b.toString();
    }
}
