package dev.locustmaven.maven;

import java.util.List;
import java.util.Map;

/**
 * One scenario of the {@code run} goal: the Locust run of one service. Every value left out falls back to the plugin
 * parameter of the same name (for example {@code users} to {@code locust.users}); {@code environment} is merged with
 * the plugin's, the scenario winning.
 */
public class Scenario {

    /** The service name; it names the service's folder in the results directory. Required. */
    private String name;

    /** The locustfile (several separated by commas), relative to the project folder. */
    private String locustfile;

    /** Run only these User classes. */
    private List<String> userClasses;

    /** Run only tasks with one of these tags. */
    private List<String> tags;

    /** Leave out tasks with one of these tags. */
    private List<String> excludeTags;

    private Integer users;

    /** Users started per second. */
    private String spawnRate;

    /** As Locust writes it: {@code 30s}, {@code 5m}, {@code 1h30m}. */
    private String runTime;

    /** How long the load runs before it is measured, written like {@code runTime}; {@code 0s} for none. */
    private String warmUp;

    /** The base URL of the service under test. */
    private String host;

    private Map<String, String> environment;

    /** Further Locust options, one per element. */
    private List<String> arguments;

    /** Local worker processes. */
    private Integer workers;

    /** Workers started elsewhere that this build's master waits for. */
    private Integer expectWorkers;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getLocustfile() {
        return locustfile;
    }

    public void setLocustfile(String locustfile) {
        this.locustfile = locustfile;
    }

    public List<String> getUserClasses() {
        return userClasses;
    }

    public void setUserClasses(List<String> userClasses) {
        this.userClasses = userClasses;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public List<String> getExcludeTags() {
        return excludeTags;
    }

    public void setExcludeTags(List<String> excludeTags) {
        this.excludeTags = excludeTags;
    }

    public Integer getUsers() {
        return users;
    }

    public void setUsers(Integer users) {
        this.users = users;
    }

    public String getSpawnRate() {
        return spawnRate;
    }

    public void setSpawnRate(String spawnRate) {
        this.spawnRate = spawnRate;
    }

    public String getRunTime() {
        return runTime;
    }

    public void setRunTime(String runTime) {
        this.runTime = runTime;
    }

    public String getWarmUp() {
        return warmUp;
    }

    public void setWarmUp(String warmUp) {
        this.warmUp = warmUp;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public void setEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    public List<String> getArguments() {
        return arguments;
    }

    public void setArguments(List<String> arguments) {
        this.arguments = arguments;
    }

    public Integer getWorkers() {
        return workers;
    }

    public void setWorkers(Integer workers) {
        this.workers = workers;
    }

    public Integer getExpectWorkers() {
        return expectWorkers;
    }

    public void setExpectWorkers(Integer expectWorkers) {
        this.expectWorkers = expectWorkers;
    }
}
