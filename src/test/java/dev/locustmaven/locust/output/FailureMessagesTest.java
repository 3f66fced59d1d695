package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureMessagesTest {

    // Each raw text is a cell of failures.csv after CSV decoding, in the spellings Locust uses.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            CatchResponseError('empty search results')                 | empty search results
            "CatchResponseError('empty search results')"               | empty search results
            'CatchResponseError(\\'Order validation failed: qty, "quoted" text\\')' | Order validation failed: qty, "quoted" text
            CatchResponseError('order rejected: "bulk" qty isn\\'t allowed') | order rejected: "bulk" qty isn't allowed
            'CatchResponseError(\\'order rejected: "bulk" qty isn\\\\\\'t allowed\\')' | order rejected: "bulk" qty isn't allowed
            HTTPError('500 Server Error: Internal Server Error for url: /flaky') | HTTPError('500 Server Error: Internal Server Error for url: /flaky')
            "HTTPError('500 Server Error: Internal Server Error for url: /flaky')" | HTTPError('500 Server Error: Internal Server Error for url: /flaky')
            "Exception('cache miss storm')"                             | Exception('cache miss storm')
            'a plain string error'                                      | a plain string error
            "'a plain string error'"                                    | a plain string error
            empty search results                                        | empty search results
            'a' and 'b'                                                 | 'a' and 'b'
            CatchResponseError('"all quoted"')                          | "all quoted"
            CatchResponseError('caf\\xe9 \\u2603')                      | café ☃
            """)
    void recoversTheUsersMessage(String raw, String message) {
        assertThat(FailureMessages.normalize(raw)).isEqualTo(message);
    }

    @Test
    void undoesPythonStringEscapes() {
        assertThat(FailureMessages.unquote("'line\\nbreak'")).isEqualTo("line\nbreak");
        assertThat(FailureMessages.unquote("'tab\\there'")).isEqualTo("tab\there");
        assertThat(FailureMessages.unquote("'back\\\\slash'")).isEqualTo("back\\slash");
        assertThat(FailureMessages.unquote("'odd\\q escape'")).isEqualTo("odd\\q escape");
        assertThat(FailureMessages.unquote("'cut \\x4'")).isEqualTo("cut \\x4");
    }
}
