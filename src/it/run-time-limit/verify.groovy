import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/locust/stuck')

assert log.contains("[WARNING] Scenario 'stuck' is still running after its time limit of 6s (run time + gracePeriod); stopping Locust.")
def partial = log =~ /\[WARNING\] Scenario 'stuck' was stopped by the plugin at its time limit; results are partial: (\d+) requests, 0 failed/
assert partial.find()
assert (partial.group(1) as int) > 0
def finalStats = new JsonSlurper().parse(new File(dir, 'final-stats.json'))
assert finalStats.complete == false
assert finalStats.aggregated.num_requests == (partial.group(1) as int)
assert new File(dir, 'locust.log').text.contains('Got SIGTERM signal')

// nothing of this build is left running: no Locust master or worker, no service under test
def processes = ['ps', '-eo', 'pid,args'].execute().text.readLines()
def ours = processes.findAll {
    (it.contains(basedir.absolutePath) && it.contains('locust')) || (it.contains('http.server') && it.contains('28182'))
}
assert ours.isEmpty() : ours
assert log.contains('BUILD SUCCESS')
