package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEnvironmentTest {

    private static final Path PROJECT = Path.of("project");

    /** A git that answers rev-parse, and records that it was asked. */
    private static final class FakeGit implements BuildEnvironment.Git {
        final List<String> calls = new ArrayList<>();
        final String branch;

        FakeGit(String branch) {
            this.branch = branch;
        }

        @Override
        public Optional<String> run(Path folder, String... arguments) {
            calls.add(String.join(" ", arguments));
            return arguments.length == 2 ? Optional.of("f00d") : Optional.of(branch);
        }
    }

    @Test
    void githubActions() {
        FakeGit git = new FakeGit("ignored");
        BuildEnvironment env = BuildEnvironment.detect(
                Map.of(
                        "GITHUB_ACTIONS", "true",
                        "GITHUB_SHA", "0123abc",
                        "GITHUB_REF_NAME", "main",
                        "GITHUB_SERVER_URL", "https://github.com",
                        "GITHUB_REPOSITORY", "acme/shop",
                        "GITHUB_RUN_ID", "987654",
                        "GITHUB_RUN_ATTEMPT", "2"),
                PROJECT,
                git);
        assertThat(env)
                .isEqualTo(new BuildEnvironment(
                        "0123abc", "main", "https://github.com/acme/shop/actions/runs/987654", "987654-2"));
        assertThat(git.calls).isEmpty();
    }

    @Test
    void githubPullRequestNamesTheHeadBranch() {
        BuildEnvironment env = BuildEnvironment.detect(
                Map.of("GITHUB_SHA", "1", "GITHUB_REF_NAME", "42/merge", "GITHUB_HEAD_REF", "feature/x"),
                PROJECT,
                new FakeGit("x"));
        assertThat(env.gitBranch()).isEqualTo("feature/x");
        assertThat(env.buildUrl()).isNull();
    }

    @Test
    void gitlabAndJenkins() {
        BuildEnvironment gitlab = BuildEnvironment.detect(
                Map.of(
                        "GITLAB_CI", "true",
                        "CI_COMMIT_SHA", "abc",
                        "CI_COMMIT_REF_NAME", "develop",
                        "CI_JOB_URL", "https://gitlab.example/job/5",
                        "CI_JOB_ID", "5"),
                PROJECT,
                new FakeGit("x"));
        assertThat(gitlab).isEqualTo(new BuildEnvironment("abc", "develop", "https://gitlab.example/job/5", "5"));

        BuildEnvironment jenkins = BuildEnvironment.detect(
                Map.of(
                        "JENKINS_URL", "https://jenkins.example/",
                        "BUILD_URL", "https://jenkins.example/job/shop/12/",
                        "GIT_COMMIT", "def",
                        "GIT_BRANCH", "origin/release",
                        "BUILD_TAG", "jenkins-shop-12"),
                PROJECT,
                new FakeGit("x"));
        assertThat(jenkins)
                .isEqualTo(new BuildEnvironment(
                        "def", "release", "https://jenkins.example/job/shop/12/", "jenkins-shop-12"));
    }

    @Test
    void outsideCiAsksGitAndTreatsADetachedHeadAsNoBranch() {
        FakeGit git = new FakeGit("topic");
        assertThat(BuildEnvironment.detect(Map.of(), PROJECT, git))
                .isEqualTo(new BuildEnvironment("f00d", "topic", null, null));
        assertThat(git.calls).containsExactly("rev-parse HEAD", "rev-parse --abbrev-ref HEAD");
        assertThat(BuildEnvironment.detect(Map.of(), PROJECT, new FakeGit("HEAD"))
                        .gitBranch())
                .isNull();
        assertThat(BuildEnvironment.detect(Map.of(), PROJECT, (f, a) -> Optional.empty()))
                .isEqualTo(new BuildEnvironment(null, null, null, null));
    }

    @Test
    void realGitInARepository(@TempDir Path folder) throws Exception {
        run(folder, "git", "init", "-q", "-b", "trunk");
        Files.writeString(folder.resolve("a.txt"), "a");
        run(folder, "git", "add", "a.txt");
        run(folder, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
        BuildEnvironment env = BuildEnvironment.detect(Map.of(), folder, BuildEnvironment::runGit);
        assertThat(env.gitCommit()).matches("[0-9a-f]{40}");
        assertThat(env.gitBranch()).isEqualTo("trunk");

        Path notARepository = Files.createTempDirectory("plain");
        try {
            assertThat(BuildEnvironment.runGit(notARepository, "rev-parse", "HEAD"))
                    .isEmpty();
        } finally {
            Files.delete(notARepository);
        }
    }

    private static void run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
