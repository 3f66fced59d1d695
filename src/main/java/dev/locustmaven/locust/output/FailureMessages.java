package dev.locustmaven.locust.output;

/**
 * Recovers the message a user gave a failure from the text Locust wrote into {@code failures.csv}.
 *
 * <p>Locust writes {@code repr(error)} (since 2.10), so {@code resp.failure("empty search results")} becomes
 * {@code CatchResponseError('empty search results')}; a message holding both kinds of quote gets Python's
 * {@code '...\'...'} form. In distributed runs of 2.10 to 2.27 the master applies {@code repr} once more, adding an
 * outer pair of quotes: {@code "CatchResponseError('empty search results')"}. The same failure thus has up to three
 * spellings across versions and modes; normalising them lets a pattern match all of them. Other exceptions keep their
 * type ({@code HTTPError('500 Server Error: ...')}), because the type is part of what went wrong.
 */
public final class FailureMessages {

    private static final String CATCH_RESPONSE_ERROR = "CatchResponseError(";

    private FailureMessages() {}

    /**
     * Strips, in this order and each at most once: an outer Python string literal (the distributed double
     * {@code repr}), a {@code CatchResponseError(...)} wrapper, and the string literal of the message inside it.
     */
    public static String normalize(String raw) {
        String text = unquote(raw.strip());
        if (text.startsWith(CATCH_RESPONSE_ERROR) && text.endsWith(")")) {
            text = text.substring(CATCH_RESPONSE_ERROR.length(), text.length() - 1)
                    .strip();
        }
        return unquote(text);
    }

    /** The value of a Python {@code str} literal such as {@code 'it\'s'}, or the text unchanged if it is not one. */
    static String unquote(String text) {
        if (text.length() < 2) {
            return text;
        }
        char quote = text.charAt(0);
        if ((quote != '\'' && quote != '"') || text.charAt(text.length() - 1) != quote) {
            return text;
        }
        String body = text.substring(1, text.length() - 1);
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == quote) {
                return text; // an unescaped quote inside: not one literal but e.g. 'a' and 'b'
            }
            if (c != '\\' || i + 1 == body.length()) {
                value.append(c);
                continue;
            }
            char next = body.charAt(++i);
            int hexDigits = switch (next) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (hexDigits > 0 && isHex(body, i + 1, hexDigits)) {
                value.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 1 + hexDigits), 16));
                i += hexDigits;
                continue;
            }
            switch (next) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case '\\', '\'', '"' -> value.append(next);
                default -> value.append('\\').append(next);
            }
        }
        return value.toString();
    }

    private static boolean isHex(String text, int from, int length) {
        if (from + length > text.length()) {
            return false;
        }
        for (int i = from; i < from + length; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
