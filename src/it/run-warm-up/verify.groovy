// -Dlocust.warmUp=3s: the progress lines count the warm-up apart and say it is not measured, the load lasts
// warm-up + run time, and the summary and final-stats.json cover only the full 4 s run time after the warm-up.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/locust/rag_service')

assert log =~ /\[INFO\] Scenario 'rag_service': .*, 4 users, spawn rate 4\/s, warm-up 3s \(not measured\), run time 4s, host http:/

def warming = log.readLines().findAll { it.contains('rag_service: warming up, ') }
assert !warming.isEmpty()
warming.each {
    assert it ==~ /\[INFO\] rag_service: warming up, 0:0[0-3] of 0:03, \d users, \d+\.\d req\/s, \d+\.\d\d% failed, p95 (\d+(\.\d)? ms|-), \d+ requests \(not measured\)/ : it
}
def measured = log.readLines().findAll { it =~ /\[INFO\] rag_service: 0:0\d of 0:04, / }
assert !measured.isEmpty()
// the measured clock follows the warm-up
assert log.lastIndexOf('rag_service: warming up, ') < log.indexOf(measured.last())

def summary = log =~ /\[INFO\] rag_service: (\d+) requests, 0 failed \(0\.00%\), \d+\.\d req\/s, avg \d+\.\d ms, p95 \d+ ms in the 4s after a 3s warm-up; exit code 0; completed\. Results in (.*)/
assert summary.find()
long requests = summary.group(1) as long
assert requests > 0
assert new File(summary.group(2).trim()) == dir

def finalStats = new JsonSlurper().parse(new File(dir, 'final-stats.json'))
assert finalStats.complete == true
assert finalStats.aggregated.num_requests == requests
assert finalStats.warm_up_seconds == 3
double warmUp = finalStats.measure_start_time - finalStats.test_start_time
double measuredSeconds = finalStats.test_stop_time - finalStats.start_time
assert warmUp > 2.8 && warmUp < 3.5 : warmUp
assert measuredSeconds > 3.8 && measuredSeconds < 4.8 : measuredSeconds
// Locust's own statistics CSV was reset as well: its total is at most the final one (it is written once a second)
def csvTotal = new File(dir, 'locust_stats.csv').readLines().find { it.contains(',Aggregated,') }.split(',')[2] as long
assert csvTotal > 0 && csvTotal <= requests
