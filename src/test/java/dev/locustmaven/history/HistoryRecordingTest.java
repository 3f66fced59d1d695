package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.failure.ConfigurationException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryRecordingTest {

    private static final Path FILE = Path.of("src/test/locust/history.jsonl");

    @Test
    void autoLeavesOutABuildOnADevelopersMachineAndSaysHowToRecordIt() {
        HistoryRecording recording = HistoryRecording.decide("auto", Map.of("HOME", "/home/dev"));

        assertThat(recording.record()).isFalse();
        assertThat(recording.describe(FILE))
                .isEqualTo("Not recording this run in " + FILE + ": not a CI build (locust.recordHistory=auto;"
                        + " -Dlocust.recordHistory=true records it)");
    }

    @Test
    void autoRecordsABranchBuildOfEachCi() {
        assertThat(HistoryRecording.decide("auto", Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "push"))
                        .describe(FILE))
                .isEqualTo("Recording this run in " + FILE + ": a CI build (GITHUB_ACTIONS is set)"
                        + " (locust.recordHistory=auto; -Dlocust.recordHistory=false leaves it out)");
        assertThat(HistoryRecording.decide("auto", Map.of("GITLAB_CI", "true")).record())
                .isTrue();
        assertThat(HistoryRecording.decide("auto", Map.of("TF_BUILD", "True")).record())
                .isTrue();
        assertThat(HistoryRecording.decide("auto", Map.of("JENKINS_URL", "https://ci/", "BRANCH_NAME", "main"))
                        .record())
                .isTrue();
        assertThat(HistoryRecording.decide("auto", Map.of("BUILD_URL", "https://ci/job/1/"))
                        .record())
                .isTrue();
        assertThat(HistoryRecording.decide("auto", Map.of("CI", "true")).record())
                .isTrue();
        assertThat(HistoryRecording.decide("auto", Map.of("CI", "false")).record())
                .isFalse();
    }

    @Test
    void autoLeavesOutPullAndMergeRequestBuilds() {
        assertThat(HistoryRecording.decide(
                                "auto", Map.of("GITHUB_ACTIONS", "true", "GITHUB_EVENT_NAME", "pull_request_target"))
                        .why())
                .isEqualTo("a pull-request build (GITHUB_EVENT_NAME=pull_request_target)");
        assertThat(HistoryRecording.decide("auto", Map.of("GITLAB_CI", "true", "CI_MERGE_REQUEST_IID", "7"))
                        .why())
                .isEqualTo("a pull- or merge-request build (CI_MERGE_REQUEST_IID is set)");
        assertThat(HistoryRecording.decide("auto", Map.of("JENKINS_URL", "https://ci/", "CHANGE_ID", "12"))
                        .record())
                .isFalse();
        assertThat(HistoryRecording.decide("auto", Map.of("TF_BUILD", "True", "SYSTEM_PULLREQUEST_PULLREQUESTID", "99"))
                        .record())
                .isFalse();
    }

    @Test
    void trueAndFalseDecideWhateverTheEnvironment() {
        assertThat(HistoryRecording.decide("true", Map.of()).describe(FILE))
                .isEqualTo("Recording this run in " + FILE + ": locust.recordHistory=true"
                        + " (-Dlocust.recordHistory=false leaves it out)");
        assertThat(HistoryRecording.decide("FALSE", Map.of("CI", "true")).record())
                .isFalse();
        assertThat(HistoryRecording.decide(null, Map.of()).setting()).isEqualTo("auto");
    }

    @Test
    void anyOtherValueIsAConfigurationError() {
        assertThatThrownBy(() -> HistoryRecording.decide("yes", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("locust.recordHistory must be auto, true or false, not \"yes\"");
    }
}
