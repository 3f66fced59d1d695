package dev.locustmaven.maven;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * A process the {@code run} goal (or {@code compare}, for either system) starts before Locust and stops after it (also
 * when the run fails), for example the service under test. Give the command either as {@code commandLine} (split on
 * whitespace; quotes group; no shell) or as a {@code command} list.
 */
public class BackgroundProcessConfig {

    /** Names the process in messages and its log file. Required. */
    private String name;

    private String commandLine;

    private List<String> command;

    /** Defaults to the project folder. */
    private File workingDirectory;

    /** Added to the build's environment. */
    private Map<String, String> environment;

    /** Polled until it answers (any status below 500) before Locust starts. */
    private String readyUrl;

    /** A regular expression; the process is ready once a line of its output matches. */
    private String readyLogPattern;

    /** How long to wait for readiness, as {@code 30s} or {@code 2m}; default 60s. */
    private String readyTimeout;

    /** Where its output goes; default {@code <processLogDirectory>/<name>.log}. */
    private File logFile;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCommandLine() {
        return commandLine;
    }

    public void setCommandLine(String commandLine) {
        this.commandLine = commandLine;
    }

    public List<String> getCommand() {
        return command;
    }

    public void setCommand(List<String> command) {
        this.command = command;
    }

    public File getWorkingDirectory() {
        return workingDirectory;
    }

    public void setWorkingDirectory(File workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public void setEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    public String getReadyUrl() {
        return readyUrl;
    }

    public void setReadyUrl(String readyUrl) {
        this.readyUrl = readyUrl;
    }

    public String getReadyLogPattern() {
        return readyLogPattern;
    }

    public void setReadyLogPattern(String readyLogPattern) {
        this.readyLogPattern = readyLogPattern;
    }

    public String getReadyTimeout() {
        return readyTimeout;
    }

    public void setReadyTimeout(String readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    public File getLogFile() {
        return logFile;
    }

    public void setLogFile(File logFile) {
        this.logFile = logFile;
    }
}
