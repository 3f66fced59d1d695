package dev.locustmaven.locust.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void splitsOnWhitespaceWithQuotesAndEscapesButNothingElse() {
        assertThat(CommandLine.split("  python3 -m  http.server\t8080 "))
                .containsExactly("python3", "-m", "http.server", "8080");
        assertThat(CommandLine.split("sh -c 'echo $HOME; ls *' \"a \\\"b\\\"\" c\\ d ''"))
                .containsExactly("sh", "-c", "echo $HOME; ls *", "a \"b\"", "c d", "");
        assertThatThrownBy(() -> CommandLine.split("echo 'open"))
                .hasMessage("The command line [echo 'open] has an unclosed ' quote.");
    }
}
