package dev.locustmaven.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a run was built: git commit and branch, the CI build's page and the CI's id of the run. Read from the variables
 * of GitHub Actions, GitLab CI, Jenkins, CircleCI, Buildkite, Azure Pipelines, Travis CI and Bitbucket Pipelines; the
 * commit and branch fall back to {@code git rev-parse} in the project folder. Every field may be null.
 *
 * @param ciRunId the CI's id of this build (e.g. GitHub's run id and attempt), null outside CI
 */
public record BuildEnvironment(String gitCommit, String gitBranch, String buildUrl, String ciRunId) {

    /** Runs git with the given arguments in a folder; empty when git is missing or fails. */
    @FunctionalInterface
    public interface Git {
        Optional<String> run(Path folder, String... arguments);
    }

    /** This process's environment, with git on the PATH. */
    public static BuildEnvironment detect(Path projectFolder) {
        return detect(System.getenv(), projectFolder, BuildEnvironment::runGit);
    }

    public static BuildEnvironment detect(Map<String, String> env, Path projectFolder, Git git) {
        BuildEnvironment ci = fromCi(env);
        String commit = ci.gitCommit;
        String branch = ci.gitBranch;
        if (commit == null && projectFolder != null) {
            commit = git.run(projectFolder, "rev-parse", "HEAD").orElse(null);
        }
        if (branch == null && projectFolder != null) {
            // "HEAD" means a detached checkout: no branch to name.
            branch = git.run(projectFolder, "rev-parse", "--abbrev-ref", "HEAD")
                    .filter(b -> !b.equals("HEAD"))
                    .orElse(null);
        }
        return new BuildEnvironment(commit, branch, ci.buildUrl, ci.ciRunId);
    }

    private static BuildEnvironment fromCi(Map<String, String> env) {
        if (has(env, "GITHUB_ACTIONS") || has(env, "GITHUB_SHA")) {
            String url = has(env, "GITHUB_SERVER_URL") && has(env, "GITHUB_REPOSITORY") && has(env, "GITHUB_RUN_ID")
                    ? env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/"
                            + env.get("GITHUB_RUN_ID")
                    : null;
            String run = has(env, "GITHUB_RUN_ID")
                    ? env.get("GITHUB_RUN_ID")
                            + (has(env, "GITHUB_RUN_ATTEMPT") ? "-" + env.get("GITHUB_RUN_ATTEMPT") : "")
                    : null;
            // On a pull request GITHUB_REF_NAME is "<n>/merge"; the head branch names what was built.
            return new BuildEnvironment(
                    get(env, "GITHUB_SHA"), first(env, "GITHUB_HEAD_REF", "GITHUB_REF_NAME"), url, run);
        }
        if (has(env, "GITLAB_CI") || has(env, "CI_COMMIT_SHA")) {
            return new BuildEnvironment(
                    get(env, "CI_COMMIT_SHA"),
                    first(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME"),
                    first(env, "CI_JOB_URL", "CI_PIPELINE_URL"),
                    first(env, "CI_JOB_ID", "CI_PIPELINE_ID"));
        }
        if (has(env, "CIRCLECI") || has(env, "CIRCLE_SHA1")) {
            return new BuildEnvironment(
                    get(env, "CIRCLE_SHA1"),
                    get(env, "CIRCLE_BRANCH"),
                    get(env, "CIRCLE_BUILD_URL"),
                    first(env, "CIRCLE_WORKFLOW_JOB_ID", "CIRCLE_BUILD_NUM"));
        }
        if (has(env, "BUILDKITE")) {
            return new BuildEnvironment(
                    get(env, "BUILDKITE_COMMIT"),
                    get(env, "BUILDKITE_BRANCH"),
                    get(env, "BUILDKITE_BUILD_URL"),
                    first(env, "BUILDKITE_JOB_ID", "BUILDKITE_BUILD_ID"));
        }
        if (has(env, "TF_BUILD")) {
            String url = has(env, "SYSTEM_COLLECTIONURI") && has(env, "SYSTEM_TEAMPROJECT") && has(env, "BUILD_BUILDID")
                    ? env.get("SYSTEM_COLLECTIONURI") + env.get("SYSTEM_TEAMPROJECT") + "/_build/results?buildId="
                            + env.get("BUILD_BUILDID")
                    : null;
            return new BuildEnvironment(
                    get(env, "BUILD_SOURCEVERSION"),
                    first(env, "SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCHNAME"),
                    url,
                    get(env, "BUILD_BUILDID"));
        }
        if (has(env, "TRAVIS")) {
            return new BuildEnvironment(
                    get(env, "TRAVIS_COMMIT"),
                    first(env, "TRAVIS_PULL_REQUEST_BRANCH", "TRAVIS_BRANCH"),
                    get(env, "TRAVIS_BUILD_WEB_URL"),
                    first(env, "TRAVIS_JOB_ID", "TRAVIS_BUILD_ID"));
        }
        if (has(env, "BITBUCKET_BUILD_NUMBER")) {
            String url = has(env, "BITBUCKET_REPO_FULL_NAME")
                    ? "https://bitbucket.org/" + env.get("BITBUCKET_REPO_FULL_NAME") + "/pipelines/results/"
                            + env.get("BITBUCKET_BUILD_NUMBER")
                    : null;
            return new BuildEnvironment(
                    get(env, "BITBUCKET_COMMIT"),
                    get(env, "BITBUCKET_BRANCH"),
                    url,
                    get(env, "BITBUCKET_BUILD_NUMBER"));
        }
        if (has(env, "JENKINS_URL") || has(env, "BUILD_URL")) {
            String branch = first(env, "CHANGE_BRANCH", "BRANCH_NAME", "GIT_BRANCH");
            if (branch != null && branch.startsWith("origin/")) {
                branch = branch.substring("origin/".length());
            }
            return new BuildEnvironment(
                    get(env, "GIT_COMMIT"), branch, get(env, "BUILD_URL"), first(env, "BUILD_TAG", "BUILD_NUMBER"));
        }
        return new BuildEnvironment(null, null, null, null);
    }

    private static boolean has(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private static String get(Map<String, String> env, String name) {
        return has(env, name) ? env.get(name).trim() : null;
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            if (has(env, name)) {
                return env.get(name).trim();
            }
        }
        return null;
    }

    /** Runs {@code git} (an argument list, no shell) with a 10 second limit; empty on any failure. */
    static Optional<String> runGit(Path folder, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && !text.isEmpty() ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
