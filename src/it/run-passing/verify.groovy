import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/locust/quickapi')

assert log.contains("[INFO] Scenario 'quickapi': Locust 2.47.0 (")
assert log.contains(", managed environment ")
assert log =~ /\[INFO\] quickapi: 0:0\d of 0:05, 2 users, \d+\.\d req\/s, 0\.00% failed, p95 \d+ ms, \d+ requests/
def summary = log =~ /\[INFO\] quickapi: (\d+) requests, 0 failed \(0\.00%\), \d+\.\d req\/s, avg \d+\.\d ms, p95 \d+ ms; exit code 0; completed\. Results in .*target.locust.quickapi/
assert summary.find()
int requests = summary.group(1) as int
assert requests > 0

['locust_stats.csv', 'locust_stats_history.csv', 'locust_failures.csv', 'locust_exceptions.csv', 'report.html',
 'locust.log', 'final-stats.json'].each { assert new File(dir, it).isFile() : it }

def finalStats = new JsonSlurper().parse(new File(dir, 'final-stats.json'))
assert finalStats.complete == true
assert finalStats.aggregated.num_requests == requests
// Locust's own final console summary says the same
def console = new File(dir, 'locust.log').readLines().find { it =~ /^\s+Aggregated\s+\d+\s+\d+\(/ }
assert (console =~ /Aggregated\s+(\d+)/)[0][1] as int == requests
assert log.contains("[INFO] Stopped process 'sut' (pid ")
assert log.contains('BUILD SUCCESS')
