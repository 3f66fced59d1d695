// The documented commands in the documented layout. build.log holds the four builds in order, each starting with the
// version of the Maven that ran it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^(?=Apache Maven \d)/).findAll { it.trim() }
assert builds.size() == 4 : builds.size()
def (help, firstRun, promote, overridden) = builds
// Maven 3.9 and newer name the plugin by its prefix in the execution header, 3.8 by its artifactId
def header = { String goal, String id -> ~/--- (locust|locust-maven-plugin):[^:]+:${goal} \(${id}\) @ perf-profile-goals ---/ }

// 1. mvn locust:help: the prefix resolves from pluginManagement, without -Pperf
assert help =~ header('help', 'default-cli')
assert help.contains('This plugin has 7 goals:')
['baseline', 'check', 'dashboard', 'help', 'report', 'run'].each { assert help.contains('\nlocust:' + it + '\n') : it }
assert help.contains('[INFO] BUILD SUCCESS')

// 2. mvn verify -Pperf, the first run: no baseline yet, so nothing is judged against one, and the build passes
assert firstRun =~ header('run', 'default')
// the perf profile reserves a free port for the demo service (build-helper), and the scenario's host has it
def port = (firstRun =~ /\[INFO\] Reserved port (\d+) for demo\.port/)[0][1]
assert firstRun =~ /\[INFO\] Scenario 'api_gateway': Locust 2\.47\.0 \(.*\), 4 users, spawn rate 4\/s, run time 4s, host http:\/\/127\.0\.0\.1:${port};/
assert firstRun.contains('[INFO] Locust verdict: PASS (0 failed, 0 warnings, 0 passed, 2 without baseline)')
assert firstRun.contains('[INFO] BUILD SUCCESS')

// 3. mvn locust:baseline: the prefix resolves, the configuration comes from pluginManagement
def baselineFile = new File(basedir, 'docs/performance-baselines.json')
assert promote =~ header('baseline', 'default-cli')
assert promote.contains('[INFO] Baseline written to ' + baselineFile)
assert promote =~ /\[INFO\]   added     api_gateway\/p95_latency_ms: \d+ ms/
assert promote.contains('[INFO] BUILD SUCCESS')
def baseline = new JsonSlurper().parse(baselineFile)
assert baseline.api_gateway.baseline_users == 4
assert baseline.metadata.locust_version == '2.47.0'

// 4. -Dperf.users=3 replaces the property the configuration uses; -Dlocust.users=5 loses to the configured value
assert overridden =~ /\[INFO\] Scenario 'api_gateway': Locust 2\.47\.0 \(.*\), 3 users, spawn rate 4\/s, run time 4s, /
assert !overridden.contains(', 5 users,')
assert overridden.contains('[WARNING] WARN api_gateway ran with 3 users, but its baseline was measured with 4 (baseline_users)')
assert overridden =~ /\[INFO\] Locust verdict: PASS \(0 failed, \d+ warnings?, 2 passed\)/
assert overridden.contains('[INFO] BUILD SUCCESS')

// both perf runs appended to the history the docs tell the user to commit
assert new File(basedir, 'docs/performance-trends.jsonl').readLines().findAll { it.trim() }.size() == 2
assert overridden =~ /\[INFO\] Recording this run in .*performance-trends\.jsonl: a CI build \(\w+ is set\) \(locust\.recordHistory=auto; -Dlocust\.recordHistory=false leaves it out\)/
