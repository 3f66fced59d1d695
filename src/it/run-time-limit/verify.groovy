import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// the free port build-helper reserved for the service under test
def port = (log =~ /\[INFO\] Reserved port (\d+) for sut\.port/)[0][1]

['stuck', 'stuck-workers'].each { name ->
    assert log.contains("[WARNING] Scenario '${name}' is still running after its time limit of 6s (run time + gracePeriod); stopping Locust.")
    def partial = log =~ /\[WARNING\] Scenario '${name}' was stopped by the plugin at its time limit; results are partial: (\d+) requests, 0 failed/
    assert partial.find() : name
    def dir = new File(basedir, "target/locust/${name}")
    def finalStats = new JsonSlurper().parse(new File(dir, 'final-stats.json'))
    assert finalStats.aggregated.num_requests == (partial.group(1) as int)
    assert finalStats.aggregated.num_requests > 0
    assert new File(dir, 'locust.log').text.contains('Got SIGTERM signal')
}
// standalone, Locust hung while stopping its users; the helper's numbers from the moment it was told to stop remain
assert new JsonSlurper().parse(new File(basedir, 'target/locust/stuck/final-stats.json')).complete == false

// nothing of this build is left running: no Locust master or worker, no service under test
def processes = ProcessHandle.allProcesses().collect { "${it.pid()} ${it.info().commandLine().orElse('')}".toString() }
def ours = processes.findAll {
    (it.contains(basedir.absolutePath) && it.contains('locust')) || (it.contains('http.server') && it.contains(port))
}
assert ours.isEmpty() : ours
assert log.contains("[INFO] Stopped process 'sut' (pid ")
assert log.contains('BUILD SUCCESS')
